import { describe, expect, it } from 'vitest';
import { asksEstimateAgain } from '../../../src/machines/product-focus.js';
import { takesTheNamed } from '../../../src/machines/takes-named.js';

describe('the product just priced, taken by its name', () => {
  const hammer = '1 x Martillo de Uña 16 oz Truper';

  it('should take it by its brand, its kind or both', () => {
    for (const text of ['me llevo el Truper', 'dame el martillo entonces', 'ok quiero el martillo Truper', "I'll take the Truper one", 'me quedo con el Truper', 'dame los martillos']) expect(takesTheNamed(text, hammer), text).toBe(true);
  });

  it('should not take another brand or kind, or a message that only names it', () => {
    for (const text of ['me llevo el DeWalt', 'dame el taladro', 'el Truper', 'cuánto vale el Truper?', 'me llevo el Truper y el taladro DeWalt y la pintura blanca']) expect(takesTheNamed(text, hammer), text).toBe(false);
  });
});

describe('the counter\'s total in other words', () => {
  it('should read "¿cuánto queda todo?" and its kin as the total', () => {
    for (const text of ['¿cuánto queda todo?', 'cuánto me queda todo?', 'en cuánto me sale todo?', 'what does it all come to?', 'how much does it all cost?']) expect(asksEstimateAgain(text), text).toEqual({});
  });

  it('should not read a goodbye or a product as the total', () => {
    for (const text of ['eso es todo', 'todo bien', 'queda claro', 'dame todo']) expect(asksEstimateAgain(text), text).toBeNull();
  });
});
