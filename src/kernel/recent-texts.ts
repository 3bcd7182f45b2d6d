/**
 * `read(text)`, remembered for the last few texts it was asked about (a ring of `slots`, the
 * oldest replaced): for the folds and word lists of a message that a turn's readers ask for again
 * and again, in between other texts (the catalog's names, the reply's lines, a message's core)
 * that made a one-text memo forget the message. `read` must be a pure function of the text.
 *
 * @example
 * const words = rememberRecent((text: string) => fold(text).split(' '));
 */
export function rememberRecent<V>(read: (text: string) => V, slots = 4): (text: string) => V {
  const texts: (string | undefined)[] = new Array<string | undefined>(slots).fill(undefined);
  const values: V[] = new Array<V>(slots);
  let next = 0;
  return (text) => {
    for (let i = 0; i < slots; i++) if (texts[i] === text) return values[i] as V;
    const value = read(text);
    next = (next + 1) % slots;
    texts[next] = text;
    values[next] = value;
    return value;
  };
}
