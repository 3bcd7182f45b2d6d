import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, QuoteLine } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { estimateLines, multiQuote } from './product-estimate.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { countUnit } from './units.js';
import { removedWords } from '../../machines/order-words.js';

/**
 * "¿Cuánto es todo?" at the counter, with no estimate given yet: a clerk adds up what the customer
 * counted ("10 sacos de cemento", then "y 5 metros de arena"), or says what a total still needs —
 * which of the options just shown, or how many of what is on the counter. Never "¿Qué producto
 * estás buscando?" with the products in front of them.
 */

/** Products listed at most when asking for their counts. */
const MAX_ASKED = 3;

/**
 * The total of the products on the counter, or the question a total needs; null when nothing is
 * on it (then the catalog answers as usual).
 *
 * @example
 * // focus: 5 metros of sand, with 10 bags of cement counted before → an estimate of both lines.
 */
export function counterTotal(tenant: TenantData, index: CatalogIndex, focus: ProductFocus, lang: Lang, formal: boolean): ProductActorOutput | null {
  const byKey = (sku: string): Product | undefined => tenant.catalog.find((p) => p.sku === sku);
  const shown = (focus.options ?? []).map(byKey).filter((p): p is Product => p !== undefined);
  // "¿tienen varilla?" → the sizes, then "¿cuánto sería todo?": which one and how many, with the options again.
  if (shown.length >= 2) {
    return {
      outcome: 'answered',
      replies: [{ template: 'product.total_which', params: { items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(shown) }],
      focus,
    };
  }
  const counts = focus.counts ?? {};
  const recent = (focus.recent ?? []).filter((sku) => sku !== focus.sku);
  if (focus.quantity !== undefined) {
    // What was counted, in the order it was asked for.
    const lines: QuoteLine[] = [...recent.filter((sku) => counts[sku] !== undefined).reverse().map((sku) => ({ sku, quantity: counts[sku] as number })), { sku: focus.sku, quantity: focus.quantity }];
    return multiQuote(tenant, estimateLines(tenant, lines), [], lang, index, formal);
  }
  // Nothing counted of what is on the counter: how many of each it is, with its price (in the order asked about).
  const uncounted = [focus.sku, ...recent.filter((sku) => counts[sku] === undefined)].map(byKey).filter((p): p is Product => p !== undefined).slice(0, MAX_ASKED).reverse();
  const product = uncounted[0];
  if (!product) return null;
  if (uncounted.length === 1) {
    return { outcome: 'answered', replies: [{ template: 'product.total_count', params: { ...describeProduct(tenant, product, lang), units: countUnit(product.unit, 2, lang) } }], focus };
  }
  return { outcome: 'answered', replies: [{ template: 'product.total_counts', params: { items: uncounted.map((p) => describeProduct(tenant, p, lang)) } }], focus };
}

/** A message that replaces the line on the counter rather than adding one ("no, mejor el gris", "I mean the white one"). */
const REPLACES = /^\W*(?:no\b|nop\b|mejor\b|perd[oó]n\b|digo\b|quise decir\b|cambi[ao]|c[aá]mbia|en vez\b|en lugar\b|i mean\b|actually\b|rather\b|instead\b|sorry\b|change\b|make it\b)/i;

/**
 * The counts of the products talked about before the one now in focus (`ProductFocus.counts`):
 * the last one's count joins them unless this message replaces it.
 */
export function countsBefore(previous: ProductFocus, now: ProductFocus, recent: readonly string[], text: string | undefined): Record<string, number> | undefined {
  const counts: Record<string, number> = { ...(previous.counts ?? {}) };
  if (previous.quantity !== undefined && !(text !== undefined && REPLACES.test(text))) counts[previous.sku] = previous.quantity;
  const kept = Object.entries(counts).filter(([sku]) => sku !== now.sku && recent.includes(sku));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * The estimate on offer without the line the customer took off, priced again (with a word on what
 * was taken off); null when the message removes nothing of it or would leave nothing.
 */
export function withoutLine(tenant: TenantData, index: CatalogIndex, estimate: readonly QuoteLine[], text: string, lang: Lang): ProductActorOutput | null {
  const words = removedWords(text);
  if (words === null || estimate.length < 2) return null;
  // The line the words name best: the catalog's ranking of the estimate's products for those words.
  const ranked = index.search(words, { limit: 30 });
  const hit = ranked.find((m) => estimate.some((l) => l.sku === m.product.sku));
  if (!hit) return null;
  const left = estimate.filter((l) => l.sku !== hit.product.sku);
  const priced = multiQuote(tenant, estimateLines(tenant, left), [], lang, index, false);
  const kept = focusOfLines(tenant, left);
  return { ...priced, replies: [{ template: 'product.removed', params: { name: hit.product.name } }, ...priced.replies], ...(kept ? { focus: kept } : {}) };
}

/**
 * "quita la arena" with no estimate yet, after counts given one by one ("dame 10 sacos de
 * cemento", "y 5 de arena"): what stays counted on the counter, priced (or, nothing left, what
 * else); null when the words name nothing counted.
 */
export function counterWithout(tenant: TenantData, index: CatalogIndex, focus: ProductFocus, text: string, lang: Lang): ProductActorOutput | null {
  const words = removedWords(text);
  if (words === null) return null;
  const counts = focus.counts ?? {};
  const lines: QuoteLine[] = [
    ...(focus.recent ?? []).filter((sku) => sku !== focus.sku && counts[sku] !== undefined).reverse().map((sku) => ({ sku, quantity: counts[sku] as number })),
    ...(focus.quantity !== undefined ? [{ sku: focus.sku, quantity: focus.quantity }] : []),
  ];
  const hit = index.search(words, { limit: 30 }).find((m) => lines.some((l) => l.sku === m.product.sku));
  if (!hit) return null;
  const left = lines.filter((l) => l.sku !== hit.product.sku);
  const removed = { template: 'product.removed', params: { name: hit.product.name } };
  // Nothing counted left: the product stays talked of, with no count ("¿cuánto es todo?" then asks how many).
  const { quantity: _q, counts: _c, recent: _r, options: _o, ...bare } = focus;
  if (left.length === 0) return { outcome: 'answered', replies: [{ template: 'product.removed_all', params: { name: hit.product.name } }], focus: bare };
  const priced = multiQuote(tenant, estimateLines(tenant, left), [], lang, index, false);
  const kept = focusOfLines(tenant, left);
  return { ...priced, replies: [removed, ...priced.replies], ...(kept ? { focus: kept } : {}) };
}

/** What stays counted after a line is taken off: the last line in focus with its count, the others' counts with it. */
function focusOfLines(tenant: TenantData, left: readonly QuoteLine[]): ProductFocus | undefined {
  const last = left.at(-1);
  const product = last && tenant.catalog.find((p) => p.sku === last.sku);
  if (!last || !product) return undefined;
  const others = left.slice(0, -1).reverse();
  return {
    sku: product.sku, name: product.name, price: product.price, query: product.name, quantity: last.quantity,
    ...(others.length > 0 ? { recent: others.map((l) => l.sku), counts: Object.fromEntries(others.map((l) => [l.sku, l.quantity])) } : {}),
  };
}

/** A reply that took a line off (`withoutLine`, `counterWithout`): its focus says what stays counted. */
export const takesLineOff = (out: ProductActorOutput): boolean => {
  const first = out.replies[0];
  return first !== undefined && 'template' in first && (first.template === 'product.removed' || first.template === 'product.removed_all');
};
