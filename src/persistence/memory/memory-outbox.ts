import type { Clock } from '../../kernel/clock.js';
import { deliveryStatusRank, type NewOutboxEntry, type OutboxRepository } from '../ports/outbox.js';

/**
 * The outbox of the all-in-memory mode: the same worker and retries, but rows live in process
 * memory, so a reply not yet delivered when the process stops is lost (the durable mode keeps
 * them in SQL).
 */
export function createMemoryOutbox(options: { clock: Clock; maxFinishedRows?: number; maxRememberedKeys?: number }): OutboxRepository & { rows(): ReadonlyArray<Readonly<MemoryOutboxRow>> } {
  const { clock } = options;
  const maxFinished = options.maxFinishedRows ?? 10_000;
  const maxKeys = options.maxRememberedKeys ?? 100_000;
  // Every lookup is by key, never by scanning: a long-running process must not slow down per turn.
  const byId = new Map<string, MemoryOutboxRow>();
  /** Rows not finished yet, in enqueue order (claim order). */
  const open = new Map<string, MemoryOutboxRow>();
  /** Finished rows kept while a delivery status might still arrive for them, oldest first. */
  const finished = new Map<string, MemoryOutboxRow>();
  const byProviderId = new Map<string, MemoryOutboxRow>();
  /** Idempotency keys seen (tenant + key), oldest first, bounded: de-duplication outlives the rows. */
  const keys = new Set<string>();
  let nextId = 1;
  const providerKey = (tenantId: string, providerMessageId: string) => `${tenantId}\u0000${providerMessageId}`;

  const finish = (r: MemoryOutboxRow) => {
    open.delete(r.id);
    finished.set(r.id, r);
    while (finished.size > maxFinished) {
      const oldest = finished.values().next().value as MemoryOutboxRow;
      finished.delete(oldest.id);
      byId.delete(oldest.id);
      if (oldest.providerMessageId) byProviderId.delete(providerKey(oldest.tenantId, oldest.providerMessageId));
    }
  };

  return {
    async enqueue(entry: NewOutboxEntry) {
      const k = `${entry.tenantId}\u0000${entry.idempotencyKey}`;
      if (keys.has(k)) return false;
      keys.add(k);
      if (keys.size > maxKeys) keys.delete(keys.values().next().value as string);
      const row: MemoryOutboxRow = { ...entry, id: String(nextId++), attempts: 0, status: 'pending', nextAttemptAt: clock.now(), providerMessageId: null, deliveryStatus: null, lastError: null };
      byId.set(row.id, row);
      open.set(row.id, row);
      return true;
    },
    async claimDue(limit, leaseMs, scope = {}) {
      const now = clock.now();
      const excluded = new Set(scope.excludeTenants ?? []);
      const due: MemoryOutboxRow[] = [];
      for (const r of open.values()) {
        if (due.length >= limit) break;
        if (scope.tenantId !== undefined && r.tenantId !== scope.tenantId) continue;
        if (excluded.has(r.tenantId)) continue;
        if (r.nextAttemptAt <= now) due.push(r);
      }
      for (const r of due) {
        r.status = 'sending';
        r.attempts++;
        r.nextAttemptAt = now + leaseMs;
      }
      return due.map((r) => ({ id: r.id, tenantId: r.tenantId, conversationId: r.conversationId, kind: r.kind, payload: r.payload as Record<string, unknown>, attempts: r.attempts, idempotencyKey: r.idempotencyKey }));
    },
    async markDone(id, result) {
      const r = byId.get(id);
      if (!r) return;
      r.status = 'done';
      r.providerMessageId = result.providerMessageId ?? null;
      r.lastError = result.note ?? null;
      if (r.providerMessageId) byProviderId.set(providerKey(r.tenantId, r.providerMessageId), r);
      finish(r);
    },
    async markFailed(id, error, retryAt) {
      const r = byId.get(id);
      if (!r) return;
      r.lastError = error;
      if (retryAt === null) {
        r.status = 'failed';
        finish(r);
      } else {
        r.status = 'pending';
        r.nextAttemptAt = retryAt;
      }
    },
    async recordDeliveryStatus(tenantId, providerMessageId, status, error) {
      const r = byProviderId.get(providerKey(tenantId, providerMessageId));
      if (!r) return false;
      if (deliveryStatusRank(status) >= deliveryStatusRank(r.deliveryStatus)) r.deliveryStatus = status;
      if (error !== null) r.lastError = error;
      return true;
    },
    rows: () => [...byId.values()],
  };
}

export interface MemoryOutboxRow extends NewOutboxEntry {
  id: string;
  attempts: number;
  status: 'pending' | 'sending' | 'done' | 'failed';
  nextAttemptAt: number;
  providerMessageId: string | null;
  deliveryStatus: string | null;
  lastError: string | null;
}
