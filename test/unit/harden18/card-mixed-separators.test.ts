import { describe, expect, it } from 'vitest';
import { maskCardData } from '../../../src/actors/guards/card-data.js';

/**
 * harden17's backlog: a card number whose separators mix kinds ("4111 1111/1111 1111") was stored
 * as written, because one card's separators had to be all slash-like or all not (so the slash of
 * an expiry after the card never joins it). Mixed separators now join a card while every group has
 * four digits or more; the expiry's two-digit month still stops it.
 */
describe('maskCardData with mixed separators (harden18)', () => {
  it('should mask a card whose groups are joined by spaces, slashes, dashes and underscores at once', () => {
    expect(maskCardData('4111 1111/1111 1111').text).toBe('**** **** **** 1111');
    expect(maskCardData('mi tarjeta 4111-1111/1111_1111 vence 08/27 cvv 123').text).toBe('mi tarjeta **** **** **** 1111 vence **/** cvv ***');
    expect(maskCardData('5555_5555 5555/4444 exp 12/26').text).toBe('**** **** **** 4444 exp **/**');
    expect(maskCardData('amex 3782 822463/10005').text).toBe('amex **** **** **** 0005');
  });

  it('should still mask a card and its expiry apart, whatever the card\'s separators', () => {
    expect(maskCardData('4111 1111 1111 1111 08/27').text).toBe('**** **** **** 1111 **/**');
    expect(maskCardData('4111/1111/1111/1111 08/27 123').text).toBe('**** **** **** 1111 **/** ***');
    expect(maskCardData('4111 1111 1111 1111 08/2027').text).toBe('**** **** **** 1111 **/**');
  });

  it('should leave numbers that are no card as they are', () => {
    for (const text of ['pedido 1234/5678 1234 5678', '809/555 1234 y 1111', 'cuenta 10-587, cédula 001-1234567-8', '1111/1111/1111/1111/1111/1111/1111/1111/1111/1111/']) expect(maskCardData(text).text).toBe(text);
  });
});
