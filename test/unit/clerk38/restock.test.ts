import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asksRestock } from '../../../src/machines/restock-question.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { asksDeliveryTime } from '../../../src/machines/delivery-time.js';
import { restockAnswer } from '../../../src/actors/tools/restock-answer.js';
import { plainWords } from '../../../src/kernel/plain-words.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';

describe('when the store gets a product in again', () => {
  it.each([
    'y cuando les entra?', '¿Cuándo les llega?', 'pa cuando lo tienen de nuevo', 'sabes cuando te entra', 'i kuando les yega', 'cuando vuelve a haber?',
    'y no van a traer mas?', 'cuando lo reponen', 'tienen fecha de llegada?', 'para cuando les llega', 'cuando hay de nuevo',
    'when will you have it back in stock?', 'when do you get more?', "any idea when it'll be back in stock?", 'when are you getting them in again', 'will you restock it?',
  ])('should read %j as a restock question', (text) => {
    expect(asksRestock(plainWords(text))).toBe(true);
    expect(readFocusQuestion(text)).toEqual({ kind: 'restock' });
    expect(asksDeliveryTime(text)).toBe(false);
  });

  it.each([
    'cuando me llega?', 'cuando me lo traen', 'cuando llega mi pedido', 'para cuando lo tendria en caleta?', 'a que hora abren', 'when does it arrive?',
    'when do you have delivery', 'when are you open', 'cuantos trae la caja', 'tienen cemento?', 'cuando vuelve el encargado',
  ])('should not read %j as a restock question', (text) => {
    expect(asksRestock(plainWords(text))).toBe(false);
  });
});

describe('the restock answer', () => {
  let tenant: TenantData;
  const product = (sku: string): Product => tenant.catalog.find((p) => p.sku === sku) as Product;
  const focusOn = (sku: string, more: Partial<ProductFocus> = {}): ProductFocus => ({ sku, name: product(sku).name, price: product(sku).price, query: product(sku).name, ...more });
  beforeAll(async () => {
    tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  });

  it('should offer to let the customer know of a sold-out product, a yes being a backorder', () => {
    const out = restockAnswer(tenant, product('JAR-004'), focusOn('JAR-004'), 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.restock.out' });
    expect(out?.reserve).toEqual({ sku: 'JAR-004', name: product('JAR-004').name, quantity: 1, backorder: true });
  });

  it('should name the alternative in stock offered in its place, with its button', () => {
    const out = restockAnswer(tenant, product('ELE-010'), focusOn('ELE-010', { alternative: 'ELE-009' }), 'en');
    expect(out?.replies[0]).toMatchObject({ template: 'product.restock.out_alt', options: [{ text: product('ELE-009').name }] });
    expect(out?.reserve).toMatchObject({ sku: 'ELE-010', backorder: true });
  });

  it('should ask about the one out among the options shown', () => {
    const out = restockAnswer(tenant, product('ELE-016'), focusOn('ELE-016', { options: ['ELE-016', 'ELE-017', 'ELE-018'] }), 'es');
    expect(out?.reserve).toMatchObject({ sku: 'ELE-018', backorder: true });
  });

  it('should say a product in stock is there now and set it aside on a yes', () => {
    const out = restockAnswer(tenant, product('CEM-001'), focusOn('CEM-001', { quantity: 10 }), 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.restock.in' });
    expect(out?.reserve).toEqual({ sku: 'CEM-001', name: product('CEM-001').name, quantity: 10 });
  });
});

describe('how many the product comes in, roughly', () => {
  it.each(['cuantos clavos trae una libra mas o menos', 'cuantos vienen en la caja aproximadamente', 'how many come in a pack more or less?', 'cuantos trae el paquete'])('should read %j as a pack count', (text) => {
    expect(readFocusQuestion(text)).toEqual({ kind: 'pack_count' });
  });
});
