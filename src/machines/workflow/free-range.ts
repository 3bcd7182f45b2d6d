import type { Lang } from '../../domain/nlu.js';
import type { MatchItem } from './slot-extractors.js';

/**
 * When a day has more free times than are shown (the first eight reach only mid-morning), the
 * receptionist says the whole span ("Ese día hay libre de 9:00 a. m. a 6:00 p. m.") and how to ask
 * for a later one, so the list is not read as the day's only times. Pure.
 */
export function freeRangeLine(items: readonly MatchItem[], shown: number, lang: Lang): string | null {
  if (items.length <= shown || items.length < 2) return null;
  const sorted = [...items].sort((a, b) => a.value.localeCompare(b.value));
  const first = sorted[0]!.label;
  const last = sorted[sorted.length - 1]!.label;
  return lang === 'es'
    ? `(Ese día hay libre de ${first} a ${last}; te muestro los primeros. Dime otra hora o "en la tarde" si te queda mejor.)`
    : `(That day there are free times from ${first} to ${last}; these are the first ones. Tell me another time or "in the afternoon" if that suits you better.)`;
}
