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
