/**
 * The parts of a product answer shared by its builders (`product.tool.ts`): a product described
 * with its price and stock, the in-stock alternative to an exhausted one, the focus of an answer,
 * the options, and what a job takes from the catalog.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, ReplyDirective, ReplyOption } from '../../machines/conversation.contract.js';
import { parseProductText, type CatalogMatch, type Measure } from '../catalog/index.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { countUnit, priceUnit } from './units.js';
import { quantityOf, type Wanted } from './product-request.js';
import { createLru, remembered } from '../../kernel/lru.js';
import { foldAccents } from '../../kernel/fold.js';

/** A search score this much higher is a better fit, not noise ("varilla de 5/8": the 3/4 before the everyday 3/8). */
const CLEARLY_BETTER = 0.015;

export interface Found {
  item: Wanted;
  match: CatalogMatch;
}

/**
 * The stock of a product whose live figure could not be read (the tenant's business backend is
 * down, `live-data.ts`): shown as "can't check right now", never as a count; read as available by
 * the rest of the tool so no alternative or shortage is claimed on a guess.
 */
export const STOCK_UNKNOWN = Number.POSITIVE_INFINITY;
/** Products the customer named one by one ("a toilet, a hose, a level and teflon tape"): each is answered, none dropped. */
export const MAX_NAMED = 8;

export function availability(tenant: TenantData, product: Product, lang: Lang): string {
  if (product.stock === STOCK_UNKNOWN) return renderReply({ template: 'product.stock.unknown' }, tenant.templates, lang);
  const directive: ReplyDirective =
    product.stock > 0
      ? { template: 'product.stock.available', params: { count: product.stock, unit: countUnit(product.unit, product.stock, lang) } }
      : { template: 'product.stock.out' };
  return renderReply(directive, tenant.templates, lang);
}

export function describeProduct(tenant: TenantData, product: Product, lang: Lang): { name: string; price: string; unit: string; availability: string } {
  return {
    name: product.name,
    price: formatMoney(product.price),
    unit: priceUnit(product.unit, lang),
    availability: availability(tenant, product, lang),
  };
}

/**
 * An in-stock product to offer instead of an exhausted one: among the same search's matches one sold
 * the same way, then the tenant's everyday product, then the closest fit, then the nearest price;
 * else the same category.
 */
export function alternativeFor(tenant: TenantData, index: CatalogIndex, product: Product, query: string): Product | undefined {
  // The same thing, never what goes with it: the tap is no alternative to the washbasin; and of
  // the kind the customer named: the common nail is no alternative to the concrete nail asked for
  // ("clavo de concreto"), though it is to a 2" nail ("clavos de 2 pulgadas").
  const said = new Set(parseProductText(query).content);
  // A name of its own said ("concrete nails", an alias of two words or more besides the brand): all of its kind.
  const brand = new Set(product.brand ? parseProductText(product.brand, { catalog: true }).content : []);
  const byAlias = (product.aliases ?? []).some((alias) => {
    const words = parseProductText(alias).content;
    return words.filter((w) => !brand.has(w)).length >= 2 && words.every((w) => said.has(w));
  });
  const asked = kindWords(product).filter((w) => byAlias || said.has(w));
  const sameThing = (other: Product): boolean => firstWord(other.name) === firstWord(product.name) && asked.every((w) => kindWords(other).includes(w));
  // The nearest size of the family: the 5/8" rebar out, the 3/4" or the 1/2", not the everyday 3/8".
  const size = sizeOf(product);
  const away = (other: Product): number => {
    const its = size ? sizeOf(other) : undefined;
    return size && its && its.unit === size.unit ? Math.abs(Math.log(its.value / size.value)) : Number.POSITIVE_INFINITY;
  };
  const fromSearch = index
    .search(query, { limit: 10 })
    .filter((m) => m.product.sku !== product.sku && m.product.stock > 0 && m.product.category === product.category && sameThing(m.product))
    .sort(
      (a, b) =>
        // Same selling unit first: a cubeta for a cubeta, a 42.5 kg bag for a 42.5 kg bag.
        Number(b.product.unit === product.unit) - Number(a.product.unit === product.unit) ||
        nearer(away(a.product), away(b.product)) ||
        a.unmet.length - b.unmet.length ||
        // What clearly fits the customer's words better (the nearest size, the same colour), then the everyday product.
        (Math.abs(b.score - a.score) >= CLEARLY_BETTER ? b.score - a.score : 0) ||
        Number(b.defaulted) - Number(a.defaulted) ||
        Math.abs(a.product.price - product.price) - Math.abs(b.product.price - product.price),
    )[0];
  if (fromSearch) return fromSearch.product;
  return tenant.catalog
    .filter((p) => p.category === product.category && p.sku !== product.sku && p.stock > 0 && sameThing(p))
    .sort((a, b) => nearer(away(a), away(b)) || Math.abs(a.price - product.price) - Math.abs(b.price - product.price))[0];
}

