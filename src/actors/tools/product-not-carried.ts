/**
 * What the catalog does not have, said as a clerk would. Outside the store's trade ("pizza",
 * "zapatos"): "No vendemos pizza, somos una ferretería…". A good of the trade the catalog lacks
 * (`store.tradeGoods`: "lija", "yeso", "soldadura"): "Ahora mismo no tenemos lija", with the nearest
 * products the store carries, or else a person who can see about getting it.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData, TradeGood } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { namesMaterial } from './product-materials.js';
import { askedAs, forGoodAnswer, isNotSold, notSoldAnswer } from './product-not-sold.js';
export { namesNotSoldGood } from './product-not-sold.js';
export { aloneAnswer, sizeOnlyAnswer, withCountAsked, withSizeAsked } from './product-size-only.js';
export { timesSpelt } from '../../machines/count-words.js'; // "cuanto x dos": the product tool reads "x" as "por"

const fold = foldAccents;
/** A word's singular, roughly: "lijas" and "electrodos" are "lija" and "electrodo". */
const singular = (w: string): string => (w.length > 4 && /(?:[aeiou]s|[^aeiou]es)$/.test(w) ? w.replace(/e?s$/, '') : w);
/** "pa'"/"pal" are how "para"/"para el" are said and typed ("tinte pa madera"). */
const SAID_AS: Readonly<Record<string, string>> = { pa: 'para', pal: 'para' };
const tokens = (s: string): string[] => fold(s).split(/[^a-z0-9-]+/).filter((w) => w !== '').map((w) => SAID_AS[w] ?? singular(w));
/** The words of one of the store's own names for a good (tenant data, a few hundred): split once, read-only. */
const nameTokens = (name: string): readonly string[] => {
  let known = NAME_TOKENS.get(name);
  if (known === undefined) NAME_TOKENS.set(name, (known = tokens(name)));
  return known;
};
const NAME_TOKENS = new Map<string, readonly string[]>();
/** The same words as one spaced string, " papel lija ", to find in a message's. */
const nameKey = (name: string): string => {
  let known = NAME_KEYS.get(name);
  if (known === undefined) NAME_KEYS.set(name, (known = ` ${nameTokens(name).join(' ')} `));
  return known;
};
const NAME_KEYS = new Map<string, string>();

/** The trade good a phrase names ("papel de lija fina", "unas lijas"), if any; the longest name wins ("láminas de yeso" over "yeso"). */
export function tradeGoodOf(tenant: TenantData, phrase: string): TradeGood | null {
  return goodNamed(tenant.store.tradeGoods, phrase);
}

function goodNamed(goods: readonly TradeGood[] | undefined, phrase: string): TradeGood | null {
  return nameNamed(goods, phrase)?.good ?? null;
}

/** The good a phrase names and the store's own name for it that the phrase says (its longest). */
function nameNamed(goods: readonly TradeGood[] | undefined, phrase: string): { good: TradeGood; word: string; length: number } | null {
  // By its words in any order: the brain may hand the phrase over reordered ("yeso laminas").
  const said = new Set(tokens(phrase));
  let best: { good: TradeGood; word: string; length: number } | null = null;
  for (const good of goods ?? []) {
    for (const word of good.words) {
      const name = nameTokens(word).filter((w) => !JOINING.has(w));
      if (name.length > 0 && name.every((w) => said.has(w)) && (best === null || name.length > best.length)) best = { good, word, length: name.length };
    }
  }
  return best;
}

/**
 * A phrase that says a good's name and nothing more, in whatever order the brain handed it over
 * ("yeso laminas"), is said by the store's own name for it ("lámina de yeso").
 */
function naturalName(goods: readonly TradeGood[] | undefined, phrase: string): string {
  const found = nameNamed(goods, phrase);
  if (!found) return phrase;
  const words = tokens(phrase).filter((w) => !JOINING.has(w));
  return words.length === found.length ? found.word : phrase;
}

/** Words that join a good's name ("papel de lija"), not part of what it is. */
const JOINING = new Set(['de', 'del', 'para', 'of', 'for']);

/** Words around a good named alone: "y lija?", "and sandpaper?", "lija también". */
const AROUND = new Set(['y', 'e', 'and', 'tambien', 'too', 'also', 'hay', 'what', 'about', 'que', 'tal', 'la', 'el', 'las', 'los', 'un', 'una', 'unas', 'unos', 'de']);

