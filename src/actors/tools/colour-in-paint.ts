/**
 * A colour asked alone while a product that is not made in colours is on the counter ("¿cuánto el
 * cemento?" then "azul?"): a clerk says what the product comes in (cement: grey or white) and thinks
 * of paint — the colour is one the store sells, or mixes, in paint. Never "No tengo cemento en
 * azul" with the cements listed as if blue cement were a thing to look for.
 *
 * Only for a colour the counter's kind is never made in: a kind sold in real colours (cable in
 * black, white and red) keeps its own "no, in these colours" answer, and a colour the kind has
 * ("¿tienen en gris?" after cement) stays on that kind.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { fold, isShadeWord } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { colouredKind, withoutGreeting } from './product-colour-only.js';
import { isPaint } from './paint-mixing.js';
import { relatedProducts } from './product-kinds.js';
import { COLOUR_EN } from './product-colours.js';

/**
 * The colours of a material as it comes ("Cemento Gris", "Cerámica … Blanca", "Cinta … Negra"):
 * greys, whites, black and clear. A kind whose products come only in these is not made in colours.
 */
const NATURAL = new Set(['blanco', 'gris', 'negro', 'hueso', 'perla', 'transparente', 'blanco hueso', 'gris perla']);

/**
 * The answer to a colour said alone ("azul?", "hola, ¿en rojo?") about a product of a kind made in
 * no colour but its natural ones; `paintAnswer` answers the paint query ("pintura azul") as the
 * store answers it when asked directly. Null when the message names more than a colour, when the
 * product on the counter is paint, or when its kind comes in that colour or in real colours.
 */
export function colourInPaint(
  tenant: TenantData,
  index: CatalogIndex,
  focus: ProductFocus,
  text: string,
  lang: Lang,
  paintAnswer: (query: string) => ProductActorOutput,
): ProductActorOutput | null {
  // Cheap gate first: one colour, said alone (a count, a size or a product word make it another question).
  const said = index.parse(withoutGreeting(text));
  const colour = said.attributes.colours[0];
  if (colour === undefined || NATURAL.has(colour) || said.attributes.colours.length > 1 || said.content.length > 0) return null;
  if (said.quantity !== undefined || said.attributes.measures.length > 0 || said.attributes.dims.length > 0) return null;
  const product = tenant.catalog.find((p) => p.sku === focus.sku);
  const paint = colouredKind(index, tenant.catalog);
  if (!product || !paint || isPaint(product) || fold(product.name).startsWith(paint.es)) return null;
  // A bulb's "Luz Blanca": the colour asked is the light's ("warm white?"), never paint.
  if (/\b(?:luz|light)\b/.test(fold(product.name))) return null;
  // The kind on the counter by the customer's words for it, without any colour they gave ("cemento gris" → "cemento").
  const kindWords = focus.query.split(/\s+/).filter((w) => w !== '' && index.parse(w).attributes.colours.length === 0 && !isShadeWord(fold(w)));
  const kindQuery = kindWords.join(' ') || product.name;
  const kin = relatedProducts(index, kindQuery);
  const colours = [...new Set((kin.length > 0 ? kin : [product]).flatMap((p: Product) => index.parse(p.name).attributes.colours.slice(0, 1)))];
  if (colours.includes(colour) || colours.some((c) => !NATURAL.has(c))) return null;
  const paintOut = paintAnswer(`${paint[lang]} ${colour}`);
  if (paintOut.outcome !== 'answered') return null;
  // The customer's own words for it ("cemento", "cement"), not the catalog's stems.
  const kind = kindWords.filter((w) => index.parse(w).content.length > 0).join(' ') || kindQuery;
  const and = lang === 'en' ? 'and' : 'y';
  const named = colours.map((c) => (lang === 'en' ? (COLOUR_EN[c] ?? c) : c));
  const list = named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} ${and} ${named[named.length - 1]}`;
  const wanted = lang === 'en' ? (COLOUR_EN[colour] ?? colour) : colour;
  const lead: ReplyDirective = { template: colours.length > 0 ? 'product.colour_in_paint' : 'product.colour_in_paint_none', params: { kind, colours: list, wanted } };
  return { ...paintOut, replies: [lead, ...paintOut.replies] };
}
