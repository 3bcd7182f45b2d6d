/**
 * CPU per widget WebSocket turn of two checkouts in the steady state, paired in ONE process: each
 * side runs its own BUILT Hilo (in memory, its default transport) on its own port, with 50 widget
 * visitors that said hello and had their first turns before any round is measured; rounds
 * alternate (A B, B A, ...). Each visitor sends its next message after the previous one's ack, so
 * a round is the whole socket round of a turn: the frame read, the turn, the message frames and
 * the ack. The `ws` clients' own CPU is in the figure on both sides alike. `ws-turn-cost.ts` starts
 * new visitors every run, so first contacts weigh there; this one measures established threads.
 *
 *   npx tsx bench/micro/ab-ws-turn.ts /tmp/base . [rounds=12] [turnsPerRound=1000]
 *
 * Run it both ways and take sqrt(r(A,B) / r(B,A)), as with `ab-steady-turn.ts` (the side loaded
 * second carries a bias of its own).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { WORKLOAD_TEXTS } from '../lib/workload.js';

interface Hilo {
  port: number;
  close(): Promise<void>;
}

const VISITORS = 50;
/** As the load benchmark's server (bench/servers/hilo-server.ts): one IP and few contacts sending far faster than people. */
const ENV = { PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20), HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000', HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '1000000', HILO_WS_MAX_SOCKETS_PER_IP: '0' };

/** One connected visitor: `turn()` sends the next message and resolves on its ack. */
async function connect(url: string, v: number): Promise<{ turn(): Promise<void>; close(): void }> {
  const ws = new WebSocket(url);
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  let waiting: (() => void) | null = null;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; code?: string };
    if (frame.type === 'error') throw new Error(`server error frame: ${frame.code ?? '?'}`);
    if ((frame.type === 'welcome' || frame.type === 'ack') && waiting) {
      const w = waiting;
      waiting = null;
      w();
    }
  });
  const until = (): Promise<void> => new Promise((ok) => (waiting = ok));
  const welcome = until();
  ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: `bench_${randomBytes(16).toString('base64url')}`, lang: 'es', lastSeq: 0 }));
  await welcome;
  let i = 0;
  return {
    turn() {
      const ack = until();
      ws.send(JSON.stringify({ type: 'message', clientMessageId: `m${i}`, text: WORKLOAD_TEXTS[(v + i) % WORKLOAD_TEXTS.length] }));
      i++;
      return ack;
    },
    close: () => ws.close(),
  };
}

async function side(dir: string, turns: number): Promise<(round: number) => Promise<number>> {
  const root = resolve(dir);
  const { startHilo } = (await import(`${root}/dist/src/runtime/hilo.js`)) as { startHilo(o: unknown): Promise<Hilo> };
  const { loadConfig } = (await import(`${root}/dist/src/runtime/config.js`)) as { loadConfig(env: Record<string, string>): unknown };
  const { createSilentLogger } = (await import(`${root}/dist/src/kernel/logger.js`)) as { createSilentLogger(): unknown };
  let hilo: Hilo | null = null;
  let visitors: Awaited<ReturnType<typeof connect>>[] = [];
  /** `count` turns, spread over the visitors, each visitor one turn at a time. */
  const run = async (count: number): Promise<void> => {
    const per = Math.ceil(count / visitors.length);
    await Promise.all(visitors.map(async (v) => {
      for (let k = 0; k < per; k++) await v.turn();
    }));
  };
  return async (round) => {
    // A fresh instance every third round (in-memory stores grow), warmed past every first contact.
    if (round % 3 === 0) {
      for (const v of visitors) v.close();
      await hilo?.close();
      hilo = await startHilo({ config: loadConfig(ENV), logger: createSilentLogger() });
      const url = `ws://127.0.0.1:${hilo.port}/ws?tenant=ferreteria`;
      visitors = await Promise.all(Array.from({ length: VISITORS }, (_, v) => connect(url, v)));
      await run(VISITORS * 24);
    }
    const per = Math.ceil(turns / visitors.length) * visitors.length;
    const before = process.cpuUsage();
    await run(per);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / per;
  };
}

const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: npx tsx bench/micro/ab-ws-turn.ts DIR_A DIR_B [rounds] [turnsPerRound]');
const rounds = Number(process.argv[4] ?? 12);
const turns = Number(process.argv[5] ?? 1000);
const a = await side(dirA, turns);
const b = await side(dirB, turns);
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
