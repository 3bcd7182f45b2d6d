/**
 * What the turn journal's commit statement costs PostgreSQL, alone and against variants: one real
 * durable REST turn is captured from `startHilo` (its `hilo_commit_turn` parameters), then replayed
 * on one connection over 200 conversations (new seqs, idle-close times and message ids each time),
 * and the backend's user + system CPU is read from `/proc/<pid>/stat` (the server must run on this
 * machine). Variants run interleaved, `--reps` times each; compare medians (noise here is ±15 %).
 *
 *   npx tsx bench/micro/commit-sql-cost.ts                         # every variant, 3 reps
 *   npx tsx bench/micro/commit-sql-cost.ts current floor --reps 5  # some variants
 *   npx tsx bench/micro/commit-sql-cost.ts --gap 2                 # 2 ms between statements, as turns arrive
 *
 * Variants: `current` (the statement as the journal sends it, one per turn), `batch-8` / `batch-32`
 * (the journal's group-commit statement carrying 8 / 32 turns of distinct conversations; its figure
 * is per turn, as every other figure: the statement's CPU ÷ its turns), `floor` (one insert of two rows
 * into a table with a primary key only: bench/servers/io-floor.ts), `select1` (a round trip),
 * `no-lines` (only the conversation upsert with its snapshot copy), `no-messages-fk` (the
 * statement with the messages → conversations foreign key dropped for the run).
 * `PG_ADMIN_URL` as in durable-turn-cost.ts; the database is dropped afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo } from '../../src/runtime/hilo.js';
import { COMMIT_TURNS_STATEMENT, commitTurnsValues } from '../../src/persistence/sql/sql-turn-journal.js';
import { WORKLOAD_TEXTS } from '../lib/workload.js';

const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const flag = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const REPS = flag('--reps', 3);
const N = flag('--turns', flag('--statements', 3000));
const GAP_MS = flag('--gap', 0);
const named = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));

interface Captured {
  text: string;
  values: unknown[];
}

interface Variant {
  name: string;
  /** Turns per statement (group commit); 1 when absent. */
  batch?: number;
  text: (base: Captured) => string;
  values?: (v: unknown[]) => unknown[];
  setup?: string;
  teardown?: string;
}

const FLOOR_TABLE = `create table floor_messages (tenant_id text not null, conversation_id text not null, seq integer not null, message_id text not null,
  direction text not null, author text not null, channel text not null, text text not null, created_at timestamptz not null,
  primary key (tenant_id, conversation_id, seq))`;
const LINE_ALIASES = 'l(message_id, direction, author, channel, text, intent, agent_name, created_at, outbox_status, lang, options, media, ord)\n';
const MESSAGES_FK = 'messages_tenant_id_conversation_id_fkey';

const VARIANTS: Variant[] = [
  { name: 'current', text: (b) => b.text },
  { name: 'batch-8', batch: 8, text: () => COMMIT_TURNS_STATEMENT.text },
  { name: 'batch-32', batch: 32, text: () => COMMIT_TURNS_STATEMENT.text },
  {
    name: 'floor',
    text: () => `insert into floor_messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, created_at)
      values ($1, $2, $3, $4, 'in', 'customer', 'rest', $5, now()), ($1, $2, $3 + 1000000, $6, 'out', 'bot', 'rest', $5, now())`,
    values: (v) => [v[0], v[1], v[5], (v[9] as string[])[0], 'hola', (v[9] as string[])[1]],
  },
  { name: 'select1', text: () => 'select $1::text as x', values: (v) => [v[1]] },
  { name: 'no-lines', text: (b) => b.text.replace(LINE_ALIASES, LINE_ALIASES.replace('\n', ' where false\n')) },
  {
    name: 'no-messages-fk',
    text: (b) => b.text,
    setup: `alter table messages drop constraint ${MESSAGES_FK}`,
    teardown: `alter table messages add constraint ${MESSAGES_FK} foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade`,
  },
];

