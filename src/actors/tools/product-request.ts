/**
 * What the customer asks for, read from the brain's reading and the message: the wanted items with
 * their quantities (counts before sizes, lengths, hundreds), a follow-up on the product in focus
 * ("y si compro 50?", "y de 3/4?", "y codos de 4?") and the counted items the catalog does not carry.
 * The answer to it is built in `product.tool.ts`.
 */
import type { ProductActorInput, ProductFocus } from '../../machines/conversation.contract.js';
import { extremeCount, followUpCore, foldFollowUp, isProductFollowUp, otherCount, pickedExtreme, pickedOption, pickedOther, readFollowUpQuantity } from '../../machines/product-focus.js';
import type { Product } from '../../domain/tenant.js';
import { extremeOf, familyOf, pickByBrand } from './product-kinds.js';
import { readFocusQuestion } from '../../machines/focus-questions.js';
import { FILLER, fold, parseProductText, stem, type AttributeKind, type Measure } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { foldAccents } from '../../kernel/fold.js';
import { unitSibling } from './unit-sibling.js';
import { soldInParts } from './units.js';
import { namedOnCounter } from './named-on-counter.js';
import { sheetFor } from './sheet-for.js';
import { withCountAskedAfter } from './count-asked-after.js';
import { bareAsFeet, boardQuery, dimsWithNewLength, LENGTH_WORD, withoutBoardSize } from './board-length.js';

export interface Wanted {
  query: string;
  quantity?: number;
  /** "100 pies de cable": a quantity only when the product is sold by that length (a pipe's "20 pies" is a size). */
  lengthQuantity?: number;
}

export function wantedItems(input: ProductActorInput, text: string | undefined): Wanted[] {
  const fromBrain = input.understanding.products.filter((p) => p.query.trim() !== '');
  if (fromBrain.length > 0) return fromBrain.map((p) => withCountAskedAfter(input, sheetFor(input, p))); // "tubo de media, cuanto por diez?": the ten
  const fromEntities = input.understanding.nlu.entities.filter((e) => e.type === 'product' && e.value.trim() !== '');
  if (fromEntities.length > 0) return fromEntities.map((e) => ({ query: e.value }));
  return text !== undefined && text.trim() !== '' ? [{ query: text }] : [];
}

/** "y una bandeja", "y un rodillo también", "and a tray": one of a product added to the order. */
const ONE_MORE = /^(?:(?:y|e|and|tambien|also|ademas|ok|dale)\s+)+(?:(?:dame|ponme|agregame|add)\s+)?(?:un|una|uno|a|an)\s+\S/;

/**
 * One item said with "un"/"una" while the counter holds counted lines ("dame 4 galones", "y 2
 * rodillos", then "y una bandeja"): one of it, counted like the rest, so the total includes it.
 * Elsewhere "un cemento" stays uncounted (a price question).
 */
export function oneOnCounter(input: ProductActorInput, wanted: Wanted[], text: string | undefined): Wanted[] {
  const only = wanted.length === 1 ? wanted[0] : undefined;
  const counter = input.focus !== undefined && (input.focus.quantity !== undefined || input.focus.one === true || Object.keys(input.focus.counts ?? {}).length > 0);
  if (!counter || text === undefined) return wanted;
  if (only) return only.quantity !== undefined || !ONE_MORE.test(foldAccents(text)) ? wanted : [{ ...only, quantity: 1 }];
  // "también un rodillo y una bandeja", "agrégame un martillo y una cinta": each one said with its article, one each.
  if (!SEVERAL_MORE.test(foldAccents(text))) return wanted;
  const spans = input.understanding.nlu.entities.filter((e) => e.type === 'product');
  return wanted.map((w) => {
    const span = w.quantity === undefined ? spans.find((e) => e.value === w.query) : undefined;
    return span && /(?:^|\s)(?:un|una|uno|a|an)\s+$/i.test(text.slice(0, span.start)) ? { ...w, quantity: 1 } : w;
  });
}

/** Goods added to the counted ones, the first with its article: "también un rodillo y…", "and a roller and…", "agrégame un martillo y…". */
const SEVERAL_MORE = /^(?:(?:y|e|and|tambien|also|ademas|plus|ok|dale|okay)\s+)*(?:(?:dame|deme|ponme|agregame|agrega|agregale|anade|anademe|sumale|mandame|add|give\s+me|i\s+also\s+need|i\s+need|necesito)\s+)?(?:tambien\s+|also\s+)?(?:un|una|uno|a|an)\s+\S/i;

