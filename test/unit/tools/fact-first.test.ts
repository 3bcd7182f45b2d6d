import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { readingWithFactFirst } from '../../../src/actors/tools/place-said.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('readingWithFactFirst (a store question asked in a lead message)', () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => {
    ({ tenant, brain } = await loadDemo());
  });
  const read = (text: string, lang: 'es' | 'en' = 'es') => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

  it("should carry the store's wholesale answer, in the message's language, on a lead reading that asks it", async () => {
    const es = await read('ustedes venden al por mayor? necesito como 3000 blocks de 6 pa un proyecto');
    expect(es.nlu.intent.name).toBe('sales_lead');
    expect(readingWithFactFirst(tenant, es, 'ustedes venden al por mayor? necesito como 3000 blocks de 6 pa un proyecto').factFirst).toBe(tenant.store.facts?.wholesale?.es);
    const text = 'do you sell wholesale? I need 3000 blocks for a project';
    const en = await read(text, 'en');
    expect(readingWithFactFirst(tenant, en, text).factFirst).toBe(tenant.store.facts?.wholesale?.en);
  });

  it('should leave a lead that asks nothing, and any other reading, as they were', async () => {
    for (const text of ['quiero cotizar materiales para una obra', 'venden al por mayor?', '¿tienen cemento?']) {
      const reading = await read(text);
      expect(readingWithFactFirst(tenant, reading, text), text).toBe(reading);
    }
  });
});
