import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { sizeOnlyAnswer, withSizeAsked } from '../../../src/actors/tools/product-size-only.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import { productInput } from '../../../src/machines/conversation.machine.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
const index = createCatalogIndex(tenant.catalog);

function input(text: string, products: string[], sizeAsked?: string): ProductActorInput {
  return {
    tenantId: 'ferreteria',
    lang: 'es',
    intent: 'product_inquiry',
    understanding: { products: products.map((query) => ({ query })) } as unknown as ProductActorInput['understanding'],
    text,
    ...(sizeAsked !== undefined ? { sizeAsked } : {}),
    idempotencyKey: 'k',
  };
}

describe('a size asked alone, then the family named (session 28)', () => {
  it('says the size it listed families for, written as a size, in words or digits', () => {
    for (const text of ['y el de 3/4?', 'what about the 1/2 inch?', 'tienen de media pulgada?', 'do you have half inch?']) {
      const out = sizeOnlyAnswer(tenant, index, text, 'es');
      expect(out?.outcome, text).toBe('need_product');
      expect(out?.sizeAsked, text).toMatch(/^\d[\d /]*"$/);
    }
    expect(sizeOnlyAnswer(tenant, index, 'tienen cemento?', 'es')).toBeNull();
  });

  it('answers the one family a size comes in, asked again with it named, instead of asking whether it is that', () => {
    const asked: string[] = [];
    const out = sizeOnlyAnswer(tenant, index, 'y el de 5/8?', 'es', {
      input: input('y el de 5/8?', []),
      answer: (i, text) => (asked.push(`${text}|${i.understanding.products[0]?.query}`), { outcome: 'answered', replies: [{ template: 'x' }] }),
    });
    expect(asked).toEqual(['Varilla Corrugada 5/8"|Varilla Corrugada 5/8"']);
    expect(out?.replies[0]).toEqual({ template: 'x' });
    // Several families: the question, with no answer asked for.
    const several = sizeOnlyAnswer(tenant, index, 'y el de 1/2?', 'es', { input: input('y el de 1/2?', []), answer: () => { throw new Error('not asked'); } });
    expect(several?.replies[0]).toMatchObject({ template: 'product.size_which' });
    // The one family not answered (nothing found): the question stays.
    const notFound = sizeOnlyAnswer(tenant, index, 'y el de 5/8?', 'es', { input: input('y el de 5/8?', []), answer: () => ({ outcome: 'not_found', replies: [] }) });
    expect(notFound?.replies[0]).toMatchObject({ template: 'product.size_which_one' });
  });

  it('asks the family named next in that size', () => {
    const { input: sized, options } = withSizeAsked(index, input('el tubo pvc', ['tubo pvc'], '1/2"'), { text: 'el tubo pvc' });
    expect(sized.understanding.products[0]?.query).toBe('tubo pvc 1/2"');
    expect(options.text).toBe('el tubo pvc 1/2"');
    expect(sized.text).toBe('el tubo pvc 1/2"');
  });

  it('leaves the message alone when it says its own size, names nothing, or names what does not come in the size', () => {
    const own = input('el tubo pvc de 1 pulgada', ['tubo pvc 1 pulgada'], '3/4"');
    expect(withSizeAsked(index, own, {}).input).toBe(own);
    const nothing = input('cuanto cuesta', [], '1/2"');
    expect(withSizeAsked(index, nothing, {}).input).toBe(nothing);
    const cement = input('el cemento', ['cemento'], '3/4"');
    expect(withSizeAsked(index, cement, {}).input).toBe(cement);
    const none = input('el tubo pvc', ['tubo pvc']);
    expect(withSizeAsked(index, none, {}).input).toBe(none);
  });

  it('passes the size from the expectation to the catalog, and only while the product is what is expected', () => {
    const base = { tenantId: 'ferreteria', lang: 'es', turn: 3, understanding: { nlu: { intent: { name: 'product_inquiry', confidence: 0.9 }, entities: [] }, products: [] }, lead: {}, lastMessage: { text: 'el tubo pvc' } };
    const waiting = productInput({ ...base, expecting: { kind: 'product', size: '1/2"' } } as never);
    expect(waiting.sizeAsked).toBe('1/2"');
    expect(productInput({ ...base, expecting: { kind: 'product' } } as never).sizeAsked).toBeUndefined();
    expect(productInput({ ...base, expecting: { kind: 'none' } } as never).sizeAsked).toBeUndefined();
  });
});
