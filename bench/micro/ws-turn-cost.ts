/**
 * CPU per widget WebSocket turn, in one process: Hilo (in memory, its default transport, uWS where
 * it loads) and `ws` clients on loopback. Each visitor sends its messages one at a time and waits
 * for the turn's ack, so the figure is the whole socket round of a turn — frames, parsing, the
 * turn — plus the clients' own share (the same on both sides of a comparison).
 *
 *   npx tsx bench/micro/ws-turn-cost.ts [--runs 3] [--visitors 100] [--messages 10]
 *
 * Prints the process CPU µs per turn of each run and their median; compare two commits with two
 * processes started together (see BENCHMARKS.md, "Run-to-run noise on this machine").
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo } from '../../src/runtime/hilo.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { WORKLOAD_TEXTS } from '../lib/workload.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** One visitor: connects, says hello, then sends `texts` one after the other, each after the previous ack. */
async function visitor(url: string, texts: readonly string[]): Promise<number> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let waiting: { type: string; resolve: () => void } | null = null;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; code?: string };
    if (frame.type === 'error') throw new Error(`server error frame: ${frame.code ?? '?'}`);
    if (waiting && frame.type === waiting.type) {
      const w = waiting;
      waiting = null;
      w.resolve();
    }
  });
  const until = (type: string): Promise<void> => new Promise((resolve) => (waiting = { type, resolve }));
  const welcome = until('welcome');
  ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: `bench_${randomBytes(16).toString('base64url')}`, lang: 'es', lastSeq: 0 }));
  await welcome;
  let turns = 0;
  for (const [i, text] of texts.entries()) {
    const ack = until('ack');
    ws.send(JSON.stringify({ type: 'message', clientMessageId: `m${i}`, text }));
    await ack;
    turns++;
  }
  ws.close();
  return turns;
}

async function main(): Promise<void> {
  const runs = arg('runs', 3);
  const visitors = arg('visitors', 100);
  const messages = arg('messages', 10);
  const results: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A fresh Hilo per run (in-memory stores grow with every turn).
    const hilo = await startHilo({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }),
      logger: createSilentLogger(),
    });
    const url = `ws://127.0.0.1:${hilo.port}/ws?tenant=ferreteria`;
    const textsOf = (v: number) => Array.from({ length: messages }, (_, i) => WORKLOAD_TEXTS[(v + i) % WORKLOAD_TEXTS.length] as string);
    await visitor(url, textsOf(0)); // warm-up
    const cpu = process.cpuUsage();
    let turns = 0;
    // Ten visitors at a time, each turn after the previous one's ack.
    for (let v = 0; v < visitors; v += 10) {
      const batch = await Promise.all(Array.from({ length: Math.min(10, visitors - v) }, (_, k) => visitor(url, textsOf(v + k + 1))));
      turns += batch.reduce((a, b) => a + b, 0);
    }
    const used = process.cpuUsage(cpu);
    results.push((used.user + used.system) / turns);
    console.log(`run ${run + 1} (${hilo.transport}): ${turns} turns, ${((used.user + used.system) / turns).toFixed(1)} CPU µs per turn`);
    await hilo.close();
  }
  const sorted = [...results].sort((a, b) => a - b);
  console.log(`median CPU µs per widget turn: ${(sorted[Math.floor(sorted.length / 2)] as number).toFixed(1)} (runs: ${results.map((r) => r.toFixed(1)).join(', ')})`);
}

await main();
