import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, QuoteLine, ReplyDirective } from '../../machines/conversation.contract.js';
import { addsToLine, removedWords, takesCountOff } from '../../machines/order-words.js';
import type { CatalogIndex } from './catalog-search.js';
import { counterFocus, counterLines } from './order-total.js';
import { estimateLines, multiQuote } from './product-estimate.js';
import { shownOptions } from './product-kinds.js';
import { describeProduct, optionsFor, type Found } from './product-parts.js';
import { quantityOf, type Wanted } from './product-request.js';
import { plainWords } from '../../kernel/plain-words.js';
import { lineOfSize } from './line-count.js';
import { quoteOne } from './product-quote-one.js';
import { countUnit } from './units.js';
import { completedLikeLine, switchesLine } from './line-switch.js';

/**
 * Taking off what is on the counter, as a clerk with the order in front of them does: "quítale 2"
 * takes two off the line (all of it when that is all there is), "quítale 20" when only 10 are noted
 * says what is noted and asks, "quítale 2" with nothing noted yet asks how many they want, and "sin
 * la pintura" when no paint is on it says so and keeps the order as it is. Never a count added, a
 * size read from the number or a new search of what was taken off.
 */

/** Words around a product's name that are no part of it ("la pintura" → "pintura"). */
const ARTICLE = /^(?:(?:el|la|los|las|lo|un|una|unos|unas|the|a|an|my|mi|mis|de|del)\s+)+/;
/** Words that want something rather than take it off ("no quiero el blanco, quiero el gris"): a change of product, not a removal. */
const WANTS = /\b(?:quiero|dame|ponme|necesito|mejor|pero|sino|want|give|need|instead|rather|but)\b/;
/** An inch fraction said for a line ("la de 3/8", "la de 1 1/2"). */
const FRACTION = /(?<![\d/])(\d+(?:\s\d+)?\/\d+)(?![\d/])/;
/** A unit word that says nothing about which line ("quítale 2 unidades"). */
const ANY_UNIT = /^(?:unidades?|units?|piezas?|pieces?)$/;

/**
 * The answer to a count or a product taken off the counter (`estimate` on offer, else the counted
 * lines of `focus`); null when the message takes nothing off or the usual readings answer it
 * (`withoutLine`, `counterWithout` take a named line off first).
 */
export function takeOffCounter(tenant: TenantData, index: CatalogIndex, focus: ProductFocus | undefined, estimate: readonly QuoteLine[] | undefined, text: string, lang: Lang): ProductActorOutput | null {
  const onOffer = estimate !== undefined && estimate.length > 0;
  const lines: QuoteLine[] = onOffer ? [...estimate] : focus ? counterLines(focus) : [];
  // "súbele 5 al cemento", "agrégale 5 sacos más de cemento": that line, that many more (the others as they are).
  const more = lines.length > 0 ? addsToLine(text) : null;
  const added = more ? lineNamed(index, lines, more.words) : undefined;
  if (more && added) return reprice(tenant, index, lines.map((l) => (l.sku === added.sku ? { ...l, quantity: l.quantity + more.quantity } : l)), lang);
  const off = takesCountOff(text);
  if (off) return countOff(tenant, index, focus, lines, onOffer, off, lang, text);
  // "sin la pintura" with cement and sand noted: no paint on it; the order stays as it is.
  const words = removedWords(text);
  if (words === null || lines.length === 0) return null;
  const named = words.replace(ARTICLE, '').trim();
  if (named === '' || named.split(' ').length > 4 || WANTS.test(named)) return null;
  const hit = index.search(named, { limit: 30 }).find((m) => lines.some((l) => l.sku === m.product.sku));
  if (hit) return lines.length === 1 ? removedAll(tenant, hit.product, focus) : null;
  // Only what names goods of the catalog: "sin factura" or "sin prisa" is no line.
  const known = named.split(' ').some((word) => index.correct(word) !== null);
  if (!known || index.search(named, { limit: 1 }).length === 0) return null;
  return again(tenant, index, lines, focus, { template: 'product.not_on_counter', params: { words: named } }, lang);
}

