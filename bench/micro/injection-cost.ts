/**
 * Cost of `detectInjection` per message (median and p95, warm) over the dev corpus:
 *   npx tsx bench/micro/injection-cost.ts
 * A figure to read and write down in BENCHMARKS.md, not a test assertion (shared, noisy machines).
 */
import { readFileSync } from 'node:fs';
import { detectInjection } from '../../src/actors/guards/index.js';

const load = (file: string): string[] =>
  readFileSync(new URL(`../../test/fixtures/injection/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);

const texts = [...load('attacks.jsonl'), ...load('benign.jsonl')];
for (let i = 0; i < 3; i++) for (const t of texts) detectInjection(t);
const times = texts.map((t) => {
  const started = process.hrtime.bigint();
  detectInjection(t);
  return Number(process.hrtime.bigint() - started) / 1e6;
});
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(times.length * q))] as number;
process.stdout.write(`detectInjection over ${texts.length} messages: median ${at(0.5).toFixed(4)} ms, p95 ${at(0.95).toFixed(4)} ms, max ${at(1).toFixed(4)} ms\n`);
