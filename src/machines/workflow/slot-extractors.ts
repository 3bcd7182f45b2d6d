import { toE164 } from '../../domain/phone.js';
import { namedDay } from './named-days.js';

/**
 * Reading a slot's value out of a customer's words, in Spanish and English. Pure: "now" and the
 * time zone are passed in (the message's `receivedAt` from the host's clock and the business's
 * zone), never read from the system.
 */

/** Lower case, no accents, single spaces. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}@.+:/\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const WEEKDAYS: readonly (readonly string[])[] = [
  ['domingo', 'sunday', 'sun'],
  ['lunes', 'monday', 'mon'],
  ['martes', 'tuesday', 'tue', 'tues'],
  ['miercoles', 'wednesday', 'wed'],
  ['jueves', 'thursday', 'thu', 'thurs'],
  ['viernes', 'friday', 'fri'],
  ['sabado', 'saturday', 'sat'],
];
/** Each weekday's names as one whole-word pattern, compiled once (not per date read). */
const WEEKDAY_PATTERNS: readonly RegExp[] = WEEKDAYS.map((names) => new RegExp(`\\b(?:${names.join('|')})\\b`));

const MONTHS: readonly (readonly string[])[] = [
  ['enero', 'january', 'jan', 'ene'],
  ['febrero', 'february', 'feb'],
  ['marzo', 'march', 'mar'],
  ['abril', 'april', 'apr', 'abr'],
  ['mayo', 'may'],
  ['junio', 'june', 'jun'],
  ['julio', 'july', 'jul'],
  ['agosto', 'august', 'aug', 'ago'],
  ['septiembre', 'setiembre', 'september', 'sep', 'sept'],
  ['octubre', 'october', 'oct'],
  ['noviembre', 'november', 'nov'],
  ['diciembre', 'december', 'dec', 'dic'],
];

interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** The calendar day of an instant in a time zone. */
export function localDay(nowMs: number, timeZone: string): LocalDay {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** A calendar day plus `days` (UTC arithmetic on a date has no DST to trip on). */
function addDays(day: LocalDay, days: number): string {
  const t = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A day and month without a year: this year's, or next year's once it has passed. */
function nextOccurrence(today: LocalDay, month: number, day: number): string | null {
  const year = month < today.month || (month === today.month && day < today.day) ? today.year + 1 : today.year;
  return validDay(year, month, day) ? iso(year, month, day) : null;
}

const monthIndex = (word: string) => MONTHS.findIndex((names) => names.includes(word.replace(/\.$/, '')));

/**
 * A date in the customer's words, as `YYYY-MM-DD` in the business's calendar: "hoy", "mañana",
 * "pasado mañana", "el viernes", "el próximo lunes", "3 de diciembre", "December 3rd", "dec 3",
 * "3/12" (day/month; month/day in English), "2026-12-03", a day by its name ("Navidad", "new year's eve":
 * `named-days.ts`). "De la mañana" is a time, not tomorrow.
 *
 * @example
 * extractDate('mañana a las 3', Date.parse('2026-12-03T15:00:00Z'), 'America/Santo_Domingo') // '2026-12-04'
 */
export function extractDate(text: string, nowMs: number, timeZone: string, lang: 'es' | 'en' = 'es'): string | null {
  const f = fold(text);
  const today = localDay(nowMs, timeZone);
  const isoMatch = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(f);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return validDay(y, m, d) ? iso(y, m, d) : null;
  }
  // "el día de Navidad", "new year's eve": the day of the year by its name, the next one to come.
  const named = namedDay(f);
  if (named) return nextOccurrence(today, named.month, named.day);
  if (/\bpasado manana\b|\bday after tomorrow\b/.test(f)) return addDays(today, 2);
  // "mañana" is tomorrow unless it is the morning ("de/en/por la mañana", "esta mañana").
  if (/\btomorrow\b/.test(f) || /(?<!\b(?:la|esta) )\bmanana\b/.test(f)) return addDays(today, 1);
  if (/\b(?:hoy|today|tonight|esta tarde|this afternoon)\b/.test(f)) return addDays(today, 0);
  // "3 de diciembre", "el 3 de dic"
  const dayMonth = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?([a-z]{3,10}\.?)(?:\s+(?:de\s+|del\s+)?(\d{4}))?\b/.exec(f);
  if (dayMonth) {
    const m = monthIndex(dayMonth[2]!);
    if (m >= 0) {
      const d = Number(dayMonth[1]);
      if (dayMonth[3]) return validDay(Number(dayMonth[3]), m + 1, d) ? iso(Number(dayMonth[3]), m + 1, d) : null;
      return nextOccurrence(today, m + 1, d);
    }
  }
  // "December 3rd", "dec 3"
  const monthDay = /\b([a-z]{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?::|am|pm|h\b))(?:,?\s+(\d{4})\b)?/.exec(f);
  if (monthDay) {
    const m = monthIndex(monthDay[1]!);
    // "December 10, 2027": that year's, which may be past the booking horizon — never this December's.
    if (m >= 0 && monthDay[3]) return validDay(Number(monthDay[3]), m + 1, Number(monthDay[2])) ? iso(Number(monthDay[3]), m + 1, Number(monthDay[2])) : null;
    if (m >= 0) return nextOccurrence(today, m + 1, Number(monthDay[2]));
  }
  // "3/12": day/month in Spanish, month/day in English.
  const slash = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/.exec(f);
  if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    const [d, m] = lang === 'en' ? [b, a] : [a, b];
    if (slash[3]) return validDay(Number(slash[3]), m, d) ? iso(Number(slash[3]), m, d) : null;
    return nextOccurrence(today, m, d);
  }
  // "el sábado 12" when the 12th is a Saturday: that Saturday, not the next one to come.
  const both = weekdayAndDay(text, nowMs, timeZone);
  if (both && !both.clash) return both.date;
  // "el viernes", "el próximo lunes", "next friday": the next one to come (today's weekday means next week's).
  for (let w = 0; w < 7; w++) {
    if (WEEKDAY_PATTERNS[w]!.test(f)) {
      const ahead = (w - today.weekday + 7) % 7 || 7;
      return addDays(today, ahead);
    }
  }
  // "el 15", "el día 15": this month's, or next month's once past.
  const bareDay = /\b(?:el dia|el|dia|the)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?::|am|pm|h\b|de la|y media))/.exec(f);
  if (bareDay && !/\ba las\b/.test(f.slice(Math.max(0, bareDay.index - 6), bareDay.index + 1))) {
    const d = Number(bareDay[1]);
    if (d >= 1 && d <= 31) {
      const month = d >= today.day ? today.month : today.month + 1;
      const year = month > 12 ? today.year + 1 : today.year;
      const m = month > 12 ? 1 : month;
      if (validDay(year, m, d)) return iso(year, m, d);
    }
  }
  return null;
}

