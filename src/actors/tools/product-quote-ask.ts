import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { kindsOf } from './product-kinds.js';
import { describeProduct, focusOf, optionsFor, type Found } from './product-parts.js';
import { countUnit } from './units.js';

/**
 * "quiero una cotización de pintura", "cotízame pintura", "I need a quote for paint": a quote of a
 * product that comes in several kinds, with no amount said. A clerk does not price the white
 * gallon and offer to set it aside: a quote needs which one and how much, so the kinds are listed
 * with their prices and both are asked.
 */

/** Words that ask for a quote (the noun or the verb, es/en), on accent-folded lower-case text. */
const QUOTE_WORDS = /\b(?:coti[sz]\w*|presupuest\w*|proforma|quote|quotation|estimate)\b/;

/** The kinds to pick from and "which one and how many?", or null when the quote is not asked this way. */
export function quoteNeedsChoice(tenant: TenantData, index: CatalogIndex, single: Found, text: string, lang: Lang): ProductActorOutput | null {
  if (single.item.quantity !== undefined) return null;
  if (!QUOTE_WORDS.test(foldAccents(text))) return null;
  const { shown, total } = kindsOf(index, single.item.query);
  if (shown.length < 2) return null;
  const items = shown.map((p) => describeProduct(tenant, p, lang));
  const first = shown[0]!;
  const units = countUnit(first.unit, 2, lang);
  // "¿cuántas unidades?", "¿cuántos sacos?": the question agrees with the unit's gender.
  const many: { many?: string } = lang !== 'es' ? {} : { many: /(?:as|dades|ciones)$/.test(units) ? 'cuántas' : 'cuántos' };
  // Paint comes in colours: "which one" is the type and the colour.
  const colours = new Set(index.search(single.item.query, { limit: 25 }).map((m) => index.parse(m.product.name).phrases.colour).filter((c) => c !== undefined));
  const template = `product.quote_kinds${total > shown.length ? '_more' : ''}${colours.size >= 2 ? '_colour' : ''}`;
  return {
    outcome: 'answered',
    replies: [{ template, params: { items, count: total, more: total - shown.length, units, ...many }, options: optionsFor(shown) }],
    focus: { ...focusOf(single.match, single.item, index), options: shown.map((p) => p.sku) },
  };
}
