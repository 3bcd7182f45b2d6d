import { describe, expect, it } from 'vitest';
import { withDimensionsJoined } from '../../../src/actors/catalog/dimensions.js';
import { parseProductText } from '../../../src/actors/catalog/index.js';

describe('sizes said with "by" / "por"', () => {
  it('should write them as the catalog does, keeping the length', () => {
    for (const [said, dims] of [
      ['how much is a 2 by 4?', '2x4'],
      ['do you have 2 by 4s?', '2x4'],
      ['a two by four', '2x4'],
      ['cuánto vale un 2 por 4?', '2x4'],
      ['dos por cuatro', '2x4'],
      ['4 by 8 plywood', '4x8'],
      ['una pared de 3 por 2.5', '3x2.5'],
    ] as const) {
      const joined = withDimensionsJoined(said);
      expect(joined, said).toContain(dims);
      expect(joined.length, said).toBe(said.length);
    }
  });

  it('should leave other "by" and "por" alone', () => {
    for (const text of ['uno por uno', 'one by one', 'por favor 2 sacos', 'paso por 2 tubos', 'RD$500 por 2', 'by tomorrow', '20% por 3 meses']) {
      expect(withDimensionsJoined(text), text).toBe(text);
    }
  });

  it('should read a lumber size said in words as its dimensions, not a count', () => {
    const parsed = parseProductText('2 by 4 lumber price');
    expect(parsed.attributes.dims).toContain('2x4');
    expect(parsed.quantity).toBeUndefined();
  });
});
