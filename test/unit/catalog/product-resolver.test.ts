import { beforeAll, describe, expect, it } from 'vitest';
import { createProductResolver, parseProductText, type ProductResolver } from '../../../src/actors/catalog/index.js';
import type { Product } from '../../../src/domain/tenant.js';
import { demoTenant } from '../tools/helpers.js';

let resolver: ProductResolver;

beforeAll(async () => {
  resolver = createProductResolver((await demoTenant()).catalog);
});

const top = (query: string): string | undefined => resolver.search(query, { limit: 1 })[0]?.product.sku;
const rank = (query: string, sku: string): number => resolver.search(query, { limit: 20 }).findIndex((m) => m.product.sku === sku);

describe('product resolver › the failures reported in issue 10', () => {
  it('should hand over the gray GU bag for "la funda de cemento", not white cement', () => {
    expect(top('cuanto vale la funda de cemento')).toBe('CEM-001');
    expect(rank('cuanto vale la funda de cemento', 'CEM-005')).toBeGreaterThan(0);
  });

  it('should read "10 sacos de cemento" as the gray bag with a quantity', () => {
    expect(resolver.parse('10 sacos de cemento').quantity).toBe(10);
    expect(top('10 sacos de cemento')).toBe('CEM-001');
  });

  it('should list the Cemex gray for "do you have gray cement?"', () => {
    const skus = resolver.search('do you have gray cement?', { limit: 3 }).map((m) => m.product.sku);
    expect(skus[0]).toBe('CEM-001');
    expect(skus).not.toContain('CEM-005');
  });

  it('should answer the 6" block for "q precio tiene el block de 6"', () => {
    expect(top('q precio tiene el block de 6')).toBe('BLK-002');
    expect(rank('q precio tiene el block de 6', 'BLK-001')).toBeGreaterThan(0);
  });

  it('should answer grade 60 for "la varilla de 1/2 grado 60"', () => {
    expect(top('la varilla de 1/2 grado 60')).toBe('VAR-004');
    expect(rank('la varilla de 1/2 grado 60', 'VAR-003')).not.toBe(0);
  });

  it('should answer the pipe, not a union, for "a 1/2 inch PVC pipe"', () => {
    expect(top("what's the price of a 1/2 inch PVC pipe?")).toBe('PVC-001');
  });

  it('should answer the 8" block, not a PVC tee, for "the 8 inch block"', () => {
    expect(top('how much is the 8 inch block?')).toBe('BLK-003');
    expect(resolver.search('how much is the 8 inch block?').every((m) => m.product.sku.startsWith('BLK-'))).toBe(true);
  });
});

describe('product resolver › attributes', () => {
  it.each([
    ['de 6', { value: 6, unit: '' }],
    ['6 pulgadas', { value: 6, unit: 'in' }],
    ['6"', { value: 6, unit: 'in' }],
    ['media', { value: 0.5, unit: '' }],
    ['de a media', { value: 0.5, unit: '' }],
    ['1/2 inch', { value: 0.5, unit: 'in' }],
    ['3/8', { value: 0.375, unit: '' }],
    ['tres octavos', { value: 0.375, unit: '' }],
    ['pulgada y media', { value: 1.5, unit: 'in' }],
    ['1 1/2"', { value: 1.5, unit: 'in' }],
    ['12 pies', { value: 12, unit: 'ft' }],
    ['calibre 34', { value: 34, unit: 'ga' }],
    ['#12', { value: 12, unit: 'ga' }],
    ['12 gauge', { value: 12, unit: 'ga' }],
    ['20 amperios', { value: 20, unit: 'a' }],
    ['9w', { value: 9, unit: 'w' }],
    ['quarter gallon', { value: 0.25, unit: 'gal' }],
  ])('should read the size in "%s"', (text, measure) => {
    expect(parseProductText(`tubo ${text}`).attributes.measures).toEqual([measure]);
  });

  it('should read grade, colour (typos too), finish, pack and dimensions', () => {
    expect(parseProductText('varilla grado 60').attributes.grade).toBe(60);
    expect(parseProductText('pintura asul').attributes.colours).toEqual(['azul']);
    expect(parseProductText('gray paint').attributes.colours).toEqual(['gris']);
    expect(parseProductText('pintura blanco hueso').attributes.colours).toEqual(['blanco hueso']);
    expect(parseProductText('la satinada').attributes.finish).toBe('satinado');
    expect(parseProductText('porcelanato mate').attributes.finish).toBe('mate');
    expect(parseProductText('funda de cemento').attributes.pack).toBe('saco');
    expect(parseProductText('cubeta de pintura').attributes.pack).toBe('cubeta');
    expect(parseProductText('a gallon of paint').attributes.pack).toBe('galon');
    expect(parseProductText('madera 2x4x10').attributes.dims).toEqual(['2x4', '2x4x10']);
  });

  it('should tell a quantity from a size', () => {
    expect(parseProductText('dame 2 tubos de 4').quantity).toBe(2);
    expect(parseProductText('dame 2 tubos de 4').attributes.measures).toEqual([{ value: 4, unit: '' }]);
    expect(parseProductText('tinaco de 250 galones').quantity).toBeUndefined();
    expect(parseProductText('precio de 5 galones de pintura').quantity).toBe(5);
    expect(parseProductText('una docena de clavos').quantity).toBe(12);
    expect(parseProductText('block 6').quantity).toBeUndefined();
  });

  it('should rank a product without the size, colour or grade asked for below one that has it', () => {
    for (const [query, has, lacks] of [
      ['tubo pvc de 3/4', 'PVC-002', 'PVC-001'],
      ['varilla de 3/8 grado 60', 'VAR-002', 'VAR-001'],
      ['cemento blanco', 'CEM-005', 'CEM-001'],
      ['pintura satinada', 'PIN-005', 'PIN-003'],
      ['zinc calibre 32', 'TEC-002', 'TEC-001'],
      ['cable 14', 'ELE-003', 'ELE-001'],
      ['cemento cibao', 'CEM-002', 'CEM-001'],
    ] as const) {
      const results = resolver.search(query, { limit: 20 }).map((m) => m.product.sku);
      expect(results.indexOf(has), query).toBe(0);
      expect(results.indexOf(lacks) === -1 || results.indexOf(lacks) > 0, query).toBe(true);
    }
  });

  it('should say which asked-for attributes a match lacks, and still offer the closest products', () => {
    const blue = resolver.search('pintura azul', { limit: 3 });
    expect(blue.length).toBeGreaterThan(0);
    for (const m of blue) {
      expect(m.product.name).toMatch(/^Pintura/);
      expect(m.unmet).toContain('colour');
    }
    expect(resolver.search('block de 8')[0]?.unmet).toEqual([]);
  });
});

