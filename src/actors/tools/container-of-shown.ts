/**
 * "¿cuánto sale el tubo?", "how much is the tube?", "¿y la lata?" with the silicone (or a spray
 * can, a glue bottle) on the counter: the container the product on the counter comes in, asked
 * alone. A clerk prices the silicone, never lists the PVC pipes because "tubo" is also a pipe.
 *
 * Only when the product on the counter says it comes in that container (its name, aliases, unit or
 * listing: "caulk tube", "Pegamento … 1/4 galón" for a "galonera"…), and the message names nothing
 * but the container ("el tubo", "un tubito", "the tube").
 */
import { foldAccents } from '../../kernel/fold.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput } from '../../machines/conversation.contract.js';

/** Each container's words (folded): how a customer says it, and how a listing may name it. */
const CONTAINERS: readonly (readonly string[])[] = [
  ['tubo', 'tubos', 'tubito', 'tube', 'tubes', 'cartucho', 'cartridge'],
  ['lata', 'latas', 'latica', 'can', 'cans', 'spray', 'aerosol'],
  ['pote', 'potes', 'potecito', 'frasco', 'frascos', 'jar', 'tub'],
  ['botella', 'botellas', 'botellita', 'bottle', 'bottles'],
  ['galonera', 'galoneras', 'jug'],
];
/** A product phrase that is only a container ("el tubo", "un tubito", "the tube"). */
const ONLY = /^(?:(?:el|la|un|una|ese|esa|este|esta|the|a|one|that|this|de|del|en|in|por|per|cada)\s+)*([a-z]+)$/;

/** A message that asks only the price of a container, when the brain found no product in it ("how much is a tube?"). */
const ASKED = /^(?:(?:y|and|so)\s+)?(?:how\s+much\s+(?:is|for|does)?|what(?:\s+is|s)?\s+the\s+price\s+of|price\s+of|cuanto\s+(?:sale|cuesta|vale|es|me\s+sale)|a\s+como\s+(?:sale|esta|es)|que\s+precio\s+tiene|precio\s+de(?:l)?)?\s*((?:(?:el|la|un|una|the|a|one|each)\s+)?[a-z]+)(?:\s+(?:cost|costs|each))?$/;

const folded = (s: string): string => foldAccents(s.toLowerCase());

/** The container group a word names, or undefined. */
const groupOf = (word: string): readonly string[] | undefined => CONTAINERS.find((g) => g.includes(word));

/** The product comes in one of `group`'s containers, by its own data. */
function comesIn(product: Product, group: readonly string[]): boolean {
  const data = folded([product.name, product.unit, ...(product.aliases ?? []), product.includes?.es ?? '', product.includes?.en ?? ''].join(' '));
  const words = new Set(data.split(/[^a-z0-9]+/));
  return group.some((w) => words.has(w));
}

/** The input asking for the product on the counter when the message names only the container it comes in; else null. */
export function containerOfShown(tenant: TenantData, input: ProductActorInput, text: string | undefined): ProductActorInput | null {
  const focus = input.focus;
  const products = input.understanding.products;
  if (!focus || text === undefined || products.length > 1) return null;
  const said = products[0] !== undefined ? folded((products[0] as { query: string }).query).trim() : ASKED.exec(folded(text).replace(/[¿?¡!.,]/g, ' ').trim())?.[1];
  const word = said !== undefined ? ONLY.exec(said)?.[1] : undefined;
  const group = word !== undefined ? groupOf(word) : undefined;
  if (!group) return null;
  const shown = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!shown || !comesIn(shown, group)) return null;
  const [first] = products as readonly { query: string }[];
  return { ...input, understanding: { ...input.understanding, products: [{ ...(first ?? {}), query: shown.name }] } };
}
