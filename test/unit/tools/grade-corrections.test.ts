import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { followUpCore, isProductFollowUp } from '../../../src/machines/product-focus.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "actually make it grade 60", "the 1/2 inch one" after English rebar: the same order, another grade or size. */
describe('another grade, gauge or size of the rebar or sheet on the counter, in English', () => {
  it('should read a change of grade or gauge, with or without a pause before it, as a follow-up', () => {
    for (const text of ['actually make it grade 60', 'make it grade 60', 'the grade 60 one', 'make it gauge 32', 'change it to the 1/2 inch']) {
      expect(isProductFollowUp(text), text).toBe(true);
    }
    expect(followUpCore('make it grade 60')).toBe('grade 60');
    expect(isProductFollowUp('make it quick please, I am in a hurry')).toBe(false);
  });

  it.each([
    ['actually make it grade 60', '14,750.00'],
    ['the grade 60 one', '14,750.00'],
    ['make it 1/2 inch', '23,250.00'],
  ])('3/8 rebar grade 40, 50 of them, then "%s": the other rebar, same count', async (change, total) => {
    const replies = await chatOnFreshHost(tenant, brain, `grade-${change}`, 'how much is the 3/8 rebar grade 40?', 'I need 50 of them', change);
    expect(replies.at(-1)).toContain(`RD$${total}`);
    expect(replies.at(-1)).not.toMatch(/don't sell|didn't quite get/);
  });

  it('should take another size after English rebar with a grade, not a product named "rebar grade grado"', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'grade-size', '3/8 rebar grade 40', 'the 1/2');
    expect(replies.at(-1)).toContain('Varilla Corrugada 1/2" Grado 40');
    expect(replies.at(-1)).not.toContain('grade grado');
  });
});
