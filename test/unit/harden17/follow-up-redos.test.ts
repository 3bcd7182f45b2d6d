import { describe, expect, it } from 'vitest';
import { isProductFollowUp } from '../../../src/machines/product-focus.js';

/**
 * ReDoS in the product follow-up reader (harden17's sweep): its "an attribute alone" pattern
 * repeated `(\d+ … \s*)+`, so a run of digits could be split into numbers in 2^n ways. After a
 * product answer, "4111/1111/4111/1111/4111/1111/4111/1111/4111/1111/" (50 characters) held the
 * event loop, and with it every conversation of the process, for about a minute (40 characters:
 * one second; each four more digits multiply it by eight). The digit tokens now end where the
 * digits end (`(?!\d)`), so a number is read one way. These inputs took hours before the fix
 * (vitest's timeout fails the test); no time is asserted.
 */
describe('the product follow-up reader on digit runs (harden17)', () => {
  it('should answer at once on runs of digit groups that are no follow-up', () => {
    for (const text of [
      '4111/1111/'.repeat(8),
      '1111/'.repeat(15),
      `${'1'.repeat(80)}x`,
      '4111 1111 4111 1111 4111 1111 4111 1111 x',
      `grado ${'6'.repeat(60)}x`,
      `de ${'3/4'.repeat(30)}x`,
    ]) expect(isProductFollowUp(text), text).toBe(false);
  });

  it('should still read sizes, grades and units alone as a follow-up', () => {
    for (const text of ['de 3/4', 'y de 1/2?', 'la de 12w', 'grado 60', 'el de 2 polos', 'de 3/4 pulgadas', 'en galon', 'la blanca', '5/8', '100a', 'calibre 12', 'the 1/2 inch one']) expect(isProductFollowUp(text), text).toBe(true);
  });
});
