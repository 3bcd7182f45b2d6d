import { describe, expect, it } from 'vitest';
import { asksPriceAlone } from '../../../src/machines/price-alone.js';

describe('asksPriceAlone', () => {
  it.each(['cuanto cobran', '¿y a cómo sale?', 'how much is it?', 'what do you charge?', "what's the fee?", 'y el precio?', 'y cuanto me cobran por llevarlo'])('should read %j as a price asked with nothing named', (text) => {
    expect(asksPriceAlone(text)).toBe(true);
  });

  it.each(['cuanto cuesta el cemento', 'how much is the paint', 'cuanto me sale todo', 'what is it?', 'a qué hora abren'])('should not read %j as one', (text) => {
    expect(asksPriceAlone(text)).toBe(false);
  });
});
