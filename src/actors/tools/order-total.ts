import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, QuoteLine } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { estimateLines, multiQuote } from './product-estimate.js';
import { describeProduct, optionsFor, type Found } from './product-parts.js';
import { quantityOf } from './product-request.js';
import { plainWords } from '../../kernel/plain-words.js';
import { countUnit } from './units.js';
import { removedWords } from '../../machines/order-words.js';
import { foldAccents } from '../../kernel/fold.js';
import { createLru, remembered } from '../../kernel/lru.js';
import { COLOUR_EN } from './colour-names.js';

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
  // ...but not the ready colours listed beside a mixed paint already ordered ("un galón de pintura azul"): that order is the total.
  // "¿cuánto cuesta todo eso?" after the parts of one fix ("salidero debajo del fregadero": the trap and the teflon): one of each, priced together.
  // ...and so after a job's parts offered together ("¿Te cotizo todo, uno de cada uno?", `kit`).
  if (shown.length >= 2 && (focus.fault !== undefined || focus.kit) && focus.quantity === undefined && Object.keys(focus.counts ?? {}).length === 0) {
    return multiQuote(tenant, estimateLines(tenant, shown.map((p) => ({ sku: p.sku, quantity: 1 }))), [], lang, index, formal);
  }
  if (shown.length >= 2 && !(focus.mix !== undefined && focus.quantity !== undefined)) {
    return {
      outcome: 'answered',
      replies: [{ template: 'product.total_which', params: { items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(shown) }],
      focus,
    };
  }
  const counts = focus.counts ?? {};
  const countOf = (sku: string): number | undefined => (sku === focus.sku ? (focus.quantity ?? (focus.one ? 1 : undefined)) : counts[sku]);
  // What is on the counter, in the order the customer asked for it.
  const order = counterOrder(focus);
  const counted: QuoteLine[] = order.flatMap((sku) => {
    const quantity = countOf(sku);
    return quantity !== undefined ? [{ sku, quantity }] : [];
  });
  // The latest few talked of without a count.
  const uncounted = order.filter((sku) => countOf(sku) === undefined).map(byKey).filter((p): p is Product => p !== undefined).slice(-MAX_ASKED);
  if (counted.length > 0) {
    // A mixed paint's line is the colour ordered, on its base ("Pintura Acrílica Tropical Blanco (galón), preparada en azul"),
    // the one in focus or one counted before it ("2 galones de pintura azul", "y 2 rodillos").
    const priced = mixedEstimate(tenant, index, estimateLines(tenant, counted), focus, lang, formal);
    // Some counted, some not: the total of what is counted, and how many of the others (never a silent partial total).
    // One already said to be sold out ("lavamanos … agotado", then the toilet counted) is not asked for again.
    const askable = uncounted.filter((p) => p.stock > 0);
    return askable.length > 0 && !formal ? withUncounted(tenant, priced, counted, askable, lang) : priced;
  }
  // Nothing counted of what is on the counter: how many of each it is, with its price (in the order asked about).
  const product = uncounted[0];
  if (!product) return null;
  if (uncounted.length === 1) {
    return { outcome: 'answered', replies: [{ template: 'product.total_count', params: { ...describeProduct(tenant, product, lang), units: countUnit(product.unit, 2, lang) } }], focus };
  }
  return { outcome: 'answered', replies: [{ template: 'product.total_counts', params: { items: uncounted.map((p) => describeProduct(tenant, p, lang)) } }], focus };
}

/**
 * The estimate of the counter's lines with each paint mixed for the customer named as ordered, on its
 * base ("Pintura Acrílica Tropical Blanco (galón), preparada en azul"), whether it is in focus or was
 * counted before the rollers; its focus keeps the colours, so the total asked again names them too.
 */
export function mixedEstimate(tenant: TenantData, index: CatalogIndex, lines: Found[], focus: ProductFocus | undefined, lang: Lang, formal: boolean): ProductActorOutput {
  const onCounter = focus ? { ...(focus.mixes ?? {}), ...(focus.mix !== undefined && focus.quantity !== undefined ? { [focus.sku]: focus.mix } : {}) } : {};
  const mixed = Object.fromEntries(Object.entries(onCounter).filter(([sku]) => lines.some((l) => l.match.product.sku === sku)));
  const named = Object.fromEntries(Object.entries(mixed).map(([sku, mix]) => [sku, `${tenant.catalog.find((p) => p.sku === sku)?.name ?? sku}, ${lang === 'en' ? 'mixed in' : 'preparada en'} ${lang === 'en' ? (COLOUR_EN[mix] ?? mix) : mix}`]));
  return withMixes(multiQuote(tenant, lines, [], lang, index, formal, named), mixed);
}

