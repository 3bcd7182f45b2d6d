import { describe, expect, it } from 'vitest';
import { namesGoods } from '../../../src/actors/tools/product-like.js';

const unknown = (): boolean => false;

describe('product-like › words the catalog lacks that could still name goods', () => {
  it.each(['cuando llegaría', 'perfecto', 'hago', 'llevar', 'mas barata', 'pedido', 'mañana temprano', 'tarda', 'ta', 'dan', 'lo tan dando'])('%s is talk, not goods', (phrase) => {
    expect(namesGoods(phrase, unknown)).toBe(false);
  });

  it.each(['pizza', 'zapatos', 'collar', 'abanicos de techo', 'luminaria'])('%s could be goods', (phrase) => {
    expect(namesGoods(phrase, unknown)).toBe(true);
  });

  it('reads English words by the list only: "computer" is goods, "how long" is not', () => {
    expect(namesGoods('computer', unknown, 'en')).toBe(true);
    expect(namesGoods('how long', unknown, 'en')).toBe(false);
  });

  it('a word the catalog knows is always goods', () => {
    expect(namesGoods('llevar', (w) => w === 'llevar')).toBe(true);
  });
});
