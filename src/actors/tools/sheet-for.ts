/**
 * Sheets said before what they are for: "galvanized sheets for roof", "metal sheets for my roof",
 * "láminas pa techo". The brain keeps only what they are for ("roof"), the sheet being a selling unit;
 * a clerk hears the roofing sheets, never the roof's coating.
 */
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { NUMBER_WORDS } from '../catalog/index.js';

/** The sheet word and "for"/"para" (with an article or "my") right before the phrase; "pa'l" typed with its apostrophe. */
const SHEET_FOR = /\b(sheet|lamina|plancha|panel)(?:s|es)?\s+(?:for|para|pa|pal|pa\s*'\s*l|pa\s*'|p\/)\s*(?:(?:the|my|our|a|el|la|mi|un|una)\s+)?$/;
/** The count said right before the sheet word, or with one word between ("10 sheets", "10 galvanized sheets", "diez planchas"). */
const COUNT_BEFORE = [/(?:^|\s)(\d+|[a-z]+)\s+$/, /(?:^|\s)(\d+|[a-z]+)\s+[a-z]+\s+$/];

/** The count before the sheet word: digits or a number word, never the article ("una plancha" is no order of one). */
function countBefore(before: string): number | undefined {
  for (const shape of COUNT_BEFORE) {
    const said = shape.exec(before)?.[1];
    if (said === undefined) continue;
    const count = /^\d+$/.test(said) ? Number(said) : NUMBER_WORDS[said];
    if (count !== undefined) return count > 0 && !(count === 1 && !/^\d/.test(said)) ? count : undefined;
  }
  return undefined;
}

/**
 * The one product phrase with the sheet said before it ("roof" → "roof sheet"), and the count said
 * with the sheets when the brain could not tie it to the phrase ("I need 10 sheets for the roof":
 * 10); any other item as it is.
 *
 * @example
 * // "galvanized sheets for roof", the brain's products [{ query: 'roof' }]:
 * sheetFor(input, { query: 'roof' }); // { query: 'roof sheet' }
 */
export function sheetFor<T extends { query: string }>(input: ProductActorInput, item: T): T {
  if (input.understanding.products.length !== 1 || input.text === undefined) return item;
  const span = input.understanding.nlu.entities.find((e) => e.type === 'product' && e.value === item.query);
  const before = span ? foldAccents(input.text.slice(0, span.start).toLowerCase()) : '';
  const said = span ? SHEET_FOR.exec(before) : null;
  if (said === null || said[1] === undefined) return item;
  const sheeted = { ...item, query: `${item.query} ${said[1]}` };
  const count = 'quantity' in item && item.quantity !== undefined ? undefined : countBefore(before.slice(0, said.index));
  return count !== undefined ? { ...sheeted, quantity: count } : sheeted;
}
