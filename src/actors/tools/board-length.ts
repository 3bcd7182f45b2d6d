/**
 * A board's length asked again ("y la de 12 pies?", "and the 12 foot one?" after the 2x4x10' pine):
 * a clerk keeps the cross-section (2x4) and changes the length, never looks for a 2x4x10 that is
 * 12 feet long.
 */
import type { Measure } from '../catalog/index.js';
import { foldAccents } from '../../kernel/fold.js';

/** "2x4x10" → "2x4" when the follow-up gives a length in feet; the dims as they were otherwise. */
export function dimsWithNewLength(dims: string, previous: readonly Measure[], asked: readonly Measure[]): string {
  const board = /^(\d+x\d+)x\d+'?$/.exec(dims);
  if (!board) return dims;
  // "y de 12?": a bare number after a product whose only measure is its length is a length too.
  const lengthOnly = previous.length > 0 && previous.every((m) => m.unit === 'ft');
  return asked.some((m) => m.unit === 'ft' || (m.unit === '' && lengthOnly)) ? board[1]! : dims;
}

/** "y de 12?" after a board sold by its length in feet: the bare number said as feet, so the search reads it as the length. */
export function bareAsFeet(said: string, previous: readonly Measure[], dims: string | undefined): string {
  const board = dims !== undefined && /^\d+x\d+(?:x\d+'?)?$/.test(dims) && previous.length > 0 && previous.every((m) => m.unit === 'ft');
  return board ? said.replace(/(^|\s)(\d+)(?=\s*\??$)/, (_, space: string, n: string) => `${space}${n}'`) : said;
}

/** Words that say a length's unit ("2x4 de 10 pies"): never what the product is. */
export const LENGTH_WORD = /^(?:pies?|feet|foot|ft)$/;

/** "Madera Pino Tratado 2x4x10'" → "Madera Pino Tratado": a board's name without its size. */
export function withoutBoardSize(name: string): string {
  return name.replace(/\s+\d+x\d+x\d+'?/, '').trim();
}

/** Words for a piece of lumber in general: "tablas 2x4", "2x4 boards", "a 2x4 plank", "studs". */
const LUMBER_WORD = /\b(?:tablas?|tablon(?:es)?|boards?|planks?|lumber|studs?|piezas?|palos?)\b/g;
/** A board named by its cross-section and length alone: "2x4x8", "2x6x12'". */
const BOARD_ALONE = /^\s*\d+\s*x\s*\d+\s*x\s*\d+\s*'?s?\s*$/;
/** A board's cross-section, maybe with its length: "2x4", "2x4x10", "2x4s". */
const CROSS_SECTION = /\b(\d+\s*x\s*\d+(?:\s*x\s*\d+)?)s\b|\b\d+\s*x\s*\d+\b/;

/**
 * "10 tablas 2x4 de 10", "2x4 boards 12 feet": a board named by its cross-section is lumber of that
 * size, whatever general word came with it ("tabla" is also what the catalog calls the 1x4 and 1x6
 * boards): the query with that word as "madera" and "2x4s" as "2x4"; unchanged without a
 * cross-section or a general word.
 */
export function boardQuery(query: string): string {
  const q = foldAccents(query.toLowerCase());
  // "2x4x8" alone: a cross-section with its length in feet is a board, even in a length not stocked.
  if (BOARD_ALONE.test(q)) return `madera ${q.trim().replace(/s$/, '')}`;
  if (!CROSS_SECTION.test(q)) return query;
  const plain = q.replace(/\b(\d+\s*x\s*\d+(?:\s*x\s*\d+)?)s\b/g, '$1');
  const out = plain.replace(LUMBER_WORD, 'madera').replace(/\b(madera)(?:\s+madera)+\b/g, '$1').replace(/\s+/g, ' ').trim();
  return out === plain && plain === q ? query : out;
}

/**
 * "5 2x6 8 ft" in a list when the 2x6 comes only 12 feet long: the board of that cross-section in
 * the length there is, priced on its line (its name says the length), never the line dropped as
 * not carried. True when the customer named the board by its cross-section and only the length
 * (a size) is unmet by the product found, which has that cross-section.
 */
export function boardInOtherLength(query: string, found: { product: { name: string }; unmet: readonly string[] }): boolean {
  const dims = /^(\d+)x(\d+)/.exec(query.trim());
  if (!dims || found.unmet.length === 0 || !found.unmet.every((kind) => kind === 'size')) return false;
  return new RegExp(`(?<![\\d.])${dims[1]}x${dims[2]}(?:x|\\b)`).test(found.product.name);
}