describe('product resolver › everyday defaults', () => {
  it('should mark the default only when the words fit it', () => {
    expect(resolver.search('cemento', { limit: 1 })[0]).toMatchObject({ defaulted: true, product: { sku: 'CEM-001' } });
    expect(resolver.search('block', { limit: 1 })[0]?.product.sku).toBe('BLK-002');
    expect(top('block de 4')).toBe('BLK-001');
    expect(top('cemento blanco')).toBe('CEM-005');
  });

  it('should follow the tenant data: another catalog, another default', () => {
    const catalog: Product[] = [
      { sku: 'A', name: 'Cemento Gris Marca A', category: 'Cemento', price: 500, stock: 10, unit: 'saco', default_for: ['cemento'] },
      { sku: 'B', name: 'Cemento Gris Marca B', category: 'Cemento', price: 400, stock: 10, unit: 'saco' },
    ];
    expect(createProductResolver(catalog).search('cemento')[0]?.product.sku).toBe('A');
    expect(createProductResolver(catalog.map(({ default_for: _d, ...p }) => p)).search('cemento')[0]?.product.sku).toBe('B');
  });

  it('should correct a customer word to the catalog word the brain and the tool share', () => {
    expect(resolver.correct('varriya')).toBe('varilla');
    expect(resolver.correct('sement')).toMatch(/^cement/);
    expect(resolver.correct('quiero')).toBeNull();
  });
});

describe('counts before sizes and sheet words', () => {
  it('should read "300 eight inch blocks" as 300 of the 8" block, and "planchas" as sheets of zinc or plywood', async () => {
    const { loadDemo } = await import('../../helpers/memory-host.js');
    const { createProductResolver } = await import('../../../src/actors/catalog/index.js');
    const { tenant } = await loadDemo();
    const resolver = createProductResolver(tenant.catalog);
    expect(resolver.parse('300 eight inch blocks').quantity).toBe(300);
    expect(resolver.search('300 eight inch blocks')[0]?.product.name).toBe('Block de Hormigón 8" (unidad)');
    expect(resolver.parse('150 6in blocks').quantity).toBe(150);
    const zinc = resolver.search('15 planchas de zinc calibre 32')[0];
    expect(zinc?.product.name).toBe('Zinc Ondulado Calibre 32 (12 pies)');
    expect(zinc?.unmet).toEqual([]);
    expect(resolver.search('láminas de plywood de 1/2')[0]?.unmet).toEqual([]);
  });
});

describe('product resolver › the kind a query leads with', () => {
  it.each(['pintura pared', 'pintura paredes', 'paint wall'])('should answer "%s" with wall paint, not the wall putty, the sealer or the wall tile', (query) => {
    const skus = resolver.search(query, { limit: 3 }).map((m) => m.product.sku);
    expect(skus.length).toBeGreaterThan(0);
    for (const sku of skus.slice(0, 2)) expect(sku).toMatch(/^PIN-00[1-7]$/);
  });

  it.each([
    ['masilla pared', 'PIN-014'],
    ['sellador de paredes', 'PIN-012'],
    ['wood screws', 'TOR-003'],
    ['alambre duplex', 'ELE-006'],
  ])('should still answer "%s" with %s', (query, sku) => {
    expect(top(query)).toBe(sku);
  });
});

/** Dominican words for tape: "teipe" / "tei" is the electrical tape; "teipe de plomero" the thread tape. */
describe('product resolver › teipe', () => {
  it.each([
    ['teipe', 'ELE-024'],
    ['tei negro', 'ELE-024'],
    ['teipe electrico', 'ELE-024'],
    ['teipe de plomero', 'PLO-011'],
  ])('should answer "%s" with %s', (query, sku) => {
    expect(top(query)).toBe(sku);
  });
});

/** "PVC" alone is the everyday pipe (its sizes are listed by the tool), never the PVC glue. */
describe('product resolver › PVC alone', () => {
  it('should answer "pvc" with the PVC pipe, and "pega pvc" with the glue', () => {
    expect(top('pvc')).toBe('PVC-001');
    expect(top('pega pvc')).toMatch(/^PVC-02[45]$/);
  });
});
