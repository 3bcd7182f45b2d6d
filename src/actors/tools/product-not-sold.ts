/**
 * Goods a customer may look for in a hardware store that this one does not sell at all (the
 * tenant's `tradeGoods` marked `sold: false`: doors, windows, gas cylinders). A clerk says "No
 * vendemos puertas" and, where the store has something *for* the good (`for`: hinges, locks and
 * bolts for a door), offers that as what it is — never a product that only shares a word with it
 * (the door bolt for "puertas", the water tank for "tanque de gas", the aluminium level for
 * "ventanas de aluminio").
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData, TradeGood } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { FILLER, NUMBER_WORDS, stem } from '../catalog/text.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct, optionsFor } from './product-parts.js';

/** How many of the products for the good are offered. */
const MAX_FOR = 3;

/** Articles and words that lead what is asked for without naming it ("unas puertas", "the windows"). */
const LEAD_IN = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'the', 'a', 'an', 'some', 'any', 'ustedes', 'venden', 'vende', 'vendes', 'hay', 'busco', 'buscando', 'necesito', 'carry', 'sell', 'do', 'you', 'have']);

const ARTICLES = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'mi', 'mis', 'the', 'a', 'an', 'my']);
const FOR = new Set(['para', 'pa', 'pal', 'for']);

/** True when the good is one the store does not sell at all. */
export const isNotSold = (good: TradeGood | null | undefined): boolean => good?.sold === false;

/**
 * True when the words at `at` (`length` of them) are what the message asks for, not a word about
 * another product or an action: only greetings, "¿tienen…?", articles and counts before it
 * ("hola, ¿tienen puertas?", "necesito 2 puertas", "qué tienen para puertas"), and no product word
 * right after it ("door lock", "door hinges"). "cerradura de puerta", "bisagras para la puerta",
 * "quiero pintar la puerta" are not.
 *
 * @param raw the message's folded words; `at` indexes them.
 * @param isProductWord whether a word names a product or another good (a catalog or trade word).
 */
export function isWhatIsAsked(raw: readonly string[], at: number, length: number, isProductWord: (word: string) => boolean): boolean {
  return askedAs(raw, at, length, isProductWord) === 'itself';
}

/** How the good at `at` is asked about: itself ("¿tienen puertas?"), what is for it ("algo para la puerta"), or neither (null). */
export function askedAs(raw: readonly string[], at: number, length: number, isProductWord: (word: string) => boolean): 'itself' | 'for' | null {
  const leadIn = (w: string): boolean => LEAD_IN.has(w) || FILLER.has(stem(w)) || /^\d+$/.test(w) || NUMBER_WORDS[w] !== undefined;
  if (!raw.slice(0, at).every(leadIn)) return null;
  const next = raw[at + length];
  if (next !== undefined && isProductWord(next)) return null;
  // "algo para la puerta", "something for a door": what is asked is for the good, not the good itself.
  const before = raw.slice(0, at).filter((w) => !ARTICLES.has(w)).at(-1);
  return before !== undefined && FOR.has(before) ? 'for' : 'itself';
}

/** "¿Qué tienen para puertas?": the products for the good as options, or null when it lists none in stock. */
export function forGoodAnswer(tenant: TenantData, good: TradeGood, lang: Lang): ProductActorOutput | null {
  const forIt = productsFor(tenant, good);
  if (forIt.length === 0) return null;
  return { outcome: 'answered', replies: [{ template: 'product.options', params: { items: forIt.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(forIt) }] };
}

const productsFor = (tenant: TenantData, good: TradeGood): Product[] =>
  (good.for ?? [])
    .map((sku) => tenant.catalog.find((p) => p.sku === sku))
    .filter((p): p is Product => p !== undefined && p.stock !== 0)
    .slice(0, MAX_FOR);

/** "No vendemos puertas", with what the store has for them (in stock) when it lists any. */
export function notSoldAnswer(tenant: TenantData, good: TradeGood, said: string, lang: Lang): ProductActorOutput {
  const forIt = productsFor(tenant, good);
  if (forIt.length === 0) return { outcome: 'not_found', replies: [{ template: 'product.not_found', params: { query: said } }] };
  return {
    outcome: 'not_found',
    replies: [{ template: 'product.not_found_related', params: { query: said, items: forIt.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(forIt) }],
  };
}

const SHORT_WORDS = new WeakMap<readonly TradeGood[], ReadonlySet<string>>();

/** The one-word names of the tenant's goods of three letters or fewer ("gas"), which name a kind however short (computed once per goods list). */
export function shortGoodWords(goods: readonly TradeGood[] | undefined): ReadonlySet<string> {
  if (goods === undefined) return new Set();
  let known = SHORT_WORDS.get(goods);
  if (known === undefined) {
    known = new Set(goods.flatMap((g) => g.words).map((w) => foldAccents(w)).filter((w) => /^[a-z]{1,3}$/.test(w)));
    SHORT_WORDS.set(goods, known);
  }
  return known;
}

/** A phrase's words, folded, without a plural "s" ("puertas" → puerta), joining words left out. */
const phraseWords = (phrase: string): string[] =>
  foldAccents(phrase).split(/[^a-z0-9]+/).filter((w) => w !== '' && !JOINERS.has(w)).map((w) => (w.length > 4 ? w.replace(/s$/, '') : w));
const JOINERS = new Set(['de', 'del', 'para', 'of', 'for']);

/**
 * True when an item of a list is, word for word, a good the store does not sell ("puerta" in "10
 * blocks y una puerta", "tanque gas"): named as not carried, never the door bolt. "cerradura puerta"
 * is a lock, "door hinge" hinges.
 */
export function namesNotSoldGood(goods: readonly TradeGood[] | undefined, query: string): boolean {
  const said = phraseWords(query);
  if (said.length === 0) return false;
  // Every word of the item is the good's name ("door hinges" is hinges, "puerta grande" says more than the good).
  return notSoldNames(goods).some((own) => own[0] === said[0] && said.every((w) => own.includes(w)));
}

/**
 * The words of every name of the goods not sold, non-empty ones only (tenant data: worked out once
 * per goods list). Folding them per item asked cost ~30 folds a product turn, each one evicting
 * the customer's text from `foldAccents`' memo.
 */
function notSoldNames(goods: readonly TradeGood[] | undefined): readonly (readonly string[])[] {
  if (goods === undefined) return [];
  let names = NOT_SOLD_NAMES.get(goods);
  if (names === undefined) {
    names = goods.filter(isNotSold).flatMap((good) => good.words.map(phraseWords)).filter((own) => own.length > 0);
    NOT_SOLD_NAMES.set(goods, names);
  }
  return names;
}
const NOT_SOLD_NAMES = new WeakMap<readonly TradeGood[], readonly (readonly string[])[]>();
