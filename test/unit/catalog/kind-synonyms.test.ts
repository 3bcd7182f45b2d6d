import { describe, expect, it } from 'vitest';
import { kindWords } from '../../../src/actors/catalog/kind-synonyms.js';
import { createProductResolver } from '../../../src/actors/catalog/product-resolver.js';
import type { Product } from '../../../src/domain/tenant.js';

const product = (sku: string, name: string, category: string, aliases: string[]): Product => ({ sku, name, category, aliases, price: 10, stock: 5, unit: 'unidad' }) as Product;

const catalog = [
  product('T1', 'Tornillo para Drywall 1 1/4"', 'Tornillería', ['screw', 'tornillo']),
  product('T2', 'Tornillo Autorroscante 1"', 'Tornillería', ['screw', 'tornillo']),
  product('T3', 'Tirafondo 1/4" x 3"', 'Tornillería', ['lag screw', 'screw', 'tirafondo']),
  product('Z1', 'Aluzinc Calibre 26', 'Techado', ['zinc', 'roofing']),
  product('Z2', 'Aluzinc Calibre 28', 'Techado', ['zinc', 'roofing']),
  product('Z3', 'Zinc Ondulado Calibre 34', 'Techado', ['zinc', 'roofing']),
];

describe('the kind a product is by the aliases it shares on its shelf', () => {
  it('should give the lag screw the word its shelf-mates share ("tornillo")', () => {
    const kinds = kindWords(catalog);
    expect(kinds.get(catalog[2]!)).toEqual(['tornillo']);
    expect(kinds.has(catalog[0]!)).toBe(false);
  });

  it('should not make one variety another whose name contains it (zinc is not aluzinc)', () => {
    expect(kindWords(catalog).has(catalog[5]!)).toBe(false);
  });

  it('should find the lag screw for a screw of its size', () => {
    expect(createProductResolver(catalog).search('tornillo de 3 pulgadas', { limit: 1 })[0]?.product.sku).toBe('T3');
  });
});
