import { isHiloError, type HiloErrorCode } from '../../kernel/errors.js';
import { errorSummary } from '../../kernel/describe-error.js';
import type { OutboxEntry, OutboxRepository } from '../../persistence/ports/outbox.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { OutboxHandler, OutboxHandlerRegistry } from './handler-registry.js';
import type { OutboxDelivery } from './messages.js';
import { parseOutboxEntry } from './parse.js';

export interface OutboxWorkerOptions {
  outbox: OutboxRepository;
  /** One handler per kind; a row of an unknown kind, an invalid payload or no handler fails for good. */
  handlers: OutboxHandlerRegistry;
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
   * per row, after it is marked failed, with the parsed row when it parsed; a throw is logged, never retried.
   */
  onFinalFailure?: (entry: OutboxEntry, reason: string, delivery: OutboxDelivery | null) => Promise<void> | void;
  /**
   * Clustered runtime: asked right before each row is sent; false (its shard moved or is being
   * handed over) puts the row back for the shard's next owner (`release`) instead of sending it.
   */
  mayDeliver?: (entry: OutboxEntry) => boolean;
}

export interface OutboxWorker {
  /** Starts polling. */
  start(): void;
  /** Looks for due rows now (after a turn wrote some). */
  kick(): void;
  /** Delivers due rows until none is left (every lane idle); returns how many rows it handled. Tests drive it. */
  drain(): Promise<number>;
  /** Waits until no row of `shard` is being sent (a hand-over: the next owner takes the rest). */
  settleShard(shard: number): Promise<void>;
  /** Stops polling and waits for the rows in flight. Idempotent. */
  close(): Promise<void>;
  /** Rows delivered, skipped (destination not configured) and failed for good since start, by kind (for `/metrics`). */
  readonly stats: { delivered: Record<string, number>; skipped: Record<string, number>; failed: Record<string, number>; released?: number };
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

/** One tenant's rows in flight: handled one at a time, so a conversation's replies keep their order. */
interface Lane {
  readonly queue: OutboxEntry[];
  done: Promise<void>;
}

/**
 * Delivers outbox rows in **lanes**, one per tenant: a scan claims due rows of every idle lane (a
 * lease, so a crashed worker's rows come back) and hands each tenant's rows to that tenant's lane,
 * which runs them in order and marks each done (with the provider's message id) or failed — again
 * later with exponential backoff (at least a rate limit's `retryAfterMs`), for good on a final
 * error or after `maxAttempts`. A lane that sleeps for pacing or a provider's retries delays only
 * its own tenant: the next scan skips busy lanes and serves the others. Adapters retry within one
 * attempt already; the outbox retries across minutes and restarts.
 *
 * @example
 * const worker = createOutboxWorker({ outbox, handlers: createOutboxHandlerRegistry().register('reply', sendReply), clock, logger });
 * worker.start();
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, handlers, clock, pollMs = 500, batchSize = 20, leaseMs = 120_000, maxAttempts = 8, retryBaseMs = 2_000, retryMaxMs = 10 * 60_000 } = options;
  const log = options.logger.child({ component: 'outbox' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  /** Busy lanes by tenant. */
  const lanes = new Map<string, Lane>();
  /**
   * The last scan skipped busy lanes: scan again whenever one frees, its tenant may have newer
   * rows. Set before the scan's claim is sent (a lane that frees while the claim is in flight must
   * see it) and cleared only by a scan that skipped nothing — never by a lane, which would leave
   * the other skipped lanes' rows waiting for the next poll.
   */
  let rescanWhenLaneFrees = false;
  let handled = 0;
  const stats: OutboxWorker['stats'] = { delivered: {}, skipped: {}, failed: {} };
  const count = (bucket: Record<string, number>, kind: string): void => {
    bucket[kind] = (bucket[kind] ?? 0) + 1;
  };
  const failedForGood = async (entry: OutboxEntry, reason: string, delivery: OutboxDelivery | null): Promise<void> => {
    count(stats.failed, entry.kind);
    try {
      await options.onFinalFailure?.(entry, reason, delivery);
    } catch (err) {
      log.error({ outboxId: entry.id, kind: entry.kind, err }, 'final-failure hook failed');
    }
  };

