/**
 * CPU per in-memory turn of two checkouts, measured in ONE process with their rounds interleaved
 * (A B, B A, A B, ...), so the machine's noise — other processes, frequency changes — falls on both
 * alike. Two separate processes on this shared 2-core machine disagree by ±20 %; paired rounds in
 * one process are what tells a 5 % change apart.
 *
 *   git worktree add /tmp/base HEAD~3 && ln -s "$PWD/node_modules" /tmp/base/node_modules && cp -r dist /tmp/base/
 *   npx tsx bench/micro/ab-turn-cost.ts /tmp/base . [rounds=12] [turnsPerRound=1000]
 *
 * Each checkout runs its own `startHilo` (memory storage, rule brain) from its own sources; a round
 * is `turnsPerRound` turns of the load benchmark's messages over 200 conversations through
 * `host.handleMessage` (a fresh instance every other round: in-memory stores grow). Prints each
 * side's median CPU µs per turn and the median of the paired B/A ratios.
 */
import { resolve } from 'node:path';

interface Side {
  round(): Promise<number>;
  close(): Promise<void>;
}

interface Loaded {
  startHilo(options: unknown): Promise<{ host: { handleMessage(m: unknown): Promise<unknown> }; close(): Promise<void> }>;
  loadConfig(env: Record<string, string>): unknown;
  createSilentLogger(): unknown;
  texts: readonly string[];
}

async function load(dir: string): Promise<Loaded> {
  const root = resolve(dir);
  const config = (await import(`${root}/src/runtime/config.ts`)) as { loadConfig: Loaded['loadConfig'] };
  const hilo = (await import(`${root}/src/runtime/hilo.ts`)) as { startHilo: Loaded['startHilo'] };
  const logger = (await import(`${root}/src/kernel/logger.ts`)) as { createSilentLogger: Loaded['createSilentLogger'] };
  const workload = (await import(`${root}/bench/lib/workload.ts`)) as { WORKLOAD_TEXTS: readonly string[] };
  return { startHilo: hilo.startHilo, loadConfig: config.loadConfig, createSilentLogger: logger.createSilentLogger, texts: workload.WORKLOAD_TEXTS };
}

async function side(dir: string, turns: number): Promise<Side> {
  const m = await load(dir);
  const start = () => m.startHilo({ config: m.loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }), logger: m.createSilentLogger() });
  let hilo = await start();
  let run = 0;
  return {
    async round() {
      if (run > 0 && run % 2 === 0) {
        await hilo.close();
        hilo = await start();
      }
      run++;
      const before = process.cpuUsage();
      for (let i = 0; i < turns; i++) {
        const customer = i % 200;
        await hilo.host.handleMessage({
          tenantId: 'ferreteria',
          channel: 'rest',
          senderId: `ab-${run}-${customer}`,
          messageId: `ab-${run}-${i}`,
          text: m.texts[Math.floor(i / 200 + customer) % m.texts.length],
        });
      }
      const used = process.cpuUsage(before);
      return (used.user + used.system) / turns;
    },
    close: () => hilo.close(),
  };
}

const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const [dirA, dirB] = [process.argv[2], process.argv[3]];
  if (!dirA || !dirB) throw new Error('usage: npx tsx bench/micro/ab-turn-cost.ts DIR_A DIR_B [rounds] [turnsPerRound]');
  const rounds = Number(process.argv[4] ?? 12);
  const turns = Number(process.argv[5] ?? 1000);
  const a = await side(dirA, turns);
  const b = await side(dirB, turns);
  // Warm-up: JIT and caches of both, outside the measured rounds.
  await a.round();
  await b.round();
  const ra: number[] = [];
  const rb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      ra.push(await a.round());
      rb.push(await b.round());
    } else {
      rb.push(await b.round());
      ra.push(await a.round());
    }
  }
  const pairs = ra.map((x, i) => (rb[i] as number) / x);
  console.log(`A ${dirA}: median ${median(ra).toFixed(1)} CPU µs/turn [${ra.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`B ${dirB}: median ${median(rb).toFixed(1)} CPU µs/turn [${rb.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`B/A: median of paired ratios ${median(pairs).toFixed(3)} [${pairs.map((x) => x.toFixed(2)).join(', ')}]`);
  await a.close();
  await b.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
