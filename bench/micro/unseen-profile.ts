/**
 * Where an in-memory turn on a message never seen before spends its CPU: `startHilo` in memory
 * (sources, or a built checkout's `dist` with `--dist DIR`), 200 established conversations, every
 * message a distinct sentence of the load benchmark's `unseenTexts()`, V8's sampling profiler over
 * the measured turns. Prints the top functions by self time and by inclusive time (a function
 * counted once per sample however deep it recurses), so a reader and everything it calls show as
 * one figure.
 *
 *   npx tsx bench/micro/unseen-profile.ts [--turns 4000] [--warm 1500] [--top 40] [--interval 100]
 *   npx tsx bench/micro/unseen-profile.ts --brain      # the rule brain alone, reading cache off
 *
 * `--brain` profiles `understand` with the reading cache off over the same texts under two
 * expectations (none, after a product answer): the readers, apart from the machine and the host.
 * The profile is written to bench/results/profiles/unseen.cpuprofile (folded stacks beside it).
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unseenTexts } from '../lib/workload.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function argText(name: string): string | null {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}
const num = (name: string, fallback: number): number => Number(argText(name) ?? fallback);

const turns = num('turns', 4000);
const warm = num('warm', 1500);
const top = num('top', 40);
const interval = num('interval', 100);
const texts = unseenTexts();
const session = new Session();
session.connect();
const post = (method: string, params: object = {}): Promise<unknown> =>
  new Promise((ok, fail) => session.post(method, params, (err, result) => (err ? fail(err) : ok(result))));

let work: (from: number, count: number) => Promise<void>;
if (process.argv.includes('--brain')) {
  const { createRuleBrain } = await import('../../src/actors/brain/index.js');
  const { loadTenant } = await import('../../src/persistence/tenant-loader.js');
  const brain = createRuleBrain({ tenant: await loadTenant(resolve('tenants/ferreteria')), readingCacheSize: 0 });
  const EXPECTING = [{ kind: 'none' }, { kind: 'product' }] as const;
  work = async (from, count) => {
    for (let i = from; i < from + count; i++) {
      for (const expecting of EXPECTING) {
        await brain.understand({ text: texts[i % texts.length] as string, lang: 'es', expecting, messageId: `m${i}`, idempotencyKey: `k${i}` } as never);
      }
    }
  };
} else {
  const dist = argText('dist');
  const base = dist ? `${resolve(dist)}/dist/src` : '../../src';
  const { startHilo } = (await import(`${base}/runtime/hilo.js`)) as typeof import('../../src/runtime/hilo.js');
  const { loadConfig } = (await import(`${base}/runtime/config.js`)) as typeof import('../../src/runtime/config.js');
  const { createSilentLogger } = (await import(`${base}/kernel/logger.js`)) as typeof import('../../src/kernel/logger.js');
  const hilo = await startHilo({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }), logger: createSilentLogger() });
  work = async (from, count) => {
    for (let i = from; i < from + count; i++) {
      await hilo.host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: `p-${i % 200}`, messageId: `m-${i}`, text: texts[i % texts.length] as string });
    }
  };
}

await work(0, warm);
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval });
await post('Profiler.start');
const before = process.cpuUsage();
await work(warm, turns);
const used = process.cpuUsage(before);
const { profile } = (await post('Profiler.stop')) as { profile: Profile };
const file = 'bench/results/profiles/unseen.cpuprofile';
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n: Node): string => {
  const where = n.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${where}${where ? `:${n.callFrame.lineNumber + 1}` : ''}`;
};
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number;
  const dt = profile.timeDeltas[i] ?? 0;
  const leaf = byId.get(id);
  if (!leaf || leaf.callFrame.functionName === '(idle)' || leaf.callFrame.functionName === '(program)') continue;
  total += dt;
  self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (n) seen.add(key(n));
  }
  for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + dt);
}
const pct = (us: number): string => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const n = process.argv.includes('--brain') ? turns * 2 : turns;
console.log(`${n} ${process.argv.includes('--brain') ? 'readings' : 'turns'}: ${((used.user + used.system) / n).toFixed(0)} CPU µs each (profiler on), ${(total / 1000).toFixed(0)} ms of samples`);
console.log('\nself time:');
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
console.log('\ninclusive time (src/ only):');
for (const [k, us] of [...incl].filter(([k]) => / src\//.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
// `--lines N`: the hottest source lines of the N functions first by self time (a regular
// expression's matching counts as its caller's line).
const lines = num('lines', 0);
if (lines > 0) {
  const ticks = new Map<string, Map<number, number>>();
  for (const node of profile.nodes) {
    const perLine = ticks.get(key(node)) ?? new Map<number, number>();
    for (const t of node.positionTicks ?? []) perLine.set(t.line, (perLine.get(t.line) ?? 0) + t.ticks);
    ticks.set(key(node), perLine);
  }
  console.log('\nhottest lines of the top functions by self time (ticks):');
  for (const [k] of [...self].sort((a, b) => b[1] - a[1]).filter(([k]) => / src\//.test(k)).slice(0, lines)) {
    const hot = [...(ticks.get(k) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`${k}: ${hot.map(([line, t]) => `${line}×${t}`).join(' ')}`);
  }
}
process.exit(0);
