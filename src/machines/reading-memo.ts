/**
 * A text reader's answer kept with the reading of the message it read (issue 16).
 *
 * The rule brain hands out one frozen reading per distinct message and expectation (its reading
 * cache), and the machine keeps that very object in its context (`withDecisiveRanking`), so a
 * message sent again ("hola", "gracias", "¿tienen cemento?") comes back with the same reading
 * object. The routing guards read the message's text again on every turn all the same
 * (`followsUpProduct`'s gate, `revisitsEstimate`, `asksCreditTermsFirst`), and those readers are
 * pure functions of the text: their answers can travel with the reading, weakly (a reading dropped
 * from the brain's cache and from every context takes its answers with it).
 *
 * Sound by construction: an answer is handed back only for the same reader name and the same text
 * it was computed from (a reading made for another text — a picked option's sure reading, an
 * older snapshot's — simply computes again). `read` must be a pure function of the text.
 *
 * @example
 * const again = perReading(u(context), text, 'asksEstimateAgain', asksEstimateAgain);
 */
export function perReading<V>(reading: object | null | undefined, text: string, name: string, read: (text: string) => V): V {
  if (!reading) return read(text);
  let kept = answers.get(reading);
  if (kept === undefined || kept.text !== text) {
    kept = { text, values: new Map() };
    answers.set(reading, kept);
  } else if (kept.values.has(name)) {
    return kept.values.get(name) as V;
  }
  const value = read(text);
  kept.values.set(name, value);
  return value;
}

const answers = new WeakMap<object, { text: string; values: Map<string, unknown> }>();
