/**
 * Two attributes asked together that no product has together: "breaker de 20 amperios 2 polos"
 * when the 2-pole breakers are 30A and 50A and the 20A one is 1-pole, "varilla de 3/4 grado 40"
 * when the 3/4" bar is grade 60 only, "aluzinc calibre 28 de 16 pies". A clerk names each one
 * with what it does come in ("De 20A solo tengo de 1 polo; de 2 polos tengo de 30A y 50A") and
 * shows those products: never "no tenemos 20A" while a 20A one is on the shelf.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { convertMeasure, countText, measureText, parseProductText, type Attributes, type Measure, type MeasureUnit } from '../catalog/index.js';
import type { AttributesView } from '../catalog/resolver-types.js';
import type { CatalogIndex } from './catalog-search.js';
import { familyOf, listedAnswer } from './product-parts.js';
import { COLOUR_EN } from './product-colours.js';
import { createLru, remembered } from '../../kernel/lru.js';

/** Products shown at most: the ones that have each attribute asked for. */
const MAX_SHOWN = 4;

const parsed = createLru<Attributes>(1024);
const attributesOf = (p: Product): Attributes => remembered(parsed, p.name, (name) => parseProductText(name, { catalog: true }).attributes);

/** One attribute asked for, as the family's products have it. */
interface Dimension {
  /** Which attribute: a measure's unit ("a", "in", "count:polo"), "grade" or "dims". */
  key: string;
  /** The value asked for, said as a clerk says it ("20A", "2 polos", "grado 40", '3/4"'). */
  label: string;
  /** The product's value of this attribute, said the same way; undefined when it has none. */
  valueOf: (p: Product) => { label: string; order: number } | undefined;
  meets: (p: Product) => boolean;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

function measureLabel(m: Measure, lang: Lang): string {
  if (m.unit === 'count') return countText(m.value, m.noun ?? '', lang);
  if (m.unit === 'ft') return `${measureText({ value: m.value, unit: '' })} ${lang === 'en' ? (m.value === 1 ? 'foot' : 'feet') : m.value === 1 ? 'pie' : 'pies'}`;
  if (m.unit === 'ga') return `${lang === 'en' ? 'gauge' : 'calibre'} ${m.value}`;
  return measureText(m);
}

/** The measure of `unit` (and count noun) a product has, its own or converted (a 6 m pipe asked in feet). */
function measureIn(p: Product, unit: MeasureUnit, noun: string | undefined): { measure: Measure; own: Measure; converted: boolean } | undefined {
  const own = attributesOf(p).measures.find((m) => m.unit === unit && (unit !== 'count' || m.noun === noun));
  if (own) return { measure: own, own, converted: false };
  if (unit === 'count' || unit === 'ga') return undefined;
  for (const m of attributesOf(p).measures) {
    const converted = convertMeasure(m, unit);
    if (converted) return { measure: converted, own: m, converted: true };
  }
  return undefined;
}

/** A bare number ("breaker de 20") in the unit the family has it in, else the family's usual unit. */
function unitForBare(value: number, family: readonly Product[]): MeasureUnit | undefined {
  const units = family.flatMap((p) => attributesOf(p).measures.filter((m) => m.unit !== 'count' && m.unit !== ''));
  const same = units.filter((m) => close(m.value, value));
  const pick = same.find((m) => m.unit === 'in') ?? same.find((m) => m.unit !== 'ft' && m.unit !== 'm') ?? same[0];
  if (pick) return pick.unit;
  const counts = new Map<MeasureUnit, number>();
  for (const m of units) if (m.unit !== 'ft' && m.unit !== 'm') counts.set(m.unit, (counts.get(m.unit) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function dimensionsOf(query: AttributesView, family: readonly Product[], lang: Lang): Dimension[] {
  const out: Dimension[] = [];
  for (const q of query.measures) {
    const unit = q.unit === '' ? unitForBare(q.value, family) : q.unit;
    if (unit === undefined) continue;
    const asked: Measure = { ...q, unit };
    const noun = q.unit === 'count' ? q.noun : undefined;
    const key = unit === 'count' ? `count:${noun ?? ''}` : unit;
    if (out.some((d) => d.key === key)) continue;
    out.push({
      key,
      label: measureLabel(asked, lang),
      valueOf: (p) => {
        const m = measureIn(p, unit, noun);
        // Said as the catalog sells it: the roll's 500 pies, not 152.4 m.
        return m ? { label: measureLabel(m.own, lang), order: m.measure.value } : undefined;
      },
      // A converted size meets the one asked within 8 %, as the resolver's does.
      meets: (p) => {
        const m = measureIn(p, unit, noun);
        return m !== undefined && Math.abs(m.measure.value - asked.value) <= (m.converted ? asked.value * 0.08 : 1e-6);
      },
    });
  }
  if (query.grade !== undefined) {
    const grade = query.grade;
    const word = lang === 'en' ? 'grade' : 'grado';
    out.push({
      key: 'grade',
      label: `${word} ${grade}`,
      valueOf: (p) => (attributesOf(p).grade !== undefined ? { label: `${word} ${attributesOf(p).grade}`, order: attributesOf(p).grade as number } : undefined),
      meets: (p) => attributesOf(p).grade === grade,
    });
  }
  const colour = query.colours[0];
  if (colour !== undefined) {
    const name = (c: string): string => (lang === 'en' ? (COLOUR_EN[c] ?? c) : c);
    out.push({
      key: 'colour',
      label: name(colour),
      valueOf: (p) => (attributesOf(p).colours[0] !== undefined ? { label: name(attributesOf(p).colours[0] as string), order: 0 } : undefined),
      meets: (p) => attributesOf(p).colours.some((c) => c === colour || c.startsWith(`${colour} `)),
    });
  }
  const finish = query.finish;
  if (finish !== undefined) {
    const name = (f: string): string => (lang === 'en' ? ({ satinado: 'satin', mate: 'matte', brillante: 'gloss' } as Record<string, string>)[f] ?? f : f);
    out.push({
      key: 'finish',
      label: name(finish),
      valueOf: (p) => (attributesOf(p).finish !== undefined ? { label: name(attributesOf(p).finish as string), order: 0 } : undefined),
      meets: (p) => attributesOf(p).finish === finish,
    });
  }
  const dims = query.dims.find((d) => /^\d+(?:\.\d+)?x\d+(?:\.\d+)?$/.test(d));
  if (dims !== undefined) {
    // First, as lumber is asked for: "2x6 de 10 pies".
    out.unshift({
      key: 'dims',
      label: dims,
      valueOf: (p) => {
        const own = attributesOf(p).dims.find((d) => /^\d+(?:\.\d+)?x\d+(?:\.\d+)?$/.test(d));
        return own !== undefined ? { label: own, order: Number(own.split('x')[0]) * 1000 + Number(own.split('x')[1]) } : undefined;
      },
      meets: (p) => attributesOf(p).dims.includes(dims),
    });
  }
  return out;
}

/** How an attribute reads after "de"/"in": sizes take "de" in Spanish ("de 20A"), grade and gauge stand alone. */
function said(dimension: Dimension, label: string, lang: Lang, leading: boolean): string {
  const bare = dimension.key === 'grade' || dimension.key === 'ga';
  if (lang === 'en') return leading || dimension.key === 'colour' || dimension.key === 'finish' ? `in ${label}` : label;
  if (dimension.key === 'colour' || dimension.key === 'finish') return `en ${label}`;
  return bare ? (leading ? `en ${label}` : label) : `de ${label}`;
}

const listed = (labels: readonly string[], lang: Lang): string =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${labels[labels.length - 1]}`;

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The answer when the attributes asked together exist only apart in the product's family: each
 * attribute with what it comes in, and those products to choose from (priced for `quantity` when a
 * count was asked for). Null when fewer than two asked attributes tell the family's products apart,
 * when a product has them all, or when none has any.
 */
export function noComboAnswer(tenant: TenantData, index: CatalogIndex, candidates: readonly Product[], query: string, lang: Lang, focus: ProductFocus, quantity?: number): ProductActorOutput | null {
  // The kind of the best matches, in order: "cable 12 rojo" may rank the dúplex first, a kind of cable in no colour.
  const seen = new Set<string>();
  for (const product of candidates) {
    const key = `${product.category}\u0000${headOf(product)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const answer = comboOf(tenant, index, product, query, lang, focus, quantity);
    if (answer) return answer;
  }
  return null;
}

/** A product's head noun ("breaker", "cable", "pintura"): its kind, whatever its type, brand or finish. */
// The family test reads every product of the catalog per answer: each name's head is parsed once.
const heads = createLru<string>(2048);
const headOf = (p: Product): string => remembered(heads, `${p.category}\u0000${p.name}`, () => parseProductText(p.name.split(/[\d(#"]/)[0] ?? '', { catalog: true }).content[0] ?? familyOf(p));

function comboOf(tenant: TenantData, index: CatalogIndex, product: Product, query: string, lang: Lang, focus: ProductFocus, quantity?: number): ProductActorOutput | null {
  const head = headOf(product);
  const family = tenant.catalog.filter((p) => p.category === product.category && headOf(p) === head);
  if (family.length < 2) return null;
  // Only the attributes the family's products have and differ in: every bar is 20 feet long.
  const dimensions = dimensionsOf(index.parse(query).attributes, family, lang).filter((d) => family.some((p) => d.valueOf(p) !== undefined) && !family.every((p) => d.meets(p)));
  if (dimensions.length < 2) return null;
  if (family.some((p) => dimensions.every((d) => d.meets(p)))) return null;
  const groups = dimensions.map((d) => ({ dimension: d, products: family.filter((p) => d.meets(p)) }));
  if (groups.every((g) => g.products.length === 0)) return null;
  const sentences = groups.map(({ dimension, products }, i) => {
    const lead = said(dimension, dimension.label, lang, true);
    const others = dimensions.filter((o) => o !== dimension);
    if (products.length === 0) return (i === 0 ? capital : (x: string) => x)(lang === 'en' ? `${lead} I don't have any` : `${lead} no tengo`);
    const values = [...new Map(products.map((p) => {
      const parts = others.map((o) => o.valueOf(p)).filter((v) => v !== undefined);
      return [parts.map((v) => v.label).join(' '), parts[0]?.order ?? 0] as const;
    })).entries()].filter(([label]) => label !== '').sort((a, b) => a[1] - b[1]).map(([label]) => label);
    // None of them says the other attribute ("gris": the grey paint has no finish in its name): named whole.
    if (values.length === 0) values.push(...products.map((p) => `*${p.name}*`));
    const only = values.length === 1 ? (lang === 'en' ? 'only ' : 'solo ') : '';
    // "de 30A y 50A": the connector once, before the first value.
    const text = listed(values.map((v, k) => (k === 0 && !v.startsWith('*') ? said(others[0] as Dimension, v, lang, false) : v)), lang);
    const sentence = lang === 'en' ? `${lead} I ${only}have ${text}` : `${lead} ${only}tengo ${text}`;
    return i === 0 ? capital(sentence) : sentence;
  });
  // Each attribute's products, on the shelf first, then the nearest in the others.
  const shown: Product[] = [];
  const perGroup = Math.max(1, Math.floor(MAX_SHOWN / groups.length));
  for (const { products } of groups) {
    const ordered = [...products].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0) || a.price - b.price);
    for (const p of ordered.slice(0, perGroup)) if (!shown.includes(p)) shown.push(p);
  }
  for (const { products } of groups) for (const p of products) if (shown.length < MAX_SHOWN && !shown.includes(p)) shown.push(p);
  // What the family has in common in its names ("Breaker", "Cable", "Varilla Corrugada"), without a trailing "Calibre".
  const names = family.map((p) => (p.name.split(/[\d(#"]/)[0] ?? p.name).trim().split(/\s+/));
  const first = names[0] ?? [];
  let shared = 0;
  while (shared < first.length && names.every((n) => n[shared]?.toLowerCase() === first[shared]?.toLowerCase())) shared++;
  const kind = (shared > 0 ? first.slice(0, shared).join(' ') : headOf(product)).replace(/\s+(?:calibre|grado|no\.?|de)$/i, '').trim();
  const wanted = dimensions.map((d) => (lang === 'en' || d.key === 'colour' || d.key === 'finish' ? d.label : said(d, d.label, lang, false))).join(lang === 'en' ? ', ' : ' ');
  return listedAnswer({ tenant, lang, focus, shown, unit: product.unit, quantity, template: 'product.no_combo', params: { kind, wanted, pairs: sentences.join('; ') } });
}
