import { systemClock, type Clock } from '../../kernel/clock.js';
import type { ConversationKey, PutResult, SnapshotEnvelope, SnapshotStore } from '../ports/snapshot-store.js';
import type { EnvelopeJsonMemo } from './envelope-json.js';
import { assertEnvelopeVersions, compareForPut, conversationMapKey, ttlToMs } from './store-helpers.js';

interface StoredSnapshot {
  seq: number;
  epoch: number;
  /** JSON text, so nothing the caller holds can change what is stored. */
  json: string;
  /** Clock millisecond after which the entry is gone; undefined = no TTL. */
  expiresAt: number | undefined;
}

/**
 * In-process `SnapshotStore`: the default when no `REDIS_URL` is configured, and the reference
 * the conformance suite is written against. Writes are conditional exactly like the Redis store
 * (`seq` must grow, `epoch` must not drop); TTLs are measured with the injected clock, so tests
 * can expire entries without waiting. With `envelopeJson`, each written envelope's text is handed
 * to the in-memory turn journal sharing the memo, so a turn serialises its envelope once.
 *
 * @example
 * const store = createMemorySnapshotStore({ clock });
 * await store.put({ tenantId: 't1', conversationId: 'c1' }, envelope, { ttlSeconds: 3600 });
 */
export function createMemorySnapshotStore(options: { clock?: Clock; envelopeJson?: EnvelopeJsonMemo } = {}): SnapshotStore {
  const clock = options.clock ?? systemClock;
  const memo = options.envelopeJson;
  const entries = new Map<string, StoredSnapshot>();

  /** Returns the live entry, dropping it first when its TTL has passed. */
  const live = (mapKey: string): StoredSnapshot | undefined => {
    const entry = entries.get(mapKey);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && clock.now() >= entry.expiresAt) {
      entries.delete(mapKey);
      return undefined;
    }
    return entry;
  };

  return {
    async get(key: ConversationKey): Promise<SnapshotEnvelope | null> {
      const entry = live(conversationMapKey(key));
      return entry === undefined ? null : (JSON.parse(entry.json) as SnapshotEnvelope);
    },

    async put(key: ConversationKey, envelope: SnapshotEnvelope, putOptions?: { ttlSeconds?: number }): Promise<PutResult> {
      assertEnvelopeVersions(envelope);
      const ttlMs = ttlToMs(putOptions?.ttlSeconds);
      // Serialise before looking at the stored entry: compare and write happen with no await
      // in between, which is what makes the put atomic on one event loop.
      const json = JSON.stringify(envelope);
      const mapKey = conversationMapKey(key);
      const current = live(mapKey);
      const verdict = compareForPut(current, envelope);
      if (!verdict.ok) return verdict;
      entries.set(mapKey, {
        seq: envelope.seq,
        epoch: envelope.epoch,
        json,
        expiresAt: ttlMs === undefined ? undefined : clock.now() + ttlMs,
      });
      memo?.remember(envelope, json);
      return { ok: true };
    },

    async delete(key: ConversationKey): Promise<void> {
      entries.delete(conversationMapKey(key));
    },

    async close(): Promise<void> {
      // Nothing to release; kept idempotent like every store.
    },
  };
}
