import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** How many the product on the counter comes in, from its own data. */
describe('how many it comes in', () => {
  it('should read the question in Spanish and English, and not a stock question', () => {
    for (const text of ['¿cuántos trae la caja?', 'cuantas vienen en el paquete?', '¿de cuántos pies es el rollo?', 'cuantos trae?', 'how many come in a box?', 'how many per pack?', 'how many in a box?'])
      expect(readFocusQuestion(text), text).toEqual({ kind: 'pack_count' });
    for (const text of ['¿cuántos tienen?', 'cuantos hay?', 'how many do you have?', 'dame 3 cajas']) expect(readFocusQuestion(text)?.kind, text).not.toBe('pack_count');
  });

  it('should answer from the product: sold one by one, by weight, or the pack in its name', async () => {
    const single = await chatOnFreshHost(tenant, brain, 'pack-1', 'necesito tornillos para madera', 'cuantos trae la caja?');
    expect(single[1]).toContain('se vende por unidad');
    expect(single[1]).not.toContain('No vendemos');
    const weight = await chatOnFreshHost(tenant, brain, 'pack-2', 'tienen clavos de 3 pulgadas?', 'cuantos vienen por libra?');
    expect(weight[1]).toContain('se vende por libra');
    const hundred = await chatOnFreshHost(tenant, brain, 'pack-3', 'do you have self tapping screws?', 'how many come in a pack?');
    expect(hundred[1]).toContain('*100 pieces*');
    const roll = await chatOnFreshHost(tenant, brain, 'pack-4', 'tienen cable 12?', 'el rollo', 'de cuantos pies es el rollo?');
    expect(roll[2]).toContain('*500 pies*');
  });

  it('should set the pack aside on a yes after saying what it holds', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'pack-5', 'tienen cable 12?', 'el rollo', 'de cuantos pies es el rollo?', 'si');
    expect(replies[3]).toContain('1 x Cable THHN #12 Negro (rollo 500 pies)');
  });
});
