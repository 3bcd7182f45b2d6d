/**
 * What a durable turn costs this process's CPU, and how many SQL statements it sends: the whole
 * runtime from `startHilo` in durable mode (Redis snapshots + PostgreSQL, or embedded PGlite),
 * turns driven through `host.handleMessage` with the load benchmark's messages (REST channel,
 * 200 conversations in rotation), no sockets or load generator in front.
 *
 *   npx tsx bench/micro/durable-turn-cost.ts                       # PostgreSQL on localhost, 3 runs
 *   npx tsx bench/micro/durable-turn-cost.ts --runs 3 --statements # + the statements of one turn, by text
 *   npx tsx bench/micro/durable-turn-cost.ts --pglite              # embedded PGlite instead
 *   npx tsx bench/micro/durable-turn-cost.ts --runs 1 --profile bench/results/profiles/durable-turn.cpuprofile
 *   npx tsx bench/micro/durable-turn-cost.ts --concurrency 32      # 32 turns in flight (distinct conversations)
 *   npx tsx bench/micro/durable-turn-cost.ts --conversations 10    # 10 long conversations (160 turns each) instead of 200 short ones
 *
 * Each run gets a database of its own (created on the admin URL, `PG_ADMIN_URL` or
 * postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards) and a Redis prefix of its own, so
 * two processes (two worktrees) can run side by side. Statements are counted by wrapping
 * `pg.Client.prototype.query` in this process only (every SQL statement of the ORM, knex and the raw
 * paths goes through it, PGlite's socket included). CPU is this process's user + system time per turn;
 * on PostgreSQL the server's side is read too: the user + system time of the run's database backends
 * (`/proc/<pid>/stat` of the pids `pg_stat_activity` lists for its database; 10 ms ticks, so a figure
 * over 1,200 turns; readable when the server runs on this machine). Compare medians.
 * `--concurrency N` keeps N turns in flight (each on its own conversation, as N customers writing at
 * once): the journal's group commit can then batch them; "wall µs per turn" is then the inverse of
 * the throughput and "latency" each turn's own time from call to answer.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { summarizeCpuProfile } from '../lib/cpu-profile.js';
import { WORKLOAD_TEXTS } from '../lib/workload.js';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const TURNS = 1200;
const conversationsAt = process.argv.indexOf('--conversations');
const CONVERSATIONS = conversationsAt > 0 ? Number(process.argv[conversationsAt + 1]) : 200;
const concurrencyAt = process.argv.indexOf('--concurrency');
const CONCURRENCY = concurrencyAt > 0 ? Number(process.argv[concurrencyAt + 1]) : 1;
const PGLITE = process.argv.includes('--pglite');
const SHOW_STATEMENTS = process.argv.includes('--statements');
const profileAt = process.argv.indexOf('--profile');
const PROFILE_FILE = profileAt > 0 ? (process.argv[profileAt + 1] ?? null) : null;
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const tag = `${process.pid}_${Date.now().toString(36)}`;

// Statement counter: every query of every pg client in this process (bench only).
let statements = 0;
const byText = new Map<string, number>();
const clientProto = (pg as unknown as { Client: { prototype: { query: (...args: unknown[]) => unknown } } }).Client.prototype;
const originalQuery = clientProto.query;
clientProto.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  if (SHOW_STATEMENTS) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 110);
    byText.set(text, (byText.get(text) ?? 0) + 1);
  }
  return originalQuery.apply(this, args);
};

/** CPU time (µs) of the PostgreSQL backends serving `database`, or null when /proc cannot tell. */
async function serverCpu(database: string): Promise<number | null> {
  if (PGLITE) return null;
  const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
  try {
    const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1`, [database]);
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        // Fields 14 and 15 (utime, stime) after the command name, which may hold spaces.
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        return null;
      }
    }
    return ticks * 10_000;
  } finally {
    await admin.end();
  }
}

async function startDurable(run: number): Promise<{ hilo: Hilo; database: string; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hilo-durable-bench-'));
  const database = `hilo_dtc_${tag}_${run}`;
  const prefix = `dtc-${tag}-${run}`;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    HILO_DEMO_API_KEY: 'x'.repeat(20),
    HILO_DATA_DIR: dataDir,
    HILO_STORAGE: 'durable',
    REDIS_URL: 'redis://127.0.0.1:6379',
    HILO_REDIS_PREFIX: prefix,
    HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
    HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '1000000',
  };
  if (!PGLITE) {
    const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const hilo = await startHilo({ config: loadConfig(env), logger: createSilentLogger() });
  return {
    hilo,
    database,
    async cleanup() {
      await hilo.close();
      rmSync(dataDir, { recursive: true, force: true });
      const redis = new Redis('redis://127.0.0.1:6379');
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
      if (!PGLITE) {
        const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
        await admin.query(`drop database if exists ${database} with (force)`);
        await admin.end();
      }
    },
  };
}

/**
 * `n` turns of the load benchmark's messages over `CONVERSATIONS` (200) conversations, starting at turn `from`,
 * `CONCURRENCY` at a time (turn i waits for a free slot; in-flight turns are of distinct
 * conversations as long as `CONCURRENCY` ≤ 200). Each turn's latency (µs) goes into `latencies`.
 */
async function turns(hilo: Hilo, run: number, from: number, n: number, latencies: number[] = []): Promise<number> {
  let sink = 0;
  let next = from;
  const one = async (i: number): Promise<void> => {
    const customer = i % CONVERSATIONS;
    const t0 = performance.now();
    const result = await hilo.host.handleMessage({
      tenantId: 'ferreteria',
      channel: 'rest',
      senderId: `durable-${run}-${customer}`,
      messageId: `durable-${run}-${i}`,
      text: WORKLOAD_TEXTS[Math.floor(i / CONVERSATIONS + customer) % WORKLOAD_TEXTS.length] as string,
    });
    latencies.push((performance.now() - t0) * 1000);
    sink += result.conversationId.length;
  };
  const worker = async (): Promise<void> => {
    while (next < from + n) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, CONCURRENCY) }, worker));
  return sink;
}

// V8's sampling profiler (1 ms, as `node --cpu-prof`) around the measured turns of the last run.
const session = new Session();
const post = (method: string, params: object = {}): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
let profile: { profile: unknown } | null = null;

async function main(): Promise<void> {
  if (PROFILE_FILE !== null) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 1000 });
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  const perTurn: number[] = [];
  const server: number[] = [];
  const latency: number[] = [];
  let sink = 0;
  for (let run = 0; run < RUNS; run++) {
    const { hilo, database, cleanup } = await startDurable(run);
    try {
      // Warm-up: JIT, caches, and every conversation's first turn (contact creation, activation).
      sink += await turns(hilo, run, 0, 2 * CONVERSATIONS);
      byText.clear();
      const profiling = PROFILE_FILE !== null && run === RUNS - 1;
      if (profiling) await post('Profiler.start');
      const server0 = await serverCpu(database);
      const s0 = statements;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const latencies: number[] = [];
      sink += await turns(hilo, run, 2 * CONVERSATIONS, TURNS, latencies);
      latency.push(latencies.reduce((a, b) => a + b, 0) / latencies.length);
      const c = process.cpuUsage(c0);
      if (profiling) profile = (await post('Profiler.stop')) as { profile: unknown };
      wall.push(((performance.now() - t0) * 1000) / TURNS);
      cpu.push((c.user + c.system) / TURNS);
      perTurn.push((statements - s0) / TURNS);
      const server1 = await serverCpu(database);
      if (server0 !== null && server1 !== null) server.push((server1 - server0) / TURNS);
    } finally {
      await cleanup();
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const list = (xs: number[], d = 0): string => xs.map((x) => x.toFixed(d)).join(', ');
  process.stdout.write(`Durable turn on ${PGLITE ? 'embedded PGlite' : 'PostgreSQL'} + Redis, ${TURNS} turns per run after a warm-up, ${RUNS} runs, ${CONCURRENCY} in flight\n\n`);
  process.stdout.write('| measure | median | runs |\n|---|---|---|\n');
  process.stdout.write(`| CPU µs per turn (this process) | ${median(cpu).toFixed(0)} | ${list(cpu)} |\n`);
  process.stdout.write(`| wall µs per turn | ${median(wall).toFixed(0)} | ${list(wall)} |\n`);
  process.stdout.write(`| latency µs per turn (mean) | ${median(latency).toFixed(0)} | ${list(latency)} |\n`);
  if (server.length > 0) process.stdout.write(`| PostgreSQL backends' CPU µs per turn | ${median(server).toFixed(0)} | ${list(server)} |\n`);
  process.stdout.write(`| SQL statements per turn | ${median(perTurn).toFixed(2)} | ${list(perTurn, 2)} |\n`);
  if (SHOW_STATEMENTS) {
    process.stdout.write('\n| statements per turn (last run) | statement |\n|---|---|\n');
    for (const [text, n] of [...byText].sort((a, b) => b[1] - a[1])) process.stdout.write(`| ${(n / TURNS).toFixed(2)} | \`${text}\` |\n`);
  }
  if (PROFILE_FILE !== null && profile !== null) {
    mkdirSync(dirname(PROFILE_FILE), { recursive: true });
    writeFileSync(PROFILE_FILE, JSON.stringify(profile.profile));
    const summary = summarizeCpuProfile(PROFILE_FILE, 25);
    process.stdout.write(`\nProfile of the last run's turns: ${summary.totalMs.toFixed(0)} ms of samples → ${summary.file}\n\n| self time by origin | ms | share |\n|---|---|---|\n`);
    for (const k of summary.categories) process.stdout.write(`| ${k.category} | ${k.selfMs.toFixed(0)} | ${k.pct.toFixed(1)} % |\n`);
    process.stdout.write('\n| top functions by self time | where | ms | share |\n|---|---|---|---|\n');
    for (const f of summary.top) process.stdout.write(`| \`${f.name}\` | ${f.where} | ${f.selfMs.toFixed(0)} | ${f.pct.toFixed(1)} % |\n`);
  }
  if (sink === -1) process.stdout.write('\n');
}

await main();
