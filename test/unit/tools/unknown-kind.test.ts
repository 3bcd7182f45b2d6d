import { beforeAll, describe, expect, it } from 'vitest';
import { createProductResolver, type ProductResolver } from '../../../src/actors/catalog/index.js';
import { speaksOfSlab, withoutSlab } from '../../../src/actors/tools/slab-job.js';
import { unknownKind, unknownKindAt } from '../../../src/actors/tools/product-unknown-kind.js';
import { loadDemo } from '../../helpers/memory-host.js';

let index: ProductResolver;
beforeAll(async () => {
  const { tenant } = await loadDemo();
  index = createProductResolver(tenant.catalog);
});

/** A kind of a known product the catalog does not know ("alambre de púas"): found by the words next to the noun. */
describe('unknown kinds of a known product', () => {
  it.each([
    ['alambre de púas', 'es', 'alambre de púas'],
    ['alambre galvanizado', 'es', 'alambre galvanizado'],
    ['martillo de goma', 'es', 'martillo de goma'],
    ['cerradura digital', 'es', 'cerradura digital'],
    ['barbed wire', 'en', 'barbed wire'],
    ['finishing nails', 'en', 'finishing nails'],
    ['the Makita drill', 'en', 'Makita drill'],
  ] as const)('%s names a kind the catalog lacks', (text, lang, kind) => {
    expect(unknownKind(index, text, lang)).toBe(kind);
  });

  it.each([
    // Known attributes, typos the catalog corrects, measures, uses and places, everyday words.
    ['cemento gris', 'es'],
    ['alambre dulce', 'es'],
    ['varriya de 3/8', 'es'],
    ['clavos grandes', 'es'],
    ['cable numero 12', 'es'],
    ['varilla de tres octavos', 'es'],
    ['tubo de tres cuartos', 'es'],
    ['tubo de cuatro pulgadas', 'es'],
    ['cerámica de baño', 'es'],
    ['pintura de exterior', 'es'],
    ['alambre para amarrar', 'es'],
    ['cemento mañana', 'es'],
    ['tubo de cobre', 'es'],
    ['20 amp 2 pole breaker', 'en'],
    ['12 gauge wire', 'en'],
    ['cement delivered to Caleta', 'en'],
    ['can I find tile here?', 'en'],
    ['a faulty drill', 'en'],
    ['cinder blocks', 'en'],
    ['taladros, sigue vigente?', 'es'],
    ['varillas saliendo del trabajo', 'es'],
    ['tubo pbc', 'es'],
  ] as const)('%s names none', (text, lang) => {
    expect(unknownKind(index, text, lang)).toBeNull();
  });

  it('reads the customer words around the product the brain named ("wire" in "barbed wire")', () => {
    const text = 'do you have barbed wire?';
    expect(unknownKindAt(index, text, text.indexOf('wire'), 'en')).toBe('barbed wire');
    const es = 'tienen alambre de púas?';
    expect(unknownKindAt(index, es, es.indexOf('alambre'), 'es')).toBe('alambre de púas');
  });
});

/** "Losa": a concrete slab with concrete words around it, the tiles with floor words. */
describe('losa: the slab or the tiles', () => {
  it.each(['necesito concreto para una losa', 'quiero vaciar la losa del techo', 'varilla para losa', 'I need concrete for a slab'])('%s speaks of a slab', (text) => {
    expect(speaksOfSlab(text)).toBe(true);
  });

  it.each(['¿tienen losas para el piso?', 'losa para el baño', 'losas de cerámica', 'necesito cemento'])('%s does not', (text) => {
    expect(speaksOfSlab(text)).toBe(false);
  });

  it('keeps the materials named for the slab and drops the slab itself', () => {
    expect(withoutSlab('losa')).toBe('');
    expect(withoutSlab('losa techo')).toBe('');
    expect(withoutSlab('varilla losa')).toBe('varilla');
    expect(withoutSlab('cemento')).toBe('cemento');
  });
});

/** A short word the tenant names as a good ("gas") still names a kind: "manguera de gas" is no garden hose. */
describe('short words of the tenant goods', () => {
  it('should read "manguera de gas" as a kind the catalog lacks only with the tenant word given', () => {
    expect(unknownKind(index, 'manguera de gas', 'es')).toBeNull();
    expect(unknownKind(index, 'manguera de gas', 'es', new Set(['gas']))).toBe('manguera de gas');
  });
});
