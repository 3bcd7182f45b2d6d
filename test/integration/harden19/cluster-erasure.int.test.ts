import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createLogger, createSilentLogger } from '../../../src/kernel/logger.js';
import { ERASURE_TOMBSTONE_MS } from '../../../src/persistence/ports/erasure-tombstones.js';
import type { ConversationKey, SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import { createRedisErasureTombstones } from '../../../src/persistence/redis/redis-erasure-tombstones.js';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createRedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { appendToInbox, createClusterKeys } from '../../../src/runtime/cluster/index.js';
import { createErasureFencedJournal } from '../../../src/runtime/cluster/erasure-fence.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { openStorage, startHilo, type Hilo, type HiloStorage } from '../../../src/runtime/hilo.js';
import { shardOf } from '../../../src/runtime/shard-router.js';
import { createTestDatabase, newSender, REDIS_URL } from '../durable/durable-harness.js';

/**
 * harden18's backlog: the erasure fence was per process. With two members on a real Redis and
 * PostgreSQL, a contact is erased through member A while the conversation's shard is owned by
 * member B: B's running turn, B's live actor and B's later turns must not put the erased
 * conversation (a name, an email) back in Redis or PostgreSQL.
 */
const TENANT = 'ferreteria';
const SHARDS = 8;

interface Gate {
  conversationId: string;
  reached: Promise<void>;
  arrive(): void;
  open: Promise<void>;
  release(): void;
}
function gate(conversationId: string): Gate {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (arrive = r));
  const open = new Promise<void>((r) => (release = r));
  return { conversationId, reached, arrive, open, release };
}

/** Holds one conversation's next snapshot put until the test releases it (a turn caught mid-commit). */
function gatedSnapshots(inner: SnapshotStore, gates: { put?: Gate }): SnapshotStore {
  return {
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    close: () => inner.close(),
    async put(key, envelope, options) {
      const g = gates.put;
      if (g && g.conversationId === key.conversationId) {
        gates.put = undefined;
        g.arrive();
        await g.open;
      }
      return inner.put(key, envelope, options);
    },
  };
}

