/**
 * "¿cuánto el pie?", "a cómo el metro?", "how much per foot?" about the product on the counter: a
 * clerk says how it is sold and, when it is sold by the piece but has a length, what that comes to
 * per foot or metre (lumber per board foot too: "pie tablar"); when another product of the line is
 * sold by that unit (the cable by the foot beside its 500-ft roll), that one.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, TemplateParams } from '../../machines/conversation.contract.js';
import type { PricedUnit } from '../../machines/focus-questions.js';
import { formatMoney } from './format.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { foldAccents } from '../../kernel/fold.js';

const UNIT_NAMES: Record<PricedUnit, Record<Lang, string>> = {
  ft: { es: 'pie', en: 'foot' },
  bf: { es: 'pie tablar', en: 'board foot' },
  m: { es: 'metro', en: 'metre' },
  m2: { es: 'metro cuadrado', en: 'square metre' },
  gal: { es: 'galón', en: 'gallon' },
  lb: { es: 'libra', en: 'pound' },
  bag: { es: 'saco', en: 'bag' },
  piece: { es: 'unidad', en: 'unit' },
  roll: { es: 'rollo', en: 'roll' },
  box: { es: 'caja', en: 'box' },
};

const UNIT_PLURAL: Record<'ft' | 'm', Record<Lang, string>> = { ft: { es: 'pies', en: 'feet' }, m: { es: 'metros', en: 'metres' } };

/** The catalog's selling units (their first word, accents off) for each unit asked for. */
const SOLD_AS: Record<PricedUnit, readonly string[]> = {
  ft: ['pie'], bf: [], m: ['metro', 'm²', 'm2'], m2: ['m²', 'm2'], gal: ['galon'], lb: ['libra'], bag: ['saco', 'bolsa'], piece: ['unidad'], roll: ['rollo'], box: ['caja'],
};

const FT_PER_M = 3.28084;
const plain = foldAccents;
const soldAs = (p: Product, unit: PricedUnit): boolean => SOLD_AS[unit].includes(plain(p.unit.split(/\s+/)[0] ?? ''));

/** A piece's length from its name, in feet: "(20 pies)", "x 50 pies", "(6 m)", "2x4x10'" (not "6 pies³"). */
function lengthFt(p: Product): number | undefined {
  const ft = /(\d+(?:\.\d+)?)\s*(?:pies|')(?![³\d])/.exec(p.name);
  if (ft) return Number(ft[1]);
  const m = /\((?:[^)]*\s)?(\d+(?:\.\d+)?)\s*m\)/.exec(p.name);
  return m ? Number(m[1]) * FT_PER_M : undefined;
}

/** Board feet in a piece of lumber named "AxBxL'" (inches × inches × feet). */
function boardFeet(p: Product): number | undefined {
  const dims = /(\d+)x(\d+)x(\d+)'/.exec(p.name);
  return dims ? (Number(dims[1]) * Number(dims[2]) * Number(dims[3])) / 12 : undefined;
}

const round1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The answer to "¿cuánto el {unit}?" about the product in focus; null when it has no product. */
export function perUnitAnswer(tenant: TenantData, focus: ProductFocus, family: readonly Product[], unit: PricedUnit, lang: Lang, count?: true): ProductActorOutput | null {
  const shown = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!shown) return null;
  // "¿cuántos metros son?" after "100 pies de cable": the count in that unit, then its price per that unit.
  const from: PricedUnit = unit === 'm' ? 'ft' : 'm';
  if (count && focus.quantity !== undefined && (unit === 'm' || unit === 'ft') && soldAs(shown, from)) {
    const converted = unit === 'm' ? focus.quantity / FT_PER_M : focus.quantity * FT_PER_M;
    const params = { ...describeProduct(tenant, shown, lang), quantity: String(focus.quantity), from: UNIT_PLURAL[from][lang], converted: round1(converted), to: UNIT_PLURAL[unit][lang], total: formatMoney(shown.price * focus.quantity) };
    return { outcome: 'answered', replies: [{ template: 'product.in_unit', params }], focus };
  }
  const asked = UNIT_NAMES[unit][lang];
  const answer = (template: string, product: Product, extra: Record<string, string> = {}): ProductActorOutput => ({
    outcome: 'answered',
    replies: [{ template, params: { ...describeProduct(tenant, product, lang), asked, ...extra } }],
    focus: { sku: product.sku, name: product.name, price: product.price, query: focus.query },
  });
  // Sold by that unit: this one, else the same line's product sold so (the cable by the foot).
  const same = soldAs(shown, unit) ? shown : family.find((p) => soldAs(p, unit) && p.stock > 0) ?? family.find((p) => soldAs(p, unit));
  if (same) return answer('product.per_unit.same', same);
  // By the foot, asked by the metre (the cable): what a metre comes to.
  if (unit === 'm' && soldAs(shown, 'ft')) return answer('product.per_unit.metre', shown, { per: formatMoney(shown.price * FT_PER_M) });
  const length = lengthFt(shown);
  const board = boardFeet(shown);
  if (unit === 'bf' && board !== undefined) {
    return answer('product.per_unit.derived', shown, { per: formatMoney(shown.price / board), length: `${round1(board)} ${lang === 'en' ? 'board feet' : 'pies tablares'}` });
  }
  if ((unit === 'ft' || unit === 'm') && length !== undefined) {
    const units = unit === 'ft' ? length : length / FT_PER_M;
    const said = `${round1(units)} ${unit === 'ft' ? (lang === 'en' ? 'feet' : 'pies') : lang === 'en' ? 'metres' : 'metros'}`;
    // Lumber is priced by the board foot too: both, as a clerk at the yard says them.
    const extra = board !== undefined && unit === 'ft' ? { board: formatMoney(shown.price / board), boardFeet: round1(board) } : undefined;
    return answer(extra ? 'product.per_unit.lumber' : 'product.per_unit.derived', shown, { per: formatMoney(shown.price / units), length: said, ...extra });
  }
  return answer('product.per_unit.not', shown);
}

/**
 * "¿cuánto sale el galón?" with several options on the counter (the colours just listed): the price
 * by that unit of each option sold so, or the one price when they all share it; the options stay on
 * the counter for the pick. Null when fewer than two of them are sold by that unit.
 */
export function perUnitOfOptions(tenant: TenantData, focus: ProductFocus, options: readonly Product[], unit: PricedUnit, lang: Lang): ProductActorOutput | null {
  const sold = options.filter((p) => soldAs(p, unit));
  if (sold.length < 2) return null;
  const asked = UNIT_NAMES[unit][lang];
  const first = sold[0] as Product;
  const one = sold.every((p) => p.price === first.price);
  const params: TemplateParams = one ? { asked, price: formatMoney(first.price), count: String(sold.length) } : { asked, items: sold.map((p) => describeProduct(tenant, p, lang)) };
  return { outcome: 'answered', replies: [{ template: one ? 'product.per_unit.all' : 'product.per_unit.each', params, options: optionsFor(sold) }], focus: { ...focus, options: sold.map((p) => p.sku) } };
}
