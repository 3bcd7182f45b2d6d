import { describe, expect, it } from 'vitest';
import { superlativeIn } from '../../../src/machines/product-focus.js';

describe('a lower price asked for, not the cheapest one', () => {
  it.each(['si compro bastantes sacos de cemento me lo dejan mas barato?', 'si llevo 60 sacos me sale más barato?', '¿nos lo pueden dejar un poco más barato?'])('should read no superlative in "%s"', (text) => {
    expect(superlativeIn(text)).toBeNull();
  });

  it.each(['cual es el cemento mas barato?', 'dame el más barato', 'the cheapest drill'])('should still read the superlative in "%s"', (text) => {
    expect(superlativeIn(text)?.pick).toBeDefined();
  });
});
