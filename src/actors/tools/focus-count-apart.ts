/**
 * "necesito 40 y 10 sacos de cemento", "I need 40 pieces and 10 bags of cement" right after the 3/8"
 * rebar was shown: the first count, named by no product, is of the product on the counter — a clerk
 * writes down 40 rebars and 10 bags, never the cement alone.
 */
import type { Product } from '../../domain/tenant.js';
import type { ProductActorInput, ProductFocus } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';

/** A count said first, with no product of its own (or pointing at it: "12 metros de esa", "12 meters of that"), joined to the next item of the list. */
const COUNT_FIRST = new RegExp(
  String.raw`^(?:(?:ok|okay|bueno|dale|si|yes|pues|entonces|then|so)\s+)*(?:(?:necesito|ocupo|quiero|dame|deme|denme|ponme|mandame|traeme|me\s+das|me\s+llevo|llevo|i\s+need|i\s+want|i\s+ll\s+take|ill\s+take|i\s+will\s+take|give\s+me|i\s+d\s+like|we\s+need)\s+)?(\d{1,5})(?:\s+(?:unidades|piezas|pieces|units|pcs|([a-z]+)))?(?:\s+(?:de\s+es[aeo]s?|of\s+(?:those|them|it|these|that(?:\s+one)?)))?\s*(?:,|\by\b|\be\b|\band\b|\bmas\b|\bplus\b)\s*(?:\d|un\b|una\b|uno\b|one\b|a\b|an\b)`,
);

/** The words a count of square metres is said in ("12 metro", "12 mts", "12 m2"). */
const SQUARE_METRE_WORD = /^(?:metros?|mts?|m2|meters?|metres?)$/;

/** The second count of "dame 10 y 2 del blanco", "5 libras y 3 libras de los de 2 1/2": its count, its unit word, and the words after its "de" ("blanco", "2 1/2"). */
const SECOND = /(?:,|\by\b|\be\b|\band\b|\bmas\b|\bplus\b)\s*(\d{1,5}|un|una|uno|one|a|an)\s+(?:([a-z]+)\s+)??(?:de(?:l|\s+la|\s+los|\s+las)?|of(?:\s+the)?|in)\s+(?:(?:los|las|the\s+ones)\s+(?:de|of)\s+)?(.+)$/;
const NUMBER_WORDS: Readonly<Record<string, number>> = { un: 1, una: 1, uno: 1, one: 1, a: 1, an: 1 };

/** The kind of the product in focus, without its attributes ("cemento blanco" → "cemento"), or null. */
function kindOf(index: CatalogIndex, focus: ProductFocus): string | null {
  const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '' && index.parse(w).content.length > 0 && !/^\(/.test(w));
  const own = words(focus.query);
  return own.length > 0 ? own.join(' ') : (words(focus.name)[0] ?? null);
}

/** An item named by attributes only ("gris", "de 3/4", "blanco") is of the focus's kind: "cemento gris". */
function ofTheKind(index: CatalogIndex, focus: ProductFocus, query: string): string {
  const parsed = index.parse(query);
  // A colour, a size, a grade or a finish; a brand ("2 sacos de pegamix") names goods of its own.
  const { colour, size, grade, finish, dims, brand } = parsed.phrases;
  const attributed = parsed.attributes.colours.length > 0 || [colour, size, grade, finish, dims].some((v) => v !== undefined);
  if (parsed.content.length > 0 || !attributed || brand !== undefined) return query;
  const kind = kindOf(index, focus);
  return kind === null ? query : `${kind} ${query}`;
}

/** The input with the product in focus counted first, when the message opens with its count (bare, or in its own unit: "10 sacos"); else the input. */
export function withFocusCountApart(input: ProductActorInput, text: string | undefined, catalog: readonly Product[] = [], index?: CatalogIndex): ProductActorInput {
  const focus = input.focus;
  const { products } = input.understanding;
  if (!focus || text === undefined || text.length > 160) return input;
  const plainText = foldAccents(text).replace(/['’]/g, ' ').replace(/[¿?¡!.]/g, ' ').replace(/\s+/g, ' ').trim();
  const said = COUNT_FIRST.exec(plainText);
  if (!said) return input;
  const unit = foldAccents(catalog.find((p) => p.sku === focus.sku)?.unit ?? '').split(/\s+/)[0] ?? '';
  /** A unit word said with a count is the product's own ("10 sacos", "5 libras"; "12 metro" of a tile sold by the m²), or none. */
  const ownUnit = (word: string | undefined): boolean =>
    word === undefined || (unit === 'm²' && SQUARE_METRE_WORD.test(word)) || (unit.length >= 3 && word.startsWith(unit.slice(0, Math.max(3, unit.length - 1))));
  // "dame 10 y 2 del blanco" after the grey cement: the brain found no product; the second count is of the white cement.
  if (products.length === 0) {
    const second = index ? SECOND.exec(plainText) : null;
    const first = Number(said[1]);
    const count = second ? (NUMBER_WORDS[second[1] as string] ?? Number(second[1])) : NaN;
    // "dame 5 libras y 2 de 2 pulgadas" after the 3" nails: counts in the product's own unit.
    if (!index || !second || !(first > 0) || !(count > 0) || !ownUnit(said[2]) || !ownUnit(second[2])) return input;
    const query = ofTheKind(index, focus, second[3] as string);
    if (query === second[3]) return input;
    return { ...input, understanding: { ...input.understanding, products: [{ query: focus.name, quantity: first }, { query, quantity: count }] } };
  }
  // "10 sacos y 2 de arena" after the cement: a unit word must be the product's own ("saco 42.5 kg").
  // "dame 12 metro y 2 saco de pegamix" after the wall tile: the tile is sold by the m², said "metro".
  if (!ownUnit(said[2])) return input;
  const quantity = Number(said[1]);
  if (!(quantity > 0) || products.some((p) => p.query === focus.name)) return input;
  // "dame 2 y 5 de gris" after the white cement: the grey is grey cement, not grey paint.
  // "quiero 2 y uno de gris perla": the brain reads "uno" as no count; the second count is the one said.
  const second = products.length === 1 && products[0]?.quantity === undefined ? SECOND.exec(plainText) : null;
  const secondCount = second ? (NUMBER_WORDS[second[1] as string] ?? Number(second[1])) : undefined;
  const counted = secondCount !== undefined && secondCount > 0 ? products.map((p) => ({ ...p, quantity: secondCount })) : products;
  const named = index ? counted.map((p) => ({ ...p, query: ofTheKind(index, focus, p.query) })) : counted;
  return { ...input, understanding: { ...input.understanding, products: [{ query: focus.name, quantity }, ...named] } };
}
