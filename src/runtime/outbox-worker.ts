import { isHiloError, type HiloErrorCode } from '../kernel/errors.js';
import type { NewOutboxEntry, OutboxEntry, OutboxRepository } from '../persistence/sql/outbox.repository.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';

/**
 * Delivers one outbox row; resolves with what to record on it. Throw to fail (see `isFinalOutboxError`).
 * `skipped` says nothing was sent because the destination is not configured (no Rocket.Chat, no
 * Slack, no CRM webhook, no sender for the channel): the row is done, but `/metrics` counts it as
 * skipped, not delivered.
 */
export type OutboxHandler = (entry: OutboxEntry) => Promise<{ providerMessageId?: string | null; note?: string | null; skipped?: 'not_configured' }>;

export interface OutboxWorkerOptions {
  outbox: OutboxRepository;
  /** One handler per row kind; a row of an unknown kind fails for good. */
  handlers: Readonly<Record<string, OutboxHandler>>;
  clock: Clock;
  logger: Logger;
  /** How often due rows are looked for when nothing kicks the worker. */
  pollMs?: number;
  batchSize?: number;
  /** A claimed row is claimed again after this long if its worker never finished it. */
  leaseMs?: number;
  /** Attempts before a retryable failure becomes final. */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * A row failed for good (a final error, or `maxAttempts` spent): someone must know. Called once
   * per row, after it is marked failed; a throw is logged, never retried.
   */
  onFinalFailure?: (entry: OutboxEntry, reason: string) => Promise<void> | void;
}

export interface OutboxWorker {
  /** Starts polling. */
  start(): void;
  /** Looks for due rows now (after a turn wrote some). */
  kick(): void;
  /** Delivers due rows until none is left; returns how many rows it handled. Tests drive it. */
  drain(): Promise<number>;
  /** Stops polling and waits for the batch in flight. Idempotent. */
  close(): Promise<void>;
  /** Rows delivered, skipped (destination not configured) and failed for good since start, by kind (for `/metrics`). */
  readonly stats: { delivered: Record<string, number>; skipped: Record<string, number>; failed: Record<string, number> };
}

/** Errors that no retry can fix: the provider refused the message, or the window is closed without a template. */
const FINAL_CODES = new Set<HiloErrorCode>([
  'HILO_ERR_CHANNEL_SEND_REJECTED',
  'HILO_ERR_CHANNEL_WINDOW_CLOSED',
  'HILO_ERR_HANDOFF_NOTIFY_REJECTED',
  'HILO_ERR_CRM_REJECTED',
]);

/** True when an outbox row should not be tried again after this error. */
export function isFinalOutboxError(err: unknown): boolean {
  return isHiloError(err) && FINAL_CODES.has(err.code);
}

function describeError(err: unknown): string {
  if (isHiloError(err)) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Delivers outbox rows: claims due rows (a lease, so a crashed worker's rows come back), runs the
 * handler of each row's kind in order, and marks it done (with the provider's message id) or
 * failed — again later with exponential backoff (at least a rate limit's `retryAfterMs`), for
 * good on a final error or after `maxAttempts`. Adapters retry within one attempt already; the
 * outbox retries across minutes and restarts.
 *
 * @example
 * const worker = createOutboxWorker({ outbox, handlers: { reply: sendReply }, clock, logger });
 * worker.start();
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, handlers, clock, pollMs = 500, batchSize = 20, leaseMs = 120_000, maxAttempts = 8, retryBaseMs = 2_000, retryMaxMs = 10 * 60_000 } = options;
  const log = options.logger.child({ component: 'outbox' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let closed = false;
  const stats: OutboxWorker['stats'] = { delivered: {}, skipped: {}, failed: {} };
  const count = (bucket: Record<string, number>, kind: string): void => {
    bucket[kind] = (bucket[kind] ?? 0) + 1;
  };
  const failedForGood = async (entry: OutboxEntry, reason: string): Promise<void> => {
    count(stats.failed, entry.kind);
    try {
      await options.onFinalFailure?.(entry, reason);
    } catch (err) {
      log.error({ outboxId: entry.id, kind: entry.kind, err: describeError(err) }, 'final-failure hook failed');
    }
  };

  const handle = async (entry: OutboxEntry): Promise<void> => {
    const handler = handlers[entry.kind];
    const rowLog = log.child({ tenant: entry.tenantId, conversationId: entry.conversationId, outboxId: entry.id, kind: entry.kind, attempt: entry.attempts });
    if (!handler) {
      rowLog.error('no handler for this outbox kind');
      await outbox.markFailed(entry.id, `no handler for kind ${entry.kind}`, null);
      await failedForGood(entry, `no handler for kind ${entry.kind}`);
      return;
    }
    try {
      const result = await handler(entry);
      const { skipped, ...recorded } = result;
      await outbox.markDone(entry.id, recorded);
      count(skipped ? stats.skipped : stats.delivered, entry.kind);
      rowLog.debug({ providerMessageId: result.providerMessageId ?? null, skipped: skipped ?? null }, skipped ? 'outbox row skipped: destination not configured' : 'outbox row delivered');
    } catch (err) {
      const final = isFinalOutboxError(err) || entry.attempts >= maxAttempts;
      const details = isHiloError(err) ? (err.details as { retryAfterMs?: unknown } | undefined) : undefined;
      const retryAfter = typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : 0;
      const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, entry.attempts - 1));
      const retryAt = final ? null : clock.now() + Math.max(backoff, retryAfter);
      await outbox.markFailed(entry.id, describeError(err), retryAt);
      rowLog[final ? 'error' : 'warn']({ code: isHiloError(err) ? err.code : undefined, retryAt }, final ? 'outbox row failed for good' : 'outbox row failed; will retry');
      if (final) await failedForGood(entry, describeError(err));
    }
  };

  const runOnce = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const batch = await outbox.claimDue(batchSize, leaseMs);
      // One row at a time keeps a conversation's replies in order.
      for (const entry of batch) await handle(entry);
      total += batch.length;
      if (batch.length < batchSize) return total;
    }
  };

  const run = (): Promise<number> => {
    if (running) {
      again = true;
      return running.then(() => (running ? running : run()));
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await runOnce();
        } while (again && !closed);
      } catch (err) {
        log.error({ err: describeError(err) }, 'outbox scan failed');
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => {
      void run().finally(schedule);
    }, pollMs);
    timer.unref();
  };

  return {
    stats,
    start() {
      if (timer || closed) return;
      schedule();
    },
    kick() {
      if (!closed) void run();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = await run();
        total += n;
        if (n === 0) return total;
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}

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
    async claimDue(limit, leaseMs) {
      const now = clock.now();
      const due: MemoryOutboxRow[] = [];
      for (const r of open.values()) {
        if (due.length >= limit) break;
        if (r.nextAttemptAt <= now) due.push(r);
      }
      for (const r of due) {
        r.status = 'sending';
        r.attempts++;
        r.nextAttemptAt = now + leaseMs;
      }
      return due.map((r) => ({ id: r.id, tenantId: r.tenantId, conversationId: r.conversationId, kind: r.kind, payload: r.payload, attempts: r.attempts, idempotencyKey: r.idempotencyKey }));
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
      r.deliveryStatus = status;
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
