import { describe, expect, it } from 'vitest';
import { asAmount, formatMoney } from '../../../src/domain/money.js';

describe('formatMoney', () => {
  it('should write pesos as Dominican stores do, by default and by code', () => {
    expect(formatMoney(1250)).toBe('RD$1,250.00');
    expect(formatMoney(1500, 'DOP')).toBe('RD$1,500.00');
    expect(formatMoney(0.005)).toBe('RD$0.01');
    expect(formatMoney(-50)).toBe('-RD$50.00');
    expect(formatMoney(-0.001)).toBe('RD$0.00');
    expect(formatMoney(1234567.891)).toBe('RD$1,234,567.89');
  });

  it('should prefix dollars and euros and write other codes after the amount', () => {
    expect(formatMoney(40, 'USD')).toBe('US$40.00');
    expect(formatMoney(12.5, 'eur')).toBe('€12.50');
    expect(formatMoney(1250, 'CAD')).toBe('1,250.00 CAD');
  });
});

describe('asAmount', () => {
  it('should read numbers and numeric strings only', () => {
    expect(asAmount(15)).toBe(15);
    expect(asAmount('1500.5')).toBe(1500.5);
    expect(asAmount(' 20 ')).toBe(20);
    expect(asAmount('1,500')).toBeNull();
    expect(asAmount(Number.NaN)).toBeNull();
    expect(asAmount(null)).toBeNull();
  });
});
