import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { answerInfoWithProducts, withStoreAsked } from '../../../src/actors/tools/product-and-store.js';
import { answerProduct } from '../../../src/actors/tools/product.tool.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { InfoActorInput, ProductActorInput, ReplyDirective } from '../../../src/machines/conversation.contract.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';
import { demoTenant, understanding } from './helpers.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  tenant = await demoTenant();
  ({ brain } = await loadDemo());
});

const NOW = Date.UTC(2026, 10, 23, 15, 0); // a Monday afternoon
const say = (replies: readonly ReplyDirective[]): string => replies.map((r) => renderReply(r, tenant.templates, 'es')).join('\n');
const catalog = (input: ProductActorInput) => answerProduct(tenant, createCatalogIndex(tenant.catalog), input, { ...(input.text !== undefined ? { text: input.text } : {}), now: NOW });
const infoInput = (text: string, products: { query: string; quantity?: number }[]): InfoActorInput => ({ tenantId: 'ferreteria', lang: 'es', topic: 'store_hours_location', text, understanding: understanding(products), idempotencyKey: 'k' });

describe('a product and a store question in one message', () => {
  it('answers the hours and then the rebar, never reading the fraction 3/8 as the 3rd of August', () => {
    const out = answerInfoWithProducts(tenant, infoInput('tienen varilla de 3/8? y a que hora cierran', [{ query: 'varilla 3/8' }]), NOW, catalog);
    const text = say(out.replies);
    expect(text).toContain('RD$265.00');
    expect(text).toContain('6:00');
    expect(text).not.toMatch(/agosto/);
    expect(text.indexOf('6:00')).toBeLessThan(text.indexOf('RD$265.00'));
    expect(out.focus?.name).toMatch(/Varilla Corrugada 3\/8/);
    expect(out.answeredProducts).toBe(true);
    expect(out.reserve?.sku).toBe(out.focus?.sku);
  });

  it('answers goods asked at a branch beside the branch, and prices goods beside a delivery answer without estimating it again', () => {
    const branch = say(answerInfoWithProducts(tenant, infoInput('tienen cemento en la sucursal de villa hermosa?', [{ query: 'cemento' }]), NOW, catalog).replies);
    expect(branch).toContain('Villa Hermosa');
    expect(branch).toContain('RD$655.00');
    const brought = answerInfoWithProducts(tenant, infoInput('tienen arena? cuanto el metro? me la llevan a la caleta?', [{ query: 'arena' }]), NOW, catalog);
    expect(say(brought.replies)).toContain('RD$1,950.00');
    expect(say(brought.replies)).not.toContain('espesor');
    expect(brought.reserve).toBeDefined();
  });

  it('leaves a store answer alone when the catalog does not have the product', () => {
    const out = answerInfoWithProducts(tenant, infoInput('tienen helicopteros y a que hora cierran', [{ query: 'helicopteros' }]), NOW, catalog);
    expect(out.answeredProducts).toBeUndefined();
    expect(say(out.replies)).toContain('6:00');
  });

  it('leaves a service about a product alone ("¿hacen cortes de madera?")', () => {
    const out = answerInfoWithProducts(tenant, infoInput('hacen cortes de madera?', [{ query: 'madera' }]), NOW, catalog);
    expect(out.answeredProducts).toBeUndefined();
    expect(say(out.replies)).not.toContain('RD$475');
  });

  it('puts where the store is before the price on the product route, and keeps "¿Te lo reservo?"', () => {
    const input: ProductActorInput = { tenantId: 'ferreteria', lang: 'es', intent: 'price_quote', understanding: understanding([{ query: 'cemento' }]), text: 'cuanto ta el cemento y donde ustedes quedan', idempotencyKey: 'k' };
    const out = withStoreAsked(catalog(input), input, tenant, NOW);
    const text = say(out.replies);
    expect(text).toContain('Av. Libertad');
    expect(text).toContain('RD$655.00');
    expect(out.reserve).toBeDefined();
  });

  it('adds nothing to a product question that asks no store question', () => {
    const input: ProductActorInput = { tenantId: 'ferreteria', lang: 'es', intent: 'price_quote', understanding: understanding([{ query: 'cemento' }]), text: 'quiero llevar 5 sacos de cemento', idempotencyKey: 'k' };
    const alone = catalog(input);
    expect(withStoreAsked(alone, input, tenant, NOW)).toBe(alone);
  });

  it('sets the product aside on a yes after the joined answer', async () => {
    const [first, second] = await chatOnFreshHost(tenant, brain, '+18095550101', 'tienen inodoro y hacen delivery?', 'si');
    expect(first).toContain('Inodoro');
    expect(first).toContain('Villa Hermosa');
    expect(second).toMatch(/T-\d+/);
    expect(second).toContain('Inodoro');
  });
});
