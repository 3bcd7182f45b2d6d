import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { countOnlyAnswer, withCountAsked } from '../../../src/actors/tools/product-size-only.js';
import { asksStockAtBranch } from '../../../src/actors/tools/branch-stock.js';
import { joinSplitWords } from '../../../src/actors/catalog/text.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import { productInput } from '../../../src/machines/conversation.machine.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
const index = createCatalogIndex(tenant.catalog);

function input(text: string, products: { query: string; quantity?: number }[], countAsked?: number): ProductActorInput {
  return {
    tenantId: 'ferreteria',
    lang: 'es',
    intent: 'product_inquiry',
    understanding: { products } as unknown as ProductActorInput['understanding'],
    text,
    ...(countAsked !== undefined ? { countAsked } : {}),
    idempotencyKey: 'k',
  };
}

describe('a count asked alone, then the product named (session 30)', () => {
  it('should say the count it asked "of what" for', () => {
    expect(countOnlyAnswer(index, 'y cuánto por dos?', 'es')?.countAsked).toBe(2);
    expect(countOnlyAnswer(index, 'how much for three?', 'en')?.countAsked).toBe(3);
    expect(countOnlyAnswer(index, 'tienen cemento?', 'es')).toBeNull();
  });

  it('should count the product named next, unless the message says its own count', () => {
    expect(withCountAsked(index, input('cemento', [{ query: 'cemento' }], 2), 'cemento').understanding.products).toEqual([{ query: 'cemento', quantity: 2 }]);
    const own = input('no, 3 de varilla', [{ query: 'varilla', quantity: 3 }], 5);
    expect(withCountAsked(index, own, own.text).understanding.products).toEqual([{ query: 'varilla', quantity: 3 }]);
    const none = input('cemento', [{ query: 'cemento' }]);
    expect(withCountAsked(index, none, none.text)).toBe(none);
  });

  it('should pass the count from the expectation to the catalog only while a product is expected', () => {
    const base = { tenantId: 'ferreteria', lang: 'es', turn: 3, understanding: { nlu: { intent: { name: 'product_inquiry', confidence: 0.9 }, entities: [] }, products: [] }, lead: {}, lastMessage: { text: 'cemento' } };
    expect(productInput({ ...base, expecting: { kind: 'product', count: 2 } } as never).countAsked).toBe(2);
    expect(productInput({ ...base, expecting: { kind: 'product' } } as never).countAsked).toBeUndefined();
    expect(productInput({ ...base, expecting: { kind: 'none' } } as never).countAsked).toBeUndefined();
  });
});

describe('one word written as two (session 30)', () => {
  const known = (w: string): boolean => ['sand', 'sandpaper', 'screwdriver', 'paint', 'roller'].includes(w);
  it('should join two halves the catalog knows joined when one half is unknown', () => {
    expect(joinSplitWords(['sand', 'paper'], known)).toEqual(['sandpaper']);
    expect(joinSplitWords(['screw', 'driver', 'set'], known)).toEqual(['screwdriver', 'set']);
  });
  it('should keep words apart when both are known or the join is unknown', () => {
    expect(joinSplitWords(['paint', 'roller'], known)).toEqual(['paint', 'roller']);
    expect(joinSplitWords(['sand', 'bag'], known)).toEqual(['sand', 'bag']);
  });
  it('should find the sandpaper for "sand paper" and still the sand for "sand"', () => {
    expect(index.search('sand paper', { limit: 1 })[0]?.product.name).toMatch(/^Lija/);
    expect(index.search('sand', { limit: 1 })[0]?.product.name).toMatch(/^Arena/);
  });
});

describe('a branch said first, then having it (session 30)', () => {
  it('should read the place-first follow-ups as goods asked at a branch', () => {
    for (const text of ['y en la principal hay?', 'y en villa hermosa hay?', 'en la de Villa Hermosa lo tienen?', 'hay en la principal?']) expect(asksStockAtBranch(text), text).toBe(true);
  });
  it('should not read other questions about a branch as stock', () => {
    for (const text of ['y en la principal abren el domingo?', 'en la principal hay parqueo?', 'y en la principal?']) expect(asksStockAtBranch(text), text).toBe(false);
  });
});