function countOff(
  tenant: TenantData,
  index: CatalogIndex,
  focus: ProductFocus | undefined,
  lines: readonly QuoteLine[],
  onOffer: boolean,
  off: Readonly<{ quantity: number; unit?: string; words: string | null }>,
  lang: Lang,
  text: string,
): ProductActorOutput | null {
  const n = off.quantity;
  // Options shown and none chosen yet ("dame 10" → "¿de cuál?"): the count waiting for the pick is what changes.
  const listed = !onOffer && focus && off.words === null ? shownOptions(tenant.catalog, focus) : undefined;
  if (listed && focus) {
    const names = listed.map((p) => `*${p.name}*`);
    const joined = `${names.slice(0, -1).join(', ')} ${lang === 'en' ? 'or' : 'o'} ${names.at(-1)}`;
    const { quantity: waiting, ...rest } = focus;
    if (waiting !== undefined && n < waiting) {
      return { outcome: 'answered', replies: [{ template: 'product.which_of', params: { quantity: String(waiting - n), names: joined }, options: optionsFor(listed) }], focus: { ...focus, quantity: waiting - n } };
    }
    return { outcome: 'answered', replies: [{ template: 'product.nothing_counted_which', params: { names: joined }, options: optionsFor(listed) }], focus: rest };
  }
  if (lines.length === 0) {
    // Nothing noted of the product on the counter: how many of it they want.
    const product = focus && tenant.catalog.find((p) => p.sku === focus.sku);
    if (!product) return null;
    return { outcome: 'answered', replies: [{ template: 'product.nothing_counted', params: { ...describeProduct(tenant, product, lang), units: countUnit(product.unit, 2, lang) } }], ...(focus ? { focus } : {}) };
  }
  // "quítale 5 a la de 3/8": the one line of that inch size (the words alone lose the fraction's slash).
  const size = FRACTION.exec(text)?.[1];
  const sized = size !== undefined ? lines.filter((l) => tenant.catalog.find((p) => p.sku === l.sku)?.name.includes(`${size}"`)) : [];
  const byWords = (words: string): QuoteLine | undefined => {
    if (sized.length === 1) return sized[0];
    const hit = index.search(words, { limit: 30 }).find((m) => lines.some((l) => l.sku === m.product.sku));
    // "quita 5 de las de media": a size said in words, read with each line's family word.
    return hit ? lines.find((l) => l.sku === hit.product.sku) : lineOfSize(tenant, index, lines, words.replace(ARTICLE, '').trim());
  };
  let line: QuoteLine | undefined;
  if (off.words !== null) {
    line = byWords(off.words);
    const named = off.words.replace(ARTICLE, '').trim();
    if (!line) return again(tenant, index, lines, focus, { template: 'product.not_on_counter', params: { words: named } }, lang);
  } else if (lines.length === 1) line = lines[0];
  else if (off.unit !== undefined && !ANY_UNIT.test(off.unit)) line = byWords(off.unit);
  if (!line) {
    // Several lines and none named: which one.
    const items = lines.flatMap((l) => {
      const p = tenant.catalog.find((c) => c.sku === l.sku);
      return p ? [{ quantity: l.quantity, name: p.name }] : [];
    });
    // More than any line holds: what is noted, and which to change.
    const template = lines.every((l) => l.quantity < n) ? 'product.less_none' : 'product.less_which';
    return { outcome: 'answered', replies: [{ template, params: { removed: String(n), items } }], ...(focus ? { focus } : {}) };
  }
  const product = tenant.catalog.find((p) => p.sku === line.sku);
  if (!product) return null;
  const left = line.quantity - n;
  if (left < 0) {
    // More than is noted: what is noted, and how many to leave (the counter as it was, on that line).
    const kept = counterFocus(tenant, lines, line.sku) ?? focus;
    const params = { name: product.name, quantity: line.quantity, units: countUnit(product.unit, line.quantity, lang), removed: String(n) };
    return { outcome: 'answered', replies: [{ template: 'product.less_than_counted', params }], ...(kept ? { focus: kept } : {}) };
  }
  const rest = lines.flatMap((l) => (l.sku !== line.sku ? [l] : left > 0 ? [{ sku: l.sku, quantity: left }] : []));
  if (rest.length === 0) return removedAll(tenant, product, focus);
  const priced = reprice(tenant, index, rest, lang);
  if (left > 0) return priced;
  return { ...priced, replies: [{ template: 'product.removed', params: { name: product.name } }, ...priced.replies] };
}

/** The line the words name: the best match of the catalog for them, or one nearly as good, on the counter. */
function lineNamed(index: CatalogIndex, lines: readonly QuoteLine[], words: string): QuoteLine | undefined {
  const ranked = index.search(words, { limit: 10 });
  const best = ranked[0];
  const hit = best ? ranked.find((m) => m.score >= best.score * 0.8 && lines.some((l) => l.sku === m.product.sku)) : undefined;
  return hit ? lines.find((l) => l.sku === hit.product.sku) : undefined;
}

