import { describe, expect, it } from 'vitest';
import { asksDealForCount } from '../../../src/actors/brain/rule/store-questions.js';
import { countSaid, offerByDeal } from '../../../src/actors/tools/offer-count.js';
import type { Offer } from '../../../src/domain/tenant.js';

describe('an offer named by its deal', () => {
  it('should read "el 3x2" with a word of applying as the offers\' question', () => {
    expect(asksDealForCount('con 2 entra el 3x2?')).toBe(true);
    expect(asksDealForCount('si llevo 3 aplica el 3x2?')).toBe(true);
    expect(asksDealForCount('does the 3 for 2 apply if I take 2?')).toBe(true);
  });

  it('should leave sizes alone: a wall of 3x2, a 2x4 board', () => {
    expect(asksDealForCount('cuantos blocks para una pared de 3x2?')).toBe(false);
    expect(asksDealForCount('el 2x4 entra en la camioneta?')).toBe(false);
  });

  it('should find the one offer of that deal, and not count the deal\'s numbers', () => {
    const offer = { id: 'X', title: { es: 'Bombillos 3x2', en: 'Bulbs 3 for 2' }, details: { es: '', en: '' }, validUntil: '2099-01-01', deal: { buy: 3, pay: 2 } } as Offer;
    expect(offerByDeal([offer], 'con 2 entra el 3x2?')).toBe(offer);
    expect(offerByDeal([offer], 'el 2x1 aplica?')).toBeNull();
    expect(countSaid('does the 3 for 2 apply if I take 2 bulbs?')).toBe(2);
    expect(countSaid('con 2 entra el 3x2?')).toBe(2);
    expect(countSaid('cuanto por 20 sacos?')).toBe(20);
  });

  it('should read a volume after a number as a size, not a count ("the 5 gallon paint")', () => {
    expect(countSaid('is there a discount on the 5 gallon tropical paint?')).toBeNull();
    expect(countSaid('la cubeta de 5 galones tiene descuento?')).toBeNull();
    expect(countSaid('si compro 3 cubetas de 5 galones me hacen descuento?')).toBe(3);
  });
});
