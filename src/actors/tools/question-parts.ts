/**
 * Two store questions in one message, each with its own question mark: "¿el 25 de diciembre
 * abren? ¿y el 24?", "¿dónde queda la de Padre Abreu? ¿tiene parqueo?". Read as one text, the
 * second was lost: one day's hours (the first date found), or the parking fact standing in for the
 * address. A clerk answers each question in turn, so each is read on its own words when every one
 * of them asks a store topic and, apart, they ask more than the whole did.
 */

/**
 * The message's questions, one text each, when reading them apart asks more than the whole does
 * (`topicsOf`: the store topics a text asks about); otherwise the message alone.
 *
 * @example
 * questionParts('el 25 abren? y el 24?', topicsOf); // ['el 25 abren?', 'y el 24?']
 */
export function questionParts(text: string, topicsOf: (text: string) => readonly string[]): string[] {
  const parts = text
    .split(/(?<=\?)\s*(?=\S)/)
    .map((p) => p.trim())
    .filter((p) => p.replace(/[¿?¡!.,\s]+/g, '') !== '');
  if (parts.length < 2 || parts.length > 3) return [text];
  const each = withMonthSaid(parts).map(topicsOf);
  if (each.some((t) => t.length === 0)) return [text];
  const apart = each.reduce((n, t) => n + t.length, 0);
  return apart > topicsOf(text).length ? withMonthSaid(parts) : [text];
}

const MONTH = /\b(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
/** A day of the month said alone ("¿y el 24?", "and the 24th?"). */
const BARE_DAY = /\b(?:el|the)\s+\d{1,2}(?:st|nd|rd|th)?\b/i;

/** "¿el 25 de diciembre abren? ¿y el 24?": the month said before is the later day's too (the 24th of December, not of this month). */
function withMonthSaid(parts: readonly string[]): string[] {
  let month: string | undefined;
  return parts.map((part) => {
    const named = MONTH.exec(part)?.[1];
    if (named) {
      month = named;
      return part;
    }
    if (month === undefined || !BARE_DAY.test(part)) return part;
    const english = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i.test(month);
    return part.replace(BARE_DAY, (day) => `${day} ${english ? 'of' : 'de'} ${month}`);
  });
}
