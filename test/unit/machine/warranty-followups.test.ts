import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { asksHowLongIsIt } from '../../../src/machines/warranty-followups.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('how long, right after the warranty', () => {
  it('should read a short "how long?" and nothing longer', () => {
    for (const text of ['¿cuánto tiempo?', 'y de cuánto es?', 'cuanto dura la garantia?', 'how long?', 'for how long?', 'how many years?']) expect(asksHowLongIsIt(text), text).toBe(true);
    for (const text of ['¿cuánto cuesta?', 'cuanto tarda el delivery a caleta?', 'how much?', 'how long does delivery take to Caleta?']) expect(asksHowLongIsIt(text), text).toBe(false);
  });

  it('should answer the warranty again, never the delivery times', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'warranty-es', 'tienen garantia los taladros?', 'cuanto tiempo?');
    expect(es[1]).toContain('1 año');
    expect(es[1]).not.toContain('Depende de la zona');
    const en = await chatOnFreshHost(tenant, brain, 'warranty-en', 'do your drills have a warranty?', 'how long?');
    expect(en[1]).toContain('1-year');
    // With nothing about the warranty before, "¿cuánto tiempo?" is not read as it.
    const bare = await chatOnFreshHost(tenant, brain, 'warranty-bare', 'hola', 'cuanto tiempo?');
    expect(bare[1]).not.toContain('Garantía');
  });
});

describe('cubic metres of what is sold by the metre', () => {
  it('should read "3 metros cúbicos", "3 cubic meters" and "3 m3" as 3 of the metre', async () => {
    const { readFollowUpQuantity } = await import('../../../src/machines/product-focus.js');
    for (const text of ['cuanto por 3 metros cubicos?', 'how much for 3 cubic meters?', '3 m3']) expect(readFollowUpQuantity(text)?.quantity, text).toBe(3);
    const replies = await chatOnFreshHost(tenant, brain, 'cubic', 'hi! do you have sand?', 'how much for 3 cubic meters?');
    expect(replies[1]).toContain('RD$5,850.00');
  });
});
