/**
 * In-process micro-benchmarks of what a Hilo turn costs on the CPU, without sockets or load
 * generators: the rule brain, the catalog search, reply rendering and a whole in-memory turn.
 *
 *   npx tsx bench/micro/turn-cost.ts            # 5 runs, prints the median of each
 *   npx tsx bench/micro/turn-cost.ts --runs 3
 *   npx tsx bench/micro/turn-cost.ts --runs 1 --profile bench/results/profiles/turn.cpuprofile
 *
 * `--profile FILE` records V8's CPU profile (1 ms sampling, as `node --cpu-prof`) around one measure
 * of every run only (`--profile-measure NAME`, default `loadTurn`: whole turns with the load
 * benchmark's messages) and prints where that time goes (self time per origin and function, total
 * time per origin); the folded stacks for a flame graph land next to FILE.
 *
 * Every run walks a fixed rotation of messages, so two runs (or two commits) do the same work.
 * Each measure is reported as wall-clock and as the process's CPU time (user + system) per call;
 * on a shared machine the CPU figure is the steadier one. Compare medians, not single runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import { renderReply } from '../../src/actors/render-reply.js';
import { createProductResolver } from '../../src/actors/catalog/index.js';
import { createCatalogIndex } from '../../src/actors/tools/catalog-search.js';
import type { Expectation } from '../../src/domain/understanding.js';
import type { ReplyDirective } from '../../src/machines/conversation.contract.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { summarizeCpuProfile } from '../lib/cpu-profile.js';
import { WORKLOAD_TEXTS } from '../lib/workload.js';
import { loadDemoTenant } from './golden.js';

/** What customers typically write: products and prices, store questions, accounts, small talk. */
const MESSAGES = [
  'hola',
  'tienen cemento?',
  'a como está la varilla de 3/8?',
  'Hola, ¿tienen tubo pvc de media? gracias',
  'how much is a bag of cement?',
  'necesito 10 sacos de cemento y 20 varillas de 3/8',
  'a que hora abren el domingo?',
  'donde están ubicados?',
  'quiero saber el balance de mi cuenta',
  '12345',
  'tienen pintura blanca?',
  'cuanto cuesta el taladro inalambrico',
  'quiero hablar con una persona',
  'el cemento que me vendieron vino dañado, pésimo servicio',
  'gracias',
  'do you have 2x4 lumber?',
  'sement gris',
  'están contratando?',
  'hay ofertas esta semana?',
  'adiós',
];
const QUERIES = ['cemento', 'varilla 3/8', 'tubo pvc 1/2', 'pintura blanca', 'sement gris', 'taladro inalambrico', 'clavos de 2 pulgadas', 'paint', '2x4', 'varriya de media'];
const EXPECTATIONS: Expectation[] = [{ kind: 'none' }, { kind: 'product' }, { kind: 'lead_field', field: 'name' }];

type Measure = 'understand' | 'understandUncached' | 'search' | 'searchUncached' | 'renderReply' | 'turn' | 'loadTurn';
const ITERATIONS: Record<Measure, number> = { understand: 4000, understandUncached: 4000, search: 4000, searchUncached: 4000, renderReply: 40_000, turn: 1000, loadTurn: 2000 };


function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function argText(name: string): string | null {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

/** V8's sampling CPU profiler over the inspector, switched on and off around the measured turns. */
function createProfiler(): { start(): Promise<void>; stop(): Promise<void>; save(file: string): void } {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  const nodes = new Map<number, unknown>();
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let offset = 0;
  return {
    async start() {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 1000 });
      await post('Profiler.start');
    },
    // Each start/stop yields its own profile; their node ids are renumbered so they add up to one.
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: { nodes: { id: number; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
      let max = 0;
      for (const n of profile.nodes) {
        max = Math.max(max, n.id);
        nodes.set(n.id + offset, { ...n, id: n.id + offset, ...(n.children ? { children: n.children.map((c) => c + offset) } : {}) });
      }
      samples.push(...profile.samples.map((id) => id + offset));
      timeDeltas.push(...profile.timeDeltas);
      offset += max;
    },
    save(file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ nodes: [...nodes.values()], samples, timeDeltas, startTime: 0, endTime: 0 }));
    },
  };
}

