import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/domain/money.js';
import { countText } from '../../../src/actors/tools/units.js';

/**
 * "dame 99999999999999999999999 sacos de cemento" was answered "*1e+23 sacos …*: 1e+23 × RD$655.00 =
 * *RD$6.55e+25.80*": amounts and counts past 2^53 printed in exponent notation, with a made-up
 * fraction. They are written out in digits now (the stock actually there is said beside them).
 */
describe('counts and amounts past 2^53 (harden25)', () => {
  it('should write a huge amount in digits with two decimals, never in exponent notation', () => {
    const text = formatMoney(6.55e25);
    expect(text).toMatch(/^RD\$\d{1,3}(?:,\d{3})+\.\d{2}$/);
    expect(text).not.toContain('e');
  });

  it('should keep ordinary amounts as they were', () => {
    expect(formatMoney(1250)).toBe('RD$1,250.00');
    expect(formatMoney(-50)).toBe('-RD$50.00');
    expect(formatMoney(0.005)).toBe('RD$0.01');
    expect(formatMoney(655_000_000_000)).toBe('RD$655,000,000,000.00');
  });

  it('should write a count past 2^53 in digits', () => {
    expect(String(countText(1e23, 'es'))).toBe('99999999999999991611392');
    expect(countText(20, 'es')).toBe(20);
    expect(countText(1.5, 'es')).toBe('1,5');
  });
});