/**
 * A message that names a good of the trade and nothing else ("y lija?", "lija?", "and sandpaper?"):
 * asked of a store, whether it has it — a product question, whatever the classifier made of the word.
 */
export function namesOnlyATradeGood(goods: readonly TradeGood[] | undefined, text: string): boolean {
  const words = tokens(text);
  let from = 0;
  let to = words.length;
  while (from < to && AROUND.has(words[from] as string)) from++;
  while (to > from && AROUND.has(words[to - 1] as string)) to--;
  if (to - from === 0 || to - from > 4) return false;
  const said = words.slice(from, to).join(' ');
  return (goods ?? []).some((good) => good.words.some((word) => nameTokens(word).join(' ') === said));
}

/** How many of the nearest products are offered instead. */
const MAX_INSTEAD = 2;

/**
 * The answer for items the catalog has nothing for, named by the customer's words (`missing`):
 * "not right now" for goods of the trade, "we don't sell that" for the rest.
 */
export function notCarried(tenant: TenantData, missing: readonly string[], lang: Lang): ProductActorOutput {
  const goods = missing.map((name) => tradeGoodOf(tenant, name)).filter((g): g is TradeGood => g !== null);
  // "ventanas", "gas propano": a good the store does not sell at all, said so.
  if (missing.length === 1 && goods[0] !== undefined && goods.length === 1 && isNotSold(goods[0])) return notSoldAnswer(tenant, goods[0], missing[0] as string, lang);
  if (goods.length === 0) return { outcome: 'not_found', replies: [{ template: 'product.not_found', params: { query: missing.join(', ') } }] };
  // A whole sentence handed over as the item ("good morning, I'm looking for sandpaper and a putty
  // knife") is named by the goods it names, not repeated.
  const named = missing.flatMap((name) => {
    const inIt = goodsNamedIn(tenant.store.tradeGoods ?? [], name);
    return inIt.length > 1 || (inIt.length === 1 && tokens(name).length > tokens(inIt[0] as string).length + 1) ? inIt : [naturalName(tenant.store.tradeGoods, name)];
  });
  // "Ahora mismo no tenemos espátula ni lija", "we don't have sandpaper or putty knife".
  const query = [...new Set(named)].join(lang === 'en' ? ' or ' : ' ni ');
  const instead = [...new Set(goods.flatMap((g) => g.instead ?? []))]
    .map((sku) => tenant.catalog.find((p) => p.sku === sku))
    .filter((p): p is Product => p !== undefined && p.stock !== 0)
    .slice(0, MAX_INSTEAD);
  if (instead.length > 0) {
    return {
      outcome: 'not_found',
      replies: [{ template: 'product.not_stocked_instead', params: { query, items: instead.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(instead) }],
      // The closest offered is on the counter: "¿cuántos trae la caja?", "y de 3?", "dame 10" are about it.
      focus: closestFocus(instead, query),
    };
  }
  // Nothing near it on the shelf: a person of the store can see about ordering it (a yes next hands over, with these words).
  const asks = lang === 'en' ? `I'd like to talk to someone about getting ${query}` : `quiero hablar con un asesor para conseguir ${query}`;
  const label = 'clarify.option.yes_person';
  return {
    outcome: 'not_found',
    replies: [{ template: 'product.not_stocked', params: { query }, options: [{ label, text: asks, template: true }] }],
    offer: { intent: 'human_agent', label, text: asks },
  };
}

/**
 * A thing not carried, and the product the store has for it ("no vendemos neveras; para la tuya
 * tenemos …"); a good of the trade is "not right now" ("ahora mismo no tenemos drywall; para eso tengo …").
 */
export function notCarriedButFor(tenant: TenantData, named: string, related: Product, lang: Lang): ProductActorOutput {
  // A good of the trade with what the store offers instead ("concreto": cement, sand and gravel) gets that, not what is only *for* it (nails for concrete).
  if ((tradeGoodOf(tenant, named)?.instead?.length ?? 0) > 0) return notCarried(tenant, [named], lang);
  const template = tradeGoodOf(tenant, named) !== null && tenant.templates[lang]?.['product.not_stocked_related'] !== undefined ? 'product.not_stocked_related' : 'product.not_found_related';
  return {
    outcome: 'not_found',
    replies: [{ template, params: { query: named, items: [describeProduct(tenant, related, lang)] }, options: optionsFor([related]) }],
  };
}

/** The message names a good of the trade somewhere ("I'm looking for sandpaper and a putty knife"). */
export function mentionsATradeGood(goods: readonly TradeGood[] | undefined, text: string): boolean {
  return goodNamed(goods, text) !== null;
}

/** Each good of the trade a phrase names, by its longest name found there ("sandpaper", "putty knife"), in the phrase's order. */
function goodsNamedIn(goods: readonly TradeGood[], phrase: string): string[] {
  const words = tokens(phrase);
  const said = ` ${words.join(' ')} `;
  const at = (word: string): number => said.indexOf(nameKey(word));
  // Only the goods one of whose names starts with a word the phrase says can be named in it.
  const byFirst = firstWordsOf(goods);
  const candidates = new Set(words.flatMap((w) => byFirst.get(w) ?? []));
  const named = goods
    .filter((good) => candidates.has(good))
    .flatMap((good) => {
      // The most words first; of equal ones the shortest spelling ("lija", not "lijas").
      const found = good.words.filter((word) => at(word) >= 0).sort((a, b) => nameTokens(b).length - nameTokens(a).length || a.length - b.length);
      return found.length > 0 ? [found[0] as string] : [];
    })
    .sort((a, b) => at(a) - at(b));
  // "láminas de yeso" names the sheets, not also the plaster its name holds.
  const end = (word: string): number => at(word) + nameTokens(word).join(' ').length;
  return named.filter((word) => !named.some((other) => other !== word && at(other) <= at(word) && end(word) <= end(other) && nameTokens(other).length > nameTokens(word).length));
}

/** The goods by the first word of each of their names (the goods list is tenant data: indexed once). */
function firstWordsOf(goods: readonly TradeGood[]): Map<string, TradeGood[]> {
  let index = FIRST_WORDS.get(goods);
  if (index === undefined) {
    index = new Map();
    for (const good of goods) {
      for (const word of good.words) {
        const first = nameTokens(word)[0];
        if (first === undefined) continue;
        const list = index.get(first) ?? [];
        if (!list.includes(good)) list.push(good);
        index.set(first, list);
      }
    }
    FIRST_WORDS.set(goods, index);
  }
  return index;
}
const FIRST_WORDS = new WeakMap<readonly TradeGood[], Map<string, TradeGood[]>>();

/** Words a good's name is joined by or said with ("pintura en spray"), never what tells it apart. */
const NAME_JOINING = new Set([...JOINING, 'en', 'in', 'con', 'with']);

/**
 * A good of the trade the catalog lacks, named in full by a message the catalog only half meets:
 * "duct tape" meets the electrical tape by "tape", "cinta de pintor" the tapes by "cinta", "wood
 * stain" the lumber by "wood". A clerk says the store does not have duct tape (with the good's own
 * `instead` when the store lists one; a product that only shares a word is no stand-in: copper pipe
 * is not the electrical conduit). Only names of two words or more: "tape" alone is the electrical
 * tape the store sells. Null when the message names no such good or a product the catalog finds
 * for it holds every word of its name.
 */
export function tradeGoodNotCarried(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  const goods = tenant.store.tradeGoods;
  if (goods === undefined || goods.length === 0) return null;
  // "¿tienen puertas?", "tanque de gas", "ventanas de aluminio": a good the store does not sell, never the door bolt or the water tank.
  const notSold = notSoldAsked(tenant, index, goods, text, lang);
  // "cerradura pa puerta de baño", "bisagras pa puerta de madera": the door is what the lock is for, not what is asked.
  if (notSold === FOR_ANOTHER) return null;
  if (notSold) return notSold;
  // "tubería de cobre", "copper pipe": no copper, then the PVC pipe there is (`product-materials.ts`).
  if (namesMaterial(text)) return null;
  // One good named ("sandpaper and a putty knife" is a list, answered item by item).
  const named = goodsNamedIn(goods, text);
  const name = named.length === 1 ? named[0] : undefined;
  // A one-word good only as what the phrase is, before what it is for: "barniz pa madera" is varnish, not lumber.
  if (name === undefined || (ownWords(name).length < 2 && !namedBeforeItsUse(text, name))) return null;
  const own = ownWords(name);
  const wordsOf = (p: Product): Set<string> => new Set(tokens([p.name, ...(p.aliases ?? [])].join(' ')));
  if (index.search(name, { limit: 3 }).some((m) => own.every((w) => wordsOf(m.product).has(w)))) return null;
  return notCarried(tenant, [name], lang);
}

/** A good's name without the words that join it ("pintura en spray" → pintura, spray). */
const ownWords = (name: string): string[] => tokens(name).filter((w) => !NAME_JOINING.has(w));

/** The good's name followed by what it is for or of: "barniz pa madera", "varnish for wood" ("lija" in "lija y madera" is not). */
function namedBeforeItsUse(text: string, name: string): boolean {
  const words = tokens(text);
  const own = nameTokens(name);
  const at = words.findIndex((w, i) => own.every((o, k) => words[i + k] === o));
  // "yee de 4": a size after "de" is no use ("2 codos de 4 y 3 yee de 4" is a list, answered item by item).
  return at >= 0 && JOINING.has(words[at + own.length] ?? '') && !/^\d/.test(words[at + own.length + 1] ?? '');
}

/** A good the store does not sell named as what another product asked for is for ("cerradura pa puerta de baño"). */
const FOR_ANOTHER = 'for_another';

/**
 * The answer when what the message asks for is a good the store does not sell (`sold: false`), in
 * the customer's words; `FOR_ANOTHER` when such a good is named after a product asked for it; else null.
 */
function notSoldAsked(tenant: TenantData, index: CatalogIndex, goods: readonly TradeGood[], text: string, lang: Lang): ProductActorOutput | typeof FOR_ANOTHER | null {
  // Cheap first: the message names such a good at all.
  const name = goodsNamedIn(goods, text).find((word) => isNotSold(goodNamed(goods, word)));
  const good = name !== undefined ? goodNamed(goods, name) : null;
  if (name === undefined || good === null || !isNotSold(good)) return null;
  const words = tokens(text);
  const own = nameTokens(name);
  const at = words.findIndex((_, i) => own.every((o, k) => words[i + k] === o));
  const raw = fold(text).split(/[^a-z0-9-]+/).filter((w) => w !== '');
  if (at < 0 || raw.length !== words.length) return null;
  const firstWords = firstWordsOf(goods);
  const isProductWord = (w: string): boolean => firstWords.has(SAID_AS[w] ?? singular(w)) || (!JOINING.has(w) && index.correct(w) !== null);
  const asked = askedAs(raw, at, own.length, isProductWord);
  if (asked === 'for') return forGoodAnswer(tenant, good, lang);
  if (asked === null) return productAskedFor(raw.slice(0, at), isProductWord) ? FOR_ANOTHER : null;
  // The customer's own words ("puertas de madera"), when the message splits into the same words.
  const said = text.split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '');
  const saidName = said.length === words.length ? said.slice(at, at + own.length).join(' ') : name;
  return notSoldAnswer(tenant, good, saidName, lang);
}

/** The focus of a "not right now, the closest is…" answer: the first offered, the others as options. */
export function closestFocus(offered: readonly Product[], query: string): ProductFocus {
  const first = offered[0] as Product;
  return { sku: first.sku, name: first.name, price: first.price, query, ...(offered.length > 1 ? { options: offered.map((p) => p.sku) } : {}) };
}

/** Words for what a product is for, between it and the good: "pa", "para", "de", "for", articles. */
const FOR_WORDS = new Set(['pa', 'para', 'pal', 'for', 'de', 'del', 'of', 'la', 'el', 'las', 'los', 'una', 'un', 'mi', 'the', 'a', 'an', 'my']);

/** The words before the good end with a product and what it is for ("cerradura pa", "bisagras para la", "lock for the"). */
function productAskedFor(before: readonly string[], isProductWord: (word: string) => boolean): boolean {
  let i = before.length - 1;
  let joined = false;
  while (i >= 0 && FOR_WORDS.has(before[i] as string)) {
    joined = true;
    i--;
  }
  return joined && i >= 0 && isProductWord(before[i] as string);
}
