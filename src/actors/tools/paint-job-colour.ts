/**
 * The answer to "¿cuántos metros cuadrados vas a pintar y de qué color?": "unos 80 metros, blanco
 * hueso" gives both. A clerk works out the gallons for the 80 m² in that colour's paint; a colour
 * the store has not ready is mixed on the white base ("80 metros, azul"), the estimate priced so.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { isShadeWord } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { isPaint, mixingNote } from './paint-mixing.js';
import { colourWord, mixOrder } from './paint-mix-order.js';

/** Words that only say a colour follows ("color", "de color", "in"). */
const COLOUR_TALK = /^(?:color|colour|de|del|en|in|y|and|el|la|the|pintura|paint)$/;

/** The colour said with a measurement, and the message without it; the paint of that colour when there is one ready. */
export interface JobColour {
  colour: string;
  rest: string;
  product?: Product;
}

/**
 * The colour said beside a measurement for the paint on the counter, or null when the counter holds
 * no paint with a coverage or no colour is said.
 */
export function jobColour(tenant: TenantData, index: CatalogIndex, focus: ProductFocus | undefined, text: string): JobColour | null {
  const onCounter = focus ? tenant.catalog.find((p) => p.sku === focus.sku) : undefined;
  if (!onCounter?.coverage || !isPaint(onCounter)) return null;
  const colour = index.parse(text).attributes.colours[0];
  if (colour === undefined) return null;
  const plain = (word: string): string => foldAccents(word.toLowerCase()).replace(/[^a-z]/g, '');
  const isColourWord = (word: string): boolean => {
    const w = plain(word);
    return w !== '' && (index.parse(w).attributes.colours.length > 0 || isShadeWord(w));
  };
  const words = text.split(/\s+/);
  // "de color azul", "en blanco": the words that only lead to the colour go with it.
  const rest = words.filter((w, i) => !isColourWord(w) && !(COLOUR_TALK.test(plain(w)) && isColourWord(words[i + 1] ?? ''))).join(' ');
  const ready = index.search(`pintura ${colour}`, { limit: 6 }).find((m) => m.unmet.length === 0 && m.product.coverage !== undefined && isPaint(m.product) && m.product.unit === onCounter.unit);
  return { colour, rest, ...(ready ? { product: ready.product } : {}) };
}

/** The estimate's words, then the gallons of paint mixed in the colour asked, priced (with the store's words on mixing, unless `heard`). */
export function mixedEstimate(tenant: TenantData, index: CatalogIndex, lead: readonly ReplyDirective[], colour: string, base: Product, quantity: number, lang: Lang, heard = false): ProductActorOutput | null {
  const note = mixingNote(tenant, [base], lang);
  if (note === null) return null;
  // The mixing offered already ("¿Te preparamos el azul?"): not said again.
  const order = mixOrder(tenant, index, { colour, query: base.name, quantity }, lang, heard ? null : note);
  if (!order) return null;
  // "te hacen falta unos 6 galones de *pintura en azul*, preparada sobre …": the colour asked, never the white base as if it were the paint.
  const named = lead.map((d) => {
    if (!('template' in d)) return d;
    const mixedKey = `${d.template}_mixed`;
    return d.params?.['name'] === base.name && tenant.templates[lang]?.[mixedKey] !== undefined ? { ...d, template: mixedKey, params: { ...d.params, colour: colourWord(colour, lang) } } : d;
  });
  return { ...order, replies: [...named, ...order.replies] };
}

/**
 * The gallons asked in a colour the paint worked out is not ("¿cuántos galones de pintura azul para
 * 120 m²?"): the same gallons mixed in that colour on it, said so (with the store's words on mixing),
 * never the white paint priced as if it were blue; so with the colour offered to mix on that paint
 * (`mixOnCounter`, the counter's `mix`) and none said. The answer unchanged when no colour is said
 * or offered, the paint is that colour, or the store does not mix.
 */
export function inColourAsked(tenant: TenantData, index: CatalogIndex, text: string, answer: PricedLines, lang: Lang, mixOnCounter?: string): ProductActorOutput | null {
  const line = answer.lines.length === 1 ? answer.lines[0] : undefined;
  if (!line || !isPaint(line.product) || line.product.coverage === undefined) return null;
  // "¿cuántos galones para un cuarto de 3x4?" after "¿Te preparamos el azul?": the blue offered, not its white base.
  const said = index.parse(text).attributes.colours[0];
  const colour = said ?? mixOnCounter;
  if (colour === undefined || foldAccents(line.product.name.toLowerCase()).includes(foldAccents(colour.toLowerCase()))) return null;
  return mixedEstimate(tenant, index, answer.lead, colour, line.product, line.quantity, lang, said === undefined);
}

/** The estimate's words and its lines (`MaterialAnswer` priced). */
interface PricedLines {
  lead: readonly ReplyDirective[];
  lines: readonly { product: Product; quantity: number }[];
}
