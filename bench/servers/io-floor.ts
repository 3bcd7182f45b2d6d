/**
 * The I/O floor: per customer message, exactly the storage round trips a Hilo turn needs in durable
 * mode and nothing else — no engine, no brain, no ORM. Behind the shared `node:http` front end.
 *
 *  1. Redis `HMGET` of the conversation's snapshot hash (what activation reads),
 *  2. Redis `EVALSHA` of Hilo's own conditional-put script (`put-snapshot-2.lua`) with seq + 1,
 *  3. PostgreSQL: one multi-row `INSERT` of the inbound and the outbound transcript rows.
 *
 * Turns of one conversation run one at a time (as in Hilo's mailbox). Child of bench/run.ts.
 *
 * With `batched` (the `io-floor-batched` variant), step 3 batches the way Hilo's journal does
 * (src/kernel/group-commit.ts, the same code): one INSERT in flight; the turns that arrive meanwhile
 * go out as one multi-row INSERT over `unnest` when it returns (a lone turn keeps the plain INSERT).
 * The floor Hilo's group commit is compared with, since a floor that never batches is no longer one.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createGroupCommit } from '../../src/kernel/group-commit.js';
import { serveIpc } from '../lib/ipc.js';
import { createKeyedQueue, startHttpFront } from './http-front.js';

const opts = JSON.parse(process.env.BENCH_SERVER_OPTS ?? '{}') as { apiKey: string; redisPrefix: string; pgSchema: string; pgUrl: string; snapshotBytes: number; batched?: boolean };
const lua = readFileSync(new URL('../../src/persistence/redis/scripts/put-snapshot-2.lua', import.meta.url), 'utf8');

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
redis.defineCommand('floorPut', { numberOfKeys: 2, lua });
const floorPut = (redis as unknown as { floorPut(key: string, tombstone: string, seq: string, epoch: string, env: string, ttl: string): Promise<[number, string, string]> }).floorPut.bind(redis);
const schema = opts.pgSchema;
const pool = new pg.Pool({ connectionString: opts.pgUrl, max: 10, options: `-c search_path=${schema}` });
await pool.query(`create schema if not exists ${schema}`);
await pool.query(`create table if not exists ${schema}.messages (
  tenant_id text not null, conversation_id text not null, seq integer not null, message_id text not null,
  direction text not null, author text not null, channel text not null, text text not null, created_at timestamptz not null,
  primary key (tenant_id, conversation_id, seq))`);

// A stand-in for the XState persisted snapshot, as large as Hilo's (measured by the engine step).
const filler = randomBytes(Math.max(16, Math.floor(opts.snapshotBytes / 2))).toString('hex').slice(0, opts.snapshotBytes);
const queue = createKeyedQueue();

/** Step 3's two rows of one turn. */
interface FloorTurn {
  tenant: string;
  sender: string;
  inSeq: number;
  messageId: string;
  text: string;
  now: Date;
  reply: string;
}

const insertOne = async (t: FloorTurn): Promise<void> => {
  await pool.query(
    `insert into messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, created_at)
     values ($1, $2, $3, $4, 'in', 'customer', 'rest', $5, $7), ($1, $2, $6, $8, 'out', 'bot', 'rest', $9, $7)`,
    [t.tenant, t.sender, t.inSeq, t.messageId, t.text, t.inSeq + 1, t.now, `out:${t.inSeq + 1}`, t.reply],
  );
};

const insertMany = async (turns: FloorTurn[]): Promise<void[]> => {
  const cols = Array.from({ length: 8 }, () => [] as unknown[]);
  for (const t of turns) {
    for (const row of [
      [t.tenant, t.sender, t.inSeq, t.messageId, 'in', 'customer', t.text, t.now],
      [t.tenant, t.sender, t.inSeq + 1, `out:${t.inSeq + 1}`, 'out', 'bot', t.reply, t.now],
    ]) row.forEach((v, k) => (cols[k] as unknown[]).push(v));
  }
  await pool.query(
    `insert into messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, created_at)
     select tenant_id, conversation_id, seq, message_id, direction, author, 'rest', text, created_at
     from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
       as r(tenant_id, conversation_id, seq, message_id, direction, author, text, created_at)`,
    cols,
  );
  return turns.map(() => undefined);
};

const inserts = opts.batched ? createGroupCommit<FloorTurn, void>({ keyOf: (t) => `${t.tenant}\u0000${t.sender}`, one: insertOne, many: insertMany, maxBatch: 64 }) : null;

async function turn(tenant: string, sender: string, text: string, messageId: string | undefined): Promise<unknown> {
  const key = `${opts.redisPrefix}:{t:${tenant}:c:${sender}}:snap`;
  return queue(key, async () => {
    const [storedSeq] = await redis.hmget(key, 'seq', 'epoch', 'env');
    const seq = Number(storedSeq ?? 0) + 1;
    const now = new Date();
    const envelope = JSON.stringify({ v: 1, machineVersion: 1, epoch: 1, seq, savedAt: now.toISOString(), snapshot: { value: 'triage', context: { filler } } });
    const [written] = await floorPut(key, `${key}:erased`, String(seq), '1', envelope, '0');
    if (written !== 1) throw new Error('conditional snapshot write rejected');
    const reply = `eco: ${text}`;
    const inSeq = seq * 2 - 1;
    const rows: FloorTurn = { tenant, sender, inSeq, messageId: messageId ?? `rest:${inSeq}`, text, now, reply };
    await (inserts ? inserts.submit(rows) : insertOne(rows));
    return { conversation_id: sender, replies: [{ seq: inSeq + 1, text: reply }] };
  });
}

const front = await startHttpFront({ apiKey: opts.apiKey, handle: (tenant, body) => turn(tenant, body.sender, body.text, body.message_id) });

let closed = false;
serveIpc({ port: front.port, frontEnd: 'node:http (bench/servers/http-front.ts)' }, {}, async () => {
  if (closed) return;
  closed = true;
  await front.close();
  // Clean up what this variant wrote, even when the run failed half-way.
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${opts.redisPrefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await pool.query(`drop schema if exists ${schema} cascade`);
  await pool.end();
  redis.disconnect();
});