const WEEKDAY_WORDS = WEEKDAYS.flat().join('|');
/** A weekday with a day of the month: "el sábado 20", "sábado 20 de diciembre", "Saturday the 20th", "Saturday, December 20". */
const WEEKDAY_DAY = new RegExp(
  `\\b(${WEEKDAY_WORDS})\\b,?\\s+(?:(?:el|the|dia)\\s+)?(?:([a-z]{3,10})\\.?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?::\\d|a\\.?\\s?m\\b|p\\.?\\s?m\\b|h\\b|hrs?\\b|de la|y media|y cuarto|o ?clock|in the))(?:\\s+(?:de|of)\\s+([a-z]{3,10}))?`,
);

/**
 * A weekday said with a day of the month ("el sábado 20"): that date, and whether the two disagree
 * (`clash`: the 20th is not a Saturday — a receptionist asks which one was meant). Null when the
 * message does not say both.
 */
export function weekdayAndDay(text: string, nowMs: number, timeZone: string): { date: string; weekday: number; clash: boolean } | null {
  const m = WEEKDAY_DAY.exec(fold(text));
  if (!m) return null;
  const weekday = WEEKDAYS.findIndex((names) => names.includes(m[1]!));
  const middle = m[2] !== undefined ? monthIndex(m[2]) : -1;
  if (m[2] !== undefined && middle < 0) return null;
  const after = m[4] !== undefined ? monthIndex(m[4]) : -1;
  const month = middle >= 0 ? middle : after;
  const d = Number(m[3]);
  const today = localDay(nowMs, timeZone);
  let date: string | null;
  if (month >= 0) date = nextOccurrence(today, month + 1, d);
  else {
    const mm = d >= today.day ? today.month : today.month + 1;
    const [y, mo] = mm > 12 ? [today.year + 1, 1] : [today.year, mm];
    date = validDay(y, mo, d) ? iso(y, mo, d) : null;
  }
  if (date === null) return null;
  return { date, weekday, clash: new Date(`${date}T12:00:00Z`).getUTCDay() !== weekday };
}

