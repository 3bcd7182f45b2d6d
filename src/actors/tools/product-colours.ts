/**
 * A colour the store does not have in a product ("3 galones de pintura azul"): a clerk says plainly
 * there is none in that colour and names the colours there are, one product of each, priced for
 * the quantity asked; never another colour passed off as "the closest" to the one asked.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { isShadeWord } from '../catalog/index.js';
import { formatMoney } from './format.js';
import { relatedProducts } from './product-kinds.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { countUnit } from './units.js';
import { foldAccents } from '../../kernel/fold.js';
export { colourOnlyQuery } from './product-colour-only.js';

/** The catalog's colour words (Spanish, as `parse` names them) for an English reply. */
export const COLOUR_EN: Readonly<Record<string, string>> = {
  blanco: 'white', gris: 'gray', negro: 'black', rojo: 'red', verde: 'green', azul: 'blue', amarillo: 'yellow',
  beige: 'beige', naranja: 'orange', marron: 'brown', transparente: 'clear', hueso: 'ivory', perla: 'pearl',
  'blanco hueso': 'off-white', 'gris perla': 'pearl gray', morado: 'purple', rosado: 'pink',
};

/** Colours listed with a product each, at most. */
const MAX_COLOURS = 5;

const colourName = (colour: string, lang: Lang): string => {
  const word = lang === 'en' ? (COLOUR_EN[colour] ?? colour) : colour;
  return word.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
};

/**
 * The colours a product comes in when the one asked for is not among them: one product per colour
 * of the kind asked for (in the pack asked for, the one in stock first), priced for `quantity` when
 * a count was given. Null when the kind has fewer than two colours (the usual "closest" answer then).
 */
export function noColourAnswer(tenant: TenantData, index: CatalogIndex, query: string, lang: Lang, focus: ProductFocus, quantity?: number): ProductActorOutput | null {
  const said = index.parse(query);
  const asked = said.phrases.colour;
  if (!asked) return null;
  // The query without its colour words and their shades: "galon pintura azul claro" → "galon pintura".
  const base = query.split(/\s+/).filter((word) => word !== '' && index.parse(word).attributes.colours.length === 0 && !isShadeWord(foldAccents(word))).join(' ');
  const byColour = new Map<string, Product>();
  for (const p of relatedProducts(index, base)) {
    const colour = index.parse(p.name).attributes.colours[0];
    if (!colour) continue;
    const had = byColour.get(colour);
    const better = !had || (p.stock > 0 && had.stock <= 0) || ((p.stock > 0) === (had.stock > 0) && (p.default_for?.length ?? 0) > (had.default_for?.length ?? 0));
    if (better) byColour.set(colour, p);
  }
  if (byColour.size < 2) return null;
  const shown = [...byColour.entries()].slice(0, MAX_COLOURS);
  const products = shown.map(([, p]) => p);
  const colours = shown.map(([c]) => colourName(c, lang));
  const list = `${colours.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${colours[colours.length - 1]}`;
  // The customer's words for the kind, spelt as the catalog spells them ("pintura acrilica" → "pintura acrílica").
  const plain = foldAccents;
  const spelt = new Map(products.flatMap((p) => p.name.split(/\s+/)).map((w) => [plain(w), w.toLowerCase()] as const));
  const kind = (base.split(/\s+/).filter((word) => index.parse(word).content.length > 0).join(' ') || base).split(' ').map((w) => spelt.get(plain(w)) ?? w).join(' ');
  const wanted = asked.split(' ').map((w) => (lang === 'en' ? (COLOUR_EN[w] ?? w) : w)).join(' ');
  const counted = quantity !== undefined && quantity > 1;
  const items = products.map((p) => ({ ...describeProduct(tenant, p, lang), ...(counted ? { quantity, subtotal: formatMoney(p.price * quantity) } : {}) }));
  const params = { kind, wanted, colours: list, items, ...(counted ? { quantity, units: countUnit((products[0] as Product).unit, quantity, lang) } : {}) };
  return {
    outcome: 'answered',
    replies: [{ template: counted ? 'product.no_colour_qty' : 'product.no_colour', params, options: optionsFor(products) }],
    // The counter holds what was shown: the first colour listed, never the search's product of a colour not listed.
    focus: { ...focus, sku: (products[0] as Product).sku, name: (products[0] as Product).name, price: (products[0] as Product).price, options: products.map((p) => p.sku) },
  };
}
