/**
 * Counts said apart from the products they are for, by their unit: "¿tienen varilla de 3/8 y
 * cemento? ¿cuánto sería 20 varillas y 10 sacos?", "cemento y arena, 5 sacos y 2 metros". A clerk
 * knows the sacks are the cement and the metres the sand: each count goes to the one product named
 * without a count whose name ("varillas" → the rebar) or selling unit ("sacos" → the cement, sold by
 * the sack) the count's word says. A bare mention the count made of its own word ("varilla" × 20)
 * folds into the product it is for.
 */
import type { Product } from '../../../domain/tenant.js';
import { fold, resolverFor } from '../../catalog/index.js';
import type { ProductMention } from './products.js';

/** A number and the word after it ("20 varillas", "10 sacos", "2 metros"). */
const COUNT_WORD = /\b(\d{1,4})\s+([a-zñ]{3,})\b/g;

/** Plural to singular, as the catalog writes its words ("sacos" → "saco", "galones" → "galon"). */
const singular = (w: string): string => (/[rlndj]es$/.test(w) ? w.slice(0, -2) : w.replace(/s$/, ''));

/** Words that are never a unit a count is sold by. */
const NOT_UNITS = new Set(['pulgada', 'pulgadas', 'inch', 'inches', 'dia', 'dias', 'hora', 'horas', 'semana', 'semanas', 'anos', 'ano', 'casa', 'casas']);

/** The selling unit of the product a mention names (its first word, folded: "saco", "metro", "unidad"), or null. */
function unitOf(catalog: readonly Product[], query: string): string | null {
  const top = resolverFor(catalog).search(query, { limit: 1 })[0];
  return top ? (fold(top.product.unit).split(/\s+/)[0] ?? null) : null;
}

/**
 * The mentions with the counts said apart given to the products they name by word or by unit;
 * unchanged unless two or more products are named and one has no count.
 */
export function withCountsByUnit(text: string, mentions: readonly ProductMention[], catalog: readonly Product[]): readonly ProductMention[] {
  if (mentions.length < 2 || mentions.every((m) => m.quantity !== undefined) || !/\d\s+\p{L}/u.test(text)) return mentions;
  const f = fold(text);
  // Folding keeps the length of Spanish text (accents dropped in place), so spans still match the mentions'.
  if (f.length !== text.length) return mentions;
  const out: (ProductMention | null)[] = [...mentions];
  const units = new Map<number, string | null>();
  const unit = (i: number): string | null => {
    if (!units.has(i)) units.set(i, unitOf(catalog, (mentions[i] as ProductMention).query));
    return units.get(i) ?? null;
  };
  COUNT_WORD.lastIndex = 0;
  for (let m = COUNT_WORD.exec(f); m !== null; m = COUNT_WORD.exec(f)) {
    const word = m[2] as string;
    if (NOT_UNITS.has(word)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const one = singular(word);
    const uncounted = out.map((x, i) => (x !== null && x.quantity === undefined && !(x.start < end && start < x.end) ? i : -1)).filter((i) => i >= 0);
    const byWord = uncounted.filter((i) => (out[i] as ProductMention).query.split(' ')[0] === one);
    const byUnit = byWord.length > 0 ? [] : uncounted.filter((i) => unit(i)?.startsWith(one) === true && one.length >= 3);
    const target = byWord.length === 1 ? byWord[0] : byWord.length === 0 && byUnit.length === 1 ? byUnit[0] : undefined;
    if (target === undefined) continue;
    out[target] = { ...(out[target] as ProductMention), quantity: Number(m[1]) };
    // The bare mention the count made of its own word ("varilla" × 20) was this product.
    const head = (out[target] as ProductMention).query.split(' ')[0];
    const own = out.findIndex((x, i) => x !== null && i !== target && x.quantity === Number(m![1]) && x.start < end && start < x.end && x.query === head);
    if (own >= 0) out[own] = null;
  }
  return out.filter((x): x is ProductMention => x !== null);
}