/** Runs Hilo in durable mode on `url` for 400 turns and returns the last commit statement it sent. */
async function captureCommit(url: string): Promise<Captured> {
  let captured: Captured | null = null;
  const proto = (pg as unknown as { Client: { prototype: { query: (...args: unknown[]) => unknown } } }).Client.prototype;
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as { name?: string; text?: string; values?: unknown[] } | string;
    if (typeof first === 'object' && first.name === 'hilo_commit_turn') captured = { text: first.text ?? '', values: first.values ?? [] };
    return original.apply(this, args);
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'hilo-commit-sql-'));
  try {
    const env = { PORT: '0', HOST: '127.0.0.1', HILO_DEMO_API_KEY: 'x'.repeat(20), HILO_DATA_DIR: dataDir, HILO_STORAGE: 'durable', DATABASE_URL: url };
    const hilo = await startHilo({ config: loadConfig(env), logger: createSilentLogger() });
    for (let i = 0; i < 400; i++) {
      const text = WORKLOAD_TEXTS[(Math.floor(i / 200) + i) % WORKLOAD_TEXTS.length] as string;
      await hilo.host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: `capture-${i % 200}`, messageId: `capture-${i}`, text });
    }
    await hilo.close();
  } finally {
    proto.query = original;
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (captured === null) throw new Error('no commit statement was sent');
  return captured;
}

async function main(): Promise<void> {
  const database = `hilo_csc_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
  await admin.query(`create database ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  // One connection, so one backend serves every statement (its CPU is what is read).
  const client = new pg.Pool({ connectionString: url.toString(), max: 1 });
  try {
    const base = await captureCommit(url.toString());
    await client.query(FLOOR_TABLE);
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    const backendCpuUs = (): number => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10_000;
    };
    const chosen = named.length > 0 ? VARIANTS.filter((v) => named.includes(v.name)) : VARIANTS;
    const results = new Map<string, number[]>();
    let round = 0;
    for (let rep = 0; rep < REPS; rep++) {
      for (const variant of chosen) {
        const tag = `r${++round}`;
        const text = variant.text(base);
        const seqs = new Map<string, number>();
        const batch = variant.batch ?? 1;
        const turnValues = (i: number): unknown[] => {
          const conversation = `${tag}_c${i % 200}`;
          const seq = (seqs.get(conversation) ?? 0) + 1;
          seqs.set(conversation, seq);
          const v = [...base.values];
          v[1] = conversation;
          v[5] = seq;
          if (v[8] !== null) v[8] = new Date(Date.UTC(2026, 11, 4) + i * 1000).toISOString();
          v[9] = (v[9] as string[]).map((_, k) => `${tag}-${i}-${k}`);
          return v;
        };
        // n turns; a batch variant sends them `batch` at a time (distinct conversations: batch < 200).
        const run = async (from: number, n: number): Promise<void> => {
          for (let i = from; i < from + n; i += batch) {
            if (batch === 1) {
              const v = turnValues(i);
              await client.query({ name: tag, text, values: variant.values ? variant.values(v) : v });
            } else {
              const singles = Array.from({ length: Math.min(batch, from + n - i) }, (_, k) => turnValues(i + k));
              await client.query({ name: tag, text, values: commitTurnsValues(singles) });
            }
            if (GAP_MS > 0) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
          }
        };
        if (variant.setup) await client.query(variant.setup);
        await run(0, 400);
        const c0 = backendCpuUs();
        await run(400, N);
        const us = (backendCpuUs() - c0) / N;
        if ((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid !== pid) throw new Error('the pool changed its connection mid-run');
        if (variant.teardown) await client.query(variant.teardown);
        const list = results.get(variant.name) ?? [];
        list.push(us);
        results.set(variant.name, list);
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    process.stdout.write(`Commit statement on PostgreSQL: backend CPU µs per turn, ${N} turns per run, ${REPS} runs${GAP_MS > 0 ? `, ${GAP_MS} ms apart` : ''}\n\n`);
    process.stdout.write('| variant | median | runs |\n|---|---|---|\n');
    for (const [name, xs] of results) process.stdout.write(`| ${name} | ${median(xs).toFixed(0)} | ${xs.map((x) => x.toFixed(0)).join(', ')} |\n`);
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

await main();
