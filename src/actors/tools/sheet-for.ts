/**
 * Sheets said before what they are for: "galvanized sheets for roof", "metal sheets for my roof",
 * "láminas pa techo". The brain keeps only what they are for ("roof"), the sheet being a selling unit;
 * a clerk hears the roofing sheets, never the roof's coating.
 */
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';

/** The sheet word and "for"/"para" (with an article or "my") right before the phrase. */
const SHEET_FOR = /\b(sheet|lamina|plancha|panel)(?:s|es)?\s+(?:for|para|pa|pal)\s+(?:(?:the|my|our|a|el|la|mi|un|una)\s+)?$/;

/**
 * The one product phrase with the sheet said before it ("roof" → "roof sheet"); any other item as it is.
 *
 * @example
 * // "galvanized sheets for roof", the brain's products [{ query: 'roof' }]:
 * sheetFor(input, { query: 'roof' }); // { query: 'roof sheet' }
 */
export function sheetFor<T extends { query: string }>(input: ProductActorInput, item: T): T {
  if (input.understanding.products.length !== 1 || input.text === undefined) return item;
  const span = input.understanding.nlu.entities.find((e) => e.type === 'product' && e.value === item.query);
  const sheet = span ? SHEET_FOR.exec(foldAccents(input.text.slice(0, span.start).toLowerCase()))?.[1] : undefined;
  return sheet !== undefined ? { ...item, query: `${item.query} ${sheet}` } : item;
}