/** Orders two distances from a size, nearest first (two unknown ones are equal). */
const nearer = (a: number, b: number): number => (a === b ? 0 : a - b);

const sizes = createLru<Measure | null>(1024);
/** A product's size as its name gives it (the first inch measure, else the first measure): 5/8" → 0.625 in. */
export function sizeOf(product: Product): Measure | undefined {
  return remembered(sizes, product.name, (name) => {
    const measures = parseProductText(name, { catalog: true }).attributes.measures.filter((m) => m.value > 0 && m.unit !== 'count');
    return measures.find((m) => m.unit === 'in') ?? measures[0] ?? null;
  }) ?? undefined;
}

export const firstWord = (name: string): string => nameKey(name).split(' ')[0] ?? '';

const kinds = createLru<readonly string[]>(1024);
/**
 * The words that say what kind of thing a product is: the first word of its name and what follows
 * a "de" / "para" before its first size or unit (what it is made of or for), without its brand:
 * "Clavo de Acero para Concreto 2\" (libra)" → clavo, acero, concreto; "Block de Hormigón 6\"" →
 * block, hormigón; "Taladro Inalámbrico 20V" → taladro (a drill all the same).
 */
function kindWords(product: Product): readonly string[] {
  return remembered(kinds, `${product.name}\u0000${product.brand ?? ''}`, () => {
    const head = nameKey(product.name.split(/[\d(#]/)[0] ?? '').split(' ');
    const brand = new Set(product.brand ? parseProductText(product.brand, { catalog: true }).content : []);
    const at = head.findIndex((w) => w === 'de' || w === 'para');
    const words = parseProductText([head[0] ?? '', ...(at > 0 ? head.slice(at + 1) : [])].join(' '), { catalog: true }).content;
    return words.filter((w) => !brand.has(w));
  });
}

const families = createLru<string>(1024);
/** A product's family: all its name's words before its first size or unit, without its brand ("Block de Hormigón", "Tubo PVC"). */
export function familyOf(product: Product): string {
  return remembered(families, `${product.name}\u0000${product.brand ?? ''}`, () => {
    const brand = new Set(product.brand ? parseProductText(product.brand, { catalog: true }).content : []);
    return parseProductText(product.name.split(/[\d(#]/)[0] ?? '', { catalog: true }).content.filter((w) => !brand.has(w)).sort().join(' ');
  });
}

export function altParams(tenant: TenantData, alt: Product, lang: Lang): Record<string, string> {
  return { altName: alt.name, altPrice: formatMoney(alt.price), altAvailability: availability(tenant, alt, lang) };
}

/** Buttons (widget) or numbered lines (WhatsApp) naming each product: choosing one asks for it by name. */
export function optionsFor(products: readonly Product[]): ReplyOption[] {
  return products.map((p) => ({ label: p.name, text: p.name }));
}

export function focusOf(match: CatalogMatch, item: Wanted, index: CatalogIndex): ProductFocus {
  const phrases = index.parse(item.query).phrases;
  const attributes = Object.fromEntries(Object.entries(phrases).filter(([, v]) => typeof v === 'string' && v !== ''));
  return {
    sku: match.product.sku,
    name: match.product.name,
    price: match.product.price,
    ...(item.quantity !== undefined && item.quantity > 0 ? { quantity: quantityOf(item) } : {}),
    query: item.query,
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}

/** The words of a message, folded, for matching a product's job words. */
const wordsOf = (text: string): Set<string> => new Set(nameKey(text).split(' '));
/** Products a job takes, at most this many (one of each kind). */
const MAX_KIT = 7;

/**
 * "quiero pintar mi casa, ¿qué necesito?": one product of each kind the catalog lists for the job
 * (`jobs`), in catalog order, in stock and the everyday one first; then the area and colour asked,
 * when paint is among them, to work out the gallons. Null when no product carries a job named.
 */
export function jobKit(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  const said = wordsOf(text);
  const forJob = tenant.catalog.filter((p) => p.jobs?.some((job) => said.has(nameKey(job))));
  if (forJob.length === 0) return null;
  const kinds = new Map<string, Product>();
  for (const p of forJob) {
    const kind = firstWord(p.name);
    const had = kinds.get(kind);
    const better = !had || (p.stock > 0 && had.stock <= 0) || ((p.stock > 0) === (had.stock > 0) && (p.default_for?.length ?? 0) > 0 && (had.default_for?.length ?? 0) === 0);
    if (better) kinds.set(kind, p);
  }
  const kit = [...kinds.values()].slice(0, MAX_KIT);
  const paint = kit.find((p) => p.coverage !== undefined);
  const first = paint ?? (kit[0] as Product);
  const match: CatalogMatch = { product: first, score: 1, unmet: [], defaulted: false };
  const focus = focusOf(match, { query: first.name }, index);
  return {
    outcome: 'answered',
    replies: [{ template: paint ? 'product.job_kit_area' : 'product.job_kit', params: { items: kit.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(kit) }],
    // "¿Cuántos metros cuadrados…?": the bare measurement next is that answer (`measureAnswer`).
    focus: { ...focus, options: kit.map((p) => p.sku), recent: kit.filter((p) => p !== first).map((p) => p.sku), ...(paint ? { measure: { asked: 'area' as const } } : {}) },
  };
}

/** Folded product names and option texts, remembered (bounded): catalogs are small, and the same chip text comes back. */
const nameKeys = createLru<string>(4096);
const foldName = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9/#.]+/g, ' ').trim();
export const nameKey = (s: string): string => remembered(nameKeys, s, foldName);

export function sameName(name: string, text: string): boolean {
  return nameKey(name) === nameKey(text);
}

/** Each catalog's folded product names (a catalog array never changes in place: the admin API swaps in a new one). */
const catalogNameKeys = new WeakMap<readonly Product[], Set<string>>();

/**
 * The text is some product's full name (`sameName`), as a tapped option sends it. Checked before
 * searching the catalog for the whole message, which no other message needs.
 */
export function namesAProduct(catalog: readonly Product[], text: string): boolean {
  let keys = catalogNameKeys.get(catalog);
  if (keys === undefined) {
    keys = new Set(catalog.filter((p) => p.name.length > 0).map((p) => nameKey(p.name)));
    catalogNameKeys.set(catalog, keys);
  }
  return keys.has(foldName(text));
}

/** The same product in a 5-gallon cubeta, in stock and cheaper, for a whole number of cubetas of gallons. */
export function bucketFor(tenant: TenantData, product: Product, gallons: number): Product | undefined {
  if (gallons < 5 || gallons % 5 !== 0) return undefined;
  const name = product.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const m = /^(.*)\(galon\)\s*$/i.exec(name);
  if (!m?.[1]) return undefined;
  const base = m[1].trim().toLowerCase();
  const bucket = tenant.catalog.find((p) => {
    const other = foldAccents(p.name);
    return other.startsWith(`${base} (`) && /\(cubeta 5 gal\)\s*$/.test(other);
  });
  if (!bucket || bucket.stock < gallons / 5 || bucket.price * (gallons / 5) >= product.price * gallons) return undefined;
  return bucket;
}

/**
 * An answer that lists `shown` as its options, each priced for `quantity` when the customer said how
 * many ("dame 5 blocks de 10"): `template` with the items, or `template`_qty with the count and its
 * unit too. The focus keeps the products shown as its options.
 *
 * @example
 * return listedAnswer({ tenant, lang, focus, shown, unit: product.unit, quantity, template: 'product.no_size', params: { kind, wanted, sizes } });
 */
export function listedAnswer(a: {
  tenant: TenantData;
  lang: Lang;
  focus: ProductFocus;
  shown: readonly Product[];
  unit: string;
  quantity: number | undefined;
  template: string;
  params: Record<string, string>;
}): ProductActorOutput {
  const { tenant, lang, shown, quantity } = a;
  const items = shown.map((p) => ({ ...describeProduct(tenant, p, lang), ...(quantity !== undefined ? { quantity, subtotal: formatMoney(p.price * quantity) } : {}) }));
  const params = { ...a.params, items };
  return {
    outcome: 'answered',
    replies: [
      quantity !== undefined
        ? { template: `${a.template}_qty`, params: { ...params, quantity, units: countUnit(a.unit, quantity, lang) }, options: optionsFor(shown) }
        : { template: a.template, params, options: optionsFor(shown) },
    ],
    focus: { ...a.focus, options: shown.map((p) => p.sku) },
  };
}
