/**
 * A new count said for an order of several lines without saying which ("no, que sean 15", "make it
 * 20" after "10 sacos de cemento y 5 de arena"): a clerk with two lines in front of them asks which
 * one takes it, and keeps the count for the answer ("la arena", "el cemento", "la segunda"). A
 * count whose unit fits one line only ("que sean 15 sacos": the cement) changes that line at once.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ProductFocus, QuoteLine } from '../../machines/conversation.contract.js';
import { pickedOption, readFollowUpQuantity } from '../../machines/product-focus.js';
import { correctedCount } from '../../machines/count-words.js';
import { lineRecount } from '../../machines/line-recount.js';
import { plainWords } from '../../kernel/plain-words.js';
import type { CatalogIndex } from './catalog-search.js';
import { counterLines } from './order-total.js';
import { estimateLines, multiQuote } from './product-estimate.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { countUnit } from './units.js';
import { CHANGE_COUNT } from '../brain/rule/signals.js';

/** The selling unit a count's unit word names, as the catalog's `unit` starts ("sacos" → saco). */
const UNIT_OF: readonly [RegExp, string][] = [
  [/^(?:sacos?|zacos?|fundas?|bags?|qq|quintal(?:es)?)$/, 'saco'],
  [/^(?:galon(?:es|e|s)?|glns?|gallons?)$/, 'gal'],
  [/^(?:cubetas?|buckets?)$/, 'cubeta'],
  [/^(?:metros?|meters?)$/, 'metro'],
  [/^(?:pies?|feet|foot)$/, 'pie'],
  [/^(?:libras?|pounds?|lbs?)$/, 'libra'],
  [/^(?:rollos?|rolls?)$/, 'rollo'],
  [/^(?:laminas?|hojas?|sheets?|planchas?)$/, 'lamina'],
];

/** The lines a count may be for: the estimate on offer, else an estimate's lines still on the counter (its first line in focus, `at`). */
function linesOf(input: ProductActorInput): QuoteLine[] {
  if (input.estimate && input.estimate.length > 0) return [...input.estimate];
  return input.focus?.at !== undefined ? counterLines(input.focus) : [];
}

/**
 * The answer to a bare count said over several lines, or to the pick of the line a count asked
 * about was for; null when the message is neither.
 */
export function countForLine(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, lang: Lang): ProductActorOutput | null {
  const lines = linesOf(input);
  // "quiero cambiar la cantidad": what is noted, and which one to change to how many.
  if (CHANGE_COUNT.test(plainWords(text))) return changeWhich(tenant, input, lines.length > 0 ? lines : input.focus ? counterLines(input.focus) : [], lang);
  if (lines.length < 2) return null;
  const waiting = input.focus?.lineCount;
  if (waiting !== undefined) {
    const line = pickedLine(index, input, lines, text);
    return line ? withCount(tenant, index, lines, line.sku, waiting, lang) : null;
  }
  // "no, de 1/2 mejor 8", "el cemento mejor ponle 25": the one line the words or the size name takes the count.
  const recount = lineRecount(text);
  const named = recount !== null ? lineNamed(tenant, index, lines, recount.words) : undefined;
  if (recount !== null && named !== undefined) return withCount(tenant, index, lines, named.sku, recount.quantity, lang);
  // A product named ("que sean 15 de arena") is read by the usual rules; only a count alone asks which.
  if (input.understanding.products.length > 0 || input.understanding.nlu.entities.some((e) => e.type === 'product')) return null;
  const asked = readFollowUpQuantity(text);
  if (!asked || asked.change !== undefined) return null;
  const products = lines.map((l) => tenant.catalog.find((p) => p.sku === l.sku)).filter((p): p is Product => p !== undefined);
  // "que sean 15 sacos": the one line sold by the sack.
  const unit = asked.unit !== undefined ? UNIT_OF.find(([re]) => re.test(plainWords(asked.unit as string)))?.[1] : undefined;
  const fits = unit !== undefined ? products.filter((p) => plainWords(p.unit).startsWith(unit)) : [];
  if (fits.length === 1) return withCount(tenant, index, lines, (fits[0] as Product).sku, asked.quantity, lang);
  // "perdón, 3 no 5": the one line that had the count corrected.
  const was = correctedCount(text);
  const had = was !== undefined ? lines.filter((l) => l.quantity === was) : [];
  if (had.length === 1) return withCount(tenant, index, lines, (had[0] as QuoteLine).sku, asked.quantity, lang);
  const items = lines.flatMap((l) => {
    const p = products.find((c) => c.sku === l.sku);
    return p ? [{ quantity: l.quantity, name: p.name }] : [];
  });
  const focus: ProductFocus = { ...(input.focus ?? { sku: lines[0]!.sku, name: products[0]?.name ?? '', price: products[0]?.price ?? 0, query: products[0]?.name ?? '' }), lineCount: asked.quantity };
  // The lines stay on the counter (the focus's counts) while the customer says which: "2" then is the second line, not the quote offer's "No".
  return {
    outcome: 'answered',
    replies: [{ template: 'product.count_which', params: { quantity: String(asked.quantity), items }, options: optionsFor(products) }],
    focus,
  };
}

