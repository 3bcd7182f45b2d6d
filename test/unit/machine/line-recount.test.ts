import { describe, expect, it } from 'vitest';
import { lineRecount } from '../../../src/machines/line-recount.js';

describe('lineRecount', () => {
  it.each([
    ['no, de 1/2 mejor 8', 8, '1/2'],
    ['no, eran 8 de 1/2', 8, '1/2'],
    ['las de media que sean 8', 8, 'media'],
    ['las de 3/8 que sean veinte', 20, '3/8'],
    ['el cemento mejor ponle 25', 25, 'cemento'],
    ['no, make the rollers 3', 3, 'rollers'],
  ])('should read %s as %i for the line named %s', (text, quantity, words) => {
    expect(lineRecount(text)).toEqual({ quantity, words });
  });

  it.each([
    'no, mejor 3', // a bare count: readFollowUpQuantity's
    'no gracias',
    'no gracias, mejor después',
    'make it 4 gallons',
    'mejor el de 4 pulgadas', // a size, no count
    'no, 3 de arena', // no correcting word
    'make the rebar grade 60', // a grade, not a count
    'cambia la arena por 3 metros de grava', // a line switched for another
    'en vez del thinner ponme 5 galones de sellador de paredes',
  ])('should read no line recounted in %s', (text) => {
    expect(lineRecount(text)).toBeNull();
  });
});