async function main(): Promise<void> {
  const runs = arg('runs', 5);
  const profileFile = argText('profile');
  const profiler = profileFile ? createProfiler() : null;
  const profiled = (argText('profile-measure') ?? 'loadTurn') as Measure;
  const tenant = await loadDemoTenant();
  const brain = createRuleBrain({ tenant });
  // The reading every message pays the first time it is seen (the brain without its reading cache).
  const uncachedBrain = createRuleBrain({ tenant, readingCacheSize: 0 });
  const index = createCatalogIndex(tenant.catalog);
  // The search every query pays the first time it is seen (the resolver without its result cache).
  const uncachedIndex = createProductResolver(tenant.catalog, { cacheSize: 0 });
  const directive: ReplyDirective = {
    template: 'product.found',
    params: {
      items: [
        { name: 'Cemento Gris Portland', price: 'RD$655.00', unit: 'saco', availability: '100 sacos disponibles' },
        { name: 'Cemento Blanco', price: 'RD$900.00', unit: 'saco', availability: '20 sacos disponibles' },
      ],
    },
  };
  // A fresh Hilo per run: in-memory stores grow with every turn, and a turn's cost grows with them
  // (see the note in BENCHMARKS.md), so reusing one instance would make later runs slower.
  const start = (): Promise<Hilo> =>
    startHilo({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }),
      logger: createSilentLogger(),
    });
  let hilo = await start();

  let sink = 0;
  const understandWith = async (b: typeof brain, n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const u = await b.understand({
        text: MESSAGES[i % MESSAGES.length] as string,
        lang: 'es',
        expecting: EXPECTATIONS[i % EXPECTATIONS.length] as Expectation,
        messageId: `m${i}`,
        idempotencyKey: `k${i}`,
      });
      sink += u.priority;
    }
  };
  const bench: Record<Measure, (n: number, run: number) => Promise<void>> = {
    understand: (n) => understandWith(brain, n),
    understandUncached: (n) => understandWith(uncachedBrain, n),
    async search(n) {
      for (let i = 0; i < n; i++) sink += index.search(QUERIES[i % QUERIES.length] as string).length;
    },
    async searchUncached(n) {
      for (let i = 0; i < n; i++) sink += uncachedIndex.search(QUERIES[i % QUERIES.length] as string).length;
    },
    async renderReply(n) {
      for (let i = 0; i < n; i++) sink += renderReply(directive, tenant.templates, i % 2 === 0 ? 'es' : 'en').length;
    },
    async turn(n, run) {
      // 40 customers, each walking the rotation from a different point: fresh conversations every run.
      for (let i = 0; i < n; i++) {
        const customer = i % 40;
        const step = Math.floor(i / 40) + customer;
        const result = await hilo.host.handleMessage({
          tenantId: 'ferreteria',
          channel: 'rest',
          senderId: `bench-${run}-${customer}`,
          messageId: `bench-${run}-${i}`,
          text: MESSAGES[step % MESSAGES.length] as string,
        });
        sink += result.conversationId.length;
      }
    },
    async loadTurn(n, run) {
      // The load benchmark's messages (bench/lib/workload.ts: self-serve questions, never a handoff
      // or a lead), 200 conversations in rotation as its WebSocket variant has: what a knee turn costs.
      for (let i = 0; i < n; i++) {
        const customer = i % 200;
        const result = await hilo.host.handleMessage({
          tenantId: 'ferreteria',
          channel: 'rest',
          senderId: `load-${run}-${customer}`,
          messageId: `load-${run}-${i}`,
          text: WORKLOAD_TEXTS[Math.floor(i / 200 + customer) % WORKLOAD_TEXTS.length] as string,
        });
        sink += result.conversationId.length;
      }
    },
  };

  const measures = Object.keys(bench) as Measure[];
  // Warm-up: JIT and caches, outside the measured runs.
  for (const m of measures) await bench[m](Math.ceil(ITERATIONS[m] / 4), -1);
  const samples: Record<Measure, number[]> = { understand: [], understandUncached: [], search: [], searchUncached: [], renderReply: [], turn: [], loadTurn: [] };
  // CPU time of the process (user + system, all threads) per call: on a shared machine, time spent
  // waiting for a core inflates wall-clock figures but not these.
  const cpuSamples: Record<Measure, number[]> = { understand: [], understandUncached: [], search: [], searchUncached: [], renderReply: [], turn: [], loadTurn: [] };
  for (let run = 0; run < runs; run++) {
    await hilo.close();
    hilo = await start();
    await bench.turn(100, 1000 + run); // warm the new instance
    for (const m of measures) {
      if (m === profiled) await profiler?.start();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await bench[m](ITERATIONS[m], run);
      const cpu = process.cpuUsage(cpu0);
      samples[m].push(((performance.now() - t0) * 1000) / ITERATIONS[m]);
      cpuSamples[m].push((cpu.user + cpu.system) / ITERATIONS[m]);
      if (m === profiled) await profiler?.stop();
    }
  }
  await hilo.close();

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const label: Record<Measure, string> = {
    understand: 'brain.understand (reading cache on: the rotation repeats)',
    understandUncached: 'brain.understand, reading cache off',
    search: 'catalog search (result cache on: the rotation repeats)',
    searchUncached: 'catalog search, result cache off',
    renderReply: 'renderReply',
    turn: 'whole turn (host.handleMessage, memory)',
    loadTurn: 'whole turn, load-benchmark messages (memory)',
  };
  process.stdout.write(`| measure | median µs/call (${runs} runs) | runs | median CPU µs/call | runs (CPU) |\n|---|---|---|---|---|\n`);
  const list = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(', ');
  for (const m of measures) {
    process.stdout.write(`| ${label[m]} | ${median(samples[m]).toFixed(1)} | ${list(samples[m])} | ${median(cpuSamples[m]).toFixed(1)} | ${list(cpuSamples[m])} |\n`);
  }
  if (profiler && profileFile) {
    profiler.save(profileFile);
    const summary = summarizeCpuProfile(profileFile, 25);
    const ms = (x: number): string => x.toFixed(0);
    process.stdout.write(`\nProfile of the ${label[profiled]} measure: ${ms(summary.totalMs)} ms of samples (${ms(summary.profilerMs)} ms in the profiler itself left out) → ${summary.file} (folded: ${summary.foldedFile})\n\n`);
    process.stdout.write('| self time by origin | ms | share |\n|---|---|---|\n');
    for (const c of summary.categories) process.stdout.write(`| ${c.category} | ${ms(c.selfMs)} | ${c.pct.toFixed(1)} % |\n`);
    process.stdout.write('\n| total time by origin (on the stack) | ms | share |\n|---|---|---|\n');
    for (const c of summary.inclusive) process.stdout.write(`| ${c.category} | ${ms(c.totalMs)} | ${c.pct.toFixed(1)} % |\n`);
    process.stdout.write('\n| top functions by self time | where | ms | share |\n|---|---|---|---|\n');
    for (const f of summary.top) process.stdout.write(`| \`${f.name}\` | ${f.where} | ${ms(f.selfMs)} | ${f.pct.toFixed(1)} % |\n`);
  }
  if (sink === -1) process.stdout.write('\n');
}

await main();
