/**
 * A thing named by a compound whose head noun the catalog does not know, only its modifier: "toilet
 * paper" is paper (for the toilet), "asiento de inodoro" a seat, "cepillo pa inodoro" a brush. The
 * brain reads the product word alone ("toilet", "inodoro"); a clerk does not offer the toilet, but
 * says the store does not carry toilet paper (or, for a good of its trade, not right now).
 * English puts the head after the modifier, Spanish before "de"/"para".
 */
import type { Entity, Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { FILLER, stem } from '../catalog/text.js';
import type { CatalogIndex } from './catalog-search.js';
import { closestFocus, notCarried } from './product-not-carried.js';
import { headWord } from './product-request.js';

export { firstPick } from './product-picks.js';
import { describeProduct, optionsFor } from './product-parts.js';

/**
 * Words after or before a product word that are not what it is: time, courtesy, counting and
 * packing, and what is asked about a product (its brand, size, price, photo).
 */
const NOT_A_HEAD = new Set([
  // English
  'please', 'pls', 'plz', 'today', 'tomorrow', 'tonight', 'now', 'too', 'also', 'asap', 'here', 'there', 'again', 'still', 'right',
  'thanks', 'thank', 'thx', 'brand', 'brands', 'size', 'sizes', 'color', 'colors', 'colour', 'colours', 'type', 'types', 'kind',
  'kinds', 'quality', 'model', 'models', 'left', 'sale', 'cheap', 'cheaper', 'delivered', 'delivery', 'pickup', 'only', 'total',
  'off', 'out', 'all', 'any', 'one', 'ones', 'not', 'but', 'and', 'the', 'for', 'with', 'guys', 'sir', 'bro', 'man', 'okay', 'yet', 'anymore', 'from', 'near', 'store', 'shop', 'bag', 'bags', 'box', 'boxes', 'piece',
  'pieces', 'pack', 'packs', 'feet', 'foot', 'yard', 'yards', 'pound', 'pounds', 'lbs', 'inch', 'inches', 'per', 'unit', 'units',
  'photo', 'photos', 'picture', 'pictures', 'pic', 'pics', 'cost', 'costs', 'price', 'prices', 'stock', 'delivery', 'though',
  'question', 'problem', 'issue', 'section', 'department', 'aisle', 'stuff', 'thing', 'promotion', 'deal', 'offer', 'sale', 'material',
  'supply', 'product', 'item', 'order', 'quote', 'estimate', 'instead', 'first', 'later', 'soon', 'ready', 'need', 'needed', 'asked', 'work', 'works', 'job', 'project', 'house', 'home',
  // Spanish
  'marca', 'marcas', 'tipo', 'tipos', 'clase', 'clases', 'color', 'colores', 'medida', 'medidas', 'tamano', 'tamanos', 'foto',
  'fotos', 'imagen', 'lista', 'cotizacion', 'factura', 'oferta', 'ofertas', 'descuento', 'saco', 'sacos', 'caja', 'cajas',
  'funda', 'fundas', 'paquete', 'paquetes', 'quintal', 'pedazo', 'pedacito', 'poco', 'poquito', 'mitad', 'resto', 'cantidad',
  'entrega', 'envio', 'garantia', 'manual', 'instalacion', 'uso', 'calidad', 'modelo', 'venta', 'costo', 'valor', 'precio',
  'precios', 'disponibilidad', 'mejor', 'peor', 'bueno', 'buena', 'barato', 'barata', 'cuanto', 'cuantos', 'cuantas', 'total', 'mano', 'trabajo', 'obra', 'casa', 'proyecto', 'hoy', 'manana', 'ahora',
  'todo', 'toda', 'todos', 'todas', 'resto', 'unidad', 'unidades', 'par', 'pares', 'docena', 'ciento', 'cientos', 'galon',
  'galones', 'cubeta', 'cubetas', 'rollo', 'rollos', 'libra', 'libras', 'metro', 'metros', 'pie', 'pies', 'plancha', 'planchas',
]);

/**
 * Words that join a head to what it is for, in Spanish ("cepillo pa inodoro"). "de" is left out: too
 * many words lead a product that way without naming a thing ("disponibilidad de cemento", "mejor
 * del gris"); the store's own names of goods (`tradeGoods`: "asiento de inodoro") say those.
 */
const JOINER = String.raw`(?:para|pa|pal)`;

/**
 * The phrase a lone product word heads only as a modifier, when the catalog does not know its head
 * ("toilet paper", "asiento de inodoro"), answered as not carried; null otherwise.
 */
export function unknownHeadNotCarried(tenant: TenantData, index: CatalogIndex, text: string, entities: readonly Entity[], lang: Lang): ProductActorOutput | null {
  const spans = entities.filter((e) => e.type === 'product');
  if (spans.length !== 1) return null;
  const span = spans[0] as Entity;
  const said = text.slice(span.start, span.end);
  // One product word said alone: a phrase the brain read whole ("pintura pa madera") is its own.
  if (!/^[\p{L}]+$/u.test(said.trim()) || index.parse(said).content.length === 0) return null;
  const named = lang === 'en' ? englishHead(text.slice(span.end), said) : spanishHead(text.slice(0, span.start), said);
  if (named === null || !isUnknownNoun(index, named.head, lang)) return null;
  return notCarried(tenant, [named.phrase], lang);
}

/**
 * "toilet paper?": the word right after the product word, ending what is asked. A plural there is
 * most often what is said about the product ("paint promotions", "roofing materials"), and a word
 * with more after it a verb or a clause ("the drill come with…", "the cement was wet"): neither.
 */
function englishHead(after: string, said: string): { head: string; phrase: string } | null {
  const m = /^[ \t]+([A-Za-z]{3,})(?<![^s]s)[ \t]*(?:[?.!,;]|please\b|pls\b|$)/i.exec(after);
  return m?.[1] ? { head: m[1], phrase: `${said} ${m[1]}` } : null;
}

/** What a thing asked for follows: an article or count, or asking to have or buy it ("tienen cepillo pa inodoro?"). */
const LEAD = String.raw`(?:un|una|unos|unas|el|la|los|las|\d+|tienen|tienes|tiene|hay|venden|vendes|busco|necesito|quiero|ocupo|y)`;

/** "cepillo pa' el inodoro": the word before "para" and the product word, the start of what is asked. */
const SPANISH_HEAD = new RegExp(String.raw`(?:^|[¿¡,.]\s*|${LEAD}\s+)([\p{L}]{3,})\s+${JOINER}'?\s+(?:(?:el|la|los|las|un|una|mi)\s+)?$`, 'iu');

function spanishHead(before: string, said: string): { head: string; phrase: string } | null {
  const m = SPANISH_HEAD.exec(before);
  return m?.[1] ? { head: m[1], phrase: `${before.slice((m.index ?? 0) + m[0].indexOf(m[1])).trim()} ${said}` } : null;
}

/** A verb's form is no head ("painting", "pintar"). */
const VERB_FORM = { en: /(?:ing|ed|ly)$/, es: /(?:ar|er|ir|ando|iendo)$/ } as const;

function isUnknownNoun(index: CatalogIndex, word: string, lang: Lang): boolean {
  const w = foldAccents(word);
  const forms = [w, w.replace(/s$/, ''), w.replace(/es$/, '')];
  return !FILLER.has(stem(w)) && !forms.some((f) => NOT_A_HEAD.has(f)) && index.parse(w).content.length > 0 && !VERB_FORM[lang].test(w) && index.correct(w) === null;
}

/**
 * "brocas pa concreto" when the store's bits are "para Metal": the product the words meet is made
 * for another use, which its name says. A clerk says there are none for that use and offers that
 * one as the closest, never passes it off as what was asked. Null when the product names no use,
 * or names (by its name, aliases or jobs) the one asked.
 */
export function purposeNotMet(tenant: TenantData, index: CatalogIndex, text: string, entities: readonly Entity[], lang: Lang): ProductActorOutput | null {
  const spans = entities.filter((e) => e.type === 'product');
  if (spans.length !== 1 || (!/\b(?:para|pa|pal|for)\b/i.test(text) && lang !== 'en')) return null;
  const whole = text.slice((spans[0] as Entity).start, (spans[0] as Entity).end).trim();
  const said = whole.replace(SIZE_TAIL, '');
  // "wood screws 2 inch": the English modifier is the use, the head after it.
  const compound = lang === 'en' ? /^(\p{L}{3,})\s+(\p{L}{3,})$/u.exec(said) : null;
  const m = compound ? [said, compound[2], compound[1]] : /^(.+?)\s+(?:para|pa|pal|for)\s+(?:(?:el|la|los|las|un|una|the|a)\s+)?(\p{L}+)$/iu.exec(said);
  if (!m?.[1] || !m[2]) return null;
  const use = index.parse(m[2]).content;
  const best = index.search(whole, { limit: 1 })[0];
  if (use.length === 0 || !best) return null;
  const product = best.product;
  const purpose = foldAccents(product.name).replace(/\([^)]*\)/g, ' ').split(/\b(?:para|for)\b/).slice(1).join(' ');
  const own = new Set(index.parse([product.name, ...(product.aliases ?? []), ...(product.jobs ?? [])].join(' ')).content);
  if (purpose.trim() === '' || use.some((w) => own.has(w)) || !index.parse(m[1]).content.some((w) => own.has(w))) return null;
  // "glue for tiles": another product of those words is made for that use (the tile adhesive's "tile glue").
  if (madeForUse(tenant, index, index.parse(m[1]).content, use)) return null;
  const query = compound ? whole : `${m[1]} ${lang === 'en' ? 'for' : 'para'} ${m[2]}${whole.slice(said.length)}`;
  // The closest is one of those words whose use says the one asked ("Tirafondo: tornillo grueso para madera"), else the one met.
  const closest = madeForUseSaid(tenant, index, index.parse(m[1]).content, use) ?? product;
  return { outcome: 'not_found', replies: [{ template: 'product.not_stocked_instead', params: { query, items: [describeProduct(tenant, closest, lang)] }, options: optionsFor([closest]) }], focus: closestFocus([closest], query) };
}

