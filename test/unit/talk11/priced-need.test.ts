import { describe, it, expect } from 'vitest';
import { pricedLinesNeed, withPricedLines } from '../../../src/machines/priced-lead.js';
import { withGoodsAsNeed } from '../../../src/machines/quote-need.js';
import { createLeadState } from '../../../src/machines/lead-draft.js';
import { quantitiesIn } from '../../../src/actors/lead-quantities.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

const estimate = { template: 'product.estimate', params: { items: [{ quantity: 40, name: 'Cemento Gris Cemex' }, { quantity: 10, name: 'Varilla 3/8"' }], total: 'RD$1.00' } };
const goods = { text: 'Buenas, le escribe Pedro, necesito 40 sacos de cemento, mi email es p@x.com', messageId: 'm1', turn: 1 };

describe('the lines priced as the need of the lead', () => {
  it('should write the lines priced, name and count, and nothing when no line was priced', () => {
    expect(pricedLinesNeed([estimate as never])).toBe('40 x Cemento Gris Cemex, 10 x Varilla 3/8"');
    expect(pricedLinesNeed([{ text: 'hola' }])).toBeNull();
    expect(withPricedLines(goods, [estimate as never])).toMatchObject({ text: '40 x Cemento Gris Cemex, 10 x Varilla 3/8"', priced: true, messageId: 'm1' });
    expect(withPricedLines(goods, [])).toBe(goods);
  });

  it('should replace a need read in the same message, never one the customer gave later', () => {
    const lead = { ...createLeadState(), draft: { problem_statement: { value: 'we need 40 bags', sourceMessageId: 'm1' } } };
    const priced = withPricedLines(goods, [estimate as never]);
    expect(withGoodsAsNeed(lead, priced, 1).draft.problem_statement?.value).toBe('40 x Cemento Gris Cemex, 10 x Varilla 3/8"');
    const later = { ...createLeadState(), draft: { problem_statement: { value: 'una obra en Higüey', sourceMessageId: 'm2' } } };
    expect(withGoodsAsNeed(later, priced, 2).draft.problem_statement?.value).toBe('una obra en Higüey');
    expect(withGoodsAsNeed(lead, goods, 1).draft.problem_statement?.value).toBe('we need 40 bags');
  });

  it('should read the counts of the lines priced, and stop a count\'s goods at "mi email"', () => {
    expect(quantitiesIn('40 x Cemento Gris Cemex Tipo GU (saco 42.5 kg), 10 x Varilla Corrugada 3/8" Grado 40 (20 pies)')).toEqual([
      { quantity: 40, item: 'Cemento Gris Cemex Tipo GU' },
      { quantity: 10, item: 'Varilla Corrugada' },
    ]);
    expect(quantitiesIn('necesito 40 sacos de cemento mi email es pedro@gmail.com')).toEqual([{ quantity: 40, item: 'sacos de cemento' }]);
  });

  it.each([
    ['Buenas, le escribe Pedro Gómez, necesito 40 sacos de cemento y 10 varillas de 3/8, mi email es pedro@gmail.com, mi numero 8095551234', 'ninguna', 'alto', /Necesidad:\* 40 x Cemento Gris[^\n]*10 x Varilla Corrugada 3\/8/],
    ['Hi, this is Mark Evans from Caribbean Builders, we need 150 bags of cement and 50 rebars 3/8, my email is mark@cbuilders.com', 'high', 'high', /Need:\* 150 x Cemento Gris[^\n]*50 x Varilla/],
  ])('should confirm the lines priced as the need after "%s"', async (opening, second, third, need) => {
    const { tenant, brain } = await loadDemo();
    const replies = await chatOnFreshHost(tenant, brain, `talk11-need-${second}`, opening, second, third);
    const summary = replies.find((r) => /Necesidad|Need:/.test(r)) ?? '';
    expect(summary).toMatch(need);
    expect(summary).not.toMatch(/le escribe|this is Mark/);
  });
});
