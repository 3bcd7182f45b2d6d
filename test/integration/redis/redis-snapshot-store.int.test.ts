import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createRedisConnection } from '../../../src/persistence/redis/redis-connection.js';
import { createRedisSnapshotStore, type RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { makeEnvelope, runSnapshotStoreContract, uniqueKey } from '../../contract/snapshot-store.contract.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** MONITOR over a plain socket: each `+<time> [db addr] "cmd" "arg"…` line, unquoted. */
async function openMonitor(url: string): Promise<{ onCommand(listener: (args: string[]) => void): void; disconnect(): void }> {
  const { hostname, port, password, username } = new URL(url);
  const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const listeners: ((args: string[]) => void)[] = [];
  let buffer = '';
  let ready!: () => void;
  const ok = new Promise<void>((resolve) => (ready = resolve));
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (line === '+OK') {
        ready();
        continue;
      }
      const body = /^\+[\d.]+ \[[^\]]*\] (.*)$/.exec(line)?.[1];
      if (body === undefined) continue;
      const args = [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
      for (const listener of listeners) listener(args);
    }
  });
  if (password) socket.write(username ? `AUTH ${username} ${password}\r\n` : `AUTH ${password}\r\n`);
  socket.write('MONITOR\r\n');
  await ok;
  return { onCommand: (listener) => listeners.push(listener), disconnect: () => socket.destroy() };
}
const runId = randomUUID().slice(0, 8);
let prefixCounter = 0;

/** A key prefix no other test (or run) uses. */
function uniquePrefix(): string {
  return `hilo-test-${runId}-${++prefixCounter}`;
}

let admin: Redis;

async function deleteKeysUnder(prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', createRedisKeys(prefix).allPattern(), 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await admin.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', createRedisKeys(prefix).allPattern(), 'COUNT', 500);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found.sort();
}

beforeAll(async () => {
  // Fail fast and loudly: an integration test must never pass or skip without its Redis.
  admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3_000, retryStrategy: () => null });
  let lastError: Error | undefined;
  admin.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await admin.connect();
    await admin.ping();
  } catch (err) {
    admin.disconnect();
    const cause = lastError ?? (err instanceof Error ? err : new Error(String(err)));
    throw new Error(
      `Redis is unreachable at ${REDIS_URL} (${cause.message}). ` +
        'Start it (redis-server on 127.0.0.1:6379) or set REDIS_URL; these tests do not skip.',
    );
  }
});

afterAll(async () => {
  if (admin !== undefined && admin.status === 'ready') await admin.quit();
});

const prefixes = new WeakMap<RedisSnapshotStore, string>();

runSnapshotStoreContract({
  name: 'redis',
  create: async () => {
    const prefix = uniquePrefix();
    const store = createRedisSnapshotStore({ url: REDIS_URL, prefix, logger: createSilentLogger() });
    prefixes.set(store, prefix);
    return store;
  },
  destroy: async (store) => {
    await store.close();
    const prefix = prefixes.get(store);
    if (prefix !== undefined) await deleteKeysUnder(prefix);
  },
});

