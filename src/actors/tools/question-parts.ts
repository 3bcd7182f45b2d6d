/**
 * Two store questions in one message, each with its own question mark: "¿el 25 de diciembre
 * abren? ¿y el 24?", "¿dónde queda la de Padre Abreu? ¿tiene parqueo?". Read as one text, the
 * second was lost: one day's hours (the first date found), or the parking fact standing in for the
 * address. A clerk answers each question in turn, so each is read on its own words when every one
 * of them asks a store topic and, apart, they ask more than the whole did.
 */

import { withMonthSaid } from '../../machines/month-said.js';

/**
 * The message's questions, one text each, when reading them apart asks more than the whole does
 * (`topicsOf`: the store topics a text asks about); otherwise the message alone.
 *
 * @example
 * questionParts('el 25 abren? y el 24?', topicsOf); // ['el 25 abren?', 'y el 24?']
 */
export function questionParts(text: string, topicsOf: (text: string) => readonly string[], month?: string): string[] {
  const parts = text
    .split(/(?<=\?)\s*(?=\S)/)
    .map((p) => p.trim())
    .filter((p) => p.replace(/[¿?¡!.,\s]+/g, '') !== '');
  // (`month`: the one a question of the turn before named, for "¿y el 24?" asked after it.)
  if (parts.length < 2 || parts.length > 3) return withMonthSaid([text], month);
  const each = withMonthSaid(parts, month).map(topicsOf);
  if (each.some((t) => t.length === 0)) return withMonthSaid([text], month);
  const apart = each.reduce((n, t) => n + t.length, 0);
  return apart > topicsOf(text).length ? withMonthSaid(parts, month) : withMonthSaid([text], month);
}