/**
 * A time of day as `HH:MM`: "a las 3" (an hour from 1 to 7 without am/pm is the afternoon, when a
 * studio is open), "10am", "3 pm", "15:30", "a las 3 y media", "a las 4 de la tarde", "9 de la
 * mañana", "mediodía", "noon". A bare number is a time only when the question was the time
 * (`bare: true`); "3 de diciembre" is never a time.
 */
export function extractTime(text: string, options: { bare?: boolean } = {}): string | null {
  const f = fold(text);
  if (/\b(?:mediodia|medio dia|noon|midday)\b/.test(f)) return '12:00';
  const patterns: RegExp[] = [
    /\b(\d{1,2}):(\d{2})\s*(am|pm|a\.?m\.?|p\.?m\.?)?/,
    /\b(\d{1,2})()\s*(am|pm|a\.?m\.?|p\.?m\.?)(?![a-z])/,
    /\b(?:a las|a la|las|at|tipo|como a las|around)\s+(\d{1,2})(?:\s*(?:y|con)\s*(media|cuarto|\d{1,2}))?(?:\s*(am|pm|de la manana|de la tarde|de la noche|in the morning|in the afternoon|in the evening|h\b|hrs?\b))?/,
    /\b(\d{1,2})(?:\s*y\s*(media|cuarto))?\s*(de la manana|de la tarde|de la noche|in the morning|in the afternoon|in the evening|o ?clock)/,
  ];
  let match: RegExpExecArray | null = null;
  for (const re of patterns) {
    match = re.exec(f);
    if (match) break;
  }
  if (!match && options.bare) match = /^(?:a las\s+)?(\d{1,2})(?:\s*y\s*(media|cuarto))?$/.exec(f);
  if (!match) return null;
  // "después de las 3", "before 11": a bound on the time, not the time (option-narrowing.ts reads it).
  if (/\b(?:despues de|antes de|luego de|a partir de|after|before|from)\s*$/.test(f.slice(0, match.index))) return null;
  let hour = Number(match[1]);
  const minuteWord = match[2] ?? '';
  const minute = minuteWord === 'media' ? 30 : minuteWord === 'cuarto' ? 15 : minuteWord === '' ? 0 : Number(minuteWord);
  const marker = (match[3] ?? '').replace(/\./g, '');
  if (hour > 23 || minute > 59) return null;
  const pm = /^(pm|p m|de la tarde|de la noche|in the afternoon|in the evening)$/.test(marker);
  const am = /^(am|a m|de la manana|in the morning)$/.test(marker);
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  else if (!am && !pm && hour >= 1 && hour <= 7) hour += 12;
  return `${pad(hour)}:${pad(minute)}`;
}

/** An email address, lower-cased. */
export function extractEmail(text: string): string | null {
  const m = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text);
  return m ? m[0].toLowerCase() : null;
}

/** A phone number in E.164 (the one phone normaliser of `src/domain/phone.ts`). */
export function extractPhone(text: string): string | null {
  const m = /\+?\d[\d\s().-]{6,18}\d/.exec(text);
  return m ? toE164(m[0]) : null;
}

const NAME_LEAD = /(?:me llamo|mi nombre es|soy|a nombre de|my name is|i am|i'm|name is|it's for)\s+(.+)$/iu;
/** Words that are never part of a name (checked on the folded text: no accents). */
const NOT_NAME = /\b(?:si|no|ok|hola|gracias|yes|hello|thanks|cita|turno|manana|hoy|viernes|lunes|martes|jueves|sabado|domingo|miercoles|quiero|para|por|the|want|donde|cuanto|cuanta|cuando|como|que|cual|horario|precio|aceptan|tienen|hacen|where|what|how|when|which|price)\b/;

/**
 * A person's name: after "me llamo", "soy", "a nombre de", "my name is"; or, when the question was
 * the name (`bare: true`), a short answer of words without digits ("Ana Pérez").
 */
