/**
 * `npm run bench` — every variant side by side in one run, then `BENCHMARKS.md`.
 *
 *   npm run bench                      full run (≤ 10 min), writes BENCHMARKS.md
 *   npm run bench -- --quick           smoke run (< 60 s), writes bench/results/quick.md
 *   npm run bench -- --only hilo,io    variants whose id starts with one of these; writes bench/results/only.md
 *
 * Every server variant runs in its own child process, the load generator in another; CPU per
 * process comes from `process.cpuUsage()` over IPC (children), `INFO cpu` (Redis) and /proc
 * (PostgreSQL). Only 127.0.0.1 targets. Children, Redis keys and PostgreSQL schemas/databases
 * are cleaned up even on failure.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { ActivationResult, ActivationSpec } from './activation.js';
import type { EngineResult, EngineSpec } from './engine.js';
import type { OpenSpec, RunResult, RunSpec } from './loadgen.js';
import { summarizeCpuProfile } from './lib/cpu-profile.js';
import { mergeHistograms, summarize } from './lib/histogram.js';
import { killAllChildren, spawnChild, type BenchChild, type ProcessStats, type StallStats } from './lib/ipc.js';
import { createServiceCpuMeter, type ServiceCpuMeter } from './lib/service-cpu.js';
import type { ActivationFigures, BenchResults, LoadVariantResult, MachineInfo, MemoryFigures, ProfileFigures, StepResult, Transport } from './lib/types.js';
import { unseenTexts, WORKLOAD_TEXTS } from './lib/workload.js';
import { renderReport, targetsOf } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = 'redis://127.0.0.1:6379';
const TENANT = 'ferreteria';

// ---------------------------------------------------------------- settings

interface Settings {
  stepMs: number;
  steadyMs: number;
  drainMs: number;
  warmupMs: number;
  maxSteps: number;
  factor: number;
  refine: boolean;
  p99BoundMs: number;
  maxRate: number;
  wsConnections: number;
  httpSockets: number;
  httpConversations: number;
  engine: EngineSpec;
  activation: Omit<ActivationSpec, 'redisPrefix'>;
  idleConnections: number;
  profileMs: number;
}

const FULL: Settings = {
  stepMs: 3_000,
  steadyMs: 6_000,
  drainMs: 2_000,
  warmupMs: 1_500,
  maxSteps: 8,
  factor: 1.6,
  refine: true,
  p99BoundMs: 50,
  maxRate: 60_000,
  wsConnections: 200,
  httpSockets: 64,
  httpConversations: 1_000,
  engine: { actors: 200, durationMs: 4_000, snapshotOps: 5_000, heapActors: 10_000 },
  activation: { conversations: 100_000, accesses: 20_000, cap: 100, zipfS: 1.1 },
  idleConnections: 5_000,
  profileMs: 4_000,
};

const QUICK: Settings = {
  stepMs: 500,
  steadyMs: 500,
  drainMs: 1_000,
  warmupMs: 200,
  maxSteps: 2,
  factor: 2,
  refine: false,
  p99BoundMs: 50,
  maxRate: 2_000,
  wsConnections: 10,
  httpSockets: 8,
  httpConversations: 20,
  engine: { actors: 20, durationMs: 300, snapshotOps: 200, heapActors: 200 },
  activation: { conversations: 1_000, accesses: 500, cap: 50, zipfS: 1.1 },
  idleConnections: 100,
  profileMs: 500,
};

interface LoadVariant {
  id: string;
  group: LoadVariantResult['group'];
  title: string;
  transport: Transport;
  script: string;
  startRate: { full: number; quick: number };
  opts: (ids: RunIds) => Record<string, unknown>;
  /** Hilo variants: profiled when a target is missed. */
  hilo?: boolean;
  /** `unseen`: every message of the run is a sentence never sent before (`unseenTexts`), instead of the six-message rotation. */
  texts?: 'unseen';
}

interface RunIds {
  runId: string;
  apiKey: string;
  redisPrefix: string;
  pgSchema: string;
  pgDatabase: string;
}

