import { describe, expect, it } from 'vitest';
import { isProductFollowUp } from '../../../src/machines/product-focus.js';

describe('isProductFollowUp: another colour of the product shown', () => {
  it.each(['I want it in cream', "I'd like it in blue", 'in cream', 'en beige', 'la quiero en celeste', 'y en rosado?'])('should read "%s" as about the product in focus', (text) => {
    expect(isProductFollowUp(text)).toBe(true);
  });

  it('should not read a new request as one', () => {
    expect(isProductFollowUp('quiero hablar con alguien de ventas')).toBe(false);
  });
});
