import { fold } from '../../machines/workflow/slot-extractors.js';
import type { StudioService } from './studio-reads.js';

/**
 * Two services said as one thing ("a *mani pedi*", "un mani-pedi", "manipedi"): their one-word
 * names side by side with no "y"/"and" between, or written as one word. Customers ask for such a
 * pair as one visit, so a receptionist prices it together — as "manicure y pedicure juntos".
 * Nothing here names a service: the words come from the backend's names and aliases. Pure.
 */

/** The one-word names a service goes by (its aliases and one-word names), folded. */
function oneWordNames(s: StudioService): string[] {
  return [s.name.es, s.name.en, ...(s.aliases ?? [])].map(fold).filter((w) => /^[a-z0-9]+$/.test(w));
}

/** Whether the message names these two services as one thing. */
export function namedAsOne(text: string, pair: readonly StudioService[]): boolean {
  if (pair.length !== 2) return false;
  const words = fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  const [a, b] = pair.map(oneWordNames) as [string[], string[]];
  const joined = (x: string, y: string) => words.some((w, i) => (w === x && words[i + 1] === y) || w === x + y);
  return a.some((x) => b.some((y) => joined(x, y) || joined(y, x)));
}
