import type { ConversationKey, PutResult, SnapshotEnvelope } from '../ports/snapshot-store.js';

/**
 * One map key per conversation. The NUL separator cannot appear in ids that travel through JSON
 * and HTTP, so tenant "a:b" + conversation "c" never collides with tenant "a" + "b:c".
 */
export function conversationMapKey(key: ConversationKey): string {
  return `${key.tenantId}\u0000${key.conversationId}`;
}

/**
 * Guards the two numbers the conditional write depends on. A NaN or fractional seq would make
 * every later comparison meaningless, so it is a programming error, not a stale write.
 */
export function assertEnvelopeVersions(envelope: SnapshotEnvelope): void {
  if (!Number.isSafeInteger(envelope.seq) || envelope.seq < 0) {
    throw new RangeError(`envelope.seq must be a non-negative safe integer, got ${String(envelope.seq)}`);
  }
  if (!Number.isSafeInteger(envelope.epoch) || envelope.epoch < 0) {
    throw new RangeError(`envelope.epoch must be a non-negative safe integer, got ${String(envelope.epoch)}`);
  }
}

/**
 * The port's write rule, shared so the in-memory store and the Lua script cannot drift apart:
 * epoch is checked first (a fenced-off owner is told so even when its seq is higher), then seq.
 */
export function compareForPut(current: { seq: number; epoch: number } | undefined, next: { seq: number; epoch: number }): PutResult {
  if (current === undefined) return { ok: true };
  if (next.epoch < current.epoch) {
    return { ok: false, reason: 'stale_epoch', current: { seq: current.seq, epoch: current.epoch } };
  }
  if (next.seq <= current.seq) {
    return { ok: false, reason: 'stale_seq', current: { seq: current.seq, epoch: current.epoch } };
  }
  return { ok: true };
}

/** Seconds → whole milliseconds (at least 1); undefined or absent means no expiry. */
export function ttlToMs(ttlSeconds: number | undefined): number | undefined {
  if (ttlSeconds === undefined) return undefined;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive number, got ${String(ttlSeconds)}`);
  }
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

/** Deep copy of plain data (objects, arrays, scalars), as transcript lines and records are. */
export function copyPlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => copyPlain(v)) as T;
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = copyPlain((value as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * Copy of a flat record whose fields are mostly scalars (a transcript line): one spread, and a deep
 * copy only of the fields that hold objects (options, media). About 50× cheaper than
 * `structuredClone` for a transcript line, and as isolating for plain data.
 */
export function copyRecord<T extends object>(value: T): T {
  return ownObjectFields({ ...value });
}

/** `record` itself, its object fields (options, media) replaced by deep copies: for a record made just now by a spread. */
export function ownObjectFields<T extends object>(record: T): T {
  const out = record as Record<string, unknown>;
  for (const k in out) {
    const v = out[k];
    if (v !== null && typeof v === 'object') out[k] = copyPlain(v);
  }
  return record;
}