/** What is noted, asked which line and how many (one line: how many of it; none: what they want). */
function changeWhich(tenant: TenantData, input: ProductActorInput, lines: readonly QuoteLine[], lang: Lang): ProductActorOutput {
  const focus = input.focus ? { focus: input.focus } : {};
  const items = lines.flatMap((l) => {
    const p = tenant.catalog.find((c) => c.sku === l.sku);
    return p ? [{ quantity: l.quantity, name: p.name }] : [];
  });
  if (items.length === 0) {
    const product = input.focus ? tenant.catalog.find((p) => p.sku === input.focus?.sku) : undefined;
    if (!product) return { outcome: 'need_product', replies: [{ template: 'product.need_product' }] };
    return { outcome: 'answered', replies: [{ template: 'product.nothing_counted', params: { ...describeProduct(tenant, product, lang), units: countUnit(product.unit, 2, lang) } }], ...focus };
  }
  const reply = { template: items.length === 1 ? 'product.count_change_one' : 'product.count_change_which', params: { items, ...(items[0] as { quantity: number; name: string }) } };
  // Several lines stay an estimate on offer: "15 de cemento" next changes that line in its place.
  return items.length === 1 ? { outcome: 'answered', replies: [reply], ...focus } : { outcome: 'estimate', lines: [...lines], replies: [reply], ...focus };
}

/** The line a short answer picks: by its place ("la segunda"), or by the words of its product ("la arena", "al cemento"). */
function pickedLine(index: CatalogIndex, input: ProductActorInput, lines: readonly QuoteLine[], text: string): QuoteLine | undefined {
  const words = plainWords(text).replace(/^(?:(?:a|al|a la|el|la|los|las|de|del|the|to|for|on|ok|si|pues|entonces)\s+)+/, '').trim();
  if (words === '' || words.split(' ').length > 6) return undefined;
  const at = pickedOption(words, lines.length);
  if (at !== null) return lines[at];
  const said = input.understanding.products.map((p) => p.query).join(' ') || words;
  if (!said.split(' ').some((w) => index.correct(w) !== null)) return undefined;
  const hit = index.search(said, { limit: 30 }).find((m) => lines.some((l) => l.sku === m.product.sku));
  return hit ? lines.find((l) => l.sku === hit.product.sku) : undefined;
}

/**
 * The one line of several the words name: by the product's words ("cemento", "la arena"), else by a
 * size said alone ("1/2", "media"), read with each line's family word ("Varilla 1/2") — the line
 * that search puts first is the one, when only one line is.
 */
function lineNamed(tenant: TenantData, index: CatalogIndex, lines: readonly QuoteLine[], words: string): QuoteLine | undefined {
  const named = words.split(' ').filter((w) => index.correct(w) !== null);
  if (named.length > 0) {
    const hit = index.search(words, { limit: 30 }).find((m) => lines.some((l) => l.sku === m.product.sku));
    // Every product word said is that line's ("thinner sellador": another product named, not this line recounted).
    const itsOwn = hit !== undefined && named.every((w) => index.search(w, { limit: 30 }).some((m) => m.product.sku === hit.product.sku));
    return itsOwn ? lines.find((l) => l.sku === hit.product.sku) : undefined;
  }
  return lineOfSize(tenant, index, lines, words);
}

/** The one line a size said alone names ("1/2", "media"), read with each line's family word ("Varilla 1/2"); undefined when not exactly one. */
export function lineOfSize(tenant: TenantData, index: CatalogIndex, lines: readonly QuoteLine[], words: string): QuoteLine | undefined {
  // A product's word ("la pintura") names a product, not a size: never read as one of the lines.
  if (words === '' || words.split(' ').some((w) => index.correct(w) !== null)) return undefined;
  const sized = lines.filter((l) => {
    const family = tenant.catalog.find((p) => p.sku === l.sku)?.name.split(' ')[0];
    return family !== undefined && index.search(`${family} ${words}`, { limit: 1 })[0]?.product.sku === l.sku;
  });
  return sized.length === 1 ? sized[0] : undefined;
}

/** The lines with that one's count changed, priced again as an estimate. */
function withCount(tenant: TenantData, index: CatalogIndex, lines: readonly QuoteLine[], sku: string, quantity: number, lang: Lang): ProductActorOutput {
  const changed = lines.map((l) => (l.sku === sku ? { sku, quantity } : l));
  return multiQuote(tenant, estimateLines(tenant, changed), [], lang, index, false);
}
