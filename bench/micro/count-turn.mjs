/**
 * Instructions per whole in-memory host turn, for a machine whose wall-clock and CPU timings are
 * noise (shared with other work). Plain JavaScript for plain `node` (no tsx loader thread under
 * valgrind): one BUILT checkout's `dist` (`npm run build`), `startHilo` in memory with the rule
 * brain, 200 established conversations through `host.handleMessage` (as `ab-steady-turn.ts`), a
 * fixed warm-up, then N turns and nothing else. Run it twice under callgrind with two values of N:
 * the difference of the instruction totals divided by the difference of N is the cost of a warm
 * turn, with start-up, module loading, the warm-up and exit cancelled (the same in both runs: the
 * message sequence is fixed).
 *
 *   bench/micro/count-turn.sh DIR [cached|unseen] [N1] [N2] [warm]   # both runs, prints Ir per turn
 *
 * or by hand (the texts come from `bench/lib/workload.ts`, written once as JSON):
 *
 *   npx tsx -e "import {unseenTexts,WORKLOAD_TEXTS} from './bench/lib/workload.ts'; import {writeFileSync} from 'node:fs';
 *     writeFileSync('/tmp/texts.json', JSON.stringify({ cached: WORKLOAD_TEXTS, unseen: unseenTexts() }))"
 *   valgrind --tool=callgrind --callgrind-out-file=/tmp/c1.out node bench/micro/count-turn.mjs DIR /tmp/texts.json cached 300 100
 *   valgrind --tool=callgrind --callgrind-out-file=/tmp/c2.out node bench/micro/count-turn.mjs DIR /tmp/texts.json cached 300 500
 *   # Ir per turn = (totals of c2 − totals of c1) / 400
 *
 * Arguments: DIR, texts JSON, `cached` (the load benchmark's six-message rotation, answered from
 * the brain's and catalog's caches after the first round) or `unseen` (every message a sentence
 * never sent before, `unseenTexts()`: what a real customer's turn costs), warm-up turns, counted
 * turns. Without valgrind it prints CPU µs per counted turn, a sanity check only.
 *
 * `count-turn.sh` runs node with `--single-threaded --predictable --expose-gc`: V8's compiler and GC
 * on the main thread and none of its timer-driven heuristics, a full collection before counting.
 * Two runs of one tree then agree within ~0.2 % (session 30, perf20, in BENCHMARKS.md); without
 * `--predictable` they moved by ±10 % and two runs' difference (DIFF=1) by far more. Measure the
 * same tree twice before reading a small difference.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [dirArg, textsFile, kind = 'cached', warmArg = '300', turnsArg = '500'] = process.argv.slice(2);
if (!dirArg || !textsFile) throw new Error('usage: node bench/micro/count-turn.mjs DIR TEXTS.json [cached|unseen] [warm] [turns]');
const dir = resolve(dirArg);
const all = JSON.parse(readFileSync(textsFile, 'utf8'));
const unseen = kind === 'unseen';
const texts = unseen ? all.unseen : all.cached;
const warm = Number(warmArg);
const turns = Number(turnsArg);
if (unseen && warm + turns > texts.length) throw new Error(`unseen has ${texts.length} texts: warm + turns must not exceed it`);

const { startHilo } = await import(`${dir}/dist/src/runtime/hilo.js`);
const { loadConfig } = await import(`${dir}/dist/src/runtime/config.js`);
const { createSilentLogger } = await import(`${dir}/dist/src/kernel/logger.js`);
const { createManualClock } = await import(`${dir}/dist/src/kernel/clock.js`);
// A simulated clock (Wednesday 2 December 2026, 10:00 in Santo Domingo, one second per turn): the
// tools read the time (opening hours, "open now", the day's offers), and a counted phase takes
// minutes under valgrind; on the real clock two runs of one tree took different paths (perf23).
const clock = createManualClock(Date.UTC(2026, 11, 2, 14, 0, 0));
const hilo = await startHilo({
  config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }),
  logger: createSilentLogger(),
  clock,
});

let n = 0;
async function run(count) {
  for (let i = 0; i < count; i++, n++) {
    const customer = n % 200;
    const text = unseen ? texts[n] : texts[Math.floor(n / 200 + customer) % texts.length];
    clock.advance(1000);
    await hilo.host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: `c-${customer}`, messageId: `m-${n}`, text });
  }
}

await run(warm);
// Toggled mode (count-turn.sh): say the warm-up is over and wait until the shell has switched
// callgrind's collection on, so only the counted turns are counted.
const go = process.env.COUNT_TURN_GO;
if (go) {
  const { existsSync } = await import('node:fs');
  globalThis.gc?.(); // with --expose-gc: a full collection before counting, so the warm-up's garbage is not counted
  console.log('COUNT-START');
  while (!existsSync(go)) await new Promise((r) => setTimeout(r, 50));
}
const before = process.cpuUsage();
await run(turns);
const used = process.cpuUsage(before);
console.log(`${turns} ${kind} turns after ${warm}: ${((used.user + used.system) / Math.max(1, turns)).toFixed(1)} CPU µs/turn`);
process.exit(0);
