/**
 * Cost of `detectInjection` per message (median and p95, warm) over the dev corpus, and the share
 * of it that is the learned scorer:
 *   npx tsx bench/micro/injection-cost.ts
 * Three lines: the whole detector (rules + scorer), the rules alone (scorer switched off), and the
 * scorer alone (featurise and score the plain and de-obfuscated readings, as the detector does;
 * the readings themselves are shared with the rules and prepared beforehand).
 * Figures to read and write down in BENCHMARKS.md, not test assertions (shared, noisy machines).
 */
import { readFileSync } from 'node:fs';
import { detectInjection } from '../../src/actors/guards/index.js';
import { shippedInjectionModel, useInjectionModel } from '../../src/actors/guards/injection-model.js';
import { normaliseForDetection, readings } from '../../src/actors/guards/injection-readings.js';

const load = (file: string): string[] =>
  readFileSync(new URL(`../../test/fixtures/injection/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);

const texts = [...load('attacks.jsonl'), ...load('benign.jsonl')];

function measure(label: string, run: (text: string) => unknown): void {
  for (let i = 0; i < 3; i++) for (const t of texts) run(t);
  // Five rounds, each text timed once per round: a slow moment on a shared machine hits one sample, not one text.
  const times: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const t of texts) {
      const started = process.hrtime.bigint();
      run(t);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(times.length * q))] as number;
  process.stdout.write(`${label.padEnd(34)} over ${texts.length} messages × 5: median ${at(0.5).toFixed(4)} ms, p95 ${at(0.95).toFixed(4)} ms, max ${at(1).toFixed(4)} ms\n`);
}

const model = shippedInjectionModel();
if (model === null) throw new Error('injection-cost: the shipped scorer did not load');
measure('detectInjection (rules + scorer)', detectInjection);
useInjectionModel(null);
measure('detectInjection (rules only)', detectInjection);
useInjectionModel(undefined);
// The readings are shared with the rules: prepared once, so this line is the scorer's own cost.
const prepared = new Map(texts.map((t) => [t, readings(normaliseForDetection(t))]));
measure('scorer only (both readings)', (t) => {
  const list = prepared.get(t) as string[];
  return Math.max(model.score(list[0] as string), list.length > 1 ? model.score(list[1] as string) : 0);
});
