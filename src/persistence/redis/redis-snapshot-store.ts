import { readFileSync } from 'node:fs';
import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import { createSilentLogger, type Logger } from '../../kernel/logger.js';
import { assertEnvelopeVersions, ttlToMs } from '../memory/store-helpers.js';
import type { ConversationKey, PutResult, SnapshotEnvelope, SnapshotStore } from '../ports/snapshot-store.js';
import type { EnvelopeJsonMemo } from '../memory/envelope-json.js';
import { createRedisConnection, type RedisClient } from './redis-connection.js';
import { createRedisKeys, DEFAULT_REDIS_PREFIX, type RedisKeys } from './keys.js';
import { errorMessage } from '../../kernel/describe-error.js';

export interface RedisSnapshotStoreOptions {
  /** A client owned by the caller: the store never closes it. */
  redis?: RedisClient;
  /** Used when no client is given; the store then owns (and closes) its client. `redis+cluster://` opens a Redis Cluster client. */
  url?: string;
  /** Key prefix, default `hilo`. */
  prefix?: string;
  logger?: Logger;
  /** Accepted for parity with the other stores; TTLs are enforced by the Redis server's clock. */
  clock?: Clock;
  /**
   * Handed, for every envelope this store writes, the JSON text of the envelope without its `turn`:
   * the turn journal's snapshot copy (commit step 2), so a durable turn serialises its snapshot once
   * (`createSqlTurnJournal({ envelopeCopyJson })` takes it; the same memo in both).
   */
  envelopeCopyJson?: EnvelopeJsonMemo;
}

const PUT_COMMAND = 'hiloPutSnapshot2';
const DEFAULT_URL = 'redis://127.0.0.1:6379';

let putScript: string | undefined;

/** The `.lua` file sits next to this module both in `src/` and in the compiled `dist/`. */
function loadPutScript(): string {
  putScript ??= readFileSync(new URL('./scripts/put-snapshot-2.lua', import.meta.url), 'utf8');
  return putScript;
}

type PutCommand = (key: string, tombstone: string, seq: string, epoch: string, envelope: string, ttlMs: string) => Promise<[number, string, string]>;

/**
 * `SnapshotStore` on Redis (ioredis 5). Each conversation's envelope is a hash
 * `{ seq, epoch, env }` under `createRedisKeys(prefix).snapshot(key)`; the conditional write is one
 * Lua script (`scripts/put-snapshot-2.lua`), so concurrent writers need no `MULTI`/`WATCH`.
 */