describe('erasing a contact whose conversation another cluster member owns (real Redis + PostgreSQL)', () => {
  const prefix = `hilo-test-${randomBytes(6).toString('hex')}`;
  const clusterName = `e${randomBytes(4).toString('hex')}`;
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const clusterKeys = createClusterKeys(prefix, clusterName);
  const redisKeys = createRedisKeys(prefix);
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let admin: Redis;
  const members: { id: string; hilo: Hilo; storage: HiloStorage }[] = [];
  const gatesB: { put?: Gate } = {};

  async function startMember(id: string, wrap: (s: HiloStorage) => HiloStorage): Promise<{ id: string; hilo: Hilo; storage: HiloStorage }> {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_DEMO_API_KEY: apiKey,
      HILO_DEMO_AGENT_PASSWORD: 'test-password-1',
      HILO_DATA_DIR: join(dataDir, id),
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_TEAM_HOURS: 'off',
      HILO_SHARDS: String(SHARDS),
      DATABASE_URL: database.url,
      REDIS_URL,
      HILO_REDIS_PREFIX: prefix,
      ...(process.env.HILO_MODEL_CACHE ? { HILO_MODEL_CACHE: process.env.HILO_MODEL_CACHE } : {}),
    });
    const logger = process.env.HILO_TEST_LOGS ? createLogger({ level: 'debug' }) : createSilentLogger();
    const storage = await openStorage(config, { clock: systemClock, logger });
    const hilo = await startHilo({ config, clock: systemClock, logger, storage: wrap(storage), cluster: { cluster: clusterName, memberId: id, leaseMs: 12_000 } });
    const m = { id, hilo, storage };
    members.push(m);
    return m;
  }

  const holderOf = async (shard: number): Promise<string | null> => (await admin.get(clusterKeys.lease(shard)))?.split('#')[0] ?? null;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'hilo-h19-'));
    admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000 });
    admin.on('error', () => undefined);
    await admin.connect();
    await startMember('m-a', (s) => s);
    await startMember('m-b', (s) => ({ ...s, snapshots: gatedSnapshots(s.snapshots, gatesB) }));
    // Both members hold shards: B took its share from A.
    const holders = async () => [...new Set(await Promise.all(Array.from({ length: SHARDS }, (_, s) => holderOf(s))))].sort().join(',');
    for (const until = Date.now() + 45_000; (await holders()) !== 'm-a,m-b'; ) {
      if (Date.now() > until) throw new Error(`the shards were not spread over both members: ${await holders()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);

  afterAll(async () => {
    for (const m of members.reverse()) {
      await m.hilo.close().catch(() => undefined);
      await m.storage.close().catch(() => undefined);
    }
    let cursor = '0';
    do {
      const [next, found] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (found.length > 0) await admin.del(...found);
    } while (cursor !== '0');
    admin?.disconnect();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 90_000);

  const a = () => members[0]!;
  const base = () => `http://127.0.0.1:${a().hilo.port}/api/tenants/${TENANT}`;
  const auth = { authorization: `Bearer ${apiKey}` };
  const post = async (sender: string, text: string) => {
    const res = await fetch(`${base()}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    return { status: res.status, body: (await res.json()) as { conversation_id?: string; messages?: Array<{ text: string }>; error?: { code: string } } };
  };
  const erase = (conversationId: string) => fetch(`${base()}/contacts/${conversationId}`, { method: 'DELETE', headers: auth }).then(async (r) => ({ status: r.status, body: await r.text() }));

  /** Everything the shared stores still hold of a conversation. */
  const leftOf = async (key: ConversationKey) => ({
    snapshot: (await admin.exists(redisKeys.snapshot(key))) === 1,
    journalCopy: (await a().storage.journal.lastCommitted(key)).envelope !== null,
    lines: (await a().storage.transcripts.list(key)).map((l) => l.text),
  });

  /** A lead half given (a name and an email in its context), sent through A, in a conversation B owns. */
  async function startedOnB(label: string): Promise<{ sender: string; key: ConversationKey; shard: number }> {
    for (let attempt = 0; attempt < 30; attempt++) {
      const sender = newSender(label);
      const first = await post(sender, 'Somos una constructora y queremos comprar materiales al por mayor');
      expect(first.status).toBe(200);
      const key = { tenantId: TENANT, conversationId: first.body.conversation_id! };
      const shard = shardOf(TENANT, key.conversationId, SHARDS);
      if ((await holderOf(shard)) !== 'm-b') continue;
      await post(sender, 'Me llamo Wilfredo Canario');
      await post(sender, 'wilfredo.canarioxq@example.do');
      expect(members[1]!.hilo.host.isActive(TENANT, key.conversationId)).toBe(true);
      expect(a().hilo.host.isActive(TENANT, key.conversationId)).toBe(false);
      expect((await leftOf(key)).snapshot).toBe(true);
      return { sender, key, shard };
    }
    throw new Error('no conversation landed on a shard of m-b');
  }

  it('should wait for the owner’s running turn and then leave nothing of it, when the erasure runs on another member', async () => {
    const { sender, key } = await startedOnB('h19-running');
    const g = gate(key.conversationId);
    gatesB.put = g;
    const turn = post(sender, 'la empresa es Constructora Canario SRL');
    await g.reached; // B ran the turn and is about to commit it
    const erasure = erase(key.conversationId);
    // Before: A erased at once (it fenced and evicted only its own process), and B's turn then put
    // the snapshot with the name and the email back in Redis and the lines back in PostgreSQL.
    const early = await Promise.race([erasure.then(() => 'erased'), new Promise((r) => setTimeout(() => r('waiting'), 500))]);
    expect(early).toBe('waiting');
    g.release();
    const [answered, erased] = await Promise.all([turn, erasure]);
    expect(erased.status).toBe(200);
    // Its commit came after the tombstone: refused, nothing of it recorded (its retry starts a new conversation).
    expect(answered.status).toBe(409);
    expect(answered.body.error?.code).toBe('HILO_ERR_CONVERSATION_ERASED');
    expect(await leftOf(key)).toEqual({ snapshot: false, journalCopy: false, lines: [] });
    expect(members[1]!.hilo.host.isActive(TENANT, key.conversationId)).toBe(false);
    // The tombstone outlives any turn in flight, and expires.
    const ttl = await admin.pttl(redisKeys.erased(key));
    expect(ttl).toBeGreaterThan(ERASURE_TOMBSTONE_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(ERASURE_TOMBSTONE_MS);
  }, 90_000);

  it('should refuse on the owner a message of the erased conversation that was accepted before the erasure and runs after it', async () => {
    const { key, shard } = await startedOnB('h19-late');
    const erased = await erase(key.conversationId);
    expect(erased.status).toBe(200);
    // A provider webhook accepted on some member before the erasure: its entry carries the old id.
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    probe.on('error', () => undefined);
    await probe.connect();
    try {
      const replyTo = `probe-${randomBytes(4).toString('hex')}`;
      const answer = new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => probe.on('message', (_c: string, text: string) => resolve(JSON.parse(text) as { ok: boolean; error?: { code: string } })));
      await probe.subscribe(clusterKeys.replies(replyTo));
      const sender = newSender('h19-late-sender');
      await appendToInbox(admin, clusterKeys, shard, { k: 'msg', tenantId: TENANT, conversationId: key.conversationId, message: { tenantId: TENANT, channel: 'rest', senderId: sender, messageId: `rest:${randomUUID()}`, text: 'la empresa es Constructora Canario SRL' } }, { requestId: randomUUID(), replyTo });
      // Before: B's live actor (never evicted) took it and wrote the erased context back.
      const reply = await answer;
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('HILO_ERR_CONVERSATION_ERASED');
    } finally {
      probe.disconnect();
    }
    expect(await leftOf(key)).toEqual({ snapshot: false, journalCopy: false, lines: [] });
  }, 90_000);

  it('should refuse the snapshot put and the journal commit of a conversation with a tombstone, on any writer', async () => {
    const store = createRedisSnapshotStore({ url: REDIS_URL, prefix });
    const tombstones = createRedisErasureTombstones({ redis: admin, prefix, ttlMs: 60_000 });
    const journal = createErasureFencedJournal(createSqlTurnJournal(a().storage.db!), tombstones);
    try {
      const erasedKey = { tenantId: TENANT, conversationId: `h19-tomb-${randomBytes(4).toString('hex')}` };
      const liveKey = { tenantId: TENANT, conversationId: `h19-live-${randomBytes(4).toString('hex')}` };
      await tombstones.mark(erasedKey);
      const envelope = { v: 1, machineVersion: 1, epoch: 0, seq: 1, savedAt: new Date().toISOString(), snapshot: { value: 'qualifying', context: { name: 'Wilfredo' } } };
      const turn = { seq: 1, inboundMessageId: 'm-1', entries: [{ messageId: 'm-1', direction: 'in' as const, author: 'customer' as const, channel: 'rest', text: 'Me llamo Wilfredo', at: envelope.savedAt }], phase: 'qualifying', idleCloseAt: null };
      await expect(store.put(erasedKey, envelope)).rejects.toMatchObject({ code: 'HILO_ERR_CONVERSATION_ERASED' });
      await expect(journal.commit(erasedKey, turn, envelope)).rejects.toMatchObject({ code: 'HILO_ERR_CONVERSATION_ERASED' });
      expect(await store.get(erasedKey)).toBeNull();
      expect(await journal.lastCommitted(erasedKey)).toEqual({ seq: 0, envelope: null });
      // A conversation without one is written as before.
      expect(await store.put(liveKey, envelope)).toEqual({ ok: true });
      expect((await journal.commit(liveKey, turn, envelope)).length).toBe(1);
      expect(await tombstones.isErased(liveKey)).toBe(false);
    } finally {
      await store.close();
    }
  }, 30_000);
});