  /** Rows being handled, by shard (clustered rows only), so a hand-over can wait for them. */
  const sending = new Map<number, Set<Promise<void>>>();
  const handle = async (entry: OutboxEntry): Promise<void> => {
    if (entry.shard === undefined || entry.shard === null) return deliver(entry);
    const shard = entry.shard;
    if (options.mayDeliver && !options.mayDeliver(entry)) {
      stats.released = (stats.released ?? 0) + 1;
      if (outbox.release && entry.claimEpoch !== undefined && entry.claimEpoch !== null) await outbox.release(entry.id, entry.claimEpoch);
      else await outbox.markFailed(entry.id, 'shard moved before delivery', clock.now());
      return;
    }
    const job = deliver(entry);
    let set = sending.get(shard);
    if (!set) sending.set(shard, (set = new Set()));
    set.add(job);
    try {
      await job;
    } finally {
      set.delete(job);
    }
  };

  const deliver = async (entry: OutboxEntry): Promise<void> => {
    handled++;
    const rowLog = log.child({ tenant: entry.tenantId, conversationId: entry.conversationId, outboxId: entry.id, kind: entry.kind, attempt: entry.attempts });
    const parsed = parseOutboxEntry(entry);
    const handler = parsed.ok ? (handlers.handlerFor(parsed.delivery.kind) as OutboxHandler | undefined) : undefined;
    if (!parsed.ok || !handler) {
      const reason = parsed.ok ? `no handler for kind ${entry.kind}` : parsed.reason;
      rowLog.error({ reason }, 'outbox row cannot be delivered');
      await outbox.markFailed(entry.id, reason, null);
      await failedForGood(entry, reason, parsed.ok ? parsed.delivery : null);
      return;
    }
    try {
      const result = await handler(parsed.delivery);
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
      await outbox.markFailed(entry.id, errorSummary(err), retryAt);
      rowLog[final ? 'error' : 'warn']({ code: isHiloError(err) ? err.code : undefined, retryAt }, final ? 'outbox row failed for good' : 'outbox row failed; will retry');
      if (final) await failedForGood(entry, errorSummary(err), parsed.delivery);
    }
  };

  const startLane = (tenantId: string, rows: OutboxEntry[], batchWasFull: boolean): void => {
    const lane: Lane = { queue: rows, done: Promise.resolve() };
    lanes.set(tenantId, lane);
    lane.done = (async () => {
      let more = batchWasFull;
      try {
        for (;;) {
          for (let row = lane.queue.shift(); row !== undefined; row = lane.queue.shift()) await handle(row);
          // A full batch may have left rows behind: this lane claims its own tenant's next ones.
          if (!more || closed) break;
          const next = await outbox.claimDue(batchSize, leaseMs, { tenantId });
          more = next.length === batchSize;
          if (next.length === 0) break;
          lane.queue.push(...next);
        }
      } catch (err) {
        log.error({ tenant: tenantId, err }, 'outbox lane failed');
      } finally {
        lanes.delete(tenantId);
        if (rescanWhenLaneFrees && !closed) void run();
      }
    })();
  };

  /** Claims due rows of idle lanes and starts those lanes; busy lanes are left to themselves. */
  const scanOnce = async (): Promise<void> => {
    for (;;) {
      const busy = [...lanes.keys()];
      rescanWhenLaneFrees = busy.length > 0;
      const batch = await outbox.claimDue(batchSize, leaseMs, busy.length > 0 ? { excludeTenants: busy } : undefined);
      const byTenant = new Map<string, OutboxEntry[]>();
      for (const entry of batch) {
        const rows = byTenant.get(entry.tenantId);
        if (rows) rows.push(entry);
        else byTenant.set(entry.tenantId, [entry]);
      }
      const full = batch.length === batchSize;
      for (const [tenantId, rows] of byTenant) {
        const lane = lanes.get(tenantId);
        if (lane) lane.queue.push(...rows);
        else startLane(tenantId, rows, full);
      }
      if (!full || closed) return;
    }
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await scanOnce();
        } while (again && !closed);
      } catch (err) {
        log.error({ err }, 'outbox scan failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const idle = async (): Promise<void> => {
    while (running || lanes.size > 0) {
      if (running) await running;
      await Promise.all([...lanes.values()].map((l) => l.done));
    }
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
    async settleShard(shard) {
      while ((sending.get(shard)?.size ?? 0) > 0) await Promise.allSettled([...sending.get(shard)!]);
    },
    async drain() {
      let total = 0;
      for (;;) {
        const before = handled;
        await run();
        await idle();
        const n = handled - before;
        total += n;
        if (n === 0) return total;
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await idle();
    },
  };
}
