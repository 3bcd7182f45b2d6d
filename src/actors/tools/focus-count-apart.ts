/**
 * "necesito 40 y 10 sacos de cemento", "I need 40 pieces and 10 bags of cement" right after the 3/8"
 * rebar was shown: the first count, named by no product, is of the product on the counter — a clerk
 * writes down 40 rebars and 10 bags, never the cement alone.
 */
import type { Product } from '../../domain/tenant.js';
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';

/** A count said first, with no product of its own (or pointing at it: "12 metros de esa", "12 meters of that"), joined to the next item of the list. */
const COUNT_FIRST = new RegExp(
  String.raw`^(?:(?:ok|okay|bueno|dale|si|yes|pues|entonces|then|so)\s+)*(?:(?:necesito|ocupo|quiero|dame|deme|denme|ponme|mandame|traeme|me\s+das|me\s+llevo|llevo|i\s+need|i\s+want|i\s+ll\s+take|ill\s+take|i\s+will\s+take|give\s+me|i\s+d\s+like|we\s+need)\s+)?(\d{1,5})(?:\s+(?:unidades|piezas|pieces|units|pcs|([a-z]+)))?(?:\s+(?:de\s+es[aeo]s?|of\s+(?:those|them|it|these|that(?:\s+one)?)))?\s*(?:,|\by\b|\be\b|\band\b|\bmas\b|\bplus\b)\s*(?:\d|un\b|una\b|a\b|an\b)`,
);

/** The words a count of square metres is said in ("12 metro", "12 mts", "12 m2"). */
const SQUARE_METRE_WORD = /^(?:metros?|mts?|m2|meters?|metres?)$/;

/** The input with the product in focus counted first, when the message opens with its count (bare, or in its own unit: "10 sacos"); else the input. */
export function withFocusCountApart(input: ProductActorInput, text: string | undefined, catalog: readonly Product[] = []): ProductActorInput {
  const focus = input.focus;
  const { products } = input.understanding;
  if (!focus || text === undefined || text.length > 160 || products.length === 0) return input;
  const said = COUNT_FIRST.exec(foldAccents(text).replace(/['’]/g, ' ').replace(/[¿?¡!.]/g, ' ').replace(/\s+/g, ' ').trim());
  if (!said) return input;
  // "10 sacos y 2 de arena" after the cement: a unit word must be the product's own ("saco 42.5 kg").
  const unitWord = said[2];
  const unit = foldAccents(catalog.find((p) => p.sku === focus.sku)?.unit ?? '').split(/\s+/)[0] ?? '';
  // "dame 12 metro y 2 saco de pegamix" after the wall tile: the tile is sold by the m², said "metro".
  const squareMetres = unit === 'm²' && unitWord !== undefined && SQUARE_METRE_WORD.test(unitWord);
  if (unitWord !== undefined && !squareMetres && (unit.length < 3 || !unitWord.startsWith(unit.slice(0, Math.max(3, unit.length - 1))))) return input;
  const quantity = Number(said[1]);
  if (!(quantity > 0) || products.some((p) => p.query === focus.name)) return input;
  return { ...input, understanding: { ...input.understanding, products: [{ query: focus.name, quantity }, ...products] } };
}
