import { describe, expect, it } from 'vitest';
import { detectUrgency, readsUrgency } from '../../../src/actors/brain/rule/lead-levels.js';
import { addsToCounter } from '../../../src/actors/tools/total-with-added.js';

describe('urgency said with a negation (clerk36)', () => {
  it.each([
    ['no tan urgente', 'Medio'],
    ['no es tan urgente', 'Medio'],
    ['not that urgent', 'Medio'],
    ['not very urgent', 'Medio'],
    ['para nada urgente', 'Bajo'],
    ['no es urgente', 'Bajo'],
    ['urgente', 'Alto'],
  ])('should read "%s" as %s', (text, level) => {
    expect(detectUrgency(text)).toBe(level);
    expect(readsUrgency(text)).toBe(level);
  });
});

describe('addsToCounter', () => {
  const glue = { sku: 'PVC-025', recent: ['PVC-009', 'PVC-008'], counts: { 'PVC-009': 8, 'PVC-008': 6 } };
  it('should add the product asked about, given now, to an order whose lines are all counted', () => {
    expect(addsToCounter(glue, { ...glue, quantity: 1 }, 'ok dame uno')).toBe(true);
    expect(addsToCounter(glue, { ...glue, quantity: 2 }, 'give me 2')).toBe(true);
  });

  it('should leave a bare count answering how many as its own line', () => {
    expect(addsToCounter(glue, { ...glue, quantity: 5 }, '5')).toBe(false);
  });

  it('should add any line said with an adding word', () => {
    const valves = { sku: 'PLO-001', quantity: 2 };
    expect(addsToCounter(valves, { sku: 'PVC-001', quantity: 2, recent: ['PLO-001'], counts: { 'PLO-001': 2 } }, 'agregale 2 tubos de media')).toBe(true);
  });

  it('should not total a counter with a line still uncounted, or a lone product', () => {
    expect(addsToCounter(glue, { ...glue, quantity: 1, counts: { 'PVC-009': 8 } }, 'dame uno')).toBe(false);
    expect(addsToCounter({ sku: 'X' }, { sku: 'X', quantity: 1 }, 'dame uno')).toBe(false);
  });
});
