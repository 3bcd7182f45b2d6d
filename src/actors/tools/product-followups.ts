/**
 * Answers to the short questions a customer asks about what is on the counter (`focus-questions.ts`
 * reads them): the colours of the line shown ("¿lo tienen en otro color?"), the same thing by other
 * brands ("¿tienes otra marca?"), something cheaper ("¿hay más barato?"), and the options compared
 * ("¿cuál es la diferencia?", "¿cuál me recomiendas?"). Each says honestly what there is not.
 */
import { plainWords } from '../../kernel/plain-words.js';
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { asksWhichColours, readFocusQuestion } from '../../machines/focus-questions.js';
import { asksHowManyInStock, extremeCount, pickedExtreme, pickedOption, readFollowUpQuantity } from '../../machines/product-focus.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { extremeOf, familyOf, shownOptions } from './product-kinds.js';
import { describeProduct, optionsFor } from './product-parts.js';
import type { AttributeKind } from '../catalog/index.js';
import { COLOUR_EN } from './product-colours.js';
import { perUnitAnswer, perUnitOfOptions } from './product-unit-price.js';
import { familyRange } from './product-sizes.js';
import { confirmShown } from './product-confirm.js';
import { whereAnswer } from './product-where.js';
import { thinningAnswer } from './paint-thinning.js';
import { completeAnswer, includesAnswer, includesContinued } from './product-includes.js';
import { durabilityAnswer } from './product-durability.js';
import { packCountAnswer } from './pack-count.js';
import { restockAnswer } from './restock-answer.js';
import { quoteOne } from './product-quote-one.js';
import { foldAccents } from '../../kernel/fold.js';
import { mixingNote } from './paint-mixing.js';
export { brandAsked } from './product-brands.js';

/** "¿cuál es la diferencia?" compares the kind in every size, colour, brand and pack. */
const EVERY_KIND: readonly AttributeKind[] = ['size', 'grade', 'dims', 'colour', 'finish', 'pack', 'brand'];

/** A price asked with nothing else ("¿cuánto sería?", "how much is it?"). */
const BARE_PRICE = /^(?:(?:y|e|pero|ok|okay|entonces|pues|and|so)\s+)*(?:cuanto|how much|precio|price)(?:\s+(?:me|te))?(?:\s+(?:seria|serian|sale|salen|es|son|cuesta|cuestan|vale|valen|would it be|is it|is that|would that be))?(?:\s+(?:entonces|pues|then))?$/;

/** Most products one of these answers lists. */
const MAX_LISTED = 5;
/** Most products compared at once: more is a catalogue, not a comparison. */
const MAX_COMPARED = 3;

/**
 * The answer to a short question about the product in focus, or null when the message asks no
 * such question (the product tool then reads it as any other follow-up).
 */
