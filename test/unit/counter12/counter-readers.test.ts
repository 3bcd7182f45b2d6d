import { describe, expect, it } from 'vitest';
import { countOnCounter, withSameCountSaid } from '../../../src/machines/same-count.js';
import { pointsAtTheOneShown, readFollowUpQuantity, isProductFollowUp } from '../../../src/machines/product-focus.js';
import { goodsBySize } from '../../../src/actors/brain/rule/goods-by-size.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('the same amount of another product', () => {
  it('should say the count on the counter where the customer said "the same amount"', () => {
    expect(withSameCountSaid('y la misma cantidad de arena', 20)).toBe('y de arena, 20');
    expect(withSameCountSaid('and the same amount of sand', 20)).toBe('and sand, 20');
    expect(withSameCountSaid('y de 1/2 la misma cantidad', 20)).toBe('y de 1/2, 20');
    expect(withSameCountSaid('y la misma cantida d 1/2', 15)).toBe('y de 1/2, 15');
    expect(withSameCountSaid('ok what about 1/2 inch grade 60 then, same quantity', 20)).toBe('ok what about 1/2 inch grade 60 then, 20');
    expect(withSameCountSaid('what about the 1/2 inch, same number?', 12)).toBe('what about the 1/2 inch, 12?');
    expect(withSameCountSaid('y lo mismo de arena también', 20)).toBe('y de arena también, 20');
  });

  it('should leave a message that says no amount, or with no count to stand for, as it is', () => {
    expect(withSameCountSaid('el mismo problema de la otra vez', 20)).toBe('el mismo problema de la otra vez');
    expect(withSameCountSaid('lo mismo', 20)).toBe('lo mismo');
    expect(withSameCountSaid('y la misma cantidad de arena', undefined)).toBe('y la misma cantidad de arena');
  });

  it('should take the count on the counter only when it is one count', () => {
    const focus = { sku: 'CEM-001', name: 'Cemento', price: 655, query: 'cemento' };
    expect(countOnCounter({ ...focus, quantity: 20 })).toBe(20);
    expect(countOnCounter({ ...focus, quantity: 20, counts: { 'AGR-001': 20 } })).toBe(20);
    expect(countOnCounter({ ...focus, quantity: 20, counts: { 'AGR-001': 3 } })).toBeUndefined();
    expect(countOnCounter(focus)).toBeUndefined();
  });
});

describe('one of the product shown, and the same one', () => {
  it('should read "dame uno" and "I\'ll take one" as one, and a bare "una" as no count', () => {
    expect(readFollowUpQuantity('dame uno')?.quantity).toBe(1);
    expect(readFollowUpQuantity('ok ponme una')?.quantity).toBe(1);
    expect(readFollowUpQuantity("I'll take one")?.quantity).toBe(1);
    expect(readFollowUpQuantity('give me one please')?.quantity).toBe(1);
    expect(readFollowUpQuantity('una')).toBeUndefined();
    expect(readFollowUpQuantity('quiero una cotización')).toBeUndefined();
  });

  it('should read "el mismo" as the product on the counter, never "el mismo problema"', () => {
    expect(pointsAtTheOneShown('el mismo')).toBe(true);
    expect(pointsAtTheOneShown('sí, ese mismo')).toBe(true);
    expect(pointsAtTheOneShown('the same one')).toBe(true);
    expect(pointsAtTheOneShown('el mismo problema de siempre')).toBe(false);
  });

  it('should read a follow-up after "ok" as the follow-up', () => {
    expect(isProductFollowUp('ok what about the 1/2 inch then')).toBe(true);
    expect(isProductFollowUp('ok')).toBe(false);
  });
});

describe('lumber named by its dimensions', () => {
  it('should read the dimensions as the goods and the count before them, dozens too', async () => {
    const { tenant } = await loadDemo();
    const read = (text: string) => goodsBySize(text, tenant.catalog)?.mentions[0];
    expect(read('a dozen 2x4s please')).toMatchObject({ query: '2x4s', quantity: 12 });
    expect(read('dame 12 2x4')).toMatchObject({ query: '2x4', quantity: 12 });
    expect(read('half a dozen 2x4x10')).toMatchObject({ query: '2x4x10', quantity: 6 });
    expect(read('dos docenas de 2x4 de 12 pies')).toMatchObject({ query: '2x4 de 12 pies', quantity: 24 });
    expect(read('how much is a 2x4')?.quantity).toBeUndefined();
    // Dimensions the catalog sells nothing of are no goods.
    expect(read('una mesa de 3x7')).toBeUndefined();
  });

  it('should give the brain the goods and their count', async () => {
    const { brain } = await loadDemo();
    const understanding = await brain.understand({ text: 'dame 12 2x4', messageId: 'm', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k' });
    expect(understanding.products).toEqual([{ query: '2x4', quantity: 12 }]);
  });
});
