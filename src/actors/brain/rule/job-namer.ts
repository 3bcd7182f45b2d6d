import type { Product } from '../../../domain/tenant.js';
import { fold as foldText } from './text.js';
import { PUT_VERBS } from '../../catalog/put-verbs.js';

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
  // The longer phrases by their first word, each word without its plural s, made once (issue 16:
  // the message's words look up the few phrases they can start instead of walking them all).
  const byFirst = new Map<string, string[][]>();
  for (const phrase of longer) {
    if (phrase.length === 0) continue;
    const words = phrase.map(withoutS);
    const first = words[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), words]);
  }
  return (text) => {
    const words = foldText(text).split(/[^a-z0-9]+/);
    if (words.some((w) => single.has(w))) return true;
    // Each word as said, without a plural s, without "-ing" ("building" → "build"), and the job's
    // verb said as it goes on ("levantando", "haciendo", "construyendo" → "levantar", "hacer", "construir").
    const said = new Set<string>();
    for (const w of words) {
      said.add(withoutS(w));
      said.add(w.endsWith('ing') ? w.slice(0, -3) : w);
      // Every gerund ends in "ndo": no other word is scanned (issue 16).
      said.add(w.endsWith('ndo') ? w.replace(GERUND, (g) => GERUND_TO[g] as string) : w);
    }
    // "reemplazar el inodoro" names the job "instalar inodoro": one verb for putting a fixture in place.
    if (PUT_VERBS.some((v) => said.has(v))) for (const v of PUT_VERBS) said.add(v);
    for (const w of said) for (const phrase of byFirst.get(w) ?? []) if (phrase.every((x) => said.has(x))) return true;
    return false;
  };
}

const GERUND = /(?:ando|yendo|iendo)$/;
const GERUND_TO: Record<string, string> = { ando: 'ar', yendo: 'ir', iendo: 'er' };
const withoutS = (w: string): string => (w.endsWith('s') ? w.slice(0, -1) : w);
