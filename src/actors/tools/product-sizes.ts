/**
 * Sizes in product answers: the sizes a product's family comes in ("Brocha" in 2" and 4", the LED
 * bulbs in 9W, 12W and 18W) when the one asked for does not exist, the range of a family asked for
 * without a size ("¿tienen tubos pvc?"), and a size asked in another unit than the catalog's
 * ("tinaco de 1000 litros": the 250-gallon tank is about 950 litres).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { convertMeasure, measureText, parseProductText, type CatalogMatch, type Measure, type MeasureUnit } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { describeProduct, familyOf, listedAnswer, optionsFor } from './product-parts.js';
import { createLru, remembered } from '../../kernel/lru.js';

const measures = createLru<readonly Measure[]>(1024);
/** A product's sizes as its name gives them (no counts, no gauges). */
function measuresOf(product: Product): readonly Measure[] {
  return remembered(measures, product.name, (name) => parseProductText(name, { catalog: true }).attributes.measures.filter((m) => m.value > 0 && m.unit !== 'count' && m.unit !== 'ga' && m.unit !== ''));
}

/** The catalog's unit for a size asked in `unit`: that unit when the product has it, else the product's unit of the same dimension. */
function catalogUnit(product: Product, unit: MeasureUnit): MeasureUnit | undefined {
  const own = measuresOf(product);
  if (own.some((m) => m.unit === unit)) return unit;
  return own.find((m) => convertMeasure(m, unit) !== null)?.unit;
}

/** A product's size in `unit`, its own or converted; undefined when it has none of that dimension. */
function sizeIn(product: Product, unit: MeasureUnit): Measure | undefined {
  const own = measuresOf(product);
  return own.find((m) => m.unit === unit) ?? own.flatMap((m) => convertMeasure(m, unit) ?? [])[0];
}

/** How a size reads in a reply: 3/4" as written in the name, 18W, 250 galones. */
function sizeLabel(product: Product, size: Measure): string {
  if (size.unit === 'in') return /(?<![x\d])(?:\d+\s+)?\d+(?:\/\d+)?"/.exec(product.name)?.[0] ?? measureText(size);
  return measureText(size);
}

/** The unit a size asked in `unit` is read in: a bare number is inches, or the product's own unit when it has no inch size ("breaker de 40": 40A). */
function bareUnit(product: Product, unit: MeasureUnit): MeasureUnit {
  if (unit !== '') return catalogUnit(product, unit) ?? unit;
  return catalogUnit(product, 'in') ?? measuresOf(product).find((m) => m.unit !== 'ft' && m.unit !== 'm')?.unit ?? 'in';
}

interface Family {
  /** The family's name: the product's name before its first size ("Block de Hormigón", "Bombillo LED"). */
  kind: string;
  /** One product per size, the one in stock first, smallest size first. */
  sizes: { label: string; value: number; product: Product }[];
  /** Every product of the family (all sizes, every product of a size). */
  members: Product[];
}

/**
 * The sizes a product's family comes in, in the catalog's unit for `unit` (inches for a bare
 * number): one product per size of the same kind and category.
 */
