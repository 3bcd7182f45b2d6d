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
import { describeProduct, focusOf, optionsFor } from './product-parts.js';
import { countUnit } from './units.js';
import { foldAccents } from '../../kernel/fold.js';
import { mixingNote } from './paint-mixing.js';
import { renderReply } from '../render-reply.js';
import { mixable, mixOffer, mixOrder } from './paint-mix-order.js';
export { mixFollowUp, mixInOtherPack } from './paint-mix-order.js';
export { colourOnlyQuery } from './product-colour-only.js';
import { COLOUR_EN, MIXED_SHADES } from './colour-names.js';
import { lightToneAnswer } from './light-tone.js';
export { COLOUR_EN } from './colour-names.js';

/** One pack said with an article ("a gallon of blue paint", "un galón de pintura azul"): a count of one. */
const ONE_PACK = /\b(?:a|an|one|un|una)\s+(?:galon|gallon|cubeta|bucket)\b/;

/**
 * Colour words the catalog files under another colour ("crema" and "cream" under beige, "celeste"
 * under blue, "plomo" under grey): a clerk says back the customer's word, never the catalog's.
 */
const SAID_BACK = new Set(['crema', 'cream', 'celeste', 'plomo', 'cafe', 'violeta', 'colorado', 'colorao']);

/** The colour as the customer said it when their word is one of `SAID_BACK` for `asked`, else `asked`. */
function colourAsSaid(index: CatalogIndex, query: string, asked: string): string {
  const words = query.split(/[^\p{L}]+/u).map((w) => foldAccents(w.toLowerCase()));
  const word = words.find((w) => SAID_BACK.has(w) && index.parse(w).phrases.colour === asked);
  // "verde menta", "azul cielo": the shade said right after the colour is part of what is mixed.
  const at = words.findIndex((w) => w !== '' && index.parse(w).phrases.colour === asked);
  const shade = at >= 0 ? words[at + 1] : undefined;
  const named = word ?? asked;
  return shade !== undefined && MIXED_SHADES.has(shade) && !named.includes(' ') ? `${named} ${shade}` : named;
}


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
export function noColourAnswer(tenant: TenantData, index: CatalogIndex, query: string, lang: Lang, focus: ProductFocus, quantity?: number, text?: string): ProductActorOutput | null {
  const said = index.parse(query);
  const canonical = said.phrases.colour;
  if (!canonical) return null;
  // "color crema": said back as "crema", though the catalog files it under beige.
  const asked = colourAsSaid(index, `${query} ${text ?? ''}`, canonical);
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
  // "¿de luz cálida?" of bulbs only in white light: the light's tone, not a colour to paint.
  if (byColour.size < 2) return lightToneAnswer(tenant, index, relatedProducts(index, base), canonical, lang, focus);
  const and = lang === 'en' ? 'and' : 'y';
  const list = (words: readonly string[]): string => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`);
  const shown = [...byColour.entries()].slice(0, MAX_COLOURS);
  const products = shown.map(([, p]) => p);
  // The customer's words for the kind, spelt as the catalog spells them ("pintura acrilica" → "pintura acrílica").
  const plain = foldAccents;
  const spelt = new Map(products.flatMap((p) => p.name.split(/\s+/)).map((w) => [plain(w), w.toLowerCase()] as const));
  const kind = (base.split(/\s+/).filter((word) => index.parse(word).content.length > 0).join(' ') || base).split(' ').map((w) => spelt.get(plain(w)) ?? w).join(' ');
  // "azul y blanco": each colour asked answered, the ones there are listed and the others mixed or said missing.
  const colours = [...new Set(said.attributes.colours)];
  if (colours.length >= 2 && colours.some((c) => byColour.has(c))) return someColoursAnswer(tenant, colours, byColour, kind, lang, focus);
  const named = colours.length >= 2 ? list(colours.map((c) => (lang === 'en' ? (COLOUR_EN[c] ?? c) : c))) : asked.split(' ').map((w) => (lang === 'en' ? (COLOUR_EN[w] ?? w) : w)).join(' ');
  const counted = quantity !== undefined && quantity > 1;
  const items = products.map((p) => ({ ...describeProduct(tenant, p, lang), ...(counted ? { quantity, subtotal: formatMoney(p.price * quantity) } : {}) }));
  // A store that mixes paint says so: the colour asked is one it can prepare.
  const mixing = mixingNote(tenant, products, lang);
  // "¿Te preparamos el azul y el rojo?"
  const which = colours.length >= 2 ? list(colours.map((c) => `${lang === 'en' ? 'the' : 'el'} ${lang === 'en' ? (COLOUR_EN[c] ?? c) : c}`)) : `${lang === 'en' ? 'the' : 'el'} ${named}`;
  const params = { kind, wanted: named, which, colours: list(shown.map(([c]) => colourName(c, lang))), items, ...(mixing ? { mixing } : {}), ...(counted ? { quantity, units: countUnit((products[0] as Product).unit, quantity, lang) } : {}) };
  // One colour the store mixes, asked in a pack or a count ("quiero 1 galón de pintura azul"): the order of it mixed, priced.
  const paint = mixing && colours.length === 1 ? index.search(query, { limit: 1 })[0]?.product : undefined;
  const ready = { ready: renderReply({ template: 'product.mix_new.ready', params: { colours: params.colours } }, tenant.templates, lang), options: products.map((p) => p.sku) };
  const order = paint && mixable(tenant, paint) && (counted || focus.quantity !== undefined || (text !== undefined && ONE_PACK.test(foldAccents(text.toLowerCase())))) ? mixOrder(tenant, index, { colour: asked, query, quantity: quantity ?? focus.quantity ?? 1 }, lang, mixing, ready) : null;
  if (order) return order;
  const template = `product.no_colour${mixing ? '_mix' : ''}${counted ? '_qty' : ''}`;
  // "¿Te preparamos el azul?": a yes (or a count next) orders it mixed (`ProductFocus.mix`); the button says it.
  const offer = paint && mixable(tenant, paint) ? mixOffer(asked, lang) : undefined;
  const first = products[0] as Product;
  return {
    outcome: 'answered',
    replies: [{ template, params, options: [...(offer ? [{ label: offer.label, text: offer.text, template: true }] : []), ...optionsFor(products)] }],
    // The counter holds what was shown: the first colour listed, never the search's product of a colour not listed.
    focus: { ...focus, sku: first.sku, name: first.name, price: first.price, options: products.map((p) => p.sku), ...(offer ? { mix: asked } : {}) },
  };
}

/**
 * Two colours or more asked of one kind ("quiero pintar mi casa azul y blanco"): the product of each
 * colour there is, listed; each colour there is not said plainly, with the mixing when the store
 * mixes paint; then how much of each. The counter holds the colours listed, for "dame 2 del blanco".
 */
function someColoursAnswer(tenant: TenantData, colours: readonly string[], byColour: ReadonlyMap<string, Product>, kind: string, lang: Lang, focus: ProductFocus): ProductActorOutput {
  const have = colours.filter((c) => byColour.has(c));
  const lacking = colours.filter((c) => !byColour.has(c));
  const products = have.map((c) => byColour.get(c) as Product);
  const and = lang === 'en' ? 'and' : 'y';
  const list = (words: readonly string[]): string => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`);
  const mixing = lacking.length > 0 ? mixingNote(tenant, products, lang) : null;
  const template = lacking.length === 0 ? 'product.some_colours' : mixing ? 'product.some_colours_mix' : 'product.some_colours_none';
  const params = {
    kind,
    have: list(have.map((c) => colourName(c, lang))),
    lacking: list(lacking.map((c) => (lang === 'en' ? colourName(c, lang).toLowerCase() : colourName(c, lang)))),
    items: products.map((p) => describeProduct(tenant, p, lang)),
    ...(mixing ? { mixing } : {}),
  };
  const first = products[0] as Product;
  const { options: _before, ...held } = focus;
  return {
    outcome: 'answered',
    replies: [{ template, params, options: optionsFor(products) }],
    focus: { ...held, sku: first.sku, name: first.name, price: first.price, ...(products.length >= 2 ? { options: products.map((p) => p.sku) } : {}) },
  };
}

