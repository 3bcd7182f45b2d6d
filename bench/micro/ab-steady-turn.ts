/**
 * CPU per in-memory turn of two checkouts in the steady state: 200 conversations that already
 * exist (their first turns are outside the measured rounds), paired rounds interleaved in ONE
 * process (A B, B A, ...). `ab-turn-cost.ts` starts new conversations every round, so first
 * contacts weigh there; this one measures what a busy store's established threads cost. Each side
 * runs its own BUILT code (`npm run build` in both checkouts), as the server does.
 *
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules && (cd /tmp/base && npm run build)
 *   npx tsx bench/micro/ab-steady-turn.ts /tmp/base . [rounds=16] [turnsPerRound=1000]
 *   npx tsx bench/micro/ab-steady-turn.ts /tmp/base . 12 300 --unseen
 *
 * `--unseen`: every message is a sentence the side has not been sent before (`unseenTexts()`, the
 * `hilo-ws-memory-unseen` variant's texts, both sides in the same order), so the rule brain's
 * reading cache and the catalog's answer cache do not answer: what a real customer's turn costs.
 *
 * Prints each side's median CPU µs per turn and the median of the paired B/A ratios.
 *
 * **Run it both ways.** The side loaded second (B) carries a bias of its own: the same build given as
 * both sides (a copy of one `dist` as B) measured B/A 1.05–1.15 with `--unseen` and 1.07 on the cached
 * rotation (session 20), and a comparison in one order only read 1.20 where the other order read
 * 1/1.35. Compare `A B` and `B A` and take the geometric mean, sqrt(r(A,B) / r(B,A)), which cancels
 * the side's bias; a single order is not evidence of a change under about 1.3.
 */
import { resolve } from 'node:path';
import { unseenTexts, WORKLOAD_TEXTS } from '../lib/workload.js';

const UNSEEN = process.argv.includes('--unseen') ? unseenTexts() : null;

interface Hilo {
  host: { handleMessage(m: unknown): Promise<unknown> };
  close(): Promise<void>;
}

async function side(dir: string, tag: string, turns: number): Promise<(round: number) => Promise<number>> {
  const root = resolve(dir);
  const { startHilo } = (await import(`${root}/dist/src/runtime/hilo.js`)) as { startHilo(o: unknown): Promise<Hilo> };
  const { loadConfig } = (await import(`${root}/dist/src/runtime/config.js`)) as { loadConfig(env: Record<string, string>): unknown };
  const { createSilentLogger } = (await import(`${root}/dist/src/kernel/logger.js`)) as { createSilentLogger(): unknown };
  let hilo: Hilo | null = null;
  let n = 0;
  let generation = 0;
  let sent = 0; // never reset: with --unseen, no text comes twice to one side
  const run = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++, n++, sent++) {
      const customer = n % 200;
      const text = UNSEEN ? UNSEEN[sent % UNSEEN.length] : WORKLOAD_TEXTS[Math.floor(n / 200 + customer) % WORKLOAD_TEXTS.length];
      await hilo!.host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: `${tag}-${generation}-${customer}`, messageId: `m-${n}`, text });
    }
  };
  return async (round) => {
    // A fresh instance every third round (in-memory stores grow), warmed past every first contact.
    if (round % 3 === 0) {
      await hilo?.close();
      hilo = await startHilo({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }), logger: createSilentLogger() });
      generation++;
      n = 0;
      await run(1200);
    }
    const before = process.cpuUsage();
    await run(turns);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / turns;
  };
}

const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: npx tsx bench/micro/ab-steady-turn.ts DIR_A DIR_B [rounds] [turnsPerRound]');
const positional = process.argv.slice(2).filter((x) => !x.startsWith('--'));
const rounds = Number(positional[2] ?? 16);
const turns = Number(positional[3] ?? 1000);
const a = await side(dirA, 'a', turns);
const b = await side(dirB, 'b', turns);
const ra: number[] = [];
const rb: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Alternate which side goes first, so a drift in the machine's speed falls on both.
  let x: number;
  let y: number;
  if (r % 2 === 0) {
    x = await a(r);
    y = await b(r);
  } else {
    y = await b(r);
    x = await a(r);
  }
  ra.push(x);
  rb.push(y);
  ratios.push(y / x);
}
console.log(`A ${dirA}: median ${median(ra).toFixed(1)} CPU µs/turn`);
console.log(`B ${dirB}: median ${median(rb).toFixed(1)} CPU µs/turn`);
console.log(`B/A: median of paired ratios ${median(ratios).toFixed(3)} [${ratios.map((x) => x.toFixed(2)).join(', ')}]`);
process.exit(0);