/**
 * The count of an item, 1 when none is given. A part of a unit stays a part ("media libra" is 0.5):
 * what is sold whole was counted up to whole units before (`product-conversions.ts`).
 */
/** The selling unit of the product in focus ('' when the catalog lacks it). */
const focusUnit = (catalog: readonly Product[], focus: ProductFocus): string => catalog.find((p) => p.sku === focus.sku)?.unit ?? '';

export function quantityOf(item: Wanted): number {
  return item.quantity !== undefined && Number.isFinite(item.quantity) && item.quantity > 0 ? Math.round(item.quantity * 100) / 100 || 1 : 1;
}

/** The pack a selling-unit word names ("fundas" → saco, "gallons" → galon); undefined for a count word. */
export function packOf(word: string): string | undefined {
  const w = foldAccents(word);
  if (/^(?:galon(?:es|e|s)?|glns?|gallons?)$/.test(w)) return 'galon';
  if (/^(?:cubetas?|buckets?|cubos?|pailas?)$/.test(w)) return 'cubeta';
  if (/^(?:sacos?|zacos?|fundas?|bags?|bolsas?|qq|quintal(?:es)?)$/.test(w)) return 'saco';
  return undefined;
}

/** Does a product's name say it is sold in that pack? ("Thinner (galón)" in galon; "(saco 42.5 kg)" in saco.) */
export function sellsIn(name: string, pack: string): boolean {
  const n = foldAccents(name);
  if (pack === 'galon') return /\bgal(?:on|ones)?\b/.test(n) && !/\bcubeta\b/.test(n);
  if (pack === 'cubeta') return /\bcubeta\b/.test(n);
  // Bags: a product sold by the bag, or one whose name names no other pack.
  return /\b(?:saco|funda|bolsa)\b/.test(n) || !/\b(?:galon|cubeta)\b/.test(n);
}

/**
 * Reads a follow-up on the product in focus: "y si compro 50?" is the same product × 50;
 * "la satinada blanca cuánto?" / "y de 3/4?" is the same kind of product with other attributes;
 * "y codos de 4?" is another product, with the focus's size when it gives none.
 */
/** The other product of two on the counter: the option not in focus, else the one answered just before; none among three or more options. */
function otherOf(focus: ProductFocus): string | undefined {
  const options = focus.options ?? [];
  if (options.length >= 2) return options.length === 2 ? options.find((sku) => sku !== focus.sku) : undefined;
  return focus.recent?.[0];
}

export function followUp(index: CatalogIndex, focus: ProductFocus, message: string, wanted: Wanted[], catalog: readonly Product[] = []): { sku?: string; items: Wanted[] } | null {
  // "quiero 5 planchas de pino" after the 3/4" pine plywood: those sheets, counted.
  const named = namedOnCounter(index, catalog, focus, message, wanted);
  if (named) return named;
  // "la primera, 20 sacos", "la satinada, 4 galones", "20 del gris" after options were shown (asked
  // which one and how many): the pick, with that count.
  const counted = focus.options && focus.options.length >= 2 ? countWithPick(message) : null;
  if (counted) {
    const picked = followUpOf(index, focus, counted.pick, wanted.map(({ quantity: _q, ...w }) => w), catalog);
    if (picked) return { ...picked, items: picked.items.map((i) => (i.quantity === undefined ? { ...i, quantity: counted.quantity } : i)) };
  }
  // "y de 1/2 dame 10", "la de 3/4, necesito 5": the other size, and how many of it (never "1/2 10" read as sizes).
  const after = COUNT_AFTER.exec(message);
  if (after?.[1] !== undefined && after.index > 0) {
    const other = followUpOf(index, focus, message.slice(0, after.index), wanted.map(({ quantity: _q, ...w }) => w), catalog);
    if (other) return { ...other, items: other.items.map((i) => ({ ...i, quantity: Number(after[1]) })) };
  }
  return followUpOf(index, focus, message, wanted, catalog);
}

