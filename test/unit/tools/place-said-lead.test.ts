import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { readingWithPlaceSaid } from '../../../src/actors/tools/place-said.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

describe('a place said in a message that goes to the lead form', () => {
  it('is reported with the lead reading, as the store spells it', async () => {
    const text = 'soy de Casa de Campo, quiero cotizar materiales para una terraza';
    const reading = await read(text);
    expect(reading.nlu.intent.name).toBe('sales_lead');
    expect(readingWithPlaceSaid(tenant, reading, text).placeSaid).toBe('Casa de Campo');
  });

  it('is not searched in a reading that goes elsewhere, nor made up when none is named', async () => {
    const product = 'cuanto cuesta el cemento en casa de campo?';
    expect(readingWithPlaceSaid(tenant, await read(product), product).placeSaid).toBeUndefined();
    const lead = 'quiero cotizar materiales para una terraza';
    expect(readingWithPlaceSaid(tenant, await read(lead), lead).placeSaid).toBeUndefined();
  });
});
