import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { countUnit, priceUnit } from './units.js';

const MAX_SHOWN = 3;
const SHOWN_RELATIVE_SCORE = 0.8;

interface Wanted {
  query: string;
  quantity?: number;
}

function availability(tenant: TenantData, product: Product, lang: Lang): string {
  const directive: ReplyDirective =
    product.stock > 0
      ? { template: 'product.stock.available', params: { count: product.stock, unit: countUnit(product.unit, product.stock, lang) } }
      : { template: 'product.stock.out' };
  return renderReply(directive, tenant.templates, lang);
}

function describeProduct(tenant: TenantData, product: Product, lang: Lang): { name: string; price: string; unit: string; availability: string } {
  return {
    name: product.name,
    price: formatMoney(product.price),
    unit: priceUnit(product.unit, lang),
    availability: availability(tenant, product, lang),
  };
}

/** An in-stock product to offer instead of an exhausted one: same search first, then same category. */
function alternativeFor(tenant: TenantData, index: CatalogIndex, product: Product, query: string): Product | undefined {
  const fromSearch = index
    .search(query, { limit: 10 })
    .map((m) => m.product)
    .find((p) => p.sku !== product.sku && p.stock > 0);
  if (fromSearch) return fromSearch;
  return tenant.catalog
    .filter((p) => p.category === product.category && p.sku !== product.sku && p.stock > 0)
    .sort((a, b) => Math.abs(a.price - product.price) - Math.abs(b.price - product.price))[0];
}

function altParams(tenant: TenantData, alt: Product, lang: Lang): Record<string, string> {
  return { altName: alt.name, altPrice: formatMoney(alt.price), altAvailability: availability(tenant, alt, lang) };
}

function wantedItems(input: ProductActorInput, text: string | undefined): Wanted[] {
  const fromBrain = input.understanding.products.filter((p) => p.query.trim() !== '');
  if (fromBrain.length > 0) return fromBrain;
  const fromEntities = input.understanding.nlu.entities.filter((e) => e.type === 'product' && e.value.trim() !== '');
  if (fromEntities.length > 0) return fromEntities.map((e) => ({ query: e.value }));
  return text !== undefined && text.trim() !== '' ? [{ query: text }] : [];
}

function quantityOf(item: Wanted): number {
  return item.quantity !== undefined && Number.isFinite(item.quantity) && item.quantity > 0 ? item.quantity : 1;
}

/**
 * Answers a product inquiry or a price quote from the tenant's catalog. Pure: same input, same
 * replies. `options.text` (the customer's message) is searched when the brain found no product
 * phrase; the contract's input does not carry the text.
 *
 * Outcomes: `answered`; `multi_quote` (a price quote for ≥ 2 items, the machine opens a quote
 * ticket); `need_product` (nothing to look up); `not_found` (nothing in the catalog resembles it).
 */
export function answerProduct(
  tenant: TenantData,
  index: CatalogIndex,
  input: ProductActorInput,
  options: { text?: string } = {},
): ProductActorOutput {
  const lang = input.lang;
  const wanted = wantedItems(input, options.text);
  if (wanted.length === 0) return { outcome: 'need_product', replies: [{ template: 'product.need_product' }] };

  if (input.intent === 'price_quote' && wanted.length >= 2) {
    const found: { item: Wanted; product: Product }[] = [];
    const missing: string[] = [];
    for (const item of wanted) {
      const best = index.search(item.query, { limit: 1 })[0];
      if (best) found.push({ item, product: best.product });
      else missing.push(item.query);
    }
    if (found.length === 0) return notFound(wanted);
    let total = 0;
    const items = found.map(({ item, product }) => {
      const quantity = quantityOf(item);
      const subtotal = product.price * quantity;
      total += subtotal;
      const described = describeProduct(tenant, product, lang);
      return { quantity, name: described.name, price: described.price, subtotal: formatMoney(subtotal), availability: described.availability };
    });
    const template = missing.length > 0 ? 'product.multi_quote_partial' : 'product.multi_quote';
    return {
      outcome: 'multi_quote',
      replies: [{ template, params: { items, total: formatMoney(total), ...(missing.length > 0 ? { missing: missing.join(', ') } : {}) } }],
    };
  }

  if (input.intent === 'price_quote') {
    const item = wanted[0] as Wanted;
    const best = index.search(item.query, { limit: 1 })[0];
    if (!best) return notFound(wanted);
    const product = best.product;
    const described = describeProduct(tenant, product, lang);
    const alt = product.stock > 0 ? undefined : alternativeFor(tenant, index, product, item.query);
    const suffix = alt ? '_alt' : '';
    const params = { ...described, ...(alt ? altParams(tenant, alt, lang) : {}) };
    if (item.quantity !== undefined && quantityOf(item) > 1) {
      const quantity = quantityOf(item);
      return {
        outcome: 'answered',
        replies: [{ template: `product.quote_qty${suffix}`, params: { ...params, quantity, total: formatMoney(product.price * quantity) } }],
      };
    }
    return { outcome: 'answered', replies: [{ template: `product.quote${suffix}`, params }] };
  }

  // Inquiry: one phrase shows its best matches; several phrases show the best match of each.
  const shown: { product: Product; query: string }[] = [];
  if (wanted.length === 1) {
    const item = wanted[0] as Wanted;
    const matches = index.search(item.query, { limit: MAX_SHOWN });
    const top = matches[0]?.score ?? 0;
    // Show alternatives only when they are nearly as good a match: "cemento gris" is not grey paint.
    for (const match of matches) if (match.score >= top * SHOWN_RELATIVE_SCORE) shown.push({ product: match.product, query: item.query });
  } else {
    for (const item of wanted) {
      const best = index.search(item.query, { limit: 1 })[0];
      if (best && !shown.some((s) => s.product.sku === best.product.sku)) shown.push({ product: best.product, query: item.query });
      if (shown.length === MAX_SHOWN) break;
    }
  }
  if (shown.length === 0) return notFound(wanted);
  const items = shown.map(({ product }) => describeProduct(tenant, product, lang));
  const first = shown[0] as { product: Product; query: string };
  const alt = first.product.stock > 0 ? undefined : alternativeFor(tenant, index, first.product, first.query);
  if (alt) {
    return {
      outcome: 'answered',
      replies: [{ template: 'product.found_alt', params: { items, outName: first.product.name, ...altParams(tenant, alt, lang) } }],
    };
  }
  return { outcome: 'answered', replies: [{ template: 'product.found', params: { items } }] };
}

function notFound(wanted: Wanted[]): ProductActorOutput {
  return {
    outcome: 'not_found',
    replies: [{ template: 'product.not_found', params: { query: wanted.map((w) => w.query.trim()).join(', ') } }],
  };
}
