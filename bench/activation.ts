/**
 * Activation: N conversations stored in Redis (Hilo's `RedisSnapshotStore` layout, written with
 * pipelines), accessed with a Zipf(s) distribution through an LRU of live actors capped far below
 * N, so most accesses must activate. One activation = `RedisSnapshotStore.get` (HMGET + envelope
 * checks + JSON.parse) + `createActor(machine, { snapshot }).start()`; evicted actors are stopped
 * (passivated). Accesses run one at a time, so the figure is the activation path, not a queue.
 * Runs inside the engine child (`engine.ts`, command `activation`), which has the machine built.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createActor, type AnyActorRef } from 'xstate';
import { MACHINE_VERSION } from '../src/machines/index.js';
import { createRedisSnapshotStore } from '../src/persistence/index.js';
import { SNAPSHOT_FORMAT_VERSION } from '../src/persistence/ports/snapshot-store.js';
import { createHistogram, encodeHistogram, recordMs } from './lib/histogram.js';
import { sampleSnapshot } from './lib/stub-machine.js';
import type { AnyStateMachine } from 'xstate';

export interface ActivationSpec {
  conversations: number;
  accesses: number;
  cap: number;
  zipfS: number;
  redisPrefix: string;
}

export interface ActivationResult {
  conversations: number;
  accesses: number;
  activations: number;
  hits: number;
  writeSeconds: number;
  /** Total activation (get + restore), Redis get alone, restore alone: encoded histograms. */
  total: string;
  get: string;
  restore: string;
}

/** Deterministic PRNG (mulberry32): the same access sequence every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 1; k <= n; k++) {
    sum += 1 / Math.pow(k, s);
    cdf[k - 1] = sum;
  }
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

let redis: Redis | null = null;
let prefixInUse: string | null = null;

/** Deletes the stored conversations and closes the client. Idempotent. */
export async function cleanupActivation(): Promise<void> {
  const client = redis;
  if (client === null) return;
  redis = null;
  if (prefixInUse === null) {
    client.disconnect();
    return;
  }
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefixInUse}:*`, 'COUNT', 2000);
    cursor = next;
    if (keys.length > 0) await client.unlink(...keys);
  } while (cursor !== '0');
  prefixInUse = null;
  client.disconnect();
}

export async function runActivation(machine: AnyStateMachine, spec: ActivationSpec): Promise<ActivationResult> {
  const client = (redis ??= new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 }));
  prefixInUse = spec.redisPrefix;
  const store = createRedisSnapshotStore({ redis: client, prefix: spec.redisPrefix });
  const snapshot = await sampleSnapshot(machine);
  const key = (i: number) => ({ tenantId: 'ferreteria', conversationId: `z${i}` });

  const w0 = performance.now();
  for (let i = 0; i < spec.conversations; i += 1000) {
    const pipe = client.pipeline();
    for (let j = i; j < Math.min(spec.conversations, i + 1000); j++) {
      const env = JSON.stringify({ v: SNAPSHOT_FORMAT_VERSION, machineVersion: MACHINE_VERSION, epoch: 1, seq: 6, savedAt: '2026-11-22T12:00:00.000Z', snapshot });
      pipe.hset(store.keys.snapshot(key(j)), 'seq', '6', 'epoch', '1', 'env', env);
    }
    await pipe.exec();
  }
  const writeSeconds = (performance.now() - w0) / 1000;

  const next = zipfSampler(spec.conversations, spec.zipfS, prng(42));
  const live = new Map<number, AnyActorRef>();
  const total = createHistogram();
  const get = createHistogram();
  const restore = createHistogram();
  let hits = 0;
  let activations = 0;
  for (let n = 0; n < spec.accesses; n++) {
    const i = next();
    const actor = live.get(i);
    if (actor) {
      // LRU: move to the most recent end.
      live.delete(i);
      live.set(i, actor);
      hits++;
      continue;
    }
    const t0 = performance.now();
    const envelope = await store.get(key(i));
    const t1 = performance.now();
    if (!envelope) throw new Error(`conversation z${i} missing from Redis`);
    const restored = createActor(machine, { snapshot: envelope.snapshot as never }).start();
    const t2 = performance.now();
    recordMs(total, t2 - t0);
    recordMs(get, t1 - t0);
    recordMs(restore, t2 - t1);
    activations++;
    live.set(i, restored);
    if (live.size > spec.cap) {
      const [oldest, evicted] = live.entries().next().value as [number, AnyActorRef];
      live.delete(oldest);
      evicted.stop();
    }
  }
  for (const a of live.values()) a.stop();
  await cleanupActivation();
  return { conversations: spec.conversations, accesses: spec.accesses, activations, hits, writeSeconds, total: encodeHistogram(total), get: encodeHistogram(get), restore: encodeHistogram(restore) };
}

