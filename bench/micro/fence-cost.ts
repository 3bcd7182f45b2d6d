/**
 * What fencing costs a turn's journal write (docs/cluster.md): the SQL journal's commit without a
 * fence (one process: the statement as before) and with one (a clustered member: the same
 * statement guarded by the shard's `shard_epochs` row, locked `for share`).
 *
 *   npx tsx bench/micro/fence-cost.ts                 # embedded PGlite, 5 runs
 *   DATABASE_URL=postgres://… npx tsx bench/micro/fence-cost.ts --runs 3
 *
 * Each run commits the same turns (two lines each) to fresh conversations, alternating which
 * journal goes first. Wall-clock on a shared machine: compare medians, not single runs.
 */
import { performance } from 'node:perf_hooks';
import { createSilentLogger } from '../../src/kernel/logger.js';
import type { ShardFence } from '../../src/persistence/ports/shard-fence.js';
import type { TurnRecord } from '../../src/persistence/ports/turn-journal.js';
import { createSqlTurnJournal, openDatabase } from '../../src/persistence/sql/index.js';
import { createSqlShardEpochs } from '../../src/persistence/sql/sql-turn-fence.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const TURNS = 400;
const SHARDS = 16;

function turn(seq: number, at: string): TurnRecord {
  return {
    seq,
    inboundMessageId: `in-${seq}`,
    entries: [
      { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel: 'web', text: '¿tienen cemento gris?', at },
      { messageId: `out-${seq}`, direction: 'out', author: 'bot', channel: 'web', text: 'Sí: cemento gris, RD$655 el saco, 120 en existencia.', at },
    ],
    phase: 'answering',
    idleCloseAt: null,
  };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const db = await openDatabase(url ? { url, logger: createSilentLogger() } : { dataDir: 'memory://', logger: createSilentLogger() });
  try {
    const epochs = createSqlShardEpochs(db);
    for (let s = 0; s < SHARDS; s++) await epochs.raise(s, 1, 'bench#1');
    const fence: ShardFence = { writer: (key) => ({ shard: Number(key.conversationId.split('-')[2]) % SHARDS, epoch: 1 }), refused: () => undefined };
    const journals = { plain: createSqlTurnJournal(db), fenced: createSqlTurnJournal(db, { fence }) };
    const results: Record<keyof typeof journals, number[]> = { plain: [], fenced: [] };
    for (let run = 0; run < RUNS; run++) {
      const order = (run % 2 === 0 ? ['plain', 'fenced'] : ['fenced', 'plain']) as (keyof typeof journals)[];
      for (const name of order) {
        const at = new Date().toISOString();
        const started = performance.now();
        for (let i = 0; i < TURNS; i++) {
          const key = { tenantId: 'bench', conversationId: `${name}-${run}-${i}` };
          const t = turn(1, at);
          await journals[name].commit(key, t, { v: 1, machineVersion: 1, epoch: name === 'fenced' ? 1 : 0, seq: 1, savedAt: at, snapshot: { value: 'answering', context: {} } });
        }
        results[name].push(((performance.now() - started) * 1000) / TURNS);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`SQL journal commit, ${TURNS} turns per run on ${db.kind} (${RUNS} runs)\n`);
    console.log('| journal | median µs/commit | runs |\n|---|---|---|');
    for (const name of ['plain', 'fenced'] as const) console.log(`| ${name} | ${median(results[name]).toFixed(0)} | ${results[name].map((x) => x.toFixed(0)).join(', ')} |`);
  } finally {
    await db.close();
  }
}

await main();
