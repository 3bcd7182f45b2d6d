/** Identifies one conversation: the actor key. */
export interface ConversationKey {
  tenantId: string;
  conversationId: string;
}

/** Version of the envelope format itself (not of the machine). */
export const SNAPSHOT_FORMAT_VERSION = 1;

/**
 * What a snapshot store keeps per conversation. `epoch` is the fencing token of the shard lease
 * under which it was written; `seq` grows by one per persisted turn.
 */
export interface SnapshotEnvelope {
  v: number;
  machineVersion: number;
  epoch: number;
  seq: number;
  /** ISO timestamp of the write (from the injected clock). */
  savedAt: string;
  /** XState persisted snapshot: plain JSON. */
  snapshot: unknown;
}

export type PutResult = { ok: true } | { ok: false; reason: 'stale_seq' | 'stale_epoch'; current: { seq: number; epoch: number } };

/**
 * The snapshot port. Writes are conditional: a put succeeds only when `envelope.seq` is greater
 * than the stored seq and `envelope.epoch` is not lower than the stored epoch, so a stale writer
 * (an old shard owner, a retried turn) can never overwrite newer state.
 */
export interface SnapshotStore {
  get(key: ConversationKey): Promise<SnapshotEnvelope | null>;
  put(key: ConversationKey, envelope: SnapshotEnvelope, options?: { ttlSeconds?: number }): Promise<PutResult>;
  delete(key: ConversationKey): Promise<void>;
  close(): Promise<void>;
}