/** A count said after the pick: "… dame 10", "…, necesito 5 unidades", "… give me 10", "la de 3/4 también, 5". */
const COUNT_AFTER = /(?:[\s,]+(?:dame|deme|ponme|quiero|necesito|ocupo|mandame|m[aá]ndame|give me|i need|i want)\s+|\s*,\s*|\s+(?:tambi[eé]n|too|also)\s+)(\d{1,4})(?:\s+(?:unidades|units|piezas|pieces))?\s*[?.!]*\s*$/i;

/** A count said with a pick ("la primera, 20 sacos", "20 sacos de la primera", "el gris y 20"): the count and the pick's words. */
function countWithPick(message: string): { quantity: number; pick: string } | null {
  const t = fold(message).replace(/[¿?¡!.]+/g, ' ').replace(/\s+/g, ' ').trim();
  const after = /^(.*?\D)(?:\s*,\s*|\s+y\s+|\s+)(\d+)(?:\s+([a-z]+))?$/.exec(t);
  const before = /^(\d+)(?:\s+([a-z]+))?\s+(?:de\s+|del\s+|of\s+)?(.*\D.*)$/.exec(t);
  const [quantity, unit, pick] = after ? [after[2], after[3], after[1]] : before ? [before[1], before[2], before[3]] : [];
  if (quantity === undefined || pick === undefined || (unit !== undefined && readFollowUpQuantity(`2 ${unit}`)?.unit === undefined)) return null;
  const n = Number(quantity);
  const words = pick.replace(/[,;]+/g, ' ').trim();
  if (!Number.isInteger(n) || n <= 0 || n > 100000 || words === '' || /\d/.test(words) || words.split(' ').length > 5) return null;
  const from = /^(?:del|de la|de los|de las)\s/.test(words) ? words.replace(/^del\s/, 'el ').replace(/^de\s/, '') : words;
  return isProductFollowUp(from) ? { quantity: n, pick: from } : null;
}