const LOAD_VARIANTS: LoadVariant[] = [
  { id: 'uws-echo', group: 'front', title: 'Ceiling: raw uWebSockets.js echo', transport: 'ws', script: 'servers/uws-echo.ts', startRate: { full: 2_000, quick: 200 }, opts: () => ({}) },
  { id: 'ws-echo', group: 'front', title: 'Baseline: `ws` echo', transport: 'ws', script: 'servers/ws-echo.ts', startRate: { full: 2_000, quick: 200 }, opts: () => ({}) },
  { id: 'hilo-ws-memory', group: 'hilo', title: 'Hilo, widget WebSocket, in-memory stores', transport: 'ws', script: 'servers/hilo-server.ts', startRate: { full: 500, quick: 100 }, hilo: true, opts: (i) => ({ apiKey: i.apiKey, mode: 'memory' }) },
  { id: 'hilo-ws-memory-unseen', group: 'workload', title: 'Hilo, widget WebSocket, in-memory stores; every message a sentence never sent before', transport: 'ws', script: 'servers/hilo-server.ts', startRate: { full: 100, quick: 20 }, texts: 'unseen', opts: (i) => ({ apiKey: i.apiKey, mode: 'memory' }) },
  { id: 'hilo-rest-memory', group: 'hilo', title: 'Hilo, REST channel, in-memory stores', transport: 'http', script: 'servers/hilo-server.ts', startRate: { full: 500, quick: 100 }, hilo: true, opts: (i) => ({ apiKey: i.apiKey, mode: 'memory' }) },
  { id: 'hilo-ws-durable', group: 'hilo', title: 'Hilo, widget WebSocket, durable: Redis snapshots + PostgreSQL (contacts, transcripts, turn journal, tickets, leads)', transport: 'ws', script: 'servers/hilo-server.ts', startRate: { full: 300, quick: 50 }, hilo: true, opts: (i) => ({ apiKey: i.apiKey, mode: 'durable', redisPrefix: i.redisPrefix, pgAdminUrl: PG_ADMIN_URL, pgDatabase: i.pgDatabase }) },
  { id: 'hilo-rest-durable', group: 'hilo', title: 'Hilo, REST channel, durable: Redis snapshots + PostgreSQL (contacts, transcripts, turn journal, tickets, leads)', transport: 'http', script: 'servers/hilo-server.ts', startRate: { full: 300, quick: 50 }, hilo: true, opts: (i) => ({ apiKey: i.apiKey, mode: 'durable', redisPrefix: i.redisPrefix, pgAdminUrl: PG_ADMIN_URL, pgDatabase: i.pgDatabase }) },
  { id: 'io-floor', group: 'floor', title: 'I/O floor: Redis HMGET + EVALSHA, one PostgreSQL INSERT of both rows', transport: 'http', script: 'servers/io-floor.ts', startRate: { full: 500, quick: 100 }, opts: (i) => ({ apiKey: i.apiKey, redisPrefix: i.redisPrefix, pgSchema: i.pgSchema, pgUrl: PG_ADMIN_URL }) },
  { id: 'io-floor-batched', group: 'floor', title: 'I/O floor, batched: as io-floor, with the INSERTs of turns that arrive together sent as one (group commit as in Hilo\'s journal)', transport: 'http', script: 'servers/io-floor.ts', startRate: { full: 500, quick: 100 }, opts: (i) => ({ apiKey: i.apiKey, redisPrefix: i.redisPrefix, pgSchema: i.pgSchema, pgUrl: PG_ADMIN_URL, batched: true }) },
  { id: 'peer-langgraph-memory', group: 'peer', title: 'Peer: LangGraph.js StateGraph + MemorySaver', transport: 'http', script: 'servers/peer-server.ts', startRate: { full: 200, quick: 50 }, opts: (i) => ({ apiKey: i.apiKey, mode: 'memory', pgUrl: PG_ADMIN_URL, pgSchema: i.pgSchema }) },
  { id: 'peer-langgraph-postgres', group: 'peer', title: 'Peer: LangGraph.js StateGraph + PostgresSaver', transport: 'http', script: 'servers/peer-server.ts', startRate: { full: 100, quick: 50 }, opts: (i) => ({ apiKey: i.apiKey, mode: 'postgres', pgUrl: PG_ADMIN_URL, pgSchema: i.pgSchema }) },
];
const OTHER_VARIANTS = ['engine', 'activation', 'memory'] as const;

// ---------------------------------------------------------------- arguments

function parseArgs(argv: string[]): { quick: boolean; only: string[] | null; loadgens: number } {
  let quick = false;
  let only: string[] | null = null;
  let loadgens = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a?.startsWith('--only=')) only = a.slice(7).split(',').filter(Boolean);
    else if (a === '--loadgens') loadgens = Math.max(1, Math.min(4, Number(argv[++i]) || 1));
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--quick] [--only <id>[,<id>...]] [--loadgens <n>]');
      console.log(`variants: ${[...LOAD_VARIANTS.map((v) => v.id), ...OTHER_VARIANTS].join(', ')}`);
      process.exit(0);
    } else throw new Error(`unknown argument: ${String(a)}`);
  }
  return { quick, only, loadgens };
}

