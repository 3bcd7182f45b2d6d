import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asksSizeOrColourAlone } from '../../../src/actors/brain/rule/follow-up-alone.js';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { sizeOnlyAnswer } from '../../../src/actors/tools/product-size-only.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
const index = createCatalogIndex(tenant.catalog);

describe('sizes said in words (counter17)', () => {
  it('should read "3/4 de pulgada" and "tres cuartos de pulgada" as the 3/4" size, with no word left to search', () => {
    for (const text of ['tres cuartos de pulgada', '3/4 de pulgada', 'three quarters of an inch', 'three quarter inch']) {
      const parsed = index.parse(text);
      expect(parsed.phrases.size, text).toBe('3/4"');
      expect(parsed.content, text).toEqual([]);
    }
    expect(index.search('tubo de tres cuartos de pulgada', { limit: 1 })[0]?.product.name).toMatch(/^Tubo PVC 3\/4"/);
    expect(index.parse('pulgada y media').phrases.size).toBe('1 1/2"');
  });

  it('should answer a size said in words alone with the families that come in it', () => {
    const cases: [string, string][] = [
      ['y de tres cuartos?', '3/4"'],
      ['y de tres cuartos de pulgada?', '3/4"'],
      ['tienen de pulgada y media?', '1 1/2"'],
      ['y de una pulgada?', '1"'],
      ['three quarter inch?', '3/4"'],
      ['one inch?', '1"'],
    ];
    for (const [text, size] of cases) {
      const out = sizeOnlyAnswer(tenant, index, text, 'es');
      expect(out?.outcome, text).toBe('need_product');
      expect(out?.sizeAsked, text).toBe(size);
    }
  });

  it('should take an inch size said alone as a product question, with or without "and" before it', () => {
    for (const text of ['y de una pulgada?', 'three quarter inch?', 'de media pulgada?', 'one inch?', 'y el de 3/4?', 'half inch'])
      expect(asksSizeOrColourAlone(tenant.catalog, text), text).toBe(true);
    // Without "and", a bare number or fraction is no size: a date, a count, an account digit.
    for (const text of ['24', '3/4', 'el 15', 'una pulgada de cemento gris'])
      expect(asksSizeOrColourAlone(tenant.catalog, text), text).toBe(false);
  });
});

describe('a mistyped "dame" at the start of an order (counter17)', () => {
  it('should be spelt out before a count or a pointing word, and left alone otherwise', async () => {
    const { giveMeSpelt } = await import('../../../src/machines/count-words.js');
    expect(giveMeSpelt('dam 3 d la blanco hueso')).toBe('dame 3 d la blanco hueso');
    expect(giveMeSpelt('ok dme 10')).toBe('ok dame 10');
    expect(giveMeSpelt('Dam esa')).toBe('dame esa');
    expect(giveMeSpelt('the dam 3 miles away')).toBe('the dam 3 miles away');
    expect(giveMeSpelt('dam wall sealant')).toBe('dam wall sealant');
  });
});

describe('a count alone with nothing named (counter17)', () => {
  it('should read "por dos" / "for two" as a count, not a word of a product\'s name', () => {
    for (const text of ['y cuánto por dos?', 'and how much for two?', 'how much for 2?']) {
      const parsed = index.parse(text);
      expect(parsed.quantity, text).toBe(2);
      expect(parsed.content, text).toEqual([]);
    }
    // A size said with "de" stays a size ("inodoro de dos piezas").
    expect(index.parse('inodoro de dos piezas').quantity).toBeUndefined();
  });

  it('should ask "¿dos de qué?" instead of pricing a product with the number in its name', async () => {
    const { countOnlyAnswer } = await import('../../../src/actors/tools/product-size-only.js');
    const es = countOnlyAnswer(index, 'y cuánto por dos?', 'es');
    expect(es?.outcome).toBe('need_product');
    expect(es?.replies[0]).toEqual({ template: 'product.count_of_what', params: { count: 'Dos' } });
    expect(countOnlyAnswer(index, 'and how much for two?', 'en')?.replies[0]).toMatchObject({ params: { count: 'Two' } });
    expect(countOnlyAnswer(index, 'cuanto por dos sacos de cemento', 'es')).toBeNull();
    expect(countOnlyAnswer(index, 'tienen cemento?', 'es')).toBeNull();
  });
});
