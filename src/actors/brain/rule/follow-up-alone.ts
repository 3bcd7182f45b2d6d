/**
 * A follow-up with nothing before it: "and the grey one?", "what about the 1/2 inch?", "y el de
 * 3/4?" as a conversation's first message (or after a greeting). The words still say a size or a
 * colour, so a clerk answers from them (what comes in that size, the paint in that colour) instead
 * of "what do you need?"; the classifier, seeing no product word, reads them as out of scope.
 */
import type { Product } from '../../../domain/tenant.js';
import { resolverFor } from '../../catalog/index.js';
import { fold } from './text.js';

/** How a follow-up opens, after any greeting: "and", "what about", "y", "y qué tal". */
const LEAD = /^(?:(?:hi|hello|hey|hola|ola|buenas|klk|saludos)[\s,.!]+)*(?:and what about|and how about|what about|how about|and|y que tal|que tal|y|e)\s+/;
/** Words around the size or colour that name no product: articles, "one", asking the price. */
const AROUND = /\b(?:the|el|la|los|las|lo|de|del|in|en|of|one|ones|uno|una|how much|is it|are they|cuanto|cuesta|cuestan|sale|salen|vale|valen|price|precio|size|medida|color|colour|do you have|have|tienen|hay)\b/g;

/** Whether the message is a follow-up that says only a size or a colour ("and the 3/4 inch one?"). */
export function asksSizeOrColourAlone(catalog: readonly Product[], text: string): boolean {
  const f = fold(text).replace(/[¿?¡!]+/g, ' ').replace(/\s+/g, ' ').trim();
  const lead = LEAD.exec(f);
  // "three quarter inch?", "de media pulgada?": an inch size said alone needs no "and" before it.
  const said = lead ? f.slice(lead[0].length) : f;
  const rest = said.replace(AROUND, ' ').replace(/\s+/g, ' ').trim();
  if (rest === '' || rest.split(' ').length > 4) return false;
  const resolver = resolverFor(catalog);
  // "de una pulgada", "three quarters of an inch": the size read with its own words ("una" is the one inch, not an article).
  const parsed = [resolver.parse(said), resolver.parse(rest)].find((p) => p.content.length === 0);
  if (!parsed) return false;
  if (!lead) return parsed.attributes.colours.length === 0 && parsed.attributes.measures.length === 1 && parsed.attributes.measures[0]!.unit === 'in';
  // A whole number alone is a date or a count ("y el 24?"), never a size: fractions and inches only.
  return parsed.attributes.colours.length > 0 || parsed.attributes.measures.some((m) => m.unit === 'in' || !Number.isInteger(m.value));
}