const log = (line: string): void => {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------- load steps

interface Loadgens {
  children: BenchChild[];
  open(spec: OpenSpec): Promise<void>;
  /** Closes the connections of the last `open`. */
  reset(): Promise<void>;
  /** `distinct`: the texts are each sent at most once in the step (split between the generators). */
  run(spec: RunSpec & { distinct?: boolean }): Promise<{ step: Omit<StepResult, 'good'>; cpuUs: number }>;
  close(): Promise<void>;
  /**
   * Replaces the generator processes with new ones. A full run does this before every load
   * variant, so no variant is measured by a generator that has lived through (and grown its heap,
   * JIT state and sockets' history in) every variant before it (session 20 saw the REST durable
   * knee at 480–606/s in full runs against 1,553/s alone, with the generator's CPU per turn doubled).
   */
  restart(): Promise<void>;
}

async function startLoadgens(count: number): Promise<Loadgens> {
  const spawnAll = (): Promise<BenchChild[]> => Promise.all(Array.from({ length: count }, (_, i) => spawnChild(`loadgen-${i}`, { script: 'loadgen.ts' })));
  // Mutated in place by `restart`, so wrappers holding this array (`unseenLoadgens`) see the new ones.
  const children = await spawnAll();
  return {
    children,
    async restart() {
      await Promise.all(children.map((c) => c.close().catch(() => undefined)));
      children.splice(0, children.length, ...(await spawnAll()));
    },
    async open(spec) {
      // Each generator gets its own share of connections and its own id prefix.
      await Promise.all(
        children.map((c, i) =>
          c.request('open', { ...spec, connections: Math.max(1, Math.round(spec.connections / count)), conversations: Math.max(1, Math.round(spec.conversations / count)), idPrefix: `${spec.idPrefix}g${i}` } satisfies OpenSpec, 180_000),
        ),
      );
    },
    async reset() {
      await Promise.all(children.map((c) => c.request('reset')));
    },
    async run(spec) {
      // Distinct texts (the unseen workload) are dealt out, so no two generators send the same one.
      const textsOf = (i: number): string[] => (spec.distinct && count > 1 ? spec.texts.filter((_, j) => j % count === i) : spec.texts);
      const results = await Promise.all(
        children.map((c, i) => c.request<RunResult>('run', { rate: spec.rate / count, durationMs: spec.durationMs, drainMs: spec.drainMs, texts: textsOf(i) } satisfies RunSpec, spec.durationMs + spec.drainMs + 60_000)),
      );
      const sum = (f: (r: RunResult) => number): number => results.reduce((s, r) => s + f(r), 0);
      const firstError = results.find((r) => r.firstError !== undefined)?.firstError;
      return {
        step: {
          offered: spec.rate,
          achieved: sum((r) => r.achievedRate),
          sent: sum((r) => r.sent),
          ok: sum((r) => r.ok),
          errors: sum((r) => r.errors),
          timedOut: sum((r) => r.timedOut),
          dropped: sum((r) => r.dropped),
          latency: summarize(mergeHistograms(results.map((r) => r.histogram))),
          ...(firstError !== undefined ? { firstError } : {}),
        },
        cpuUs: sum((r) => r.cpuUs),
      };
    },
    async close() {
      await Promise.all(children.map((c) => c.close()));
    },
  };
}

function isGood(step: Omit<StepResult, 'good'>, settings: Settings): boolean {
  const failures = step.errors + step.timedOut + step.dropped;
  return step.latency.p99 <= settings.p99BoundMs && step.achieved >= 0.95 * step.offered && failures <= Math.max(1, step.sent * 0.001);
}

function stepLine(id: string, label: string, s: StepResult): string {
  const fails = s.errors + s.timedOut + s.dropped;
  return `${id} ${label}: offered ${fmt(s.offered)}/s achieved ${fmt(s.achieved)}/s p50 ${fmt(s.latency.p50, 2)} p99 ${fmt(s.latency.p99, 2)} p99.9 ${fmt(s.latency.p999, 2)} max ${fmt(s.latency.max, 1)} ms${fails ? ` failures ${fails} (${s.firstError ?? 'timeouts/drops'})` : ''}${s.checkpoints ? ` checkpoints ${s.checkpoints}` : ''}${s.serverStalls ? ` | server stall max ${fmt(s.serverStalls.loopDelayMaxMs, 1)} ms, GC max ${fmt(s.serverStalls.gcPauseMaxMs, 1)} ms (${fmt(s.serverStalls.gcPauseTotalMs, 0)} ms in all)` : ''} ${s.good ? 'ok' : 'OVER'}`;
}

async function measureStep(
  loadgens: Loadgens,
  server: BenchChild,
  meter: ServiceCpuMeter,
  rate: number,
  durationMs: number,
  settings: Settings,
  withCpu: boolean,
): Promise<StepResult> {
  const spec: RunSpec = { rate, durationMs, drainMs: settings.drainMs, texts: [...WORKLOAD_TEXTS] };
  const k0 = await meter.checkpoints();
  const checkpointsSince = async (): Promise<{ checkpoints?: number }> => {
    const k1 = k0 === null ? null : await meter.checkpoints();
    return k0 === null || k1 === null ? {} : { checkpoints: k1 - k0 };
  };
  // The server's stalls: reset now, read after the step (a child that cannot answer leaves them out).
  await server.request('stalls').catch(() => undefined);
  const stallsSince = async (): Promise<{ serverStalls?: NonNullable<StepResult['serverStalls']> }> => {
    const s = await server.request<StallStats>('stalls').catch(() => null);
    return s === null ? {} : { serverStalls: { loopDelayMaxMs: s.loopDelayMaxMs, gcPauseMaxMs: s.gcPauseMaxMs, gcPauseTotalMs: s.gcPauseTotalMs } };
  };
  if (!withCpu) {
    const { step } = await loadgens.run(spec);
    return { ...step, good: isGood(step, settings), ...(await checkpointsSince()), ...(await stallsSince()) };
  }
  const s0 = await server.request<ProcessStats>('stats');
  const c0 = await meter.read();
  const t0 = performance.now();
  const { step, cpuUs } = await loadgens.run(spec);
  const elapsedS = (performance.now() - t0) / 1000;
  const s1 = await server.request<ProcessStats>('stats');
  const c1 = await meter.read();
  const services = meter.delta(c0, c1);
  const serverS = (s1.cpuUserUs + s1.cpuSystemUs - s0.cpuUserUs - s0.cpuSystemUs) / 1e6;
  const loadgenS = cpuUs / 1e6;
  const per1k = (seconds: number): number => (step.ok > 0 ? (seconds * 1000) / step.ok : 0);
  return {
    ...step,
    good: isGood(step, settings),
    cpuPer1k: { server: per1k(serverS), loadgen: per1k(loadgenS), redis: per1k(services.redisS), postgres: per1k(services.postgresS) },
    otherCores: Math.max(0, services.machineS - serverS - loadgenS - services.redisS - services.postgresS) / elapsedS,
    loadgenCores: loadgenS / elapsedS,
    ...(await checkpointsSince()),
    ...(await stallsSince()),
  };
}

function openSpecFor(v: LoadVariant, server: BenchChild, ids: RunIds, settings: Settings, suffix: string): OpenSpec {
  const port = Number(server.info.port);
  return v.transport === 'ws'
    ? { kind: 'ws', url: `ws://127.0.0.1:${port}/ws?tenant=${TENANT}`, tenant: TENANT, connections: settings.wsConnections, conversations: settings.wsConnections, idPrefix: `b${ids.runId}${suffix}` }
    : { kind: 'http', url: `http://127.0.0.1:${port}/api/tenants/${TENANT}/messages`, tenant: TENANT, apiKey: ids.apiKey, connections: settings.httpSockets, conversations: settings.httpConversations, idPrefix: `b${ids.runId}${suffix}` };
}

function variantIds(runId: string, n: number): RunIds {
  return {
    runId,
    apiKey: `bench_${randomBytes(12).toString('hex')}`,
    redisPrefix: `hbench${runId}v${n}`,
    pgSchema: `bench_${runId}_v${n}`,
    pgDatabase: `bench_${runId}_v${n}`,
  };
}

/**
 * After an overloaded step the server still works through its backlog; the next step would pay
 * for it. Probe at a low rate until the answers are quick again (bounded in count and time).
 */
async function settle(ctx: Ctx, server: BenchChild, probeRate: number): Promise<void> {
  const deadline = performance.now() + 20_000;
  const probeSettings: Settings = { ...ctx.settings, drainMs: 500 };
  while (performance.now() < deadline) {
    const probe = await measureStep(ctx.loadgens, server, ctx.meter, probeRate, 500, probeSettings, false);
    if (probe.good && probe.latency.p99 <= ctx.settings.p99BoundMs / 2) return;
  }
  log('server still slow after 20 s of probes; going on');
}

interface PreparedServer {
  ids: RunIds;
  server: Promise<BenchChild>;
}

function prepareServer(v: LoadVariant, n: number, ctx: Ctx): PreparedServer {
  const ids = variantIds(ctx.runId, n);
  const extraOpts = v.id.startsWith('io-floor') ? { snapshotBytes: ctx.snapshotBytes } : {};
  const server = spawnChild(v.id, { script: v.script, env: { BENCH_SERVER_OPTS: JSON.stringify({ ...v.opts(ids), ...extraOpts }) }, readyTimeoutMs: 90_000 });
  // Awaited later; until then a failed start must not count as an unhandled rejection.
  server.catch(() => undefined);
  return { ids, server };
}

/**
 * The generators of `ctx` sending `unseenTexts()` in order, each text at most once per run (after
 * the whole list, which no run reaches at these rates, it starts over — far past every cache).
 */
function unseenLoadgens(base: Loadgens): Loadgens {
  const pool = unseenTexts();
  let next = 0;
  return {
    ...base,
    run(spec) {
      const count = Math.ceil((spec.rate * spec.durationMs) / 1000) + 1;
      const texts = Array.from({ length: count }, (_, i) => pool[(next + i) % pool.length] as string);
      next += count;
      return base.run({ ...spec, texts, distinct: true });
    },
  };
}

async function runLoadVariant(v: LoadVariant, prepared: PreparedServer, ctx: Ctx, profileHere = false): Promise<LoadVariantResult> {
  if (v.texts === 'unseen') ctx = { ...ctx, loadgens: unseenLoadgens(ctx.loadgens) };
  const { settings, quick } = ctx;
  const { ids } = prepared;
  const result: LoadVariantResult = { id: v.id, group: v.group, title: v.title, transport: v.transport, frontEnd: '', steps: [], knee: null, steady: null };
  let server: BenchChild | null = null;
  try {
    server = await prepared.server;
    result.frontEnd = String(server.info.frontEnd ?? '') + (server.info.storage ? `; ${String(server.info.storage)}` : '');
    await ctx.loadgens.open(openSpecFor(v, server, ids, settings, ids.redisPrefix.slice(-3)));
    const start = quick ? v.startRate.quick : v.startRate.full;
    // Warm-up: JIT, connection pools, first activation of every conversation (at half the start
    // rate: first contacts cost more). Not recorded; then wait until any backlog is gone.
    const probeRate = Math.max(5, Math.round(start / 20));
    // Messages rotate over the conversations: warm up long enough for every one of them to have had
    // its first turn, so no measured step pays for first contacts (contact rows, first snapshot).
    const warmRate = Math.max(1, Math.round(start / 2));
    const conversations = v.transport === 'http' ? settings.httpConversations : settings.wsConnections;
    const warmupMs = Math.max(settings.warmupMs, Math.ceil((conversations / warmRate) * 1000) + 500);
    await measureStep(ctx.loadgens, server, ctx.meter, warmRate, warmupMs, settings, false);
    if (!quick) await settle(ctx, server, probeRate);
    // Every variant starts with PostgreSQL's dirty pages written: the WAL earlier variants (and this
    // warm-up) left would otherwise be checkpointed during this one's steps, whoever wrote it.
    await ctx.meter.checkpoint().catch((err: unknown) => log(`checkpoint before ${v.id} failed: ${errorText(err)}`));

    let rate = start;
    let lastGood: StepResult | null = null;
    let firstBad: StepResult | null = null;
    for (let i = 0; i < settings.maxSteps && rate <= settings.maxRate; i++) {
      let step = await measureStep(ctx.loadgens, server, ctx.meter, rate, settings.stepMs, settings, false);
      result.steps.push(step);
      log(stepLine(v.id, `step ${i + 1}`, step));
      if (!step.good && !quick) {
        await settle(ctx, server, probeRate);
        // The machine is shared: one stall of another process must not end the search. A rate
        // that misses the bound twice in a row does.
        step = await measureStep(ctx.loadgens, server, ctx.meter, rate, settings.stepMs, settings, false);
        result.steps.push(step);
        log(stepLine(v.id, `step ${i + 1} again`, step));
      }
      if (!step.good) {
        firstBad = step;
        if (!quick) await settle(ctx, server, probeRate);
        break;
      }
      lastGood = step;
      rate = Math.round(rate * settings.factor);
    }
    /** One step between the last good and the first bad rate (geometric mean); the better knee wins. */
    const refine = async (good: StepResult, bad: StepResult): Promise<StepResult> => {
      const mid = Math.round(Math.sqrt(good.offered * bad.offered));
      if (!settings.refine || mid <= good.offered || mid >= bad.offered) return good;
      const step = await measureStep(ctx.loadgens, server!, ctx.meter, mid, settings.stepMs, settings, false);
      result.steps.push(step);
      log(stepLine(v.id, 'refine', step));
      if (step.good) return step;
      await settle(ctx, server!, probeRate);
      return good;
    };
    if (lastGood === null && firstBad !== null && !quick) {
      // Even the first rate was too much: step down by the same factor until one holds (bounded),
      // then refine between it and the last rate that missed.
      let bad: StepResult = firstBad;
      for (let r = Math.round(start / settings.factor), i = 0; i < 4 && r >= 10; i++, r = Math.round(r / settings.factor)) {
        const step = await measureStep(ctx.loadgens, server, ctx.meter, r, settings.stepMs, settings, false);
        result.steps.push(step);
        log(stepLine(v.id, `step down`, step));
        if (step.good) {
          lastGood = step;
          break;
        }
        bad = step;
        await settle(ctx, server, probeRate);
      }
      if (lastGood !== null) lastGood = await refine(lastGood, bad);
    } else if (lastGood !== null && firstBad !== null) {
      lastGood = await refine(lastGood, firstBad);
    }
    result.knee = lastGood;
    const steadyRate = Math.max(1, Math.round(0.7 * (lastGood?.offered ?? start)));
    result.steady = await measureStep(ctx.loadgens, server, ctx.meter, steadyRate, settings.steadyMs, settings, true);
    const cpu = result.steady.cpuPer1k;
    log(stepLine(v.id, '70% of knee', result.steady) + (cpu ? ` | CPU-s/1k turns: server ${fmt(cpu.server, 3)} loadgen ${fmt(cpu.loadgen, 3)} redis ${fmt(cpu.redis, 3)} postgres ${fmt(cpu.postgres, 3)} | other processes ${fmt(result.steady.otherCores ?? 0, 2)} cores` : ''));
    log(`${v.id} knee: ${lastGood ? `${fmt(lastGood.offered)}/s offered, ${fmt(lastGood.achieved)}/s achieved` : 'none (even the lowest step missed the bound)'}`);
    if (profileHere) {
      try {
        ctx.profiles.push(await profileRunning(v, server, steadyRate, ctx));
      } catch (err) {
        log(`profile ${v.id} failed: ${errorText(err)}`);
      }
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message.split('\n')[0] ?? String(err) : String(err);
    log(`${v.id} FAILED: ${result.error}`);
  } finally {
    await ctx.loadgens.reset().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
  return result;
}

// ---------------------------------------------------------------- engine, activation, memory, profiles

async function runEngine(ctx: Ctx, child: BenchChild): Promise<BenchResults['engine']> {
  const r = await child.request<EngineResult>('run', ctx.settings.engine, 300_000);
  log(`engine: ${fmt(r.turnsPerSecond)} turns/s, ${fmt(r.transitionsPerSecond)} transitions/s, snapshot ${fmt(r.snapshotUs, 1)} µs (${fmt(r.snapshotBytes)} B), restore ${fmt(r.restoreUs, 1)} µs, heap/actor ${fmt(r.heapPerActorBytes)} B (${fmt(r.heapActors)} actors)`);
  ctx.snapshotBytes = Math.round(r.snapshotBytes);
  return r;
}

async function runActivation(ctx: Ctx, child: BenchChild): Promise<BenchResults['activation']> {
  const spec: ActivationSpec = { ...ctx.settings.activation, redisPrefix: `hbench${ctx.runId}act` };
  const r = await child.request<ActivationResult>('activation', spec, 300_000);
  const figures: ActivationFigures = {
    conversations: r.conversations,
    accesses: r.accesses,
    activations: r.activations,
    hits: r.hits,
    writeSeconds: r.writeSeconds,
    total: summarize(mergeHistograms([r.total])),
    get: summarize(mergeHistograms([r.get])),
    restore: summarize(mergeHistograms([r.restore])),
  };
  log(`activation: ${fmt(r.conversations)} stored (written in ${fmt(r.writeSeconds, 1)} s), ${fmt(r.accesses)} Zipf accesses, ${fmt(r.activations)} activations; p50 ${fmt(figures.total.p50, 3)} ms p99 ${fmt(figures.total.p99, 3)} ms (Redis get p99 ${fmt(figures.get.p99, 3)}, restore p99 ${fmt(figures.restore.p99, 3)})`);
  return figures;
}

function prepareMemoryServer(ctx: Ctx): Promise<BenchChild> {
  const ids = variantIds(ctx.runId, 90);
  // The same start-up allowance as every other server (90 s): in a quick run this one starts with the
  // engine child, the load generators and the first variant's server, and on a loaded machine 60 s was not enough.
  const server = spawnChild('memory-hilo', { script: 'servers/hilo-server.ts', env: { BENCH_SERVER_OPTS: JSON.stringify({ apiKey: ids.apiKey, mode: 'memory' }) }, nodeFlags: ['--expose-gc'], readyTimeoutMs: 90_000 });
  server.catch(() => undefined);
  return server;
}

async function runMemory(ctx: Ctx, prepared: Promise<BenchChild>): Promise<MemoryFigures> {
  const server = await prepared;
  const idle = ctx.loadgens.children[0] as BenchChild;
  try {
    const url = `ws://127.0.0.1:${Number(server.info.port)}/ws?tenant=${TENANT}`;
    // Warm the path (first hello, JIT) before the baseline.
    await idle.request('idle', { url, tenant: TENANT, count: 20, idPrefix: `b${ctx.runId}warm` }, 120_000);
    await idle.request('drop');
    await new Promise((r) => setTimeout(r, 300));
    const before = await server.request<ProcessStats>('gc');
    await idle.request('idle', { url, tenant: TENANT, count: ctx.settings.idleConnections, idPrefix: `b${ctx.runId}idle` }, 300_000);
    await new Promise((r) => setTimeout(r, 500));
    const after = await server.request<ProcessStats>('gc');
    const n = ctx.settings.idleConnections;
    const figures: MemoryFigures = {
      idleConnections: n,
      rssPerConnectionBytes: (after.rss - before.rss) / n,
      heapPerConnectionBytes: (after.heapUsed - before.heapUsed) / n,
      transport: String(server.info.frontEnd ?? ''),
    };
    log(`memory: ${fmt(n)} idle widget connections: RSS +${fmt(figures.rssPerConnectionBytes)} B/connection, heap +${fmt(figures.heapPerConnectionBytes)} B/connection (${figures.transport})`);
    await idle.request('drop');
    return figures;
  } finally {
    await idle.request('drop').catch(() => undefined);
    await server.close();
  }
}

/** Profiles one load step on a running server (V8 CPU profiler over `node:inspector`). */
async function profileRunning(v: LoadVariant, server: BenchChild, rate: number, ctx: Ctx): Promise<ProfileFigures> {
  const dir = join(here, 'results', 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${ctx.quick ? 'quick-' : ''}${v.id}.cpuprofile`);
  rmSync(file, { force: true });
  await server.request('profileStart');
  const step = await measureStep(ctx.loadgens, server, ctx.meter, rate, ctx.settings.profileMs, ctx.settings, false);
  await server.request('profileStop', { file });
  log(stepLine(v.id, 'profiled', step));
  const summary = summarizeCpuProfile(file);
  summary.file = relative(root, summary.file);
  summary.foldedFile = relative(root, summary.foldedFile);
  log(`profile ${v.id}: ${summary.categories.slice(0, 4).map((c) => `${c.category} ${fmt(c.pct, 1)}%`).join(', ')} → ${summary.file}`);
  return { variant: v.id, rate, summary };
}

/** Profiles a variant on a fresh server of its own, after a warm-up (full run). */
async function runProfile(v: LoadVariant, rate: number, ctx: Ctx): Promise<ProfileFigures> {
  const ids = variantIds(ctx.runId, 80 + LOAD_VARIANTS.indexOf(v));
  const server = await spawnChild(`${v.id}-profiled`, { script: v.script, env: { BENCH_SERVER_OPTS: JSON.stringify(v.opts(ids)) }, readyTimeoutMs: 90_000 });
  try {
    await ctx.loadgens.open(openSpecFor(v, server, ids, ctx.settings, `p${v.id.length}`));
    // Warm up first, so the profile shows the steady state, not the JIT's first pass.
    await measureStep(ctx.loadgens, server, ctx.meter, rate, ctx.settings.warmupMs, ctx.settings, false);
    return await profileRunning(v, server, rate, ctx);
  } finally {
    await ctx.loadgens.reset().catch(() => undefined);
    await server.close();
  }
}

// ---------------------------------------------------------------- environment

async function machineInfo(): Promise<MachineInfo> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const pool = new pg.Pool({ connectionString: PG_ADMIN_URL, max: 1 });
  try {
    const info = await redis.info('server');
    const version = await pool.query<{ server_version: string }>('show server_version');
    return {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      os: `${osType()} ${release()}`,
      redis: /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown',
      postgres: version.rows[0]?.server_version ?? 'unknown',
      date: new Date().toISOString(),
      loadBefore: loadavg().map((l) => Math.round(l * 100) / 100),
      loadAfter: [],
    };
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

/** Whatever this run created, even if a child died before cleaning up. */
async function sweep(runId: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const pool = new pg.Pool({ connectionString: PG_ADMIN_URL, max: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `hbench${runId}*`, 'COUNT', 5000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    const schemas = await pool.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like $1`, [`bench_${runId}_%`]);
    for (const s of schemas.rows) await pool.query(`drop schema if exists "${s.nspname}" cascade`);
    const dbs = await pool.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`bench_${runId}_%`]);
    for (const d of dbs.rows) await pool.query(`drop database if exists "${d.datname}" with (force)`);
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

function ensureWidgetBundle(): void {
  // startHilo serves the widget bundle and refuses to start without it.
  if (existsSync(join(root, 'dist', 'widget', 'widget.js'))) return;
  log('building the widget bundle (dist/widget/widget.js) that Hilo serves');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-widget.mjs')], { cwd: root, stdio: 'inherit' });
}

interface Ctx {
  runId: string;
  quick: boolean;
  settings: Settings;
  loadgens: Loadgens;
  meter: ServiceCpuMeter;
  snapshotBytes: number;
  /** Profiles taken during a variant's own run (quick mode). */
  profiles: ProfileFigures[];
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const settings = args.quick ? QUICK : FULL;
  const runId = randomBytes(3).toString('hex');
  const selected = (id: string): boolean => args.only === null || args.only.some((p) => id.startsWith(p));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const started = performance.now();
  log(`${args.quick ? 'quick' : 'full'} run ${runId}: ${command}`);

  const cleanup = async (): Promise<void> => {
    killAllChildren();
    await sweep(runId).catch((err: unknown) => log(`cleanup failed: ${String(err)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping children and cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  ensureWidgetBundle();
  const machine = await machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Redis ${machine.redis}, PostgreSQL ${machine.postgres}, load ${machine.loadBefore.join(' ')}`);
  const meter = createServiceCpuMeter(REDIS_URL, PG_ADMIN_URL);
  const loadgens = await startLoadgens(args.loadgens);
  const ctx: Ctx = { runId, quick: args.quick, settings, loadgens, meter, snapshotBytes: 2_048, profiles: [] };
  const results: BenchResults = {
    mode: args.quick ? 'quick' : 'full',
    command,
    machine,
    settings: {
      'step duration': `${fmt(settings.stepMs / 1000, 1)} s`,
      'steady (70 %) step duration': `${fmt(settings.steadyMs / 1000, 1)} s`,
      'warm-up before the first step': `at least ${fmt(settings.warmupMs / 1000, 1)} s, and until every conversation had its first turn (messages rotate over them)`,
      'knee bound: p99': `${settings.p99BoundMs} ms`,
      'knee bound: achieved / offered': '≥ 95 %',
      'rate factor between steps': `×${settings.factor}`,
      'max steps': String(settings.maxSteps),
      'WebSocket connections (= conversations)': fmt(settings.wsConnections),
      'HTTP keep-alive sockets': fmt(settings.httpSockets),
      'HTTP conversations (senders)': fmt(settings.httpConversations),
      'load generator processes': `${args.loadgens}${args.quick ? '' : ', started afresh for every load variant'}`,
    },
    load: [],
    engine: null,
    activation: null,
    memory: null,
    profiles: [],
    durationS: 0,
  };

  try {
    // The engine child also runs the activation step (same machine, built once).
    const needEngine = selected('engine') || selected('activation');
    const engineChild = needEngine ? spawnChild('engine', { script: 'engine.ts', nodeFlags: ['--expose-gc'] }) : null;
    engineChild?.catch(() => undefined);
    // Quick run: the memory step's server starts right away, alongside everything else.
    let memoryServer = args.quick && selected('memory') ? prepareMemoryServer(ctx) : null;
    if (selected('engine') && engineChild) results.engine = await engineChild.then((c) => runEngine(ctx, c)).catch((err: unknown) => ({ error: errorText(err) }));
    // Full run: one server process at a time. Quick run: the next server starts while the
    // current one is measured (its figures mean nothing anyway), to stay under a minute.
    const chosen = LOAD_VARIANTS.map((v, i) => ({ v, n: i + 1 })).filter(({ v }) => selected(v.id));
    let next: PreparedServer | null = chosen[0] ? prepareServer(chosen[0].v, chosen[0].n, ctx) : null;
    for (let i = 0; i < chosen.length; i++) {
      const current = next as PreparedServer;
      const { v } = chosen[i] as { v: LoadVariant; n: number };
      const after = chosen[i + 1];
      next = null;
      if (args.quick && after) next = prepareServer(after.v, after.n, ctx);
      // Full run: a new load generator for every variant (see `Loadgens.restart`).
      if (!args.quick && i > 0) await loadgens.restart();
      // Quick run: exercise the profiler on the running server instead of starting another one.
      results.load.push(await runLoadVariant(v, current, ctx, args.quick && v.id === 'hilo-ws-memory'));
      if (!args.quick && after) next = prepareServer(after.v, after.n, ctx);
    }
    if (selected('activation') && engineChild) results.activation = await engineChild.then((c) => runActivation(ctx, c)).catch((err: unknown) => ({ error: errorText(err) }));
    if (engineChild) await engineChild.then((c) => c.close()).catch(() => undefined);
    if (selected('memory')) {
      memoryServer ??= prepareMemoryServer(ctx);
      results.memory = await runMemory(ctx, memoryServer).catch((err: unknown) => ({ error: errorText(err) }));
    }

    // Profiles: for every Hilo variant that misses a target (always one in --quick, to exercise it).
    // The engine path (in memory) and the persistence path (durable REST, the one compared with
    // the floor and the peer) are the two profiles worth reading; others would repeat them.
    const missed = new Set(targetsOf(results).filter((t) => t.met === false && t.profileVariant !== undefined).map((t) => t.profileVariant as string));
    const toProfile = ['hilo-ws-memory', 'hilo-rest-durable', 'hilo-rest-memory', 'hilo-ws-durable'].filter((id) => missed.has(id));
    results.profiles.push(...ctx.profiles);
    if (args.quick) toProfile.length = 0;
    const picked = toProfile.includes('hilo-ws-memory') && toProfile.includes('hilo-rest-durable') ? ['hilo-ws-memory', 'hilo-rest-durable'] : toProfile;
    for (const id of picked.slice(0, args.quick ? 1 : 2)) {
      const v = LOAD_VARIANTS.find((x) => x.id === id);
      const measured = results.load.find((r) => r.id === id);
      if (!v || !measured || measured.error) continue;
      const rate = Math.max(1, Math.round(0.7 * (measured.knee?.offered ?? (args.quick ? v.startRate.quick : v.startRate.full))));
      try {
        results.profiles.push(await runProfile(v, rate, ctx));
      } catch (err) {
        log(`profile ${id} failed: ${errorText(err)}`);
      }
    }
  } finally {
    await loadgens.close().catch(() => undefined);
    await meter.close();
    await cleanup();
  }

  results.machine.loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  results.durationS = (performance.now() - started) / 1000;
  const out = args.quick ? join(here, 'results', 'quick.md') : args.only !== null ? join(here, 'results', 'only.md') : join(root, 'BENCHMARKS.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderReport(results));
  const jsonOut = join(here, 'results', `${args.quick ? 'quick' : args.only !== null ? 'only' : 'full'}.json`);
  writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  log(`wrote ${relative(root, out)} in ${fmt(results.durationS, 1)} s`);

  const failed = [
    ...results.load.filter((r) => r.error !== undefined).map((r) => r.id),
    ...(['engine', 'activation', 'memory'] as const).filter((k) => results[k] !== null && 'error' in (results[k] as object)),
  ];
  if (failed.length > 0) {
    log(`variants that failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  log(`FAILED: ${text.split('\n')[0] ?? text}`);
  return text.split('\n')[0] ?? text;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    killAllChildren();
    process.exit(1);
  },
);