export class RedisSnapshotStore implements SnapshotStore {
  readonly keys: RedisKeys;
  readonly #redis: RedisClient;
  readonly #ownsClient: boolean;
  readonly #log: Logger;
  readonly #copyMemo: EnvelopeJsonMemo | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: RedisSnapshotStoreOptions = {}) {
    this.keys = createRedisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX);
    this.#log = (options.logger ?? createSilentLogger()).child({ component: 'redis-snapshot-store' });
    this.#copyMemo = options.envelopeCopyJson;
    if (options.redis !== undefined) {
      this.#redis = options.redis;
      this.#ownsClient = false;
    } else {
      this.#redis = createRedisConnection(options.url ?? DEFAULT_URL, { maxRetriesPerRequest: 3, connectionName: 'hilo-snapshots', autoPipelining: true });
      this.#ownsClient = true;
      // Without a listener ioredis prints every connection error to stderr itself.
      this.#redis.on('error', (err: Error) => this.#log.warn({ err: err.message }, 'redis connection error'));
    }
    this.#redis.defineCommand(PUT_COMMAND, { numberOfKeys: 2, lua: loadPutScript() });
  }

  async get(key: ConversationKey): Promise<SnapshotEnvelope | null> {
    const redisKey = this.keys.snapshot(key);
    let fields: (string | null)[];
    try {
      fields = await this.#redis.hmget(redisKey, 'seq', 'epoch', 'env');
    } catch (err) {
      throw this.#mapError(err, key);
    }
    const [seq, epoch, env] = fields;
    if (seq == null && epoch == null && env == null) return null;
    if (seq == null || epoch == null || env == null) throw corrupt(key, 'the hash lacks seq, epoch or env');

    let envelope: unknown;
    try {
      envelope = JSON.parse(env);
    } catch (err) {
      throw corrupt(key, 'env is not valid JSON', err);
    }
    if (!isEnvelope(envelope)) throw corrupt(key, 'env is not a snapshot envelope');
    if (envelope.seq !== Number(seq) || envelope.epoch !== Number(epoch)) {
      throw corrupt(key, 'the seq/epoch fields disagree with the envelope');
    }
    return envelope;
  }

  async put(key: ConversationKey, envelope: SnapshotEnvelope, options?: { ttlSeconds?: number }): Promise<PutResult> {
    assertEnvelopeVersions(envelope);
    const ttlMs = ttlToMs(options?.ttlSeconds) ?? 0;
    const putSnapshot = (this.#redis as unknown as Record<typeof PUT_COMMAND, PutCommand>)[PUT_COMMAND].bind(this.#redis);
    const { full, copy } = envelopeTexts(envelope);
    let reply: [number, string, string];
    try {
      reply = await putSnapshot(this.keys.snapshot(key), this.keys.erased(key), String(envelope.seq), String(envelope.epoch), full, String(ttlMs));
    } catch (err) {
      throw this.#mapError(err, key);
    }
    const [outcome, seq, epoch] = reply;
    if (outcome === 1) {
      this.#copyMemo?.remember(envelope, copy);
      return { ok: true };
    }
    // The conversation was erased (its tombstone, `ErasureTombstones`): never written again.
    if (outcome === -2) throw new HiloError('HILO_ERR_CONVERSATION_ERASED');
    const current = { seq: Number(seq), epoch: Number(epoch) };
    const reason = outcome === -1 ? 'stale_epoch' : 'stale_seq';
    this.#log.debug({ tenant: key.tenantId, conversationId: key.conversationId, reason, seq: envelope.seq, epoch: envelope.epoch, current }, 'snapshot put rejected');
    return { ok: false, reason, current };
  }

  async delete(key: ConversationKey): Promise<void> {
    await this.#redis.del(this.keys.snapshot(key));
  }

  /**
   * Resolves when Redis answers; for health checks and start-up. Bounded: a Redis Cluster client
   * queues commands while no node is reachable (and keeps trying), so an unreachable cluster would
   * otherwise hold start-up forever instead of failing with a clear error.
   */
  async ping(timeoutMs = 5_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no PING answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const reply = await Promise.race([this.#redis.ping(), timeout]);
      if (reply !== 'PONG') throw new Error(`unexpected PING reply from Redis: ${reply}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Idempotent. Closes the client only when this store created it. */
  close(): Promise<void> {
    this.#closing ??= this.#closeClient();
    return this.#closing;
  }

  async #closeClient(): Promise<void> {
    if (!this.#ownsClient) return;
    try {
      await this.#redis.quit();
    } catch {
      // QUIT fails when the connection is already gone; make sure no reconnect is pending.
      this.#redis.disconnect();
    }
  }

  #mapError(err: unknown, key: ConversationKey): unknown {
    const message = errorMessage(err);
    if (message.includes('HILO_CORRUPT') || message.startsWith('WRONGTYPE')) {
      return corrupt(key, message.split('\n')[0] ?? message, err);
    }
    return err;
  }
}

/**
 * Creates a Redis snapshot store. Pass `redis` to share a client you own, or `url` to let the
 * store create (and on `close()`, quit) its own.
 *
 * @example
 * const store = createRedisSnapshotStore({ url: process.env.REDIS_URL, prefix: 'hilo', logger });
 * await store.ping();
 */
export function createRedisSnapshotStore(options: RedisSnapshotStoreOptions = {}): RedisSnapshotStore {
  return new RedisSnapshotStore(options);
}

/**
 * The envelope's JSON text (`full`, what Redis stores) and the same text without the envelope's
 * `turn` (`copy`, the journal's snapshot copy), from one serialisation of the snapshot: `full` is
 * `copy` with the turn record appended as the last member. The turn record is small (the turn's
 * lines); the snapshot is most of the envelope.
 */
export function envelopeTexts(envelope: SnapshotEnvelope): { full: string; copy: string } {
  const turn = (envelope as { turn?: unknown }).turn;
  if (turn === undefined) {
    const json = JSON.stringify(envelope);
    return { full: json, copy: json };
  }
  const rest: Record<string, unknown> = { ...envelope };
  delete rest.turn;
  const copy = JSON.stringify(rest);
  const turnJson = JSON.stringify(turn) as string | undefined;
  // A turn JSON cannot write (a function, say) is left out, as JSON.stringify(envelope) would.
  if (turnJson === undefined) return { full: copy, copy };
  // `rest` always has members (v, seq, …), so `copy` ends with `}` after at least one of them.
  return { full: `${copy.slice(0, -1)},"turn":${turnJson}}`, copy };
}

function corrupt(key: ConversationKey, reason: string, cause?: unknown): HiloError {
  return new HiloError('HILO_ERR_SNAPSHOT_CORRUPT', `Stored snapshot of conversation ${key.conversationId} is unreadable: ${reason}.`, {
    cause,
  });
}

function isEnvelope(value: unknown): value is SnapshotEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.v === 'number' &&
    typeof v.machineVersion === 'number' &&
    typeof v.epoch === 'number' &&
    typeof v.seq === 'number' &&
    typeof v.savedAt === 'string'
  );
}