/** The lines priced again: one as its count × price, several as an estimate; the focus keeps the counter's order. */
function reprice(tenant: TenantData, index: CatalogIndex, lines: readonly QuoteLine[], lang: Lang): ProductActorOutput {
  if (lines.length === 1) {
    const line = lines[0] as QuoteLine;
    const product = tenant.catalog.find((p) => p.sku === line.sku) as Product;
    return quoteOne(tenant, index, { item: { query: product.name, quantity: line.quantity }, match: { product, score: 1, unmet: [], defaulted: false } }, lang, true);
  }
  const priced = multiQuote(tenant, estimateLines(tenant, lines), [], lang, index, false);
  const last = lines.at(-1) as QuoteLine;
  const focus = counterFocus(tenant, lines, last.sku);
  return { ...priced, ...(focus ? { focus } : {}) };
}

/** Nothing noted is left: the product stays talked of, with no count ("¿cuánto es todo?" then asks how many). */
function removedAll(tenant: TenantData, product: Product, focus: ProductFocus | undefined): ProductActorOutput {
  const bare: ProductFocus = { sku: product.sku, name: product.name, price: product.price, query: focus?.sku === product.sku ? focus.query : product.name };
  return { outcome: 'answered', replies: [{ template: 'product.removed_all', params: { name: product.name } }], focus: bare };
}

/** A word on what could not be taken off, then the counter as it stands. */
function again(tenant: TenantData, index: CatalogIndex, lines: readonly QuoteLine[], focus: ProductFocus | undefined, said: ReplyDirective, lang: Lang): ProductActorOutput {
  if (lines.length === 0) return { outcome: 'answered', replies: [said], ...(focus ? { focus } : {}) };
  const priced = reprice(tenant, index, lines, lang);
  return { ...priced, replies: [said, ...priced.replies] };
}

/** A line said instead of one on the estimate: "mejor", "cambia", "que sea", "instead". */
const SWAPS = /\b(?:mejor|cambia(?:la|lo|las|los|me)?|cambiar|en vez|en lugar|que sean?|prefiero|instead|rather|make it|change|switch|i prefer|actually)\b/;
/** "5 más de arena", "otros 5", "5 more bags": on top of the line's count. */
const MORE = /\b\d+\s+(?:[a-z]+\s+)?(?:mas|more)\b|\b(?:otros|otras|another)\s+\d+\b/;

/**
 * The estimate on offer with what the message says of its lines, in the estimate's order: a
 * product already on it takes the new count in its place ("mejor 8 de cemento") or that many more
 * ("5 más de arena"); one of the same kind said instead takes that line's place with its count ("la
 * pintura mejor en gris"); a new one goes last. Null when the message neither adds (`adds`: counts or
 * "agrégale") nor swaps a line.
 */
export function changedEstimate(index: CatalogIndex, lines: readonly Found[], found: readonly Found[], text: string | undefined, adds: boolean): Found[] | null {
  const t = text !== undefined ? fold(text) : '';
  // "grade 60 on the rebar", "la pintura en gris": only what changes said, of the one line of that kind.
  const swap = SWAPS.test(t) || (text !== undefined && switchesLine(index, lines, found, text));
  if (!adds && !swap) return null;
  const more = MORE.test(t);
  const result = [...lines];
  const extra: Found[] = [];
  const taken = new Set(found.map((f) => f.match.product.sku));
  // "en vez del thinner ponme 5 galones de sellador": the line named is the one replaced, whatever its kind.
  const insteadOf = swap ? lineSaidInstead(index, result, t) : -1;
  const named = insteadOf >= 0 ? (result[insteadOf] as Found) : undefined;
  const others = named ? found.filter((f) => f.match.product.sku !== named.match.product.sku) : [];
  if (named && others.length === 1 && !result.some((l) => l.match.product.sku === (others[0] as Found).match.product.sku)) {
    const f = others[0] as Found;
    result[insteadOf] = { ...f, item: { ...f.item, quantity: f.item.quantity ?? quantityOf(named.item) } };
    return result;
  }
  for (const f of found) {
    const at = result.findIndex((l) => l.match.product.sku === f.match.product.sku);
    if (at >= 0) {
      const had = quantityOf((result[at] as Found).item);
      const quantity = f.item.quantity === undefined ? had : more ? had + quantityOf(f.item) : quantityOf(f.item);
      result[at] = { ...f, item: { ...f.item, quantity } };
      continue;
    }
    // The line it replaces: the estimate's product the customer's words fit best, of the same kind.
    const replaced = swap ? index.search(f.item.query, { limit: 30 }).find((m) => !taken.has(m.product.sku) && sameKind(m.product, f.match.product) && result.some((l) => l.match.product.sku === m.product.sku)) : undefined;
    const was = replaced ? result.findIndex((l) => l.match.product.sku === replaced.product.sku) : -1;
    if (was >= 0) {
      result[was] = { ...f, item: { ...f.item, quantity: f.item.quantity ?? quantityOf((result[was] as Found).item) } };
      continue;
    }
    if (!adds) return null;
    extra.push(f);
  }
  return [...result, ...extra];
}

