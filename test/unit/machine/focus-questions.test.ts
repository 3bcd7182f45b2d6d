import { describe, expect, it } from 'vitest';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { isProductFollowUp } from '../../../src/machines/product-focus.js';

describe('focus questions › what a short question about the product shown asks', () => {
  it.each([
    ['¿lo tienen en otro color?', { kind: 'colours' }],
    ['qué colores hay?', { kind: 'colours' }],
    ['do you have it in another colour?', { kind: 'colours' }],
    ['tienes otra marca?', { kind: 'brands' }],
    ['any other brand?', { kind: 'brands' }],
    ['hay más barato?', { kind: 'cheaper' }],
    ['no tienes algo más económico?', { kind: 'cheaper' }],
    ['is there a cheaper one?', { kind: 'cheaper' }],
    ['cuál me recomiendas?', { kind: 'compare', recommend: true }],
    ['cuál es mejor?', { kind: 'compare', recommend: true }],
    ['which one do you recommend?', { kind: 'compare', recommend: true }],
    ['y cuál es la diferencia?', { kind: 'compare', recommend: false }],
    ['y la diferencia de precio', { kind: 'compare', recommend: false }],
    ["what's the price difference between the two", { kind: 'compare', recommend: false }],
    ['cuánto es la diferencia en precio?', { kind: 'compare', recommend: false }],
    ["what's the difference?", { kind: 'compare', recommend: false }],
    ['el de DeWalt', { kind: 'named', word: 'dewalt' }],
    ['the Truper one', { kind: 'named', word: 'truper' }],
    // A pick by the name, taken: never a goodbye nor a complaint.
    ['me llevo el Truper', { kind: 'named', word: 'truper' }],
    ["I'll take the Truper one", { kind: 'named', word: 'truper' }],
    ['dame el Colonial', { kind: 'named', word: 'colonial' }],
    // The price found too high: a cheaper one asked, said or not.
    ['muy caro, ¿hay algo más barato?', { kind: 'cheaper' }],
    ['too expensive, anything cheaper?', { kind: 'cheaper' }],
    ["it's a bit pricey", { kind: 'cheaper' }],
    ['muy caro', { kind: 'cheaper' }],
    ['¿qué medidas tienen?', { kind: 'sizes' }],
    ['¿de cuál tienen?', { kind: 'sizes' }],
    ['¿cuáles hay?', { kind: 'sizes' }],
    ['y qué otras medidas hay?', { kind: 'sizes' }],
    ['en qué tamaños viene?', { kind: 'sizes' }],
    ['what sizes do you have?', { kind: 'sizes' }],
    ['which ones do you have?', { kind: 'sizes' }],
    // WhatsApp-style: the size word singular, a pronoun before the verb, thickness.
    ['de que medida lo tienen', { kind: 'sizes' }],
    ['de qué grueso?', { kind: 'sizes' }],
    ['que grosor tienen', { kind: 'sizes' }],
    ['de que tamaño', { kind: 'sizes' }],
    ['¿es para exterior?', { kind: 'where', place: 'outdoor' }],
    ['¿sirve pa afuera?', { kind: 'where', place: 'outdoor' }],
    ['for outdoor use', { kind: 'where', place: 'outdoor' }],
    ['can I use it outside?', { kind: 'where', place: 'outdoor' }],
    ['¿es para interiores?', { kind: 'where', place: 'indoor' }],
  ])('should read %j', (text, expected) => {
    expect(readFocusQuestion(text)).toEqual(expected);
    expect(isProductFollowUp(text)).toBe(true);
  });

  it.each(['el más barato se me rompió', 'el de siempre', 'quiero hablar con una persona', 'la diferencia de precio me parece un abuso', 'estoy afuera de la tienda', 'pintura para exterior e interior', 'muy caro el envío', 'el caro'])('should not read %j as one', (text) => {
    expect(readFocusQuestion(text)).toBeNull();
  });

  it.each(['ese mismo pero en cubeta', 'la tienen en azul?', 'do you have it in blue?'])('should read %j as a follow-up on the product shown', (text) => {
    expect(isProductFollowUp(text)).toBe(true);
  });
});
