import { beforeAll, describe, expect, it } from 'vitest';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { extractAccountIds } from '../../../src/actors/brain/rule/contact-entities.js';
import { demoTenant } from '../tools/helpers.js';

let matcher: ProductMatcher;

beforeAll(async () => {
  matcher = createProductMatcher((await demoTenant()).catalog);
});

const read = (text: string) => matcher.extract(text).mentions.map((m) => ({ query: m.query, ...(m.quantity !== undefined ? { quantity: m.quantity } : {}) }));

describe('quantities said after the product', () => {
  it.each([
    ['clavos de 3 pulgadas 5 libras', 'libra clavo 3 pulgadas', 5],
    ['clavos de 3 pulgadas, 5 libras', 'libra clavo 3 pulgadas', 5],
    ['clavos 3 pulgadas 5 lb', 'libra clavo 3 pulgadas', 5],
    ['pintura blanca 2 galones', 'galon pintura blanca', 2],
    ['cemento 10 sacos', 'saco cemento', 10],
    ['pintura blanca 1 cubeta', 'cubeta pintura blanca', 1],
    ['arena 2 metros', 'arena', 2],
    ['cable 12 100 pies', 'cable 12', 100],
    ['block de 6 100 unidades', 'block 6', 100],
    ['clavos de 3 pulgadas 2 kilos', 'libra clavo 3 pulgadas', 5],
    ['cable 14 50 metros', 'cable 14', 165],
    ['alambre de amarre 5 libras', 'libra alambre amarre', 5],
    ['pintura de aceite 2 galones', 'galon pintura aceite', 2],
    ['tubo de pvc 3 unidades', 'tubo pvc', 3],
    ['pintura blanca 5 galones', 'galon pintura blanca', 5],
  ])('should read "%s" as %s × %i', (text, query, quantity) => {
    expect(read(text)).toEqual([{ query, quantity }]);
  });

  it.each([
    ['tinaco de 250 galones', 'tinaco 250gal'], // what it holds, joined: never read as 250 gallons counted
    ['zinc 12 pies', 'zinc 12 pies'],
    ['cable 12 500 pies', 'cable 12 500 pies'],
    ['tierra negra 40 lb', 'tierra negra 40 lb'],
    ['varilla 3/8 20 pies', 'varilla 3/8 20 pies'],
  ])('should keep the size a product is made in: "%s"', (text, query) => {
    expect(read(text)).toEqual([{ query }]);
  });

  it.each([
    ['y de arena 4', [{ query: 'arena', quantity: 4 }]],
    ['cemento 10 por favor', [{ query: 'cemento', quantity: 10 }]],
    ['cemento 10 y arena 2', [{ query: 'cemento', quantity: 10 }, { query: 'arena', quantity: 2 }]],
    ['cemento 10, arena 2', [{ query: 'cemento', quantity: 10 }, { query: 'arena', quantity: 2 }]],
    ['y de grava 2', [{ query: 'grava', quantity: 2 }]],
    ['block 100', [{ query: 'block', quantity: 100 }]],
  ])('should read a bare number after goods made in no size as how many: "%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['cable 12', [{ query: 'cable 12' }]],
    ['block 6', [{ query: 'block 6' }]],
    ['block 10', [{ query: 'block 10' }]],
    ['arena de 4', [{ query: 'arena 4' }]],
    ['block 6, cemento 10', [{ query: 'block 6' }, { query: 'cemento', quantity: 10 }]],
  ])('should keep a bare number a size where the goods come in sizes: "%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('should not read a gauge and a length as an account id ("cable #12 100 pies")', () => {
    expect(extractAccountIds('cable #12 100 pies')).toEqual([]);
    expect(extractAccountIds('cuenta 12345 10 sacos').map((e) => e.value)).toEqual(['12345']);
    expect(extractAccountIds('mi cuenta es la #1234').map((e) => e.value)).toEqual(['1234']);
  });
});

describe('a number after "para" / "en" that counts what the product is for', () => {
  it.each([
    ['quiero blocks para 20 casas en Caleta', 'block'],
    ['cemento para 3 habitaciones', 'cemento'],
    ['pintura para dos cuartos', 'pintura'],
    ['blocks for 20 houses', 'block'],
  ])('should not read "%s" as a size', (text, query) => {
    expect(read(text).map((m) => m.query)).toEqual([query]);
  });

  it.each([
    ['block de 6', 'block 6'],
    ['cable para 220', 'cable 220'],
    ['tornillos para 2 pulgadas', 'tornillo 2 pulgadas'],
  ])('should still read a size in "%s"', (text, query) => {
    expect(read(text).map((m) => m.query)).toEqual([query]);
  });
});