function followUpOf(index: CatalogIndex, focus: ProductFocus, message: string, wanted: Wanted[], catalog: readonly Product[]): { sku?: string; items: Wanted[] } | null {
  if (!isProductFollowUp(message)) return null;
  const text = asBucket(message);
  // Options were shown: "2", "la segunda" picks one (a bare number is a choice here, not a quantity).
  const picked = focus.options ? pickedOption(text, focus.options.length) : null;
  // The query becomes the product's name once picked (set by the caller): "pintura azul" no longer applies.
  // The count asked for with the options ("2 glns de pintura azul" → "la primera") stays.
  if (picked !== null && focus.options) return { sku: focus.options[picked], items: [{ query: '', ...(focus.quantity !== undefined ? { quantity: focus.quantity } : {}) }] };
  // "el otro", "y la otra?": the option of two not in focus, else the product answered before (with the count asked).
  const other = pickedOther(text) ? otherOf(focus) : undefined;
  const otherN = other ? (otherCount(text) ?? focus.quantity) : undefined;
  if (other) return { sku: other, items: [{ query: '', ...(otherN !== undefined ? { quantity: otherN } : {}) }] };
  // "el más barato", "the biggest one": among the options shown, else among products like the one answered.
  const extreme = pickedExtreme(text);
  const namesProduct = wanted.some((w) => index.parse(w.query).content.some((word) => index.correct(word) !== null));
  if (extreme && !namesProduct) {
    const shown = focus.options?.map((sku) => catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
    // "el más grande" is among every size; "el más barato" among the size asked for ("varilla de 3/8").
    const family = familyOf(index, catalog, focus, extreme.by === 'size' ? ['size', 'dims', 'pack'] : []);
    const chosen = extremeOf(index, shown && shown.length >= 2 ? shown : family, extreme);
    // The customer's words stay the focus's: "el más barato" then "¿y el más caro?" is still among the PVC pipes.
    const count = extremeCount(text);
    if (chosen) return { sku: chosen.sku, items: [{ query: focus.query, ...(count !== undefined ? { quantity: count } : {}) }] };
  }
  // "el de DeWalt", "la Popular", "the Truper one": that brand's among the options, else of the family.
  const question = readFocusQuestion(text);
  const byBrand = question?.kind === 'named' && !namesProduct ? pickByBrand(index, catalog, focus, question.word) : undefined;
  if (byBrand) return { sku: byBrand.sku, items: [{ query: focus.query, ...(focus.quantity !== undefined ? { quantity: focus.quantity } : {}) }] };
  // "y el normal?" after the white cement, "the regular one": the family's everyday product, without
  // the attribute (colour, finish, size) that set the one in focus apart.
  if (PLAIN.test(followUpCore(text)) && !namesProduct) {
    const plain = focus.query.split(/\s+/).filter((word) => word !== '' && index.parse(word).content.length > 0 && Object.keys(index.parse(word).phrases).length === 0);
    if (plain.length > 0) return { items: [{ query: plain.join(' '), ...(focus.quantity !== undefined ? { quantity: focus.quantity } : {}) }] };
  }
  const asked = inSellingCount(catalog.find((p) => p.sku === focus.sku), readFollowUpQuantity(text), catalog);
  // "dame 5 más" / "quítale 2" change the count on the counter (a count to take from needs one).
  const changed = asked?.change === 'more' ? (focus.quantity ?? 0) + asked.quantity : asked?.change === 'less' ? (focus.quantity ?? 0) - asked.quantity : asked?.quantity;
  const quantity = changed !== undefined && changed > 0 ? changed : undefined;
  const parsed = index.parse(text);
  const newProduct = wanted.length > 0 && wanted.some((w) => index.parse(w.query).content.some((word) => index.correct(word) !== null));
  if (quantity !== undefined && !newProduct) {
    // "y 2 galones?" after a cubeta asks for the gallon pack: the same product in that pack, × 2.
    const pack = asked?.unit !== undefined ? packOf(asked.unit) : undefined;
    // "dame 100 pies" after the roll of cable: the same cable sold by the foot.
    const sibling = asked?.unit !== undefined && pack === undefined ? unitSibling(catalog, focus.sku, asked.unit) : undefined;
    if (sibling) return { sku: sibling.sku, items: [{ query: sibling.name, quantity }] };
    if (pack === undefined || sellsIn(focus.name, pack)) return { sku: focus.sku, items: [{ query: focus.query, quantity }] };
    const productWords = focus.query.split(/\s+/).filter((word) => word !== '' && packOf(word) === undefined);
    return { items: [{ query: [...(productWords.length > 0 ? productWords : [focus.name]), pack].join(' '), quantity }] };
  }
  const previous = index.parse(focus.query);
  const given = new Set(Object.keys(parsed.phrases) as AttributeKind[]);
  // "y la cubeta?" after the white Tropical gallon: that same product in the bucket, when the catalog has it.
  const sibling = given.size === 1 && parsed.phrases.pack !== undefined && !newProduct ? packSibling(index, catalog, focus, parsed.phrases.pack) : undefined;
  // "3 galones de pintura blanca" then "no, en cubeta": the count said stays (3 cubetas); "5 galones"
  // (or 10) are what the 5-gallon bucket holds: 1 cubeta (2).
  if (sibling) {
    const holds = index.parse(sibling.name).attributes.measures.find((m) => m.unit === 'gal')?.value;
    const gallons = focus.quantity !== undefined && holds !== undefined && holds > 1 && !sellsIn(focus.name, 'cubeta') && focus.quantity % holds === 0 ? focus.quantity / holds : undefined;
    // "y en cubeta?" after 7 gallons: the same paint, as the buckets it fills and the gallons left over
    // (1 cubeta + 2 galones), never 7 buckets; "no, en cubeta" corrects the pack and keeps the count.
    const split = splitIntoPacks(focus, holds, text);
    if (split && !sellsIn(focus.name, 'cubeta')) return { items: [{ query: sibling.name, quantity: split.packs }, ...(split.rest > 0 ? [{ query: focus.name, quantity: split.rest }] : [])] };
    // "mejor una cubeta" after 4 gallons: one bucket, said.
    const quantity = ONE_PACK.test(foldFollowUp(text)) ? 1 : (gallons ?? (soldInParts(sibling.unit) === soldInParts(focusUnit(catalog, focus)) ? focus.quantity : undefined));
    return { sku: sibling.sku, items: [{ query: sibling.name, ...(quantity !== undefined ? { quantity } : {}) }] };
  }
  // Attributes of the focus the message does not replace ("y en cubeta?" keeps "blanca"); the colour
  // of the product shown when the customer's words left it open ("pintura acrílica" answered with
  // the white gallon: "en cubeta?" asks for the white bucket).
  const shownColour = previous.phrases.colour === undefined && focus.name !== '' ? index.parse(focus.name).phrases.colour : undefined;
  // "de 2 polos" after "breaker de 20": poles are another measure than amperes; the 20 stays.
  const otherMeasure = parsed.attributes.measures.length > 0 && parsed.attributes.measures.every((n) => previous.attributes.measures.every((o) => !sameDimension(n, o)));
  const kept = (Object.entries({ ...previous.phrases, ...(shownColour !== undefined ? { colour: shownColour } : {}) }) as [AttributeKind, string][])
    .filter(([kind]) => !given.has(kind) || (kind === 'size' && otherMeasure))
    .map(([kind, words]) => (kind === 'dims' ? dimsWithNewLength(words, previous.attributes.measures, parsed.attributes.measures) : words));
  if (newProduct) {
    const items = wanted.map((w) => {
      const own = index.parse(w.query);
      if (own.attributes.measures.length > 0 || !previous.phrases.size) return w;
      const withSize = `${w.query} ${previous.phrases.size}`;
      const best = index.search(withSize, { limit: 1 })[0];
      return best && best.unmet.length === 0 ? { ...w, query: withSize } : w;
    });
    return { items };
  }
  if (given.size === 0) return null;
  const productWords = focus.query
    .split(/\s+/)
    // A word that is content alone but part of an attribute in the whole query ("off" of "off white") is no product word.
    .filter((word) => index.parse(word).content.length > 0 && index.parse(word).content.every((w) => previous.content.includes(w)) && !LENGTH_WORD.test(word) && !GRADE_WORD.test(word))
    .join(' ');
  // The name said instead: without the board's size, which the kept attributes and the message say.
  const base = productWords !== '' ? productWords : withoutBoardSize(focus.name);
  // "y 10 de blanco?", "and 3 of the white one": a count before the other attribute is how many.
  // "no, I only want the 5/8": what it asks for, without the correction's lead and "only".
  const core = followUpCore(text);
  const said = core !== foldFollowUp(text) ? core : text.trim();
  // "10 sacos del gris", "3 gallons of the white": the pack word between the count and the pick says how it is sold.
  const count = /^(?:(?:y|and|e)\s+)?(?:(?:si\s+son|dame|ponme|quiero)\s+)?(\d+)\s+(?:(?:sacos?|fundas?|galon(?:es)?|galones|gallons?|cubetas?|buckets?|bags?|unidades|units|libras?|pounds?)\s+)?(?:de|del|of)\s+/i.exec(said);
  const rest = count ? said.slice(count[0].length) : said;
  const query = [base, ...kept, bareAsFeet(rest, previous.attributes.measures, previous.phrases.dims)].join(' ');
  // "100 pies" then "¿y el rollo?": feet or pounds are no count of rolls or bags; that pack priced.
  const otherPack = given.has('pack') && soldInParts(focusUnit(catalog, focus));
  const howMany = count?.[1] !== undefined ? Number(count[1]) : otherPack ? undefined : focus.quantity;
  return { items: [{ query, ...(howMany !== undefined ? { quantity: howMany } : {}) }] };
}

/**
 * A count said in pieces for goods sold otherwise: "un par" of gloves sold by the pair is one (two
 * pieces of anything else); "una docena" of screws sold by the hundred is one hundred.
 */
function inSellingCount<T extends { quantity: number; unit?: string }>(product: Product | undefined, asked: T | undefined, catalog: readonly Product[] = []): T | undefined {
  if (!asked || !product) return asked;
  // "10 feet?" of the 2x4x10' board sold by the piece, "y en 12 pies?": a length asked, not ten boards
  // (the length it has, or one a product of its kind has: the 12' board, the 16' sheet; not 100 feet of a 500-foot roll).
  const unit = /^(?:pies?|feet|foot)$/.test(asked.unit ?? '') ? 'ft' : 'm';
  const kind = (p: Product): string => `${p.category} ${foldAccents(p.name).split(/\s+/)[0]}`;
  const lengthOfKind = [product, ...catalog.filter((p) => kind(p) === kind(product))].some((p) => hasLength(p, asked.quantity, unit));
  if (asked.unit !== undefined && LENGTH_UNIT.test(asked.unit) && !/^(?:pie|metro)$/.test(foldAccents(product.unit)) && lengthOfKind) return undefined;
  if (asked.unit === 'pares' && foldAccents(product.unit) === 'par') return { ...asked, quantity: Math.max(1, Math.round(asked.quantity / 2)) };
  if (foldAccents(product.unit) === 'ciento' && asked.unit !== undefined && /^(?:piezas?|pieces?|unidades?|units?|pares)$/.test(asked.unit)) return { ...asked, quantity: Math.ceil(asked.quantity / 100) };
  return asked;
}

const LENGTH_UNIT = /^(?:pies?|feet|foot|metros?|meters?)$/;

/** The product is that long by its name ("Madera Pino Tratado 2x4x10'", "Tubo PVC 1/2\" (6 m)"). */
function hasLength(product: Product, value: number, unit: 'ft' | 'm'): boolean {
  const parsed = parseProductText(product.name, { catalog: true }).attributes;
  const lumber = parsed.dims.map((d) => d.split('x')[2]).filter((l): l is string => l !== undefined).map(Number);
  return parsed.measures.some((m) => m.unit === unit && Math.abs(m.value - value) < 1e-6) || (unit === 'ft' && lumber.some((l) => Math.abs(l - value) < 1e-6));
}

/** Two measures of one dimension: counts of one noun, or sizes of one unit (a bare number is any size). */
function sameDimension(a: Measure, b: Measure): boolean {
  if (a.unit === 'count' || b.unit === 'count') return a.unit === b.unit && a.noun === b.noun;
  return a.unit === b.unit || a.unit === '' || b.unit === '';
}

/** The name of a grade or gauge ("3/8 rebar grade 40"): the kept attribute says it with its number, never a product word. */
const GRADE_WORD = /^(?:grade|grado|gauge|calibre|cal)$/;

/** The everyday one of a family, asked for by that quality alone ("el normal", "la común", "the regular one"). */
const PLAIN = /^(?:(?:y|and)\s+)?(?:(?:el|la|lo|los|las|the)\s+)?(?:normal(?:ito|ita)?(?:es)?|comun(?:es)?|corriente(?:s)?|regular(?:es)?|estandar|standard|basic[oa]s?|sencill[oa]s?|plain|ordinary)(?:\s+(?:one|cuanto|cuesta|sale|vale|precio|how\s+much))*$/;

/** One pack said with its article ("una cubeta", "a bucket"): a count of one, not the count before. */
const ONE_PACK = /\b(?:un|una|one|a|an)\s+(?:sola\s+|single\s+)?(?:cubeta|cubo|paila|galon|saco|funda|bolsa|caja|rollo|bucket|pail|gallon|bag|box|roll)\b/;

/**
 * A count of the small pack asked again in the big one ("y en cubeta?" after 7 gallons): the big packs
 * it fills and the small ones left over (one big pack for fewer); undefined when it fills them exactly, or
 * the message corrects the pack ("no, en cubeta": the count was meant in buckets) or says one pack.
 */
function splitIntoPacks(focus: ProductFocus, holds: number | undefined, text: string): { packs: number; rest: number } | undefined {
  const q = focus.quantity;
  if (q === undefined || holds === undefined || holds <= 1 || q === holds || q % holds === 0) return undefined;
  const said = foldFollowUp(text);
  if (ONE_PACK.test(said) || /^(?:no|nah|nope)\b/.test(fold(text).trim())) return undefined;
  // "y en cubeta?" after 3 gallons: one bucket holds them (never 3 buckets).
  return q < holds ? { packs: 1, rest: 0 } : { packs: Math.floor(q / holds), rest: q % holds };
}

/** "y de 5 galones?", "the 5 gallon one": the 5-gallon pack is the cubeta (a count of gallons, "y 5 galones?", stays one). */
const FIVE_GALLONS = /\b(de|del|en|of|in|the|a)\s+(?:5|cinco|five)[\s-]*(?:galones|galon|galón|gal|gallons?|glns?)\b/gi;

function asBucket(text: string): string {
  return text.replace(FIVE_GALLONS, (_, before: string) => `${before} cubeta`);
}

/**
 * Words that ask, count or point but never name a product ("me haces una cotización?", "cuánto me
 * sale todo?", "can you quote me some materials?", "a como me deja los 10 sacos?"): a message made
 * only of these and filler names nothing to look up.
 */
const REQUEST_WORDS = new Set([
  'pueden', 'puedes', 'podrian', 'podria', 'haces', 'hacen', 'hace', 'hazme', 'hagame', 'mandame', 'manda', 'mandan', 'envia',
  'enviame', 'cobra', 'cobran', 'cobras', 'deja', 'dejan', 'dejas', 'todo', 'toda', 'todos', 'total', 'lista', 'material',
  'materiales', 'cosa', 'cosas', 'producto', 'productos', 'articulo', 'articulos', 'sacos', 'saco', 'galones', 'galon',
  'cubetas', 'cubeta', 'fundas', 'funda', 'all', 'give', 'send', 'total', 'whats', 'materials', 'stuff', 'things', 'thing',
  'products', 'product', 'items', 'item', 'bags', 'bag', 'gallons', 'gallon', 'buckets', 'bucket',
  // "¿trabajan la marca Sherwin Williams?": asking whether the store carries it.
  'trabajan', 'trabaja', 'manejan', 'maneja', 'marca', 'marcas', 'brand', 'brands', 'carry', 'sell', 'stock',
  // "quiero hacer un pedido (para recoger)", "I'd like to place an order": ordering, not a thing ordered.
  'pedido', 'pedidos', 'orden', 'ordenar', 'pedir', 'encargar', 'encargo', 'hacer', 'realizar', 'recoger', 'retirar',
  'order', 'place', 'make', 'pick', 'pickup',
  // "manito, mándame la lista", "me pasas los precios, mi amor": who is spoken to, and passing a list over, name no product.
  'manito', 'manita', 'loco', 'loca', 'pana', 'amor', 'mami', 'papi', 'jefe', 'jefa', 'hermano', 'hermana', 'bro', 'brother', 'mijo',
  'mija', 'amigo', 'amiga', 'klk', 'oye', 'oiga', 'pasas', 'pasame', 'pasen', 'pasan', 'mandas', 'mandes', 'envias',
  // "do you guys have sunscreen?", "hey, y'all carry…": the store spoken to ("We don't sell *guys sunscreen*").
  'guys', 'yall', 'folks', 'hey', 'hiya', 'buddy', 'man', 'dude',
  // "buenas, ay trompo?": WhatsApp's "hay" without its h ("No tenemos *ay trompo*").
  'ay',
  // How something is sent ("mándame la lista por WhatsApp"): a channel, never goods.
  'whatsapp', 'wasap', 'wassap', 'guasap', 'wsp', 'correo', 'email', 'mail', 'chat', 'instagram', 'facebook',
]);
/** Words that join two product words ("abanicos de techo", "sheet of plywood"), kept between them only. */
const JOINERS = new Set(['de', 'del', 'para', 'con', 'of', 'for', 'with']);

/**
 * The words of a request that name the thing wanted, as the customer wrote them: "do you sell pizza?"
 * → "pizza", "¿venden celulares?" → "celulares", "ustedes tienen abanicos de techo?" → "abanicos de
 * techo". A product the catalog does not know is named back by these, never by the whole sentence.
 * Empty when the message names nothing (only asks, counts or points).
 */
export function productWords(text: string): string {
  const tokens = text
    .toLowerCase()
    .replace(/[¿?¡!.,;:"()]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
  const names = (word: string): boolean => {
    const folded = fold(word).replace(/[^a-z0-9/]/g, '');
    return folded !== '' && !/^\d/.test(folded) && !FILLER.has(stem(folded)) && !REQUEST_WORDS.has(folded);
  };
  const kept = tokens.map(names);
  const out = tokens.filter((word, i) => kept[i] || (JOINERS.has(fold(word)) && kept.slice(0, i).some(Boolean) && kept[i + 1] === true));
  return out.join(' ');
}

/**
 * The word that says what a product phrase is: in Spanish the first content word ("generador
 * eléctrico", "madera de caoba"), in English the last one before "for"/"with" ("electric
 * generator", "paint for the roof"). A container or form before "de"/"of" ("plancha de zinc", "a
 * sheet of plywood") leaves the head to what follows. Null when the phrase names nothing.
 */
export function headWord(query: string, index: CatalogIndex, lang: 'es' | 'en'): string | null {
  const folded = fold(query);
  const contentOf = (part: string): string[] => index.parse(part).content.filter((word) => /^[a-z]{3,}$/.test(word));
  if (lang === 'en') {
    const of = /\bof\b/.exec(folded);
    const part = (of ? folded.slice(of.index + 2) : folded).split(/\b(?:for|with|to|in)\b/)[0] ?? '';
    return contentOf(part).at(-1) ?? null;
  }
  const [first, ...rest] = folded.split(/\b(?:de|del)\b/);
  const head = contentOf(first ?? '')[0];
  if (head !== undefined && index.correct(head) === null && rest.length > 0 && contentOf(first ?? '').length === 1) return contentOf(rest.join(' '))[0] ?? null;
  return head ?? contentOf(rest.join(' '))[0] ?? null;
}

export { withoutContainers } from './container-words.js';
export { boardInOtherLength } from './board-length.js';

/** A pack word in one spelling: "buckets" and "cubeta" are one pack (`packOf`), other packs by their singular. */
const packWord = (w: string): string => packOf(w) ?? fold(w).replace(/(?:es|s)$/, '');

/** The product in focus in another pack ("(galón)" → "(cubeta 5 gal)"): same name but for the pack. */
function packSibling(index: CatalogIndex, catalog: readonly Product[], focus: ProductFocus, pack: string): Product | undefined {
  const base = (name: string): string => fold(name.replace(/\(.*?\)/g, ' ')).replace(/\s+/g, ' ').trim();
  const own = base(focus.name);
  if (own === '') return undefined;
  return catalog.find((p) => p.sku !== focus.sku && base(p.name) === own && packWord(index.parse(p.name).phrases.pack ?? '') === packWord(pack));
}

/** One counted part of "20 de la de 3/8 y 10 de la de 1/2": a count, maybe its unit, then "de" and what it is of. */
const COUNTED_PART = /^(?:(?:dame|deme|ponme|quiero|necesito|ocupo|mandame|y|and|give me|i need|i want)\s+)?(\d+)\s+(?:[a-z]+\s+)?(?:de|del|of)\s+\S/;

/**
 * "20 de la de 3/8 y 10 de la de 1/2", "10 del gris y 5 del blanco" with products on the counter: each
 * part read as its own follow-up (that count of the one it names), or null when any part is not one.
 */
export function countedFollowUps(index: CatalogIndex, focus: ProductFocus, message: string, catalog: readonly Product[]): Wanted[] | null {
  const folded = fold(message).replace(/[¿?¡!.]+/g, ' ').trim();
  const ordered = countsInOrder(focus, folded, catalog);
  if (ordered) return ordered;
  const parts = folded.split(/\s*,\s*|\s+(?:y|and)\s+(?=\d)/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2 || !parts.every((p) => COUNTED_PART.test(p))) return null;
  const items: Wanted[] = [];
  for (const part of parts) {
    const quantity = Number(COUNTED_PART.exec(part)?.[1]);
    const item = followUp(index, focus, part, [], catalog)?.items[0];
    if (!item) return null;
    items.push({ ...item, quantity });
  }
  return items;
}


/** One bare count of a list answered in order ("50", "100 bags", "unos 20"). */
const BARE_COUNT = /^(?:(?:unos|unas|como|about|around)\s+)?(\d+)(?:\s+[a-z]+)?$/;

/**
 * "50 y 100", "50 bags and 100" after "¿Cuántos necesitas de cada uno?" with the goods listed as
 * options: one count per option, in the order they were listed (never a 50 kg cement). Null unless
 * the message is exactly that many bare counts.
 */
function countsInOrder(focus: ProductFocus, folded: string, catalog: readonly Product[]): Wanted[] | null {
  const options = focus.options ?? [];
  if (options.length < 2) return null;
  const parts = folded.split(/\s*,\s*|\s+(?:y|e|and)\s+/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length !== options.length) return null;
  const items: Wanted[] = [];
  for (const [i, part] of parts.entries()) {
    const count = BARE_COUNT.exec(part);
    const product = catalog.find((p) => p.sku === options[i]);
    if (!count || !product || Number(count[1]) <= 0) return null;
    items.push({ query: product.name, quantity: Number(count[1]) });
  }
  return items;
}
