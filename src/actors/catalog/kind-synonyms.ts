import type { Product } from '../../domain/tenant.js';
import { fold, words } from './text.js';

/**
 * The kind a product is by the company it keeps on its shelf: the lag screw ("Tirafondo", alias
 * "screw") shares the alias "screw" with the shelf's "Tornillo"s, so it is a tornillo too, and
 * "tornillo de 3 pulgadas" finds it. For each single-word alias shared on a shelf (category) by
 * three or more products, the name head most of them have (two at least, more than half) is given
 * to the others as a word of their kind. Catalog words only: no list of synonyms to keep.
 */
export function kindWords(catalog: readonly Product[]): Map<Product, string[]> {
  const head = (p: Product): string => words(fold(p.name.replace(/\([^)]*\)/g, ' ')))[0] ?? '';
  const groups = new Map<string, Product[]>();
  for (const p of catalog) {
    for (const alias of p.aliases ?? []) {
      const w = words(fold(alias));
      if (w.length !== 1) continue;
      const key = `${p.category}\u0000${w[0]}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
  }
  const out = new Map<Product, string[]>();
  for (const group of groups.values()) {
    if (group.length < 3) continue;
    const counts = new Map<string, number>();
    for (const p of group) counts.set(head(p), (counts.get(head(p)) ?? 0) + 1);
    const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (top === '' || n < 2 || n * 2 <= group.length) continue;
    for (const p of group) {
      const own = new Set([...words(fold(p.name)), ...(p.aliases ?? []).flatMap((a) => words(fold(a)))]);
      // "Zinc" on the shelf of "Aluzinc": one word inside the other names another variety, not the same kind.
      if (own.has(top) || top.includes(head(p)) || head(p).includes(top)) continue;
      out.set(p, [...new Set([...(out.get(p) ?? []), top])]);
    }
  }
  return out;
}