/**
 * Several items that are one kind in several colours ("tienen pintura azul y roja?", "pintura
 * blanca y azul"), uncounted, with a colour the store lacks: answered as one kind in those colours
 * (the ones there are listed, the others mixed or said missing), never "No vendemos pintura azul".
 * Null when the items are different things, counted (an estimate prices them), all in stock, or of
 * a kind the store does not mix (the items' own answers say what is missing).
 */
export function coloursOfOneKind(tenant: TenantData, index: CatalogIndex, wanted: readonly { query: string; quantity?: number }[], lang: Lang, text?: string): ProductActorOutput | null {
  // "do you have red and white paint?" read as "white paint": the other colour said is asked too (a place's name is no colour: "Villa Verde").
  const only = wanted.length === 1 ? (wanted[0] as { query: string; quantity?: number }) : undefined;
  const own = only ? index.parse(only.query).attributes.colours : [];
  const others = only && own.length > 0 && text !== undefined ? index.parse(text.replace(/\p{Lu}[\p{L}'’-]*(?:\s+(?:de|del|la|las|los|el)?\s*\p{Lu}[\p{L}'’-]*)+/gu, ' ')).attributes.colours.filter((c) => !own.includes(c)) : [];
  const items: readonly { query: string; quantity?: number }[] = only && others.length > 0 ? [only, ...others.map((c) => ({ query: c }))] : wanted;
  if (items.length < 2 || items.some((item) => item.quantity !== undefined)) return null;
  const parsed = items.map((item) => index.parse(item.query));
  const kind = (parsed[0] as (typeof parsed)[number]).content.join(' ');
  // Each item a colour, of the first item's kind or of none said ("pintura azul y roja": "roja" alone).
  if (kind === '' || parsed.some((p) => p.attributes.colours.length === 0 || (p.content.length > 0 && p.content.join(' ') !== kind))) return null;
  const query = `${(items[0] as { query: string }).query} ${parsed.slice(1).flatMap((p) => p.attributes.colours).join(' ')}`;
  const top = index.search(query, { limit: 1 })[0];
  if (!top || !top.unmet.includes('colour') || top.unmet.length > 1) return null;
  const out = noColourAnswer(tenant, index, query, lang, focusOf(top, { query }, index));
  const first = out?.replies[0];
  // Only where the store mixes the colours missing: else "No tengo *cemento rojo*" beside the grey there is says it plainly.
  return out && first && 'template' in first && /_mix/.test(first.template) ? out : null;
}
export { leadingCount } from './colour-count.js';
