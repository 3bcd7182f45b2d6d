/**
 * "the hose", "just the hose please" after the sink faucet's kit (faucet, flexible hose, teflon
 * tape): the English word is no word of the Spanish names shown, so the search turned to the garden
 * hose, whose alias it is. A clerk hands over the hose he just showed: the word is the English of a
 * kind ("hose": goods named "Manguera …"), and one option shown is of that kind.
 */
import type { Product } from '../../domain/tenant.js';
import type { ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';

interface Wanted {
  query: string;
  quantity?: number;
}

/** The one option shown of the kind an English word names, as the item asked and its sku; null otherwise. */
export function shownOfKindSaid(index: CatalogIndex, catalog: readonly Product[], focus: ProductFocus | undefined, wanted: readonly Wanted[]): { wanted: Wanted[]; sku: string } | null {
  const only = wanted.length === 1 ? wanted[0] : undefined;
  if (!focus || !only || (focus.options?.length ?? 0) < 2) return null;
  const said = index.parse(only.query);
  const word = said.content.length === 1 && Object.keys(said.phrases).length === 0 ? said.content[0] : undefined;
  if (word === undefined) return null;
  const shown = (focus.options ?? []).map((sku) => catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  const own = (p: Product): boolean => [p.name, ...(p.aliases ?? [])].some((t) => index.parse(t).content.includes(word));
  if (shown.some(own)) return null; // a word of a name shown: the usual pick reads it
  const kindOf = (p: Product): string | undefined => index.parse(p.name).content[0];
  // The kinds whose goods have the word alone as an alias ("hose": the Manguera de Jardín).
  const kinds = new Set(catalog.filter((p) => (p.aliases ?? []).some((a) => ((c) => c.length === 1 && c[0] === word)(index.parse(a).content))).map(kindOf));
  const ofKind = shown.filter((p) => kinds.has(kindOf(p)));
  const picked = ofKind.length === 1 ? ofKind[0] : undefined;
  return picked ? { wanted: [{ query: picked.name, ...(only.quantity !== undefined ? { quantity: only.quantity } : {}) }], sku: picked.sku } : null;
}
