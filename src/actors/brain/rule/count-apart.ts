/**
 * Quantities and areas around the product words. A count said in a sentence of its own beside the
 * one product named ("¿tienen pintura blanca? ¿cuánto por 5 galones?", "tienen block de 6? necesito
 * 200"): a clerk prices that many of it, as for "5 galones de pintura blanca" said at once. An area
 * in words ("20 metros cuadrados"): a unit, never a product word.
 */
import { fold, NUMBER_WORDS } from '../../catalog/index.js';
import { readFollowUpQuantity } from '../../../machines/product-focus.js';
import type { ProductMention } from './products.js';
import type { Product } from '../../../domain/tenant.js';
import { withCountsByUnit } from './counts-by-unit.js';

/** "galones" → "galon", "sacos" → "saco", "gallons" → "gallon": the selling unit as the catalog query writes it. */
const singular = (unit: string): string => (/[rlndj]es$/.test(unit) ? unit.slice(0, -2) : unit.replace(/s$/, ''));
/** English lengths as the catalog writes them: "I need 100 feet" of the wire is 100 "pie" of it, not a product "feet wire". */
const CATALOG_UNIT: Readonly<Record<string, string>> = { feet: 'pie', foot: 'pie', ft: 'pie', meter: 'metro', metre: 'metro', yard: 'yarda' };

/** A count said of the goods pointed at: "3 of them", "two of those", "3 de esos", "dos de ellas". */
const POINTED_COUNT = /\b(\d+|[a-z]+)\s+(?:de|of)\s+(?:esos|esas|estos|estas|ellos|ellas|them|those|these)\b/;

/** The one product mention with the count of another sentence of the message, when it has none of its own. */
export function withCountApart(text: string, mentions: readonly ProductMention[], catalog?: readonly Product[]): readonly ProductMention[] {
  // Several products and counts said apart by their unit ("20 varillas y 10 sacos"): each to its product.
  if (mentions.length >= 2) return catalog ? withCountsByUnit(text, mentions, catalog) : mentions;
  const only = mentions[0];
  // "half inch pvc pipe, 3 of them", "dame 3 de esos tubos": a count of the one product, said by pointing at it.
  const pointed = only !== undefined && only.quantity === undefined && mentions.length === 1 ? POINTED_COUNT.exec(fold(text)) : null;
  const pointedCount = pointed ? (/^\d+$/.test(pointed[1]!) ? Number(pointed[1]) : NUMBER_WORDS[pointed[1]!]) : undefined;
  if (only !== undefined && pointedCount !== undefined && pointedCount > 0) return [{ ...only, quantity: pointedCount }];
  // A decimal point ends no sentence: "cemento de 42.5" has no count "5" apart (same length, so the offsets hold).
  const said = text.replace(/(?<=\d)\.(?=\d)/g, ',');
  if (mentions.length !== 1 || only === undefined || only.quantity !== undefined || !/[?.!\n]/.test(said)) return mentions;
  let at = 0;
  for (const sentence of said.split(/([?.!\n]+)/)) {
    const start = at;
    at += sentence.length;
    // The product's own sentence, and separators, say no count apart.
    if (/^[?.!\n]*$/.test(sentence) || (start < only.end && only.start < at)) continue;
    const count = readFollowUpQuantity(sentence.replace(/[¿¡]/g, ' '));
    if (count === undefined) continue;
    const raw = count.unit === undefined ? '' : singular(fold(count.unit));
    const unit = CATALOG_UNIT[raw] ?? raw;
    const query = unit !== '' && !only.query.split(' ').includes(unit) ? `${unit} ${only.query}` : only.query;
    return [{ ...only, query, quantity: count.quantity }];
  }
  return mentions;
}

/** A square unit said in words ("metros cuadrados", "pies cuadrados"), and an area it is for ("para 100 metros cuadrados"). */
const SQUARE_UNITS = /\b(metros?|mts?|pies?)\s+cuadrados?\b/gi;
/** A cubic metre said in words ("2 metros cúbicos de arena", "2 cubic meters of sand"): the m3 sand and gravel are sold by. */
const CUBIC_UNITS = /\b(?:(?:metros?|mts?)\s+c[uú]bic[oa]s?|cubic\s+(?:meters?|metres?|mts?|m))\b/gi;
const AREA_FOR = /(?<=\b(?:para|for)\s+)\d+(?:[.,]\d+)?\s*(?:(?:metros?|mts?|pies?)\s+cuadrados?|m2|m²|mts2|mt2|ft2)(?![\p{L}\d])/giu;

/**
 * The text the product words are read from: "20 metros cuadrados de cerámica" is 20 m2 of it ("2
 * metros cúbicos de arena" 2 m3 of it), "para
 * 100 metros cuadrados" an area to cover (the tools read it from the message), never a square
 * product ("Pala Cuadrada"). Same length, so every span still points into the message.
 */
export function withAreasAsUnits(text: string): string {
  return text
    .replace(AREA_FOR, (m) => ' '.repeat(m.length))
    .replace(SQUARE_UNITS, (m, unit: string) => (/^p/i.test(unit) ? 'ft2' : 'm2').padEnd(m.length))
    .replace(CUBIC_UNITS, (m) => 'm3'.padEnd(m.length));
}