/** "en vez del thinner", "en lugar de la arena", "instead of the primer", "cambia el thinner por": the words naming the line replaced. */
const INSTEAD_OF = /\b(?:en\s+(?:vez|lugar)\s+(?:del?|de\s+la|de\s+los|de\s+las)|instead\s+of(?:\s+the)?|cambia(?:me)?\s+(?:el|la|los|las)|swap\s+the|replace\s+the)\s+(.+?)(?:\s+(?:ponme|pon|dame|mandame|quiero|por|mejor|give\s+me|put|i\s+want|i\s+ll\s+take|with|for)\b|$)/;

/** The index of the estimate's line the words after "en vez de…" name, or -1. */
function lineSaidInstead(index: CatalogIndex, lines: readonly Found[], t: string): number {
  const words = INSTEAD_OF.exec(t)?.[1];
  if (words === undefined) return -1;
  const hit = index.search(words, { limit: 30 }).find((m) => lines.some((l) => l.match.product.sku === m.product.sku));
  return hit ? lines.findIndex((l) => l.match.product.sku === hit.product.sku) : -1;
}

/** Two products of one kind: one category, and the name's first word (a paint for a paint, never for the brush). */
const sameKind = (a: Product, b: Product): boolean => a.category === b.category && fold(a.name).split(' ')[0] === fold(b.name).split(' ')[0];

/** A message's plain words for the rules above. */
const fold = (text: string): string => plainWords(text);

/**
 * A colour, finish or size said apart from its product ("la pintura mejor en gris" read as
 * "pintura" and "gris"): joined to the item before it when that item has none of that kind, so a
 * line of the estimate can be changed to it.
 */
export function joinedAttributes(index: CatalogIndex, wanted: readonly Wanted[], text: string | undefined): Wanted[] {
  // "la varilla mejor de 1/2" read as "varilla": the size said after the correction word is the item's.
  const only = wanted.length === 1 ? (wanted[0] as Wanted) : undefined;
  const size = only && text !== undefined && !index.parse(only.query).phrases.size ? index.parse(text).phrases.size : undefined;
  if (only && size) return [{ ...only, query: `${only.query} ${size}` }];
  const out: Wanted[] = [];
  for (const w of wanted) {
    const said = index.parse(w.query);
    const before = out.at(-1);
    const kinds = Object.keys(said.phrases);
    if (before && said.content.length === 0 && kinds.length > 0 && w.quantity === undefined && kinds.every((k) => !(k in index.parse(before.query).phrases))) {
      out[out.length - 1] = { ...before, query: `${before.query} ${w.query}` };
    } else out.push(w);
  }
  return out;
}

/** The inch size a product's name gives first ('Codo PVC 3/4" x 90°' → 3/4"). */
const INCH_SIZE = /(\d+(?:\s\d+)?\/\d+|\d+(?:\.\d+)?)"/;

/**
 * An item added to the estimate without a size ("agrégale 2 tees" to 3/4" pipe and elbows): in the
 * one inch size the estimate's lines of its kind (its category) share, when the catalog has it in
 * that size — as a clerk fills an order of 3/4" plumbing. Items with a size of their own, or lines
 * in several sizes, stay as said.
 */
export function sizedLikeEstimate(tenant: TenantData, index: CatalogIndex, estimate: readonly QuoteLine[], wanted: readonly Wanted[]): Wanted[] {
  return completedLikeLine(tenant, index, estimate, wanted).map((w) => {
    if (index.parse(w.query).attributes.measures.length > 0) return w;
    const best = index.search(w.query, { limit: 1 })[0];
    if (!best) return w;
    const sizes = new Set(estimate.flatMap((l) => {
      const p = tenant.catalog.find((c) => c.sku === l.sku);
      const size = p && p.category === best.product.category ? INCH_SIZE.exec(p.name)?.[1] : undefined;
      return size !== undefined ? [size] : [];
    }));
    if (sizes.size !== 1) return w;
    const withSize = `${w.query} ${[...sizes][0] as string}"`;
    const hit = index.search(withSize, { limit: 1 })[0];
    return hit && hit.unmet.length === 0 && hit.product.category === best.product.category && hit.product.sku !== best.product.sku ? { ...w, query: withSize } : w;
  });
}
