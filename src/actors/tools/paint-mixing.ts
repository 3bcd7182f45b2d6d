/**
 * The store's paint mixing (`store.json` fact `paintMixing`) told where a clerk tells it: beside the
 * colours there are when the one asked for is not in stock ("pintura azul": no blue ready-made, but
 * we mix it), after the colour list ("¿qué colores tienen?": never "no other colours" when any
 * colour can be mixed), and when a customer asks for two colours ("azul y blanco": the white there
 * is, the blue mixed). Only for paint, and only when the store says it mixes.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';

/** Paint words: what a mixing machine tints. */
const PAINT_WORD = /^(?:pinturas?|esmaltes?|paints?|enamels?|latex)$/;

const PAINTS = new WeakMap<Product, boolean>();

/** True for a product that is paint (acrylic, satin, enamel), by its name or its aliases; not a roller or a tray for it. */
export function isPaint(product: Product): boolean {
  const known = PAINTS.get(product);
  if (known !== undefined) return known;
  // The name's head ("Pintura Acrílica …", "Esmalte de Aceite …") or an alias's last word ("oil paint", "latex"), never a thing for paint ("Rodillo de Pintura", "paint roller").
  const words = [product.name, ...(product.aliases ?? [])].map((name) => foldAccents(name.toLowerCase()).split(/[^a-z]+/).filter((w) => w !== ''));
  const paint = PAINT_WORD.test(words[0]?.[0] ?? '') || words.slice(1).some((alias) => PAINT_WORD.test(alias.at(-1) ?? ''));
  PAINTS.set(product, paint);
  return paint;
}

/**
 * The store's words on mixing paint to order, short (the fact's `brief`, else the whole fact), when
 * the store mixes paint and every product listed is paint; null otherwise (a clerk then says the
 * colours there are and no more).
 */
export function mixingNote(tenant: TenantData, products: readonly Product[], lang: Lang): string | null {
  const fact = tenant.store.facts?.paintMixing;
  if (!fact || products.length === 0 || !products.every(isPaint)) return null;
  return fact.brief?.[lang] ?? fact[lang];
}

/**
 * The items an estimate could not find that are paint of a colour the store mixes ("pintura azul" in
 * "2 galones de pintura azul y blanca"): said as mixed to order, not as "No tenemos"; the rest stay
 * missing. Nothing is mixed when the store does not mix paint.
 */
export function mixedOfMissing(tenant: TenantData, index: CatalogIndex, missing: readonly string[], lang: Lang): { mixed: string[]; rest: string[]; note: string | null } {
  const fact = tenant.store.facts?.paintMixing;
  if (!fact || missing.length === 0) return { mixed: [], rest: [...missing], note: null };
  const mixable = (item: string): boolean => {
    const parsed = index.parse(item);
    if (parsed.attributes.colours.length === 0 || parsed.content.length === 0) return false;
    const kind = index.search(parsed.content.join(' '), { limit: 1 })[0]?.product;
    return kind !== undefined && isPaint(kind);
  };
  const mixed = missing.filter(mixable);
  return { mixed, rest: missing.filter((item) => !mixable(item)), note: mixed.length > 0 ? (fact.brief?.[lang] ?? fact[lang]) : null };
}
