/**
 * Laughter in a chat message ("jajaja", "jeje", "jsjs", "lol", "xD", "😂"): an acknowledgment, never
 * a request. A clerk smiles back and carries on; a reader that sees words it does not know would
 * answer "no te entendí". Read by the rule brain (the words around it are what the customer says:
 * "jaja sí" is a yes) and by the machine (laughter alone is answered with a smile).
 */
import { foldAccents } from '../kernel/fold.js';

const fold = foldAccents;

/**
 * One word of laughter: "jaja", "jajjaja", "jejeje", "jiji", "haha", "hehe", "jsjs", "lol", "lmao", "xd".
 * The same syllable again and again: "hoja", "hijo", "jefe" are words.
 */
const LAUGH_WORD = /^(?:a?(?:j+a+){2,}j*|(?:j+e+){2,}j*|(?:j+i+){2,}j*|(?:j+o+){2,}j*|(?:h+a+){2,}h*|(?:h+e+){2,}h*|(?:js|sj){2,}[js]?|lo+l+|lmf?ao+|rofl|xd+)$/;
/** The emoji of laughter (a smile that laughs, not a thank-you). */
const LAUGH_EMOJI = /^(?:😂|🤣|😆|😅|😄|😁|😹|😀|😃)+$/u;

function tokenize(text: string): string[] {
  return fold(text)
    .replace(/[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu, '')
    .split(/[\s,.;:!?¡¿()"']+/u)
    .filter((t) => t.length > 0);
}

// The readers ask about the same message several times in one routing pass: the last text's
// tokens are kept (one entry, so nothing grows).
let lastTokensOf = '';
let lastTokens: string[] = [];
function tokens(text: string): string[] {
  if (text !== lastTokensOf) {
    lastTokens = tokenize(text);
    lastTokensOf = text;
  }
  return lastTokens;
}

const isLaugh = (token: string): boolean => LAUGH_WORD.test(token) || LAUGH_EMOJI.test(token);

/**
 * What every laughing token contains, looked for in the folded message before it is split into
 * tokens: "jaj"/"jej"/"jij"/"joj" (any "j…j" laugh), "hah"/"heh", "js"/"sj", "lol", "lmao",
 * "rofl", "xd" or a laughing emoji; and the marks `tokenize` removes (they could join two halves),
 * which send the message to the full reading. No match: no token can be laughter, so most
 * messages ("¿tienen cemento gris?") are not split and filtered on every turn (issue 16).
 */
const MAY_LAUGH = /j[aeio]+j|h[ae]+h|js|sj|lo+l|lmf?ao|rofl|xd|😂|🤣|😆|😅|😄|😁|😹|😀|😃|[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/u;
const mayLaugh = (text: string): boolean => MAY_LAUGH.test(fold(text));

/** The laughing tokens of a message, read in full (no pre-check): what the pre-check is tested against. */
export function laughTokensOf(text: string): string[] {
  return tokenize(text).filter(isLaugh);
}

/** The message is laughter and nothing else ("jajaja", "jeje 😂", "lol"). */
export function isOnlyLaughter(text: string): boolean {
  if (!mayLaugh(text)) return false;
  const all = tokens(text);
  return all.length > 0 && all.every(isLaugh);
}

/** The message laughs somewhere ("jaja ok", "sí jajaja"). */
export function hasLaughter(text: string): boolean {
  return mayLaugh(text) && tokens(text).some(isLaugh);
}

/**
 * The message without its laughter, for the readers: "jaja ok" → "ok", "jajaja sí, dale" → "sí dale".
 * Laughter alone is returned as is (an acknowledgment, but no "sí": see `isOnlyLaughter`), and so is a
 * message with no laughter.
 *
 * @example
 * withoutLaughter('jaja sí'); // 'sí'
 * withoutLaughter('jajaja'); // 'jajaja'
 */
let lastWithoutOf = '';
let lastWithout = '';
export function withoutLaughter(text: string): string {
  if (text !== lastWithoutOf) {
    lastWithout = stripLaughter(text);
    lastWithoutOf = text;
  }
  return lastWithout;
}

function stripLaughter(text: string): string {
  if (!hasLaughter(text) || isOnlyLaughter(text)) return text;
  const kept = text
    .split(/(\s+)/)
    .filter((part) => {
      const inner = tokenize(part);
      return !(inner.length > 0 && inner.every(isLaugh));
    })
    .join('')
    .replace(/^[\s,.;:!]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return kept === '' ? text : kept;
}