export function answerFocusQuestion(tenant: TenantData, index: CatalogIndex, focus: ProductFocus, text: string, lang: Lang, now?: number): ProductActorOutput | null {
  // "¿se rebaja con thinner o agua?": from what the thinner's sheet says it is for.
  const thinning = thinningAnswer(tenant, focus, text, lang);
  if (thinning) return thinning;
  // "¿trae tanque?" then "¿y asiento?": the same question about the seat.
  const more = includesContinued(tenant, index, focus, text, lang, now);
  if (more) return more;
  const question = readFocusQuestion(text);
  const shown = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!shown) return null;
  // "dame 20 de esa" with two or more options on the counter: which one, naming them; the count
  // waits in the focus for the answer ("la de DeWalt", "la segunda", the button).
  const listed = question ? undefined : shownOptions(tenant.catalog, focus);
  // A bare "2" after options is the second option, not a count.
  // "¿cuánto sería?" while a count waits for the pick ("dame 1 cubeta" → "¿de cuál?"): which one, again.
  const waiting = listed && focus.quantity !== undefined && BARE_PRICE.test(plainWords(text)) ? { quantity: focus.quantity } : undefined;
  const count = waiting ?? (listed && pickedOption(text, listed.length) === null ? (readFollowUpQuantity(text) ?? packCount(text)) : undefined);
  // "dame 3 galones" with the gallon and the bucket on the counter: the pack said picks the one sold in it.
  const inPack = count && listed ? soldInPackSaid(listed, text) : undefined;
  if (inPack && count) return quoteOne(tenant, index, { item: { query: inPack.name, quantity: count.quantity }, match: { product: inPack, score: 1, unmet: [], defaulted: false } }, lang, false);
  if (count && listed) {
    const names = listed.map((p) => `*${p.name}*`);
    const params = { quantity: String(count.quantity), names: `${names.slice(0, -1).join(', ')} ${lang === 'en' ? 'or' : 'o'} ${names.at(-1)}` };
    return { outcome: 'answered', replies: [{ template: 'product.which_of', params, options: optionsFor(listed) }], focus: { ...focus, quantity: count.quantity } };
  }
  // "¿cuántas tienen?" with options on the counter: how many of each, not of the first one.
  if (listed && asksHowManyInStock(text) && tenant.templates[lang]?.['product.stock_of'] !== undefined) {
    return { outcome: 'answered', replies: [{ template: 'product.stock_of', params: { items: listed.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(listed) }], focus };
  }
  // "el más barato" when the one shown is the cheapest there is: a clerk says so rather than repeat it.
  const pick = question ? null : pickedExtreme(text);
  // ...unless a count comes with it ("quiero 3 galones de la más barata"): that count of it is priced.
  if (pick?.by === 'price' && !pick.most && extremeCount(text) === undefined && shownOptions(tenant.catalog, focus) === undefined && extremeOf(index, familyOf(index, tenant.catalog, focus), pick)?.sku === shown.sku) {
    return onlyThis(tenant, 'product.cheapest_already', shown, lang, focus.query);
  }
  // "¿es pvc?", "de drenaje?" about the one shown, which its name says: "¡Sí!", that product.
  const checked = question ? null : confirmShown(tenant, focus, text, lang);
  if (checked) return checked;
  if (!question || question.kind === 'named') return null;
  const family = (free: readonly AttributeKind[]): Product[] => familyOf(index, tenant.catalog, focus, free);
  const options = shownOptions(tenant.catalog, focus);
  const together = options ? undefined : shownTogether(tenant, focus, shown);
  // "el de 20" then "y el de 30?": "¿cuál es la diferencia?" is between those two.
  const talkedOf = [shown, ...(focus.recent ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined && p.category === shown.category)];
  switch (question.kind) {
    // "3 galones" priced, then "¿de qué color la tienen?" and "dame la blanca": the 3 gallons are still the order.
    case 'colours':
      return countKept(focus, colours(tenant, index, shown, family(['colour']), lang, focus.query));
    case 'brands':
      return countKept(focus, brands(tenant, index, shown, options ?? [shown], family(['brand']), lang, focus.query));
    case 'cheaper':
      return countKept(focus, cheaper(tenant, index, options ?? [shown], family([]), () => sameHead(tenant.catalog, shown), lang, focus.query));
    case 'per_unit':
      // "¿cuánto sale el galón?" after the colours listed: each one's, not the first's.
      // ...and after products listed together in one answer (no options): each one's too, or the one sold so ("cemento y pintura blanca").
      return (!question.count && (options ?? together) ? perUnitOfOptions(tenant, focus, options ?? together ?? [], question.unit, lang) : null) ?? perUnitAnswer(tenant, focus, [...(together ?? []).slice(1), ...family(['pack', 'size', 'dims'])], question.unit, lang, question.count);
    case 'compare':
      return compare(tenant, index, shown, options ?? (talkedOf.length >= 2 ? talkedOf : family(EVERY_KIND)), question.recommend, lang, focus.query);
    case 'sizes':
      return sizes(tenant, index, shown, family(['size', 'dims', 'grade', 'pack']), lang, focus);
    case 'where':
      return whereAnswer(tenant, shown, focus, question.place, lang);
    case 'includes':
      return includesAnswer(tenant, index, shown, focus, question, lang, now);
    case 'complete':
      return completeAnswer(tenant, shown, focus, lang);
    // "¿cuál dura más?" after the zinc and the aluzinc: the options shown and the others of the shelf talked of.
    case 'lasts':
      return durabilityAnswer(tenant, [...new Set([...(options ?? [shown]), ...talkedOf])], focus, lang);
    case 'pack_count':
      return packCountAnswer(tenant, shown, focus, lang);
    case 'restock':
      return restockAnswer(tenant, shown, focus, lang);
    // "¿cuál es mejor pa una piscina?" that no product of the kind says it is for (`purposeAnswer` answers the rest):
    // said so, and the options side by side rather than a guess.
    case 'purpose':
      return compare(tenant, index, shown, options ?? (talkedOf.length >= 2 ? talkedOf : family(EVERY_KIND)), true, lang, focus.query, purposeSaid(text));
    case 'suits': {
      // What the catalog says it is (and is not) for, in its own words: "no es para concreto estructural".
      const use = shown.use?.[lang] ?? shown.use?.es;
      return use === undefined ? null : { outcome: 'answered', replies: [{ template: 'product.use', params: { name: shown.name, use } }], focus };
    }
  }
}

