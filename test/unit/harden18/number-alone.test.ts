import { describe, expect, it } from 'vitest';
import { isNumberAlone } from '../../../src/machines/number-alone.js';
import { readFollowUpQuantity, isProductFollowUp } from '../../../src/machines/product-focus.js';

/**
 * harden17's backlog: a long run of digit groups after a product answer got the generic menu, and
 * 24 digits alone were priced as 1.2e+23 bags. A long number alone is now asked about
 * (`clarify.number`); a count has at most six digits.
 */
describe('a long number alone (harden18)', () => {
  it('should tell a long number alone from a count, an account number, a phone or a sentence', () => {
    for (const t of ['1111/1111/1111/1111/1111/1111/1111/1111/1111/1111/', '123456789012345678901234', '1111-1111-1111-1111-1111', ' 5555 5555 5555 5555 ', '#123456789012']) expect(isNumberAlone(t), t).toBe(true);
    for (const t of ['50', '1200', '10-587', '809-555-0188', '001-1234567-8', 'y si compro 50?', 'pedido 123456789012', '', '1/2']) expect(isNumberAlone(t), t).toBe(false);
  });

  it('should read no count or size of more than six digits', () => {
    expect(readFollowUpQuantity('123456789012345678901234')).toBeUndefined();
    expect(isProductFollowUp('123456789012345678901234')).toBe(false);
    expect(readFollowUpQuantity('1234567')).toBeUndefined();
    expect(readFollowUpQuantity('y si compro 50?')?.quantity).toBe(50);
    expect(readFollowUpQuantity('999999')?.quantity).toBe(999_999);
    expect(isProductFollowUp('y de 4?')).toBe(true);
  });
});
