/**
 * A count of the product on the counter named by what it is made of: "quiero 5 planchas de pino"
 * right after the 3/4" pine plywood, "5 sheets of pine please". The sheets on the counter are pine;
 * a clerk counts them, never turns to the pine lumber (sold by the piece, never by the sheet). Read
 * only when the words name nothing the product's own name and aliases do not, or the catalog gives
 * them to goods of the same material, and any selling unit said is the product's.
 */
import type { Product } from '../../domain/tenant.js';
import type { ProductFocus } from '../../machines/conversation.contract.js';
import { fold } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';

/** An item asked for (as `product-request.ts` reads it; not imported from there, which calls this). */
interface Wanted {
  query: string;
  quantity?: number;
}

/** The English words of a selling unit (the catalog's units are Spanish). */
const UNIT_EN: Readonly<Record<string, string>> = { plancha: 'sheets?|boards?', lamina: 'sheets?', saco: 'bags?|sacks?', galon: 'gallons?', cubeta: 'buckets?|pails?', libra: 'pounds?|lbs?', unidad: 'units?|pieces?', rollo: 'rolls?', metro: 'meters?|metres?', pie: 'feet|foot', par: 'pairs?' };
/** Selling units a count may be said in. */
const ANY_UNIT = /\b(?:planchas?|laminas?|hojas?|sheets?|boards?|sacos?|fundas?|bags?|galon(?:es)?|gallons?|cubetas?|buckets?|libras?|pounds?|lbs?|unidades|units?|piezas?|pieces?|rollos?|rolls?|metros?|meters?|pies|feet|pares|pairs?)\b/;

const wordsOf = (index: CatalogIndex, p: Product): Set<string> => new Set([p.name, ...(p.aliases ?? [])].flatMap((t) => index.parse(t).content));

/**
 * The product on the counter, counted, when the one item said names it by its material; null otherwise.
 *
 * @example
 * namedOnCounter(index, catalog, plywood34, 'quiero 5 planchas de pino', [{ query: 'pino', quantity: 5 }]);
 * // { sku: 'MAD-004', items: [{ query: 'Plywood 4x8 3/4" Pino', quantity: 5 }] }
 */
export function namedOnCounter(index: CatalogIndex, catalog: readonly Product[], focus: ProductFocus, text: string, wanted: readonly Wanted[]): { sku: string; items: Wanted[] } | null {
  const shown = catalog.find((p) => p.sku === focus.sku);
  const only = wanted.length === 1 ? wanted[0] : undefined;
  if (!shown || !only || only.quantity === undefined) return null;
  const said = index.parse(only.query);
  if (said.content.length === 0 || Object.keys(said.phrases).length > 0) return null;
  // Any selling unit said is the one the product on the counter is sold in ("planchas" of plywood).
  const folded = fold(text);
  const unit = fold(shown.unit).split(/\s+/)[0] ?? '';
  const own = new RegExp(`\\b(?:${unit}(?:s|es)?${UNIT_EN[unit] ? `|${UNIT_EN[unit]}` : ''})\\b`);
  if (ANY_UNIT.test(folded) && !own.test(folded)) return null;
  const words = wordsOf(index, shown);
  // Its material said in another language: goods whose alias it is share a word of the product's name ("pine": the pine lumber; "Pino"),
  // a word other than its kind ("roller": the Rodillo de Pintura shares "pintura", the paint's kind, and is another good).
  const [kind, ...rest] = index.parse(shown.name).content;
  const named = (w: string): boolean =>
    words.has(w) || catalog.some((p) => p.sku !== shown.sku && (p.aliases ?? []).some((a) => index.parse(a).content.includes(w)) && index.parse(p.name).content.some((n) => n !== kind && rest.includes(n)));
  if (!said.content.every(named)) return null;
  // The words named something else of the catalog better than the counter's product's kind: only the material, not another kind ("tubo" after the plywood).
  if (said.content.some((w) => index.parse(shown.name).content.every((n) => n !== w) && !(shown.aliases ?? []).some((a) => index.parse(a).content.includes(w)) && catalog.some((p) => fold(p.name).startsWith(w)))) return null;
  return { sku: shown.sku, items: [{ query: shown.name, quantity: only.quantity }] };
}
