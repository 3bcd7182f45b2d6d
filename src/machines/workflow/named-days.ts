/**
 * Days of the year customers name instead of dating them: "el día de Navidad", "on christmas day",
 * "new year's eve", "Nochebuena", "San Valentín". A clerk hears the date at once; the date reader
 * (`extractDate`) and the hours answer take them as that day and month.
 *
 * Read on folded text (`fold` of `slot-extractors.ts`: no accents, "year's" → "year s"). The eves
 * come first: "new year's eve" is no New Year's Day, "christmas eve" no Christmas. "Feliz año nuevo"
 * / "happy new year" is a greeting, never a date; "fin de año" is a season, left unread.
 */
const NAMED_DAYS: readonly { re: RegExp; month: number; day: number }[] = [
  { re: /\b(?:christmas|xmas) eve\b|\bnoche ?buena\b|\bvispera de navidad\b/, month: 12, day: 24 },
  { re: /\bnew ?year ?s? eve\b|\bnye\b|\bnoche ?vieja\b|\bvispera de ano nuevo\b/, month: 12, day: 31 },
  { re: /\b(?:christmas|xmas|navidad|navida)\b/, month: 12, day: 25 },
  { re: /(?<!\b(?:feliz|happy|prospero) )\b(?:new ?year ?s(?: day)?|new ?year day|(?:dia de )?ano nuevo)\b|\b(?:primero|1ro|1ero) de enero\b/, month: 1, day: 1 },
  { re: /\bvalentine ?s?(?: day)?\b|\bsan valentin\b|\bdia de (?:los enamorados|san valentin)\b|\bdia del amor y la amistad\b/, month: 2, day: 14 },
];

/** The day and month a folded message names by its name ("navidad" → 25 December), or null. */
export function namedDay(folded: string): { month: number; day: number } | null {
  const hit = NAMED_DAYS.find((d) => d.re.test(folded));
  return hit ? { month: hit.month, day: hit.day } : null;
}