/** The estimate's focus keeps the colours mixed on its lines (its own `mix`, the others' `mixes`), so the total asked again still names them. */
function withMixes(out: ProductActorOutput, mixed: Readonly<Record<string, string>>): ProductActorOutput {
  const focus = out.focus;
  if (!focus || Object.keys(mixed).length === 0) return out;
  const { [focus.sku]: own, ...others } = mixed;
  return { ...out, focus: { ...focus, ...(own !== undefined ? { mix: own } : {}), ...(Object.keys(others).length > 0 ? { mixes: others } : {}) } };
}

/**
 * The products on the counter in the customer's order, earliest first: `recent` (latest first)
 * turned round, with the one in focus at its place (`at`; last when absent).
 */
export function counterOrder(focus: ProductFocus): string[] {
  const before = (focus.recent ?? []).filter((sku) => sku !== focus.sku).reverse();
  const at = focus.at !== undefined ? Math.min(Math.max(focus.at, 0), before.length) : before.length;
  return [...before.slice(0, at), focus.sku, ...before.slice(at)];
}

/**
 * The total of the counted lines, and the products without a count named as left out of it with
 * the question of how many: the focus is on the last of those, so a bare "5" counts it.
 */
function withUncounted(tenant: TenantData, priced: ProductActorOutput, counted: readonly QuoteLine[], uncounted: readonly Product[], lang: Lang): ProductActorOutput {
  const [reply, ...rest] = priced.replies;
  if (!reply || !('template' in reply) || tenant.templates[lang]?.['product.estimate_uncounted'] === undefined) return priced;
  const names = uncounted.map((p) => `*${p.name}*`);
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${names.at(-1)}`;
  const last = uncounted.at(-1) as Product;
  const focus = counterFocus(tenant, [...counted, ...uncounted.slice(0, -1).map((p) => ({ sku: p.sku })), { sku: last.sku }], last.sku);
  const { options: _options, ...bare } = reply;
  return { ...priced, replies: [{ ...bare, template: 'product.estimate_uncounted', params: { ...reply.params, uncounted: joined ?? '', count: uncounted.length } }, ...rest], ...(focus ? { focus } : {}) };
}

/**
 * The focus on one product of the counter (`target`), the others kept as `recent` with their
 * counts and its place among them (`at`): the lines in the customer's order, earliest first.
 */
export function counterFocus(tenant: TenantData, lines: readonly { sku: string; quantity?: number }[], target: string): ProductFocus | undefined {
  const product = tenant.catalog.find((p) => p.sku === target);
  const at = lines.findIndex((l) => l.sku === target);
  if (!product || at < 0) return undefined;
  const self = lines[at] as { sku: string; quantity?: number };
  const others = lines.filter((l) => l.sku !== target);
  const counts = Object.fromEntries(others.flatMap((l) => (l.quantity !== undefined ? [[l.sku, l.quantity]] : [])));
  return {
    sku: product.sku, name: product.name, price: product.price, query: product.name,
    ...(self.quantity !== undefined ? { quantity: self.quantity } : {}),
    ...(others.length > 0 ? { recent: others.map((l) => l.sku).reverse() } : {}),
    ...(Object.keys(counts).length > 0 ? { counts } : {}),
    ...(at < lines.length - 1 ? { at } : {}),
  };
}

/** A message that replaces the line on the counter rather than adding one ("no, mejor el gris", "I mean the white one"). */
const REPLACES = /^\W*(?:no\b|nop\b|mejor\b|perd[oó]n\b|digo\b|quise decir\b|cambi[ao]|c[aá]mbia|en vez\b|en lugar\b|i mean\b|actually\b|rather\b|instead\b|sorry\b|change\b|make it\b)/i;

/**
 * "la de 3/4", "el de 1/2?", "the 3/4 one" right after a price: the size or kind the customer meant,
 * picked instead of the one priced (a clerk swaps the board, not adds one); "y la de 3/4", "la de 3/4
 * también", "otra de 3/4" add one.
 */
const PICKS_ANOTHER = /^\W*(?:(?:el|la|los|las)\s+(?:de|del|en)\b|de\s+\d|the\s+(?:\d|one\b|[a-z]+\s+one\b)|in\s+\d)/i;
const ADDS = /\b(?:tambi[eé]n|tb|also|too|as well|otr[oa]s?|another|m[aá]s|more|aparte|adem[aá]s)\b|\d+\s*(?:x|de cada|of each)\b/i;
function picksAnotherOfIt(text: string): boolean {
  return text.length <= 40 && PICKS_ANOTHER.test(text) && !ADDS.test(text);
}

/**
 * The message replaces the product in focus with another of its kind ("no, mejor el blanco" after
 * the grey cement, "I mean the white one"): the one replaced leaves the counter, count and all. A
 * product of another kind ("no tienen arena?") joins it.
 */
export function replacesFocus(tenant: TenantData, previous: ProductFocus, now: ProductFocus, text: string | undefined): boolean {
  if (text === undefined || previous.sku === now.sku || !(REPLACES.test(text) || picksAnotherOfIt(text))) return false;
  const category = (sku: string): string | undefined => tenant.catalog.find((p) => p.sku === sku)?.category;
  return category(previous.sku) !== undefined && category(previous.sku) === category(now.sku);
}

/**
 * The counts of the products talked about before the one now in focus (`ProductFocus.counts`):
 * the last one's count joins them unless this message replaces it.
 */
/**
 * A pick among the options shown when the product in focus was not one of them ("pintura azul" →
 * the colours there are → "el blanco"): the product behind the list was never the customer's, and a
 * count said before the pick ("dame 2") is the pick's. It leaves the counter as a replaced one does.
 */
export function pickedInstead(previous: ProductFocus, now: ProductFocus): boolean {
  return previous.options?.includes(now.sku) === true && !previous.options.includes(previous.sku);
}

/**
 * A product only shown (never counted) followed by a count of another of its family ("cemento" → the
 * Cemex shown → "dame 10 del Cibao"; the 5/8" rebar out of stock → "entonces dame 10 de 3/8"; the
 * white paint → "3 galones de la blanco hueso"): the customer chose that one instead, so the one
 * shown leaves the counter and "¿cuánto es todo?" never asks its count. Family: the same shelf and
 * the same first word of the name; going back to one talked of before keeps both.
 */
export function countedInstead(tenant: TenantData, previous: ProductFocus, now: ProductFocus): boolean {
  if (previous.sku === now.sku || now.quantity === undefined || previous.quantity !== undefined || previous.one === true || previous.counts?.[previous.sku] !== undefined) return false;
  // "tienen cemento blanco?", "y gris?", "dame 10 del blanco": back to one talked of before, both still weighed ("y 5 del otro").
  if (previous.recent?.includes(now.sku)) return false;
  const shown = tenant.catalog.find((p) => p.sku === previous.sku);
  const picked = tenant.catalog.find((p) => p.sku === now.sku);
  const head = (name: string): string => foldAccents(name).split(/[^a-z0-9]+/)[0] ?? '';
  return shown !== undefined && picked !== undefined && shown.category === picked.category && head(shown.name) === head(picked.name);
}

/** The colours of mixed paints on the counter before the one now in focus (`ProductFocus.mixes`), kept while their lines are. */
export function mixesBefore(previous: ProductFocus, now: ProductFocus, recent: readonly string[], replaced: boolean): { mixes?: Record<string, string> } {
  const mixes: Record<string, string> = { ...(previous.mixes ?? {}), ...(now.mixes ?? {}) };
  if (previous.mix !== undefined && previous.sku !== now.sku && !replaced) mixes[previous.sku] = previous.mix;
  const kept = Object.entries(mixes).filter(([sku]) => sku !== now.sku && recent.includes(sku));
  return kept.length > 0 ? { mixes: Object.fromEntries(kept) } : {};
}

export function countsBefore(previous: ProductFocus, now: ProductFocus, recent: readonly string[], replaced: boolean): Record<string, number> | undefined {
  const counts: Record<string, number> = { ...(previous.counts ?? {}) };
  if ((previous.quantity !== undefined || previous.one) && !replaced) counts[previous.sku] = previous.quantity ?? 1;
  // "también un rodillo y una bandeja": the lines just counted beside the one in focus keep their counts too.
  Object.assign(counts, now.counts ?? {});
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
  const hit = ranked.find((m) => estimate.some((l) => l.sku === m.product.sku)) ?? headNamed(tenant, estimate, words);
  if (!hit) return null;
  const left = estimate.filter((l) => l.sku !== hit.product.sku);
  const priced = multiQuote(tenant, estimateLines(tenant, left), [], lang, index, false);
  const kept = focusOfLines(tenant, left);
  return { ...priced, replies: [{ template: 'product.removed', params: { name: hit.product.name } }, ...priced.replies], ...(kept ? { focus: kept } : {}) };
}

/**
 * The one line whose product's name starts with a word said ("quita la caja" with the octagonal box
 * on the estimate): a word the search reads as a pack ("caja") still names that line.
 */
function headNamed(tenant: TenantData, lines: readonly QuoteLine[], words: string): { product: Product } | undefined {
  const said = new Set(foldAccents(words).split(/[^a-z0-9]+/).flatMap((w) => (w.endsWith('s') ? [w, w.slice(0, -1)] : [w])));
  const hits = lines.map((l) => tenant.catalog.find((p) => p.sku === l.sku)).filter((p): p is Product => p !== undefined && said.has(foldAccents(p.name).split(/[^a-z0-9]+/)[0] ?? ''));
  return hits.length === 1 ? { product: hits[0] as Product } : undefined;
}

/**
 * "quita la arena" with no estimate yet, after counts given one by one ("dame 10 sacos de
 * cemento", "y 5 de arena"): what stays counted on the counter, priced (or, nothing left, what
 * else); null when the words name nothing counted.
 */
export function counterWithout(tenant: TenantData, index: CatalogIndex, focus: ProductFocus, text: string, lang: Lang): ProductActorOutput | null {
  const words = removedWords(text);
  if (words === null) return null;
  const lines = counterLines(focus);
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

/** The counted lines on the counter (no estimate on offer), in the customer's order. */
export function counterLines(focus: ProductFocus): QuoteLine[] {
  const counts = focus.counts ?? {};
  return counterOrder(focus).flatMap((sku) => {
    const quantity = sku === focus.sku ? focus.quantity : counts[sku];
    return quantity !== undefined ? [{ sku, quantity }] : [];
  });
}

/** What stays counted after a line is taken off: the last line in focus with its count, the others' counts with it. */
export function focusOfLines(tenant: TenantData, left: readonly QuoteLine[]): ProductFocus | undefined {
  const last = left.at(-1);
  return last ? counterFocus(tenant, left, last.sku) : undefined;
}

/** A reply that took a line off (`withoutLine`, `counterWithout`): its focus says what stays counted. */
export const takesLineOff = (out: ProductActorOutput): boolean => {
  const first = out.replies[0];
  return first !== undefined && 'template' in first && (first.template === 'product.removed' || first.template === 'product.removed_all');
};

/** Several products answered at once stay on the counter in the order said, the first in focus (`at` 0): "3 de cada uno" then counts them all. */
export function withShown(focus: ProductFocus, shown: readonly Found[]): ProductFocus {
  const others = shown.map((f) => f.match.product.sku).filter((sku) => sku !== focus.sku);
  return others.length > 0 ? { ...focus, recent: others.reverse(), at: 0 } : focus;
}

/**
 * Several products in one message, some with a count and some without ("10 sacos de cemento y
 * arena"): the counted ones priced, the others named as left out with the question of how many;
 * null when all or none have a count.
 */
/**
 * The article (`articles`, alternatives), up to `gap` words, then the product's first word `head`,
 * keyed `articles\0head\0gap`: built once per key and kept (no `new RegExp` per call, issue 16;
 * not global, so `test` keeps no state between calls).
 */
const headPattern = (key: string): RegExp =>
  remembered(headPatterns, key, () => {
    const [articles, head, gap] = key.split('\u0000') as [string, string, string];
    return new RegExp(String.raw`\b(?:${articles})\s+(?:(?!(?:and|y|or|o|de|of|with|con)\s)[a-z0-9/]+\s+){0,${gap}}${head}\b`);
  });
const headPatterns = createLru<RegExp>(256);
/** "un"/"una" (Spanish) or "a"/"an" (English) before the product's first word ("I need a 10 inch trowel", "y una pala"): one of it. */
const ONE: Record<Lang, string> = { es: 'un|una|uno', en: 'a|an|one' };
function saysOne(text: string, query: string, lang: Lang): boolean {
  const head = plainWords(query).split(' ')[0];
  return head !== undefined && head !== '' && headPattern(`${ONE[lang]}\u0000${head}\u00003`).test(plainWords(text));
}

/**
 * One product answered that the customer asked for with "a"/"un" and no count: one of it is on the
 * counter ("I need a trowel", "and a level", then "how much all together" adds one of each). The
 * answer says its price as for any product; only the total reads it.
 */
export function withOneSaid(out: ProductActorOutput, text: string | undefined, lang: Lang): ProductActorOutput {
  const focus = out.focus;
  if (!focus || text === undefined || focus.quantity !== undefined || (focus.options?.length ?? 0) >= 2 || (focus.recent?.length ?? 0) > 0 || !saysOne(text, focus.query, lang)) return out;
  return { ...out, focus: { ...focus, one: true } };
}

/**
 * Every product of a list said with "un"/"una", "a"/"an" ("un inodoro y un anillo de cera, ¿cuánto
 * es todo?", "a hammer and a brush"): the customer counted one of each, so the list is an estimate,
 * never "¿cuántos de cada uno?" ("el cemento y la arena" still asks).
 */
export function oneOfEach(found: readonly Found[], text: string | undefined, lang: Lang): boolean {
  return text !== undefined && found.length >= 2 && found.every((f) => saysOne(text, f.item.query, lang));
}

/** The counter of a list said one of each ("a trowel and a level"): the one in focus and every other shown counted as one. */
export function oneOfEachCounted(focus: ProductFocus): ProductFocus {
  const others = focus.recent ?? [];
  return { ...focus, one: true, ...(others.length > 0 ? { counts: { ...Object.fromEntries(others.map((sku) => [sku, 1])), ...(focus.counts ?? {}) } } : {}) };
}

/** "el"/"la", "the" before the product's first word. */
const THE: Record<Lang, string> = { es: 'el|la', en: 'the' };
/** Goods sold by the piece: one of them said with "el"/"la" is one; bulk goods ("y la arena", "el cemento") are asked. */
const BY_PIECE = /^(?:unidad|par|juego)$/;
function saysThePiece(f: Found, text: string, lang: Lang): boolean {
  const head = plainWords(f.item.query).split(' ')[0];
  return BY_PIECE.test(f.match.product.unit) && head !== undefined && head !== '' && headPattern(`${THE[lang]}\u0000${head}\u00002`).test(plainWords(text));
}

export function partlyCounted(tenant: TenantData, index: CatalogIndex, found: readonly Found[], text: string, lang: Lang): ProductActorOutput | null {
  // "4 sacos de cemento y un inodoro", "and a toilet": one, said with the article; "la llana de 1/4 y
  // 3 bolsas de crucetas": one trowel too (a piece), while "10 sacos de cemento y la arena" asks.
  const one = (f: Found): boolean => saysOne(text, f.item.query, lang) || saysThePiece(f, text, lang);
  const counted = found.filter((f) => f.item.quantity !== undefined || one(f));
  const uncounted = found.filter((f) => !counted.includes(f)).map((f) => f.match.product);
  if (counted.length === 0 || uncounted.length === 0) return null;
  const priced = multiQuote(tenant, counted, [], lang, index, false);
  return withUncounted(tenant, priced, counted.map((f) => ({ sku: f.match.product.sku, quantity: quantityOf(f.item) })), uncounted, lang);
}

/**
 * A new estimate ("un rodillo y una bandeja", "a roller and a tray") made while the counter holds
 * lines counted before it (the gallon of paint): a clerk keeps the running order, so the estimate is
 * the whole counter (`counterTotal` of `kept`), never the new lines alone with the gallon dropped
 * until "¿cuánto es todo?". Only when every product on the counter is counted (else the new lines
 * stand alone, as before) and `out` is an estimate of two lines or more.
 */
export function keepsRunningOrder(kept: ProductFocus, out: ProductActorOutput): boolean {
  const lines = out.lines;
  if (!lines || lines.length < 2 || (kept.options?.length ?? 0) >= 2) return false;
  const countOf = (sku: string): number | undefined => (sku === kept.sku ? (kept.quantity ?? (kept.one ? 1 : undefined)) : kept.counts?.[sku]);
  const order = counterOrder(kept);
  return order.every((sku) => countOf(sku) !== undefined) && order.some((sku) => !lines.some((l) => l.sku === sku));
}
