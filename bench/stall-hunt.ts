/**
 * Where a server's event loop stalls under load: the in-memory Hilo server (`servers/hilo-server.ts`)
 * and one load generator (`loadgen.ts`) on the widget WebSocket, a few steps at one rate, the
 * server's CPU profile over them, then the longest stretches of the profile without an idle sample —
 * each with its top self functions and the frames on the stack in at least 30 % of its samples. A
 * stretch of one long call shows that call near 100 %; a backlog of turns drained back to back
 * shows `#turn` and the machine at a fraction each.
 *
 *   npx tsx bench/stall-hunt.ts [rate=2900] [steps=8] [stepMs=3000] [connections=200] [top=4]
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnChild, type StallStats } from './lib/ipc.js';
import { WORKLOAD_TEXTS } from './lib/workload.js';
import type { RunResult } from './loadgen.js';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const [rate = 2900, steps = 8, stepMs = 3000, connections = 200, top = 4] = process.argv.slice(2).map(Number);
const server = await spawnChild('server', { script: 'servers/hilo-server.ts', env: { BENCH_SERVER_OPTS: JSON.stringify({ apiKey: 'k-stall-hunt-1234567890', mode: 'memory' }) }, readyTimeoutMs: 90_000 });
const loadgen = await spawnChild('loadgen', { script: 'loadgen.ts' });
const file = join(tmpdir(), `stall-hunt-${process.pid}.cpuprofile`);
try {
  const port = Number(server.info.port);
  await loadgen.request('open', { kind: 'ws', url: `ws://127.0.0.1:${port}/ws?tenant=ferreteria`, tenant: 'ferreteria', connections, conversations: connections, idPrefix: `stall${Date.now()}` }, 180_000);
  // Warm up at half the rate, so the profile shows the steady state.
  await loadgen.request('run', { rate: rate / 2, durationMs: 3000, drainMs: 2000, texts: [...WORKLOAD_TEXTS] }, 60_000);
  await server.request('profileStart');
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    await server.request('stalls');
    const at = performance.now() - t0;
    const r = await loadgen.request<RunResult>('run', { rate, durationMs: stepMs, drainMs: 2000, texts: [...WORKLOAD_TEXTS] }, 60_000);
    const s = await server.request<StallStats>('stalls');
    console.log(`step ${i} at ${(at / 1000).toFixed(1)} s: ${r.ok}/${r.sent} ok, ${Math.round(r.achievedRate)}/s, loop delay max ${s.loopDelayMaxMs.toFixed(1)} ms, GC max ${s.gcPauseMaxMs.toFixed(1)} ms`);
  }
  await server.request('profileStop', { file });
} finally {
  await loadgen.close();
  await server.close();
}

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (id: number): string => {
  const f = byId.get(id)!.callFrame;
  return `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
};
const stretches: { start: number; ms: number; from: number; to: number }[] = [];
let t = 0;
let from = -1;
let start = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  const idle = byId.get(id)!.callFrame.functionName === '(idle)';
  if (!idle && from < 0) [from, start] = [i, t];
  if (idle && from >= 0) {
    stretches.push({ start, ms: (t - start) / 1000, from, to: i });
    from = -1;
  }
});
console.log(`profile ${file}: ${profile.samples.length} samples`);
for (const s of stretches.sort((a, b) => b.ms - a.ms).slice(0, top)) {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (let i = s.from; i < s.to; i++) {
    const leaf = profile.samples[i]!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const k = name(id);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
    }
  }
  const n = s.to - s.from;
  console.log(`\nbusy ${s.ms.toFixed(1)} ms from ${(s.start / 1e6).toFixed(2)} s (${n} samples)`);
  console.log(`  self: ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(' | ')}`);
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.3 * n).slice(0, 12)) console.log(`  ${String(Math.round((100 * v) / n)).padStart(3)} % ${k}`);
}
process.exit(0);
