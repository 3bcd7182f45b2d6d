import type { Product } from '../../../domain/tenant.js';
import { fold as foldText } from './text.js';

/** Words that join a job phrase ("pared de blocks") and need not be said. */
const JOINING = new Set(['de', 'del', 'la', 'el', 'una', 'un', 'a', 'of', 'the']);

/**
 * Whether a message names a job the catalog lists products for: a one-word job said ("pintar",
 * "concreto"), or every word of a longer one ("levantar una pared" for "levantar pared", "build a
 * wall" for "build wall"). Built once per tenant; pure.
 */
export function createJobNamer(catalog: readonly Product[]): (text: string) => boolean {
  const phrases = catalog.flatMap((p) => p.jobs ?? []).map((job) => foldText(job).trim());
  const single = new Set(phrases.filter((p) => !p.includes(' ')));
  const longer = [...new Set(phrases.filter((p) => p.includes(' ')))].map((p) => p.split(/[^a-z0-9]+/).filter((w) => w !== '' && !JOINING.has(w)));
  if (single.size === 0 && longer.length === 0) return () => false;
  return (text) => {
    const words = foldText(text).split(/[^a-z0-9]+/);
    if (words.some((w) => single.has(w))) return true;
    // "levantando", "haciendo", "construyendo": the job's verb said as it goes on.
    const said = new Set(words.flatMap((w) => [w.replace(/s$/, ''), w.replace(/ing$/, ''), w.replace(/ando$/, 'ar').replace(/yendo$/, 'ir').replace(/iendo$/, 'er')]));
    return longer.some((phrase) => phrase.length > 0 && phrase.every((w) => said.has(w.replace(/s$/, ''))));
  };
}
