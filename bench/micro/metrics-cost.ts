/**
 * What `/metrics` costs a turn: the per-message observations (the brain's reading noted, the turn
 * matched to it and observed), an activation, an outbox send, and a whole scrape.
 *
 *   npx tsx bench/micro/metrics-cost.ts            # 5 runs, prints the median of each
 *   npx tsx bench/micro/metrics-cost.ts --runs 3
 *
 * Message ids are made before timing (a real turn already has its id), so the figures are the
 * metrics code alone. Wall-clock on a shared machine: compare medians, not single runs.
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/kernel/clock.js';
import { createMetrics } from '../../src/runtime/metrics.js';
import { createRuntimeMetrics } from '../../src/runtime/observability/index.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const N = 200_000;
const CHANNELS = ['web', 'rest', 'whatsapp'];
const IDS = Array.from({ length: N }, (_, i) => `web:visitor-${i % 5000}:${i}`);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function nsPerOp(op: (i: number) => void): number {
  for (let i = 0; i < 20_000; i++) op(i);
  const started = performance.now();
  for (let i = 0; i < N; i++) op(i);
  return ((performance.now() - started) * 1e6) / N;
}

const results: Record<string, number[]> = { message: [], activation: [], outboxSend: [], scrapeMs: [] };
for (let run = 0; run < RUNS; run++) {
  const m = createRuntimeMetrics();
  results.message!.push(
    nsPerOp((i) => {
      // What one customer message adds: the brain's reading, then the turn's end.
      m.reading('ferreteria', 'c_1', IDS[i]!, 'rule', 0.4);
      m.host.turn!({ tenantId: 'ferreteria', conversationId: 'c_1', channel: CHANNELS[i % 3]!, messageId: IDS[i]!, ms: (i % 500) / 100, outcome: 'ok' });
    }),
  );
  results.activation!.push(nsPerOp((i) => m.host.activation!({ tenantId: 'ferreteria', ms: 0.2, source: i % 2 === 0 ? 'new' : 'snapshot' })));
  results.outboxSend!.push(nsPerOp((i) => m.outboxSend('reply', 'delivered', (i % 300) / 10)));
  const stats = { active: 10, activations: 10, passivations: 0, turns: N, turnFailures: 0, restartsFromIncompatibleSnapshot: 0, turnsCompletedOnActivation: 0, turnsQuarantined: 0, idleCloses: 0, reminders: 0 };
  const route = createMetrics({ host: { stats }, clock: systemClock, runtime: m, outbox: { delivered: { reply: 3 }, skipped: {}, failed: {} } }).routes[0]!;
  const started = performance.now();
  for (let i = 0; i < 20; i++) await route.handler({} as never, {} as never);
  results.scrapeMs!.push((performance.now() - started) / 20);
}
console.log(`metrics cost, median of ${RUNS} runs`);
console.log(`  per customer message (reading + turn): ${median(results.message!).toFixed(0)} ns`);
console.log(`  per activation:                        ${median(results.activation!).toFixed(0)} ns`);
console.log(`  per outbox send:                       ${median(results.outboxSend!).toFixed(0)} ns`);
console.log(`  one /metrics scrape:                   ${median(results.scrapeMs!).toFixed(2)} ms`);