describe('RedisSnapshotStore', () => {
  let prefix: string;
  let store: RedisSnapshotStore;

  beforeEach(() => {
    prefix = uniquePrefix();
    store = createRedisSnapshotStore({ url: REDIS_URL, prefix });
  });

  afterEach(async () => {
    await store.close();
    await deleteKeysUnder(prefix);
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it('should answer ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('should lay out the snapshot as a hash {seq, epoch, env} under a per-conversation hash tag', async () => {
    const key = { tenantId: 'acme', conversationId: 'web-42' };
    await store.put(key, makeEnvelope(3, 2), { ttlSeconds: 3_600 });

    const expectedKey = `${prefix}:{t:acme:c:web-42}:snap`;
    expect(store.keys.snapshot(key)).toBe(expectedKey);
    expect(await keysUnder(prefix)).toEqual([expectedKey]);
    expect(await admin.type(expectedKey)).toBe('hash');
    const hash = await admin.hgetall(expectedKey);
    expect(Object.keys(hash).sort()).toEqual(['env', 'epoch', 'seq']);
    expect(hash.seq).toBe('3');
    expect(hash.epoch).toBe('2');
    expect(JSON.parse(hash.env ?? 'null')).toEqual(makeEnvelope(3, 2));
    const pttl = await admin.pttl(expectedKey);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(3_600_000);
  });

  it('should remove the TTL when a later put has none', async () => {
    const key = uniqueKey();
    await store.put(key, makeEnvelope(1), { ttlSeconds: 3_600 });
    expect(await admin.pttl(store.keys.snapshot(key))).toBeGreaterThan(0);
    await store.put(key, makeEnvelope(2));
    expect(await admin.pttl(store.keys.snapshot(key))).toBe(-1);
  });

  it('should escape ids so separators, braces and glob characters cannot move boundaries or the hash tag', () => {
    const keys = createRedisKeys('hilo');
    expect(keys.snapshot({ tenantId: 'a:b', conversationId: 'c' })).not.toBe(keys.snapshot({ tenantId: 'a', conversationId: 'b:c' }));
    const nasty = keys.snapshot({ tenantId: 't}{x', conversationId: 'c*?[]' });
    expect(nasty).toBe('hilo:{t:t%7D%7Bx:c:c%2A%3F%5B%5D}:snap');
    // Redis Cluster hashes the text between the first '{' and the next '}': one conversation, one slot.
    const tag = nasty.slice(nasty.indexOf('{') + 1, nasty.indexOf('}'));
    expect(`{${tag}}`).toBe(keys.conversationTag({ tenantId: 't}{x', conversationId: 'c*?[]' }));
    expect(keys.tenantConversationsPattern('t}{x')).toBe('hilo:{t:t%7D%7Bx:c:*');
    expect(() => createRedisKeys('bad{prefix')).toThrow(RangeError);
    expect(() => createRedisKeys('')).toThrow(RangeError);
  });

  it('should find every conversation of one tenant, and only those, with the tenant pattern', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    await store.put({ tenantId, conversationId: 'c-1' }, makeEnvelope(1));
    await store.put({ tenantId, conversationId: 'c-2' }, makeEnvelope(1));
    await store.put({ tenantId: `${tenantId}-other`, conversationId: 'c-1' }, makeEnvelope(1));

    const [, found] = await admin.scan('0', 'MATCH', store.keys.tenantConversationsPattern(tenantId), 'COUNT', 10_000);
    expect(found.sort()).toEqual([store.keys.snapshot({ tenantId, conversationId: 'c-1' }), store.keys.snapshot({ tenantId, conversationId: 'c-2' })].sort());
  });

  it('should keep the final state at seq 50 with 50 concurrent writers and accept only ever-newer writes', async () => {
    const key = uniqueKey();
    const redisKey = store.keys.snapshot(key);
    const seqs = Array.from({ length: 50 }, (_, i) => i + 1);
    // Deterministic shuffle (no Math.random) so a failure can be replayed.
    for (let i = seqs.length - 1, x = 12_345; i > 0; i--) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      const j = x % (i + 1);
      [seqs[i], seqs[j]] = [seqs[j] as number, seqs[i] as number];
    }
    // Five connections, so the writes really interleave on the server.
    const writers = Array.from({ length: 5 }, () => createRedisSnapshotStore({ url: REDIS_URL, prefix }));
    // MONITOR reports commands in the order the server executed them, including those run by Lua.
    // A raw socket, not ioredis' monitor(): ioredis marks the connection as monitoring only after
    // the OK's promise settles, so a monitor line arriving in the same packet (another test file's
    // INFO) throws "Command queue state error" from its parser.
    const monitor = await openMonitor(REDIS_URL);
    const acceptedInOrder: number[] = [];
    monitor.onCommand((args) => {
      if (args[0]?.toLowerCase() === 'hset' && args[1] === redisKey) acceptedInOrder.push(Number(args[3]));
    });
    try {
      const results = await Promise.all(seqs.map((seq, i) => (writers[i % writers.length] as RedisSnapshotStore).put(key, makeEnvelope(seq))));

      expect((await store.get(key))?.seq).toBe(50);
      const accepted = seqs.filter((_, i) => results[i]?.ok === true);
      for (const [i, result] of results.entries()) {
        if (!result.ok) {
          expect(result.reason).toBe('stale_seq');
          expect(result.current.seq).toBeGreaterThanOrEqual(seqs[i] as number);
        }
      }
      // Seq 50 is always accepted and is the last accepted write, so once MONITOR shows it the log is complete.
      const deadline = Date.now() + 10_000;
      while (!acceptedInOrder.includes(50) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect([...acceptedInOrder].sort((a, b) => a - b)).toEqual([...accepted].sort((a, b) => a - b));
      for (let i = 1; i < acceptedInOrder.length; i++) {
        expect(acceptedInOrder[i]).toBeGreaterThan(acceptedInOrder[i - 1] as number);
      }
      expect(acceptedInOrder.at(-1)).toBe(50);
    } finally {
      monitor.disconnect();
      await Promise.all(writers.map((writer) => writer.close()));
    }
  });

  it('should queue the commands of one event-loop iteration into one pipeline on its own connection, and store every put of it', async () => {
    // The store's own connection is opened with auto-pipelining (one socket write per iteration).
    const pipelined = createRedisConnection(REDIS_URL, { autoPipelining: true });
    const plain = createRedisConnection(REDIS_URL);
    try {
      await Promise.all([pipelined.ping(), plain.ping()]);
      const base = `${prefix}:pipe`;
      const sent = [...Array.from({ length: 20 }, (_, i) => pipelined.set(`${base}:a${i}`, 'v')), ...Array.from({ length: 20 }, (_, i) => plain.set(`${base}:b${i}`, 'v'))];
      expect([(pipelined as Redis).autoPipelineQueueSize, (plain as Redis).autoPipelineQueueSize]).toEqual([20, 0]);
      expect(await Promise.all(sent)).toEqual(Array(40).fill('OK'));
    } finally {
      pipelined.disconnect();
      plain.disconnect();
    }
    const keys = Array.from({ length: 20 }, () => uniqueKey());
    const results = await Promise.all(keys.map((key, i) => store.put(key, makeEnvelope(i + 1))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await Promise.all(keys.map((key) => store.get(key)))).map((e) => e?.seq)).toEqual(keys.map((_, i) => i + 1));
  });

  it('should throw HILO_ERR_SNAPSHOT_CORRUPT on unreadable stored data, for get and put', async () => {
    const badJson = uniqueKey();
    await admin.hset(store.keys.snapshot(badJson), { seq: '1', epoch: '1', env: '{not json' });
    const wrongType = uniqueKey();
    await admin.set(store.keys.snapshot(wrongType), 'a plain string');
    const notEnvelope = uniqueKey();
    await admin.hset(store.keys.snapshot(notEnvelope), { seq: '1', epoch: '1', env: '{"hello":"world"}' });
    const mismatch = uniqueKey();
    await admin.hset(store.keys.snapshot(mismatch), { seq: '2', epoch: '1', env: JSON.stringify(makeEnvelope(1)) });
    const missingFields = uniqueKey();
    await admin.hset(store.keys.snapshot(missingFields), { env: JSON.stringify(makeEnvelope(1)) });

    for (const key of [badJson, wrongType, notEnvelope, mismatch, missingFields]) {
      const error = await store.get(key).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(isHiloError(error, 'HILO_ERR_SNAPSHOT_CORRUPT'), `get ${JSON.stringify(key)}`).toBe(true);
    }
    for (const key of [wrongType, missingFields]) {
      const error = await store.put(key, makeEnvelope(5)).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(isHiloError(error, 'HILO_ERR_SNAPSHOT_CORRUPT'), `put ${JSON.stringify(key)}`).toBe(true);
    }
    // The failed puts wrote nothing.
    expect(await admin.get(store.keys.snapshot(wrongType))).toBe('a plain string');
  });

  it('should not close a client it was given, and close one it created', async () => {
    const shared = new Redis(REDIS_URL);
    try {
      const borrowing = createRedisSnapshotStore({ redis: shared, prefix });
      const key = uniqueKey();
      await borrowing.put(key, makeEnvelope(1));
      await borrowing.close();
      await borrowing.close();
      expect(await shared.ping()).toBe('PONG');
      expect(shared.status).toBe('ready');
      // The shared client still reaches the data the store wrote.
      expect(await shared.hget(store.keys.snapshot(key), 'seq')).toBe('1');
    } finally {
      await shared.quit();
    }

    const owning = createRedisSnapshotStore({ url: REDIS_URL, prefix });
    await owning.ping();
    await owning.close();
    await owning.close();
    await expect(owning.ping()).rejects.toThrow();
  });

  it('should share data between two stores on the same prefix and not across prefixes', async () => {
    const other = createRedisSnapshotStore({ url: REDIS_URL, prefix });
    const otherPrefixPrefix = uniquePrefix();
    const elsewhere = createRedisSnapshotStore({ url: REDIS_URL, prefix: otherPrefixPrefix });
    try {
      const key = uniqueKey();
      await store.put(key, makeEnvelope(4, 2));
      expect(await other.get(key)).toEqual(makeEnvelope(4, 2));
      expect(await other.put(key, makeEnvelope(4, 2))).toEqual({ ok: false, reason: 'stale_seq', current: { seq: 4, epoch: 2 } });
      expect(await elsewhere.get(key)).toBeNull();
    } finally {
      await other.close();
      await elsewhere.close();
      await deleteKeysUnder(otherPrefixPrefix);
    }
  });
});
