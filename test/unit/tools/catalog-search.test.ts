import { describe, it, expect, beforeAll } from 'vitest';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { demoTenant } from './helpers.js';

let tenant: TenantData;
let index: CatalogIndex;

beforeAll(async () => {
  tenant = await demoTenant();
  index = createCatalogIndex(tenant.catalog);
});

function top(query: string): string | undefined {
  return index.search(query)[0]?.product.sku;
}
function topNames(query: string, n = 3): string[] {
  return index.search(query, { limit: n }).map((m) => m.product.name);
}

describe('createCatalogIndex › search', () => {
  it('should find products regardless of accents and case', () => {
    expect(top('TALADRO INALAMBRICO')).toBe('HER-002');
    expect(top('taladro inalámbrico')).toBe('HER-002');
    expect(top('desague de piso')).toBe('PLO-013');
  });

  it('should match Spanish plurals to singular product names', () => {
    expect(topNames('varillas')[0]).toMatch(/^Varilla/);
    expect(topNames('tubos pvc')[0]).toMatch(/^Tubo PVC/);
    expect(topNames('bloques de 6')[0]).toBe('Block de Hormigón 6" (unidad)');
    expect(topNames('tomacorrientes')[0]).toMatch(/^Tomacorriente/);
  });

  it('should tolerate typos and sound-alike spellings', () => {
    expect(topNames('sement')[0]).toMatch(/^Cemento/);
    expect(topNames('varriya')[0]).toMatch(/^Varilla/);
    expect(topNames('pintuta')[0]).toMatch(/^Pintura/);
    expect(topNames('martiyo')[0]).toMatch(/^Martillo/);
    expect(topNames('bonbillo led')[0]).toMatch(/^Bombillo LED/);
  });

  it('should read spoken and written sizes', () => {
    expect(top('tubo pvc de media')).toBe('PVC-001');
    expect(top('tubo pvc media pulgada')).toBe('PVC-001');
    expect(top('tubo de tres cuartos')).toBe('PVC-002');
    expect(top('tubo de pulgada y media')).toBe('PVC-004');
    expect(top('tubo pvc 1 1/2"')).toBe('PVC-004');
    expect(topNames('varilla de 3/8')[0]).toMatch(/^Varilla Corrugada 3\/8"/);
    expect(top('tubo de 4 pulgadas')).toBe('PVC-007');
    expect(top('cable #12')?.startsWith('ELE-')).toBe(true);
  });

  it('should find products by their English aliases', () => {
    expect(topNames('cement')[0]).toMatch(/^Cemento/);
    expect(topNames('rebar 1/2')[0]).toMatch(/^Varilla Corrugada 1\/2"/);
    expect(topNames('drill')[0]).toMatch(/^Taladro/);
    expect(topNames('paint')[0]).toMatch(/^Pintura/);
    expect(topNames('toilet')[0]).toMatch(/^Inodoro/);
  });

  it('should ignore filler words and leading quantities', () => {
    expect(top('hola, tienen el tubo pvc de media?')).toBe('PVC-001');
    expect(top('qué precio tiene el plywood de media')).toBe('MAD-003');
    expect(topNames('dame 2 sacos de cemento')[0]).toMatch(/^Cemento/);
    expect(topNames('do you have any cement please')[0]).toMatch(/^Cemento/);
  });

  it('should rank the specific match first', () => {
    const results = index.search('tubo pvc de media', { limit: 10 });
    const half = results.findIndex((r) => r.product.sku === 'PVC-001');
    const four = results.findIndex((r) => r.product.sku === 'PVC-007');
    expect(half).toBe(0);
    expect(four === -1 || four > half).toBe(true);
    // Many products share the head noun "pintura": the paint itself outranks the paint tray.
    const paint = index.search('pintura', { limit: 20 }).map((r) => r.product.sku);
    expect(paint[0]?.startsWith('PIN-')).toBe(true);
    expect(paint.indexOf('PIN-018') === -1 || paint.indexOf('PIN-018') > 3).toBe(true);
    // In-stock products come before exhausted ones among equal matches.
    const halfInch = index.search('tubo pvc de media', { limit: 3 }).map((r) => r.product.sku);
    expect(halfInch.indexOf('PVC-001')).toBeLessThan(halfInch.indexOf('PVC-008'));
  });

  it('should return scores between 0 and 1, best first, within the limit', () => {
    const results = index.search('pintura', { limit: 4 });
    expect(results).toHaveLength(4);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('should return nothing for gibberish, filler or sizes alone', () => {
    expect(index.search('asdfgh qwerty')).toEqual([]);
    expect(index.search('xyzzy')).toEqual([]);
    expect(index.search('hola, tienen?')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('de 3/4')).toEqual([]);
  });

  it('should not read a known word as a sound-alike of another ("zinc" is not "sink")', () => {
    const skus = index.search('zinc', { limit: 10 }).map((r) => r.product.sku);
    expect(skus[0]?.startsWith('TEC-')).toBe(true);
    expect(skus).not.toContain('PLO-007');
  });
});

describe('catalog search: Spanish gender and relevance', () => {
  it('should treat "blanca" and "blanco" alike and rank the paint first for "pintura blanca"', async () => {
    const { loadTenant } = await import('../../../src/persistence/tenant-loader.js');
    const { createCatalogIndex } = await import('../../../src/actors/tools/index.js');
    const { fileURLToPath } = await import('node:url');
    const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
    const index = createCatalogIndex(tenant.catalog);
    const top = index.search('pintura blanca', { limit: 3 });
    expect(top.length).toBeGreaterThan(0);
    for (const m of top) expect(m.product.name).toMatch(/^Pintura .*Blanco/);
  });
});
