/**
 * What recording turn facts (docs/analytics.md) costs:
 * - on the turn's path: the recorder's observer calls for one customer turn (read the committed
 *   turn, build the fact, buffer it), CPU only — the write is not on the path;
 * - off the path: the batched insert into embedded PGlite, per fact.
 *
 *   npx tsx bench/micro/analytics-cost.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommittedTurn } from '../../src/actors/turn-facts.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import type { TurnFact } from '../../src/persistence/ports/turn-facts.js';
import { createSqlTurnFacts } from '../../src/persistence/sql/sql-turn-facts.js';
import { createTurnFactsRecorder } from '../../src/runtime/analytics/index.js';
import { loadConfig } from '../../src/runtime/config.js';
import { openStorage } from '../../src/runtime/hilo.js';

const logger = createSilentLogger();
const context = (streak: number, status: string) => ({
  misunderstoodStreak: streak,
  handoffReason: null,
  understanding: { nlu: { intent: { name: 'product_inquiry', confidence: 0.93 } } },
  lead: { status, draft: status === 'none' ? {} : { name: { value: 'x', sourceMessageId: 'm' }, email: { value: 'y', sourceMessageId: 'm' } } },
});
const turnOf = (i: number): CommittedTurn => ({
  key: { tenantId: 'ferreteria', conversationId: `c_${i % 500}` },
  seq: i + 1,
  messageId: `m${i}`,
  channel: 'rest',
  event: 'user.message',
  at: new Date(1_764_770_000_000 + i * 1000).toISOString(),
  ms: 3,
  stateFrom: 'triage.idle',
  stateTo: i % 3 === 0 ? 'qualifying.collecting.waiting' : 'triage.idle',
  before: context(0, 'none'),
  after: context(i % 7 === 0 ? 1 : 0, i % 3 === 0 ? 'collecting' : 'none'),
  emitted: [{ type: 'reply', reply: { template: i % 5 === 0 ? 'product.not_found' : 'product.found' } }],
});

async function onPath(n: number): Promise<number> {
  let written = 0;
  const recorder = createTurnFactsRecorder({ store: { record: async (f) => void (written += f.length) }, timeZoneOf: () => 'America/Santo_Domingo', clock: systemClock, logger, flushEveryMs: 60_000, batchSize: 1_000_000 });
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    recorder.observer.committed(turnOf(i));
    recorder.observer.turn({ tenantId: 'ferreteria', conversationId: `c_${i % 500}`, channel: 'rest', messageId: `m${i}`, ms: 3, outcome: 'ok' });
  }
  const us = ((performance.now() - started) * 1000) / n;
  await recorder.close();
  if (written !== n) throw new Error(`expected ${n} facts, got ${written}`);
  return us;
}

async function offPath(batches: number, size: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'hilo-analytics-bench-'));
  const storage = await openStorage(loadConfig({ HILO_DATA_DIR: dir }), { clock: systemClock, logger });
  try {
    const db = storage.db!;
    for (let c = 0; c < 500; c++) {
      await db.em().execute(`insert into conversations (tenant_id, id, started_at, last_activity_at) values ('ferreteria', ?, now(), now()) on conflict do nothing`, [`c_${c}`], 'run');
    }
    const store = createSqlTurnFacts(db);
    const facts: TurnFact[] = [];
    const recorder = createTurnFactsRecorder({ store: { record: async (f) => void facts.push(...f) }, timeZoneOf: () => 'America/Santo_Domingo', clock: systemClock, logger });
    for (let i = 0; i < batches * size; i++) recorder.observer.committed({ ...turnOf(i), event: 'agent.message' });
    await recorder.close();
    const started = performance.now();
    for (let b = 0; b < batches; b++) await store.record(facts.slice(b * size, (b + 1) * size));
    return ((performance.now() - started) * 1000) / (batches * size);
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const path = [];
for (let run = 0; run < 5; run++) path.push(await onPath(50_000));
path.sort((a, b) => a - b);
console.log(`on the turn's path: ${path[2]!.toFixed(2)} µs per customer turn (median of 5 runs of 50,000)`);
for (const size of [1, 20, 200]) {
  const us = await offPath(size === 1 ? 200 : 20, size);
  console.log(`PGlite insert, batches of ${size}: ${(us / 1000).toFixed(3)} ms per fact`);
}