export function extractPersonName(text: string, options: { bare?: boolean } = {}): string | null {
  const t = text.trim().replace(/[.!?¡¿,]+$/u, '').trim();
  const lead = NAME_LEAD.exec(t);
  const candidate = lead ? lead[1]!.trim() : options.bare ? t : null;
  if (!candidate) return null;
  const words = candidate.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || /\d|@/.test(candidate)) return null;
  if (NOT_NAME.test(fold(candidate))) return null;
  if (!words.every((w) => /^[\p{L}'-]+$/u.test(w))) return null;
  return words.map((w) => w.charAt(0).toLocaleUpperCase('es') + w.slice(1)).join(' ');
}

const ORDINALS: readonly [RegExp, number][] = [
  [/^(?:1|uno|una|primer[oa]?|first|the first(?: one)?|la primera|el primero|opcion 1|option 1)$/, 0],
  [/^(?:2|dos|segund[oa]|second|the second(?: one)?|la segunda|el segundo|opcion 2|option 2)$/, 1],
  [/^(?:3|tres|tercer[oa]?|third|the third(?: one)?|la tercera|el tercero|opcion 3|option 3)$/, 2],
  [/^(?:4|cuatro|cuart[oa]|fourth|la cuarta|el cuarto|opcion 4|option 4)$/, 3],
  [/^(?:5|cinco|quint[oa]|fifth|la quinta|el quinto|opcion 5|option 5)$/, 4],
];

/**
 * The pattern that finds a folded option name as whole words ("rayito" in "el rayito", also
 * followed by a plural "s"). `matchOption` runs for every piece of a message against every name of
 * a tenant's options: compiled once per name, not once per call (harden18). The names come from
 * tenant data, so the cache stays small; it is emptied if it ever holds more than
 * {@link MAX_CACHED_NAMES}.
 */
function nameAsWords(name: string): RegExp {
  let re = NAME_PATTERNS.get(name);
  if (re === undefined) {
    if (NAME_PATTERNS.size >= MAX_CACHED_NAMES) NAME_PATTERNS.clear();
    re = new RegExp(`(?:^|\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|\\s|s\\b)`);
    NAME_PATTERNS.set(name, re);
  }
  return re;
}
const MAX_CACHED_NAMES = 5_000;
const NAME_PATTERNS = new Map<string, RegExp>();

/** An option to match: its shown label, its value, and other words that name it. */
export interface MatchItem {
  value: string;
  label: string;
  aliases?: readonly string[];
}

/**
 * Which item the customer's words pick: by position ("2", "la segunda"), by its value or label
 * ("BV-1001", "corte y secado"), or by a word of its label or an alias ("el corte", "manicure") that
 * fits one item only. `null` when nothing or more than one fits.
 */
export function matchOption(text: string, items: readonly MatchItem[]): number | null {
  const f = fold(text).replace(/[.:/]+$/, '');
  if (f === '' || items.length === 0) return null;
  for (const [re, at] of ORDINALS) if (re.test(f) && at < items.length) return at;
  const exact = items.findIndex((i) => fold(i.value) === f || fold(i.label) === f);
  if (exact >= 0) return exact;
  // A plural name said in the singular counts too ("el rayito" for "rayitos", "una ceja" for "cejas").
  const contains = (needle: string): boolean => (needle.length >= 3 && nameAsWords(needle).test(f)) || (needle.length >= 5 && needle.endsWith('s') && contains(needle.slice(0, -1)));
  const whole = items.flatMap((i, at) => (contains(fold(i.label)) || contains(fold(i.value)) || (i.aliases ?? []).some((a) => contains(fold(a))) ? [at] : []));
  if (whole.length === 1) return whole[0]!;
  if (whole.length > 1) {
    // "depilación de cejas": the method names one item, what it is done on ("de cejas") another — that one.
    const spaced = ` ${f.replace(/[^a-z0-9ñ]+/g, ' ')} `;
    const after = whole.filter((at) => [items[at]!.label, items[at]!.value, ...(items[at]!.aliases ?? [])].map(fold).some((n) => n.length >= 3 && AFTER_DE.some((de) => spaced.includes(`${de}${n} `))));
    if (after.length === 1) return after[0]!;
    // "corte y secado" names one item whole while "corte" is another's alias: the longest name wins.
    const longest = whole.map((at) => {
      const item = items[at]!;
      const names = [item.label, item.value, ...(item.aliases ?? [])].map(fold).filter(contains);
      return { at, n: Math.max(...names.map((n) => n.length)) };
    });
    longest.sort((a, b) => b.n - a.n);
    return longest[0]!.n > longest[1]!.n ? longest[0]!.at : null;
  }
  return null;
}

/** "de cejas", "del gel": a name said as what something is done on (plain strings: no pattern built per call). */
const AFTER_DE = [' de ', ' del ', ' de las ', ' de los ', ' de la ', ' de el '];
