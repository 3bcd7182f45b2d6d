import { fold, type MatchItem } from './slot-extractors.js';

/**
 * Narrowing a slot's options to what the customer's words point at, as a receptionist does: "quiero
 * hacerme las uñas" names no one service but the nail ones; "en la tarde" names no time but the
 * afternoon's free ones; "lo más temprano" is the first free time. Pure; the options are the
 * backend's list (`applyOptions`), the words the customer's.
 */

/** An option with the group its item belongs to (the backend item's `groups.field`: a service's category). */
export interface GroupedItem extends MatchItem {
  group?: string;
}

/** Words that name a group of options (`options.groups` in workflows.json), per group id. */
export interface OptionGroups {
  field: string;
  words?: Record<string, readonly string[]>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folded word or phrase said whole in the folded text (a plural "s" allowed: "masajes", "uñas"). */
const says = (folded: string, needle: string): boolean => needle.length >= 3 && new RegExp(`(?:^|\\s)${escape(needle)}(?:s|es)?(?:$|\\s)`).test(folded);

/**
 * The values of the options the words point at when they pick none alone: every option one of
 * whose names (a word of its label of four letters or more, an alias) is said, else every option of
 * a group named (a group of one names its option). `null` when they point at none or at all of them.
 *
 * @example
 * narrowOptions('quiero hacerme las uñas', services, { field: 'category', words: { unas: ['uñas'] } }) // ['manicure-clasico', 'pedicure-spa', …]
 */
export function narrowOptions(text: string, items: readonly GroupedItem[], groups: OptionGroups | undefined): string[] | null {
  const f = fold(text);
  if (f === '' || items.length < 3) return null;
  // "uñas" is not "unas" (some): a group's words are matched with their ñ.
  const withEnye = foldKeepingEnye(text);
  const enough = (values: string[]) => (values.length >= 2 && values.length < items.length ? values : null);
  const byName = items.filter((i) => [...(i.aliases ?? [])].some((a) => says(f, fold(a)))).map((i) => i.value);
  const named = enough(byName);
  if (named) return named;
  if (!groups) return null;
  const groupsSaid = new Set<string>();
  for (const i of items) {
    if (i.group === undefined) continue;
    if ((groups.words?.[i.group] ?? []).some((w) => says(withEnye, foldKeepingEnye(w)))) groupsSaid.add(i.group);
  }
  const inGroups = items.filter((i) => i.group !== undefined && groupsSaid.has(i.group)).map((i) => i.value);
  // A group of one ("quiero depilarme") names its one option.
  return inGroups.length >= 1 && inGroups.length < items.length ? inGroups : null;
}

/**
 * The one option a word of whose name (four letters or more) the customer said ("el de limpieza"
 * for "Limpieza facial profunda"), among `among` when the options were narrowed; null when none
 * or several fit.
 */
export function pickByWord(text: string, items: readonly MatchItem[], among?: readonly string[]): number | null {
  const f = fold(text);
  const hits = items.flatMap((item, at) => {
    if (among && !among.includes(item.value)) return [];
    return fold(item.label).split(' ').some((w) => w.length >= 4 && /^\p{L}+$/u.test(w) && says(f, w)) ? [at] : [];
  });
  return hits.length === 1 ? hits[0]! : null;
}

/** Folded as `fold` does, but an ñ stays an ñ ("uñas" and "unas" are different words). */
function foldKeepingEnye(text: string): string {
  return fold(text.normalize('NFC').replace(/ñ/gi, 'ŋ')).replace(/ŋ/g, 'ñ');
}

/** A part of the day the customer prefers, the first or last free time, or times after or before one ("después de las 3": `after-15:00`). */
export type DayPart = 'morning' | 'afternoon' | 'evening' | 'earliest' | 'latest' | `after-${string}` | `before-${string}`;
type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** "después de las 3", "a partir de las 10", "after 4pm", "antes de las 12", "before 11": a bound, not a time. */
export const TIME_BOUND = /\b(despues de las?|despues de la|luego de las?|a partir de las?|after|from|antes de las?|before)\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.?m\.?|p\.?m\.?|de la manana|de la tarde|de la noche)?/;
const pad = (n: number) => String(n).padStart(2, '0');

