import { describe, expect, it } from 'vitest';
import { readGaugeCounts } from '../../../src/machines/gauge-counts.js';

describe('wire counted by gauge', () => {
  it('should read each count with its unit and gauge, the unit carried to a part without one', () => {
    expect(readGaugeCounts('dame un rollo de 12 y uno de 14')).toEqual([
      { quantity: 1, unit: 'rollo', gauge: '12' },
      { quantity: 1, unit: 'rollo', gauge: '14' },
    ]);
    expect(readGaugeCounts('100 pies del 12 y 50 del 14')).toEqual([
      { quantity: 100, unit: 'pie', gauge: '12' },
      { quantity: 50, unit: 'pie', gauge: '14' },
    ]);
    expect(readGaugeCounts('give me 2 rolls of 12 gauge')).toEqual([{ quantity: 2, unit: 'rollo', gauge: '12' }]);
    expect(readGaugeCounts('dame 30 del 10')).toEqual([{ quantity: 30, gauge: '10' }]);
  });

  it('should read no gauge count in a size, a pick or another request', () => {
    for (const text of ['dame 2 de 3/4', 'uno de 12', 'dame 2 de esos', 'quiero 10 sacos de cemento', 'dame un rollo de teflon']) expect(readGaugeCounts(text), text).toBeNull();
  });
});
