/**
 * Every match of a global pattern, as `text.matchAll(re)` gives them, without `matchAll`'s copy of
 * the pattern: V8 builds a new regular expression for each `matchAll` call (the source looked up
 * in its compilation cache, ~5,000 instructions), and the brain's entity readers and the product
 * tool call it about 14 times on a message never seen before (issue 16, session 32).
 *
 * The same matches in the same order: the search starts at `re.lastIndex` as `matchAll`'s copy
 * does, steps past an empty match by one character (one code point with the `u` or `v` flag), and
 * leaves `re.lastIndex` as it found it. All matches are collected before the caller sees the first,
 * so a caller that reads with the same pattern inside its loop cannot disturb the search.
 *
 * @example
 * allMatches('10 sacos y 20 varillas', /\d+/g).map((m) => m[0]); // ['10', '20']
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches: the pattern must be global (the g flag), as matchAll requires');
  const from = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = from;
  }
  return out;
}

/** The index after `at`: one code unit, or a whole surrogate pair in unicode mode (the spec's AdvanceStringIndex). */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}