function timeBound(f: string): DayPart | null {
  const m = TIME_BOUND.exec(f);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = Number(m[3] ?? '0');
  const marker = (m[4] ?? '').replace(/\./g, '');
  if (hour > 23 || minute > 59) return null;
  if (/^(pm|p m|de la tarde|de la noche)$/.test(marker) && hour < 12) hour += 12;
  // As "a las 3": an hour from 1 to 7 without am/pm is the afternoon, when a studio is open.
  else if (marker === '' && hour >= 1 && hour <= 7) hour += 12;
  const side = /^(antes|before)/.test(m[1]!) ? 'before' : 'after';
  return `${side}-${pad(hour)}:${pad(minute)}`;
}

const EARLIEST = /\b(?:lo mas temprano|el mas temprano|la mas temprana|lo antes posible|bien temprano|a primera hora|primera hora|earliest|as early as possible|first thing|first available|primer turno|primer espacio)\b/;
const LATEST = /\b(?:lo mas tarde posible|lo mas tarde|la mas tarde|el mas tarde|la ultima|the last one|the latest one|el ultimo turno|la ultima hora|ultimo turno|latest|as late as possible|last slot|last appointment)\b/;
const MORNING = /\b(?:(?:en|por|de|a) la manana|esta manana|temprano|in the morning|morning|early)\b/;
const AFTERNOON = /\b(?:(?:en|por|de|a) la tarde|esta tarde|de tarde|despues del almuerzo|despues de almuerzo|in the afternoon|this afternoon|afternoon|after lunch)\b/;
const EVENING = /\b(?:(?:en|por|de|a) la noche|esta noche|de noche|despues del trabajo|saliendo del trabajo|in the evening|evening|tonight|after work)\b/;

/** "Good morning", "good evening", and a "Morning!" that opens a longer message greet: they ask for no part of the day. */
const GREETING = /\bgood (?:morning|afternoon|evening)\b|^\s*(?:morning|afternoon|evening)\s*[!,.]+(?=\s*[\p{L}\p{N}])/giu;
const withoutGreeting = (text: string): string => text.replace(GREETING, ' ');

/**
 * The part of the day a message asks for when it gives no time ("pal viernes en la tarde", "lo más
 * temprano", "in the morning"), or null.
 */
export function extractDayPart(text: string): DayPart | null {
  const f = fold(withoutGreeting(text));
  const bound = timeBound(f);
  if (bound) return bound;
  if (EARLIEST.test(f)) return 'earliest';
  if (LATEST.test(f)) return 'latest';
  if (EVENING.test(f)) return 'evening';
  if (AFTERNOON.test(f)) return 'afternoon';
  if (MORNING.test(f)) return 'morning';
  return null;
}

const minutes = (hhmm: string): number | null => {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Free times (`HH:MM` values) in a part of the day: morning before noon, afternoon 12:00–17:59, evening from 17:00; after or before a time. */
export function timesInPart(values: readonly string[], part: Exclude<DayPart, 'earliest' | 'latest'>): string[] {
  const bound = /^(after|before)-(.+)$/.exec(part);
  const limit = bound ? minutes(bound[2]!) : null;
  return values.filter((v) => {
    const t = minutes(v);
    if (t === null) return false;
    if (bound) return limit !== null && (bound[1] === 'after' ? t >= limit : t < limit);
    const p = part as PartOfDay;
    return p === 'morning' ? t < 12 * 60 : p === 'afternoon' ? t >= 12 * 60 && t < 18 * 60 : t >= 17 * 60;
  });
}

/**
 * The free times nearest a time that was taken ("a las 12" when 12 is booked): a receptionist offers
 * what is closest on either side, not the morning's first slots. In the day's order; `count` at most.
 */
export function nearestTimes(values: readonly string[], taken: string, count: number): string[] {
  const at = minutes(taken);
  if (at === null) return [];
  const timed = values.flatMap((v) => {
    const t = minutes(v);
    return t === null ? [] : [{ v, t }];
  });
  return timed
    .sort((a, b) => Math.abs(a.t - at) - Math.abs(b.t - at) || a.t - b.t)
    .slice(0, count)
    .sort((a, b) => a.t - b.t)
    .map((x) => x.v);
}
