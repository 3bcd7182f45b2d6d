/**
 * The line numbers (1-based, counted in the file as written, blank lines included) of a held-out
 * JSONL set's rows whose `text` is also a training message. Only numbers come out: a failing
 * overlap check prints what the assertion returns, and a held-out text printed in a test log is
 * a held-out text read by whoever fixes the failure (it happened with estudio's intents set).
 *
 * @example expect(heldOutLinesIn(readFileSync(file, 'utf8'), (t) => training.has(fold(t)))).toEqual([]);
 */
export function heldOutLinesIn(jsonl: string, isTraining: (text: string) => boolean): number[] {
  const lines = jsonl.split('\n');
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const row = JSON.parse(line) as { text?: unknown };
    if (typeof row.text === 'string' && isTraining(row.text)) found.push(i + 1);
  }
  return found;
}
