/**
 * "dame 3 galones de la azul" after blue paint was talked of and then cement was priced: the gallons
 * and the colour point back to the paint, as a clerk hears it, never "no tengo cemento en azul,
 * galones". The same for "2 sacos del gris" after cement and then paint. The product talked of
 * before that the pack (and the colour) fit comes back into focus, the one in focus goes to the
 * products talked of before it; a colour the store mixes on that paint is the colour to mix.
 */
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductFocus } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { packOf, sellsIn } from './product-request.js';
import { mixable } from './paint-mix-order.js';

/** The pack words of a message ("galones", "sacos", "gallons"), as the pack they name. */
function packsSaid(text: string): string[] {
  return [...new Set(foldAccents(text.toLowerCase()).split(/[^a-z]+/).map((w) => packOf(w)).filter((p): p is string => p !== undefined))];
}

/** The name without its selling unit: "Pintura Acrílica Tropical Blanco (galón)" → "Pintura Acrílica Tropical Blanco". */
const bareName = (name: string): string => name.replace(/\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The input with the product talked of before in focus, when the message names no product and
 * speaks in a pack the product in focus is not sold in but that one is; null otherwise.
 */
export function backToRecent(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string | undefined): ProductActorInput | null {
  const focus = input.focus;
  if (!focus || !focus.recent?.length || text === undefined || input.estimate?.length) return null;
  // Goods named ("2 sacos de arena") are asked for by their name.
  if (input.understanding.products.some((p) => index.parse(p.query).content.some((w) => index.correct(w) !== null))) return null;
  const packs = packsSaid(text);
  if (packs.length !== 1 || sellsIn(focus.name, packs[0] as string)) return null;
  const pack = packs[0] as string;
  const colour = index.parse(text).phrases.colour;
  const back = focus.recent
    .map((sku) => tenant.catalog.find((p) => p.sku === sku))
    .find((p) => p !== undefined && sellsIn(p.name, pack) && (colour === undefined || index.parse(p.name).phrases.colour !== undefined || mixable(tenant, p)));
  if (!back) return null;
  // The colour asked is not on the shelf in that paint's kind: the one the store mixes on it.
  const onShelf = colour !== undefined && index.search(`${bareName(back.name)} ${colour}`, { limit: 1 })[0]?.unmet.length === 0;
  const mix = colour !== undefined && !onShelf && mixable(tenant, back) ? { mix: colour } : {};
  const recent = [focus.sku, ...focus.recent.filter((sku) => sku !== back.sku)];
  const counts = { ...(focus.counts ?? {}), ...(focus.quantity !== undefined ? { [focus.sku]: focus.quantity } : {}) };
  delete counts[back.sku];
  const { quantity: _q, options: _o, alternative: _a, mix: _m, at: _at, ...rest } = focus;
  const swapped: ProductFocus = { ...rest, sku: back.sku, name: back.name, price: back.price, query: bareName(back.name), recent, ...(Object.keys(counts).length > 0 ? { counts } : {}), ...mix };
  const { attributes: _attributes, ...clean } = swapped;
  return { ...input, focus: clean };
}
