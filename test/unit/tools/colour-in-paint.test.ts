import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { colourInPaint } from '../../../src/actors/tools/colour-in-paint.js';
import type { ProductActorOutput, ProductFocus } from '../../../src/machines/conversation.contract.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, index } = await loadDemoWithIndex());
});

const focusOn = (sku: string, query: string): ProductFocus => {
  const p = tenant.catalog.find((x) => x.sku === sku)!;
  return { sku, name: p.name, price: p.price, query };
};
/** The paint answer stands in for the store's: what it was asked for is what the test checks. */
const asked: string[] = [];
const paint = (query: string): ProductActorOutput => {
  asked.push(query);
  return { outcome: 'answered', replies: [{ template: 'product.found', params: { items: [] } }] };
};
const templates = (out: ProductActorOutput | null): string[] => (out?.replies ?? []).map((r) => ('template' in r ? r.template : ''));

/** A colour said alone about a product made in no colour but its natural ones: what it comes in, and the paint. */
describe('a colour asked of a product not made in colours', () => {
  it('should say what cement comes in and answer the paint of that colour', () => {
    asked.length = 0;
    const out = colourInPaint(tenant, index, focusOn('CEM-001', 'cemento'), 'azul?', 'es', paint);
    expect(templates(out)).toEqual(['product.colour_in_paint', 'product.found']);
    expect(out?.replies[0]).toMatchObject({ params: { kind: 'cemento', colours: 'gris y blanco', wanted: 'azul' } });
    expect(asked).toEqual(['pintura azul']);
  });

  it('should read the colour after a greeting, and in English', () => {
    expect(templates(colourInPaint(tenant, index, focusOn('CEM-001', 'cemento'), 'hola, azul?', 'es', paint))[0]).toBe('product.colour_in_paint');
    const en = colourInPaint(tenant, index, focusOn('CEM-001', 'cement'), 'blue?', 'en', paint);
    expect(en?.replies[0]).toMatchObject({ params: { kind: 'cement', wanted: 'blue' } });
  });

  it('should say a kind with no colour at all comes in none', () => {
    expect(templates(colourInPaint(tenant, index, focusOn('BLK-002', 'block de 6'), 'verde?', 'es', paint))[0]).toBe('product.colour_in_paint_none');
  });

  it.each([
    ['a colour the kind comes in', 'CEM-001', 'cemento', '¿tienen en gris?'],
    ['a natural colour it lacks', 'CEM-001', 'cemento', 'negro?'],
    ['a kind sold in real colours', 'ELE-001', 'cable', 'azul?'],
    ['paint itself', 'PIN-003', 'pintura blanca', 'azul?'],
    ['a product named with the colour', 'CEM-001', 'cemento', 'arena azul?'],
    ['a count with the colour', 'CEM-001', 'cemento', '2 azul'],
  ])('should leave %s to the usual answer', (_, sku, query, text) => {
    expect(colourInPaint(tenant, index, focusOn(sku, query), text, 'es', paint)).toBeNull();
  });
});
