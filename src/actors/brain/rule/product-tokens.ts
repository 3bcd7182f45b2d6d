/** The words of a message as the product matcher reads them (`products.ts`). */
import { allMatches } from '../../../kernel/all-matches.js';

/** A word of the folded message and where it stands in it. */
export interface Tok {
  t: string;
  s: number;
  e: number;
}

/** A word, a number or a size, an inch mark. */
const TOKEN = /\d+-\d+-\d+|\d+x\d+(?:x\d+)?|\d+\/\d+|\d+(?:[.,]\d+)?|#|[a-z0-9]+|"/g;

/** A demonstrative said after its noun ("el tubo ese"). */
const POSTPOSED = /^(?:ese|esa|esos|esas|este|esta|estos|estas)$/;

/**
 * The folded message's words, numbers, sizes ("1/2", "2x4", "10-10-10") and inch marks, each with
 * its span. `resolve` says whether a word is product vocabulary.
 *
 * @example
 * productTokens('el tubo ese de pvc', resolve).map((t) => t.t); // ['el', 'tubo', 'de', 'pvc']
 */
export function productTokens(folded: string, resolve: (tok: string) => string | null): Tok[] {
  const toks: Tok[] = [];
  for (const m of allMatches(folded, TOKEN)) {
    const s = m.index ?? 0;
    // "tubo d 1/2", "2 galones d pintura": a lone "d" is how "de" is typed; the possessive's "s" ("plumber's tape") is no word.
    if (m[0] !== 's' || (folded[s - 1] !== "'" && folded[s - 1] !== '’')) toks.push({ t: m[0] === 'd' ? 'de' : m[0], s, e: s + m[0].length });
  }
  // "el tubo ese de pvc", "la pintura esa blanca": Dominican speech puts the demonstrative after the thing; it names nothing, nor parts it.
  for (let k = toks.length - 1; k >= 1; k--) if (POSTPOSED.test(toks[k]!.t) && resolve(toks[k - 1]!.t) !== null) toks.splice(k, 1);
  return toks;
}