/**
 * The head of an item by the customer's own words when they say what it is for in English ("screws
 * for drywall": screws; the brain hands over "screw drywall"), if the catalog knows that word;
 * otherwise by the brain's query.
 */
export function spokenHead(index: CatalogIndex, query: string, said: string, lang: Lang): string | null {
  if (lang === 'en' && /\b(?:for|with)\b/i.test(said)) {
    const head = headWord(said, index, lang);
    if (head !== null && index.correct(head) !== null) return head;
  }
  return headWord(query, index, lang);
}

/** A compound's head the catalog lacks ("toilet paper"), or a use the product met is not made for ("brocas pa concreto"). */
export function compoundNotCarried(tenant: TenantData, index: CatalogIndex, text: string, entities: readonly Entity[], lang: Lang): ProductActorOutput | null {
  return unknownHeadNotCarried(tenant, index, text, entities, lang) ?? purposeNotMet(tenant, index, text, entities, lang);
}

/** A size said after the thing ("wood screws 2 inch", "tornillos para madera de 2 pulgadas"): not part of its use. */
const SIZE_TAIL = /\s+(?:de\s+|of\s+)?\d+(?:[\s/.]\d+)*\s*(?:"|''|pulgadas?|pulg|inch(?:es)?|in|mm|cm)?$/iu;

/** A product of the head's words whose use, as the catalog tells it, is the one asked ("Tirafondo": a thick wood screw). */
function madeForUseSaid(tenant: TenantData, index: CatalogIndex, head: readonly string[], use: readonly string[]): TenantData['catalog'][number] | undefined {
  return tenant.catalog.find((p) => {
    const told = new Set(index.parse(`${p.use?.es ?? ''} ${p.use?.en ?? ''}`).content);
    const words = new Set([...index.parse([p.name, ...(p.aliases ?? [])].join(' ')).content, ...told]);
    return told.size > 0 && head.some((w) => words.has(w)) && use.some((w) => told.has(w));
  });
}

/** Whether a product carries one of the head's words and the use's ("tiles" meets "tile" as the catalog writes it). */
function madeForUse(tenant: TenantData, index: CatalogIndex, head: readonly string[], use: readonly string[]): boolean {
  const meets = (words: ReadonlySet<string>, w: string): boolean => [...words].some((o) => o === w || (w.length >= 3 && o.startsWith(w) && o.length - w.length <= 1));
  return tenant.catalog.some((p) => {
    const words = new Set(index.parse([p.name, ...(p.aliases ?? []), ...(p.jobs ?? [])].join(' ')).content);
    return head.some((w) => meets(words, w)) && use.some((w) => meets(words, w));
  });
}