/** The count on the counter kept on the focus of an answer that lists other options of it (colours, brands, cheaper ones). */
function countKept(focus: ProductFocus, out: ProductActorOutput): ProductActorOutput {
  return focus.quantity === undefined || !out.focus || out.focus.quantity !== undefined ? out : { ...out, focus: { ...out.focus, quantity: focus.quantity } };
}

/**
 * The products one answer listed together with the one in focus ("pintura blanca y negra": the white
 * and the black), in the order shown; undefined when it stood alone. The
 * others shown are the first of `recent` (latest first); `at` counts the products before them.
 */
function shownTogether(tenant: TenantData, focus: ProductFocus, shown: Product): Product[] | undefined {
  if (focus.at === undefined || !focus.recent) return undefined;
  const others = focus.recent.slice(0, focus.recent.length - focus.at).reverse();
  const products = others.map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  return products.length > 0 ? [shown, ...products] : undefined;
}

const colourOf = (index: CatalogIndex, p: Product): string | undefined => index.parse(p.name).phrases.colour;
const packOf = (index: CatalogIndex, p: Product): string | undefined => index.parse(p.name).attributes.pack;
const titled = (words: string): string => words.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => `${space}${letter.toUpperCase()}`);

/** "A, B y C" / "A, B and C". */
function joined(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${items.at(-1)}`;
}

/** One product of each value `keyOf` gives, the closest to the one shown first: the same pack, in stock, cheaper. */
function onePerKey(index: CatalogIndex, shown: Product, products: readonly Product[], keyOf: (p: Product) => string | undefined): Map<string, Product> {
  const pack = packOf(index, shown);
  const rank = (p: Product): number => (packOf(index, p) === pack ? 0 : 2) + (p.stock > 0 ? 0 : 1);
  const out = new Map<string, Product>();
  for (const p of [...products].sort((a, b) => rank(a) - rank(b) || a.price - b.price)) {
    const key = keyOf(p);
    if (key !== undefined && !out.has(key)) out.set(key, p);
  }
  return out;
}

/** The product shown is all there is of what was asked: said so, with it priced and offered to set aside ("¿Te lo reservo?": a "sí" takes it). */
function onlyThis(tenant: TenantData, template: string, product: Product, lang: Lang, query: string, extra: Record<string, string> = {}): ProductActorOutput {
  return {
    outcome: 'answered',
    replies: [{ template, params: { ...describeProduct(tenant, product, lang), ...extra } }],
    focus: focusOn(product, query),
    ...(product.stock > 0 ? { reserve: { sku: product.sku, name: product.name, quantity: 1 } } : {}),
  };
}

/** A list of products to choose from, with their buttons; the focus stays on the product and lists them as options. */
function listOf(tenant: TenantData, template: string, products: readonly Product[], lang: Lang, focus: ProductFocus, params: Record<string, string> = {}): ProductActorOutput {
  const shown = products.slice(0, MAX_LISTED);
  return {
    outcome: 'answered',
    replies: [{ template, params: { ...params, items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(shown) }],
    focus: { ...focus, options: shown.map((p) => p.sku) },
  };
}

function focusOn(product: Product, query: string): ProductFocus {
  return { sku: product.sku, name: product.name, price: product.price, query };
}

/**
 * "¿qué medidas tienen?", "¿de cuál tienen?" after a product: the sizes the line comes in with the
 * price span (three or more sizes), else the few there are to choose from, else the one there is.
 */
function sizes(tenant: TenantData, index: CatalogIndex, shown: Product, family: readonly Product[], lang: Lang, focus: ProductFocus): ProductActorOutput {
  const range = familyRange(tenant, shown, lang, focusOn(shown, focus.query));
  if (range) return range;
  const others = family.filter((p) => p.sku !== shown.sku);
  // "¿de cuántos galones?" of the one tank there is: its one size, said so (not the same listing again).
  if (others.length === 0) return tenant.templates[lang]?.['product.sizes_one'] !== undefined ? onlyThis(tenant, 'product.sizes_one', shown, lang, focus.query) : listOf(tenant, 'product.found', [shown], lang, focusOn(shown, focus.query));
  return listOf(tenant, 'product.options', [shown, ...others], lang, focusOn(shown, focus.query));
}

/** "¿lo tienen en otro color?": one product per colour of the line, and that there are no others. */
function colours(tenant: TenantData, index: CatalogIndex, shown: Product, family: readonly Product[], lang: Lang, query: string): ProductActorOutput {
  const byColour = onePerKey(index, shown, family, (p) => colourOf(index, p));
  if (byColour.size <= 1) {
    const colour = colourOf(index, shown);
    const mixing = colour ? mixingNote(tenant, [shown], lang) : null;
    return onlyThis(tenant, colour ? (mixing ? 'product.colours_only_mix' : 'product.colours_only') : 'product.colours_none', shown, lang, query, colour ? { colour: titled(lang === 'en' ? (COLOUR_EN[colour] ?? colour) : colour), ...(mixing ? { mixing } : {}) } : {});
  }
  const name = (c: string): string => titled(lang === 'en' ? (COLOUR_EN[c] ?? c) : c);
  // Acrylic and oil enamel in one list: which colours are which ("… en pintura acrílica, y Negro y Verde en esmalte de aceite").
  const kinds = new Map<string, string[]>();
  for (const [c, p] of byColour) kinds.set(kindOf(index, p), [...(kinds.get(kindOf(index, p)) ?? []), name(c)]);
  // Only kinds that are different things (paint and enamel), not one thing's variants (floor and wall tile).
  const apart = new Set([...kinds.keys()].map((k) => k.split(' ')[0])).size > 1;
  const colourList = !apart ? joined([...byColour.keys()].map(name), lang) : [...kinds].map(([kind, cs]) => `${joined(cs, lang)} ${lang === 'en' ? `in ${KIND_EN[kind] ?? kind}` : `en ${kind}`}`).join('; ');
  // A store that mixes paint never says "no other colours": any other is mixed.
  const mixing = mixingNote(tenant, [...byColour.values()], lang);
  return listOf(tenant, mixing ? 'product.colours_mix' : 'product.colours', [...byColour.values()], lang, focusOn(shown, query), { colours: colourList, ...(mixing ? { mixing } : {}) });
}

/** Kinds of product (as `kindOf` names them) for an English reply. */
const KIND_EN: Readonly<Record<string, string>> = { 'pintura acrílica': 'acrylic paint', 'esmalte de aceite': 'oil enamel', 'pintura satinada': 'satin paint' };

/** What a product is, without its brand, colour, size or pack: "pintura acrílica", "esmalte de aceite". */
function kindOf(index: CatalogIndex, p: Product): string {
  const colour = colourOf(index, p);
  let name = p.name.replace(/\(.*?\)/g, ' ');
  if (p.brand) name = name.replace(new RegExp(`\\b${p.brand.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'), ' ');
  const words = name.split(/\s+/).filter((w) => w !== '' && !/\d/.test(w));
  const plain = foldAccents;
  // "Blanca" is the colour "blanco" too.
  const stems = (colour ?? '').split(' ').filter((c) => c !== '').map((c) => plain(c).replace(/[oa]s?$/, ''));
  return words.filter((w) => !stems.some((stem) => plain(w).replace(/[oa]s?$/, '') === stem)).join(' ').toLowerCase();
}

/** "¿tienes otra marca?": the same thing by the brands not shown, one each; or that there is no other. */
function brands(tenant: TenantData, index: CatalogIndex, shown: Product, onCounter: readonly Product[], family: readonly Product[], lang: Lang, query: string): ProductActorOutput {
  const seen = new Set(onCounter.map((p) => p.brand?.toLowerCase()).filter((b): b is string => b !== undefined));
  const others = onePerKey(index, shown, family.filter((p) => p.brand !== undefined && !seen.has(p.brand.toLowerCase())), (p) => p.brand?.toLowerCase());
  if (others.size === 0) return onlyThis(tenant, 'product.brands_none', shown, lang, query);
  return listOf(tenant, 'product.brands', [...others.values()], lang, focusOn(shown, query));
}

/** "¿hay más barato?": what costs less than the cheapest shown (in stock, cheapest first); or that it is the cheapest. */
/** The products named with the same first word in the same category ("Taladro …": every drill), the one shown too. */
function sameHead(catalog: readonly Product[], shown: Product): Product[] {
  const head = (p: Product) => p.name.split(/\s+/)[0]!.toLowerCase();
  const word = head(shown);
  return catalog.filter((p) => p.category === shown.category && head(p) === word);
}

function cheaper(tenant: TenantData, index: CatalogIndex, onCounter: readonly Product[], family: readonly Product[], kind: () => readonly Product[], lang: Lang, query: string): ProductActorOutput {
  const floor = Math.min(...onCounter.map((p) => p.price));
  const cheapest = extremeOf(index, onCounter, { by: 'price', most: false }) ?? (onCounter[0] as Product);
  const cheaperIn = (among: readonly Product[]) => among.filter((p) => p.price < floor && p.stock > 0).sort((a, b) => a.price - b.price);
  // None cheaper of the very same spec: the cheaper ones of the kind in another size, power or type
  // (a RD$2,890 drill when the RD$5,950 hammer drill is too dear), before "it is already the cheapest".
  let less = cheaperIn(family);
  if (less.length === 0) less = cheaperIn(kind());
  if (less.length === 0) return onlyThis(tenant, 'product.cheapest_already', cheapest, lang, query);
  // One cheaper product: it is the one on the counter now ("ok, dame ese", "I'll take the Truper one").
  return listOf(tenant, 'product.cheaper', less, lang, focusOn(less.length === 1 ? (less[0] as Product) : cheapest, query));
}

/**
 * "¿cuál es la diferencia?", "¿cuál me recomiendas?": the options side by side, the cheapest and the
 * largest marked, and the question a clerk asks before recommending: what it is for.
 */
function compare(tenant: TenantData, index: CatalogIndex, shown: Product, candidates: readonly Product[], recommend: boolean, lang: Lang, query: string, purpose?: string): ProductActorOutput {
  let compared = [...candidates];
  const cheapest = extremeOf(index, compared, { by: 'price', most: false });
  const largest = extremeOf(index, compared, { by: 'size', most: true });
  if (compared.length > MAX_COMPARED) compared = [...new Set([cheapest, shown, largest].filter((p): p is Product => p !== null && p !== undefined))];
  const unknown = purpose !== undefined && tenant.templates[lang]?.['product.purpose_unknown'] !== undefined;
  if (compared.length < 2) return onlyThis(tenant, unknown ? 'product.purpose_unknown_one' : 'product.compare_one', shown, lang, query, unknown ? { purpose } : undefined);
  const note = (key: string): string => renderReply({ template: key }, tenant.templates, lang);
  const items = compared.map((p) => ({
    ...describeProduct(tenant, p, lang),
    note: p === cheapest ? note('product.compare.cheapest') : p === largest ? note('product.compare.largest') : '',
  }));
  const reply: ReplyDirective = unknown
    ? { template: 'product.purpose_unknown', params: { items, purpose: purpose as string }, options: optionsFor(compared) }
    : { template: recommend ? 'product.recommend' : 'product.compare', params: { items }, options: optionsFor(compared) };
  return { outcome: 'answered', replies: [reply], focus: { ...focusOn(shown, query), options: compared.map((p) => p.sku) } };
}

/** The use as the customer wrote it, for saying back: the words after "para" ("una piscina", "a fence"). */
function purposeSaid(text: string): string {
  const at = /\b(?:para|pa|pal|for|to)\s+/i.exec(text);
  return ((at ? text.slice(at.index + at[0].length) : text).split(/[¿?¡!.;,]/)[0] ?? '').trim();
}

/**
 * "¿qué colores de pintura tienen?", "what colours does the enamel come in?" as a first question
 * (nothing on the counter yet, or another product): the colours of the family named, as the
 * follow-up "¿lo tienen en otro color?" answers them. Null when it asks no colours or names
 * no one product.
 */
export function answerColoursOf(tenant: TenantData, index: CatalogIndex, input: { understanding: { products: readonly { query: string }[] }; focus?: ProductFocus }, text: string, lang: Lang): ProductActorOutput | null {
  const [named, ...more] = input.understanding.products;
  if (!named || more.length > 0 || !asksWhichColours(text)) return null;
  const best = index.search(named.query, { limit: 1 })[0];
  if (!best || best.product.sku === input.focus?.sku) return null;
  const { product } = best;
  const focus: ProductFocus = { sku: product.sku, name: product.name, price: product.price, query: named.query };
  return colours(tenant, index, product, familyOf(index, tenant.catalog, focus, ['colour']), lang, named.query);
}

/** Packs a count is said with. */
const PACK = /^(?:galon(?:es)?|glns?|gallons?|cubetas?|buckets?|sacos?|fundas?|bags?)$/;

/**
 * "de galón, 2", "galón 2", "2 de galón": a count said with its pack, the pack first or after "de"
 * (a pick among the options shown is still to be made), never a size of 2.
 */
/** Pack words said with a count, by the unit a product is sold in (folded). */
const PACK_UNIT: readonly [RegExp, string][] = [
  [/\b(?:galon(?:es)?|glns?|gallons?)\b/, 'galon'],
  [/\b(?:cubetas?|buckets?|cubos?|pailas?)\b/, 'cubeta'],
  [/\b(?:sacos?|fundas?|bags?)\b/, 'saco'],
  // "dame un rollo", "quiero 50 pies" with cable by the roll and by the foot on the counter.
  [/\b(?:rollos?|rolls?)\b/, 'rollo'],
  [/\b(?:pies?|feet|foot|ft)\b/, 'pie'],
];

/** The one option on the counter sold in the pack the message says ("3 galones" of a gallon and a bucket), if exactly one is. */
function soldInPackSaid(listed: readonly Product[], text: string): Product | undefined {
  const t = foldAccents(text);
  const unit = PACK_UNIT.find(([re]) => re.test(t))?.[1];
  const inIt = unit === undefined ? [] : listed.filter((p) => foldAccents(p.unit) === unit);
  return inIt.length === 1 && listed.length > 1 ? inIt[0] : undefined;
}

function packCount(text: string): { quantity: number } | undefined {
  const t = foldAccents(text).replace(/[,.;:!?]+/g, ' ').replace(/\s+/g, ' ').trim();
  const first = /^(?:(?:de|del|en)\s+)?([a-z]+)\s+(\d+)$/.exec(t);
  const last = /^(\d+)\s+(?:de\s+|del\s+)?([a-z]+)$/.exec(t);
  const [pack, n] = first ? [first[1], first[2]] : last ? [last[2], last[1]] : [undefined, undefined];
  const quantity = Number(n);
  return pack !== undefined && PACK.test(pack) && Number.isInteger(quantity) && quantity > 0 ? { quantity } : undefined;
}
