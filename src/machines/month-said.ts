/**
 * The month a store question named ("¿abren el 25 de diciembre?"), kept for a bare day asked after
 * it ("¿y el 24?", "and the 24th?"): a clerk hears the 24th of December, not of this month. Read
 * within one message (`question-parts.ts`) and across turns (`infoFocus.month`).
 */

const MONTH = /\b(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
/** A day of the month said alone ("¿y el 24?", "and the 24th?", "y el 1ro?"). */
const BARE_DAY = /\b(?:el|the)\s+\d{1,2}(?:st|nd|rd|th|ro|ero)?\b/i;
const ENGLISH_MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** Christmas and its eve, New Year's Eve: days of December named without the month. */
const DECEMBER_DAY = /\b(?:(navidad|noche ?buena|noche ?vieja|fin de a[nñ]o)|(christmas|xmas|new year'?s eve))\b/i;

/** The month a text names, as written ("diciembre", "December"), or the one of a holiday it names ("navidad"), if any. */
export function monthSaid(text: string): string | undefined {
  const named = MONTH.exec(text)?.[1];
  if (named) return named;
  const holiday = DECEMBER_DAY.exec(text);
  return holiday ? (holiday[1] ? 'diciembre' : 'December') : undefined;
}

/** True when the text asks a day of the month without its month ("¿y el 24?"). */
export const saysBareDay = (text: string): boolean => BARE_DAY.test(text) && monthSaid(text) === undefined;

/**
 * Each text with the month said before it (`month`, or an earlier text's) put after a bare day:
 * ["¿el 25 de diciembre abren?", "¿y el 24?"] → […, "¿y el 24 de diciembre?"].
 */
export function withMonthSaid(parts: readonly string[], month?: string): string[] {
  let said = month;
  return parts.map((part) => {
    const named = MONTH.exec(part)?.[1] ?? (BARE_DAY.test(part) ? undefined : monthSaid(part));
    if (named) {
      said = named;
      return part;
    }
    if (said === undefined || !BARE_DAY.test(part)) return part;
    const of = ENGLISH_MONTH.test(said) ? 'of' : 'de';
    return part.replace(BARE_DAY, (day) => `${day} ${of} ${said}`);
  });
}