function familySizes(tenant: TenantData, product: Product, unit: MeasureUnit): Family {
  const wanted = bareUnit(product, unit);
  const bySize = new Map<number, { label: string; value: number; product: Product }>();
  const members: Product[] = [];
  for (const p of tenant.catalog) {
    if (p.category !== product.category || familyOf(p) !== familyOf(product)) continue;
    // "4x8 1/4\"": the board's thickness, not its 8.
    const size = measuresOf(p).find((m) => m.unit === wanted);
    if (!size) continue;
    members.push(p);
    const had = bySize.get(size.value);
    if (!had || (had.product.stock <= 0 && p.stock > 0)) bySize.set(size.value, { label: sizeLabel(p, size), value: size.value, product: p });
  }
  const kind = (product.name.split(/[\d(#]/)[0] ?? product.name).trim();
  return { kind, sizes: [...bySize.values()].sort((a, b) => a.value - b.value), members };
}

const listed = (labels: readonly string[], lang: Lang): string =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${labels[labels.length - 1]}`;

/**
 * "the 10 block" when blocks come in 4", 6" and 8", "bombillo de 20w" when bulbs come in 9W, 12W
 * and 18W: no such size, the sizes there are, and the nearest ones (`shown`, nearest first) to
 * choose from, priced for `quantity` when a count was asked for. Null when the family has one size
 * or none.
 */
export function noSizeAnswer(tenant: TenantData, index: CatalogIndex, best: Product, matches: readonly CatalogMatch[], query: string, wantedText: string, lang: Lang, focus: ProductFocus, quantity?: number): ProductActorOutput | null {
  const asked = index.parse(query).attributes.measures.find((m) => m.unit !== 'count' && m.unit !== 'ga');
  // "tubo de 5 pulgadas" best met by the one-size EMT conduit: the family of the same fit sold in the most sizes (the PVC pipe), its nearest sizes shown.
  const families = [best, ...matches.map((m) => m.product)].map((p) => ({ product: p, family: familySizes(tenant, p, asked?.unit ?? '') }));
  const widest = families.reduce((a, b) => (b.family.sizes.length > a.family.sizes.length ? b : a));
  const own = (families[0] as (typeof families)[number]).family.sizes.length >= 2;
  const product = own ? best : widest.product;
  const family = own ? (families[0] as (typeof families)[number]).family : widest.family;
  const shown = own ? matches : family.members.map((p) => ({ product: p, score: 0, unmet: [], defaulted: false }));
  if (family.sizes.length < 2) return null;
  const unit = bareUnit(product, asked?.unit ?? '');
  const away = (p: Product): number => {
    const size = asked ? sizeIn(p, unit) : undefined;
    return size && asked ? Math.abs(Math.log(size.value / asked.value)) : Number.POSITIVE_INFINITY;
  };
  // The nearest size first: for 20W the 18W, then the 12W.
  const products = [...shown].map((m) => m.product).sort((a, b) => (away(a) === away(b) ? 0 : away(a) - away(b))).slice(0, own ? undefined : MAX_PRICED);
  const sizes = listed(family.sizes.map((s) => s.label), lang);
  // "de 10": a bare number is the inch size the family is sold in.
  const wanted = /^\d+(?:\s+\d+\/\d+|\/\d+)?$/.test(wantedText) ? (unit === 'in' ? `${wantedText}"` : asked ? measureText({ value: asked.value, unit }) : wantedText) : wantedText;
  // "y de 3?" after the 2" concrete nail, sold in no other size: the common nail is sold in 3" — said as that
  // other kind in the size asked, never "No tenemos *Clavo Corriente 3"*" above the 3" common nail.
  const exact = !own && asked ? products.filter((p) => away(p) === 0) : [];
  if (exact.length > 0 && tenant.templates[lang]?.['product.no_size_other'] !== undefined) {
    // The one shown is on the counter ("dame 2 libras" takes it), in place of the one asked for before it.
    const one = exact.length === 1 ? exact[0]! : null;
    const onCounter: ProductFocus = one ? { sku: one.sku, name: one.name, price: one.price, query: one.name, recent: (focus.recent ?? []).filter((sku) => sku !== one.sku && sku !== focus.sku) } : focus;
    return listedAnswer({ tenant, lang, focus: onCounter, shown: exact, unit: product.unit, quantity, template: 'product.no_size_other', params: { own: (families[0] as (typeof families)[number]).family.kind, kind: family.kind, wanted } });
  }
  // A count asked for ("dame 5 blocks de 10"): each size there is, priced for that count.
  return listedAnswer({ tenant, lang, focus, shown: products, unit: product.unit, quantity, template: 'product.no_size', params: { kind: family.kind, wanted, sizes } });
}

/** Sizes of a family a range answer lists in full; more are given as "from … to …". */
const MAX_SIZES_LISTED = 8;
/** Sizes priced in a range answer. */
const MAX_PRICED = 3;

/**
 * "¿tienen tubos pvc?": a family sold in three sizes or more, asked for without a size. A clerk
 * says the sizes there are and the price span, prices the everyday ones and asks which size. Null
 * when the product's family has fewer than three sizes.
 */
export function familyRange(tenant: TenantData, product: Product, lang: Lang, focus: ProductFocus): ProductActorOutput | null {
  const own = measuresOf(product)[0];
  if (!own) return null;
  const family = familySizes(tenant, product, own.unit);
  if (family.sizes.length < 3) return null;
  const labels = family.sizes.map((s) => s.label);
  const sizes = labels.length <= MAX_SIZES_LISTED ? listed(labels, lang) : `${labels[0]} ${lang === 'en' ? 'to' : 'a'} ${labels[labels.length - 1]}`;
  const prices = family.members.map((p) => p.price);
  // The everyday one (the product answered) first, then the smallest sizes in stock.
  const rest = family.sizes.map((s) => s.product).filter((p) => p.sku !== product.sku);
  const priced = [product, ...rest.filter((p) => p.stock > 0), ...rest.filter((p) => p.stock <= 0)].slice(0, MAX_PRICED);
  const params = {
    kind: family.kind,
    count: family.sizes.length,
    sizes,
    low: formatMoney(Math.min(...prices)),
    high: formatMoney(Math.max(...prices)),
    items: priced.map((p) => describeProduct(tenant, p, lang)),
  };
  return {
    outcome: 'answered',
    replies: [{ template: 'product.family_range', params, options: optionsFor(priced) }],
    focus: { ...focus, options: priced.map((p) => p.sku) },
  };
}

const UNIT_NAMES: Readonly<Partial<Record<MeasureUnit, Record<Lang, [string, string]>>>> = {
  l: { es: ['litro', 'litros'], en: ['liter', 'liters'] },
  gal: { es: ['galón', 'galones'], en: ['gallon', 'gallons'] },
  in: { es: ['pulgada', 'pulgadas'], en: ['inch', 'inches'] },
  ft: { es: ['pie', 'pies'], en: ['foot', 'feet'] },
  m: { es: ['metro', 'metros'], en: ['meter', 'meters'] },
  lb: { es: ['libra', 'libras'], en: ['pound', 'pounds'] },
  kg: { es: ['kilo', 'kilos'], en: ['kilo', 'kilos'] },
};

/** A size with its unit in words, rounded as a clerk says it: 946.4 l → "950 litros", 12.7 mm → "13 mm". */
function inWords(m: Measure, lang: Lang, rounded: boolean): string {
  const value = !rounded ? m.value : m.value >= 100 ? Math.round(m.value / 10) * 10 : m.value >= 10 ? Math.round(m.value) : Math.round(m.value * 10) / 10;
  const names = UNIT_NAMES[m.unit];
  if (!names) return measureText({ ...m, value });
  const text = m.unit === 'in' && !rounded ? measureText(m).replace(/"$/, '') : String(value);
  return `${text} ${names[lang][value === 1 ? 0 : 1]}`;
}

/**
 * "tinaco de 1000 litros" answered with the 250-gallon tank: its size in the customer's unit
 * ("El *Tinaco Plástico 250 Galones* es de 250 galones, unos 950 litros"), said before the
 * answer. Null when the size was asked in the catalog's own unit, or none was.
 */
export function convertedSizeNote(index: CatalogIndex, query: string, product: Product, lang: Lang): ReplyDirective | null {
  const asked = index.parse(query).attributes.measures.find((m) => m.unit !== '' && m.unit !== 'count' && m.unit !== 'ga');
  if (!asked) return null;
  const own = measuresOf(product);
  if (own.some((m) => m.unit === asked.unit)) return null;
  // The product's size nearest to the one asked: "de 20 pies?" of a 1/2" × 6 m pipe is its length
  // (6 m, unos 20 pies), not its width (unos 0 pies).
  let size: Measure | undefined;
  let converted: Measure | null = null;
  for (const m of own) {
    const c = convertMeasure(m, asked.unit);
    if (!c || !(c.value > 0)) continue;
    if (!converted || Math.abs(Math.log(c.value / asked.value)) < Math.abs(Math.log(converted.value / asked.value))) [size, converted] = [m, c];
  }
  if (!size || !converted) return null;
  return { template: 'product.converted_size', params: { name: product.name, size: inWords(size, lang, false), approx: inWords(converted, lang, true) } };
}

/**
 * "cemento en fundas de 50 libras" when the bags are of 42.5 kg: the size asked for in the
 * customer's own words ("50 libras", where the product phrase kept only "50"), and each size shown
 * in the customer's unit ("42.5 kilos son unas 94 libras"), so the nearest one is plain. Null when
 * the message gives no size with a unit, or every product shown is sold in that unit.
 */
export function askedUnitSizes(index: CatalogIndex, text: string, shown: readonly Product[], lang: Lang): { wanted: string; note: ReplyDirective | null; exact?: Product } | null {
  const asked = index.parse(text).attributes.measures.find((m) => m.unit !== '' && m.unit !== 'count' && m.unit !== 'ga' && UNIT_NAMES[m.unit] !== undefined) ?? bagWeight(text);
  if (!asked) return null;
  // "el tinaco de 250 galones" is the 250-gallon tank: no "no" (the product phrase had read "250 galones" as a count).
  // ...when it has every other size asked too: "zinc calibre 26 de 12 pies" is not the 12-foot gauge-32 sheet.
  const others = index.parse(text).attributes.measures.filter((m) => m !== asked && m.unit !== 'count');
  const hasAll = (p: Product): boolean => others.every((o) => parseProductText(p.name, { catalog: true }).attributes.measures.some((m) => (m.unit === o.unit || o.unit === '') && Math.abs(m.value - o.value) < 1e-9));
  const exact = shown.find((p) => measuresOf(p).some((m) => m.unit === asked.unit && Math.abs(m.value - asked.value) < 1e-9) && hasAll(p));
  if (exact) return { wanted: inWords(asked, lang, false), note: null, exact };
  // That size is there; what is missing is another attribute (the gauge of "zinc calibre 26 de 12 pies").
  if (shown.some((p) => measuresOf(p).some((m) => m.unit === asked.unit && Math.abs(m.value - asked.value) < 1e-9))) return null;
  const seen = new Set<string>();
  const sizes: string[] = [];
  for (const p of shown) {
    const own = measuresOf(p);
    if (own.some((m) => m.unit === asked.unit)) continue;
    const size = own.find((m) => convertMeasure(m, asked.unit) !== null);
    const converted = size ? convertMeasure(size, asked.unit) : null;
    if (!size || !converted || seen.has(measureText(size))) continue;
    // A hose's 1/2" bore is no length to compare with 100 feet ("unas 0 pies"): only sizes of the same order.
    if (converted.value < asked.value / 4 || converted.value > asked.value * 4) continue;
    seen.add(measureText(size));
    sizes.push(`${inWords(size, lang, false)} ${lang === 'en' ? 'is about' : 'son unas'} ${inWords(converted, lang, true)}`);
  }
  const note: ReplyDirective | null = sizes.length > 0 ? { template: 'product.sizes_in_unit', params: { sizes: sizes.join('; ') } } : null;
  return { wanted: inWords(asked, lang, false), note };
}

/** "50 lb bags", "bolsas de 50 libras": a bag's weight, which the parser reads as a count sold by the pound. */
const BAG_WEIGHT = /(\d+(?:[.,]\d+)?)\s*-?\s*(lbs?|libras?|pounds?|kg|kilos?|kilogramos?)\s+(?:bags?|sacks?|sacos?|fundas?|bolsas?)\b|\b(?:bags?|sacks?|sacos?|fundas?|bolsas?)\s+(?:de|of)\s+(\d+(?:[.,]\d+)?)\s*(lbs?|libras?|pounds?|kg|kilos?|kilogramos?)\b/i;

function bagWeight(text: string): Measure | undefined {
  const m = BAG_WEIGHT.exec(text);
  if (!m) return undefined;
  const value = Number((m[1] ?? m[3] ?? '').replace(',', '.'));
  const unit: MeasureUnit = /^k/i.test(m[2] ?? m[4] ?? '') ? 'kg' : 'lb';
  return value > 0 ? { value, unit } : undefined;
}
