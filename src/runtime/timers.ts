import { isHiloError } from '../kernel/errors.js';
import type { IdleCloseSource } from '../persistence/ports/turn-journal.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';

/** What the scheduler asks of the actor host. */
export interface IdleCloser {
  /** Closes the conversation unless a turn after `seq` happened; true when it closed. */
  closeIdle(tenantId: string, conversationId: string, seq: number): Promise<boolean>;
}

export interface TimerSchedulerOptions {
  source: IdleCloseSource;
  host: IdleCloser;
  clock: Clock;
  logger: Logger;
  /** How often due timers are scanned (real time; due times come from the injected clock). */
  scanEveryMs?: number;
  /** Most timers fired per scan. */
  batch?: number;
  /** A timer whose close failed is retried this much later, so failures cannot starve the scan. */
  retryAfterMs?: number;
}

export interface TimerScheduler {
  start(): void;
  /** Fires every due timer once; returns how many conversations were closed. */
  tick(): Promise<number>;
  /** Stops scanning and waits for a running scan. Idempotent. */
  close(): Promise<void>;
}

/**
 * Durable timers outside the actor (XState `after` does not survive a restart): each committed
 * turn writes its conversation's idle-close due time next to the transcript; this scheduler scans
 * for due ones with the injected clock and sends `conversation.close`. A timer armed by an older
 * turn is ignored by the host (the newer turn armed its own), so a scan racing a message is safe,
 * and a timer due while the process was down fires on the first scan after the restart.
 *
 * @example
 * const timers = createTimerScheduler({ source: journal, host, clock, logger });
 * timers.start();
 */
export function createTimerScheduler(options: TimerSchedulerOptions): TimerScheduler {
  const { source, host, clock } = options;
  const log = options.logger.child({ component: 'timers' });
  const scanEveryMs = options.scanEveryMs ?? 5_000;
  const batch = options.batch ?? 100;
  const retryAfterMs = options.retryAfterMs ?? 60_000;
  let interval: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let closed = false;

  const scan = async (): Promise<number> => {
    let closedCount = 0;
    const due = await source.dueIdleCloses(clock.now(), batch);
    for (const timer of due) {
      if (closed) break;
      try {
        if (await host.closeIdle(timer.key.tenantId, timer.key.conversationId, timer.seq)) closedCount++;
        else await source.deferIdleClose(timer.key, timer.seq, null); // armed by a turn that is no longer the last
      } catch (err) {
        // A tenant that no longer exists will never close; anything else is retried later.
        const gone = isHiloError(err, 'HILO_ERR_TENANT_NOT_FOUND');
        log.warn({ tenant: timer.key.tenantId, conversationId: timer.key.conversationId, err, dropped: gone }, 'idle close failed');
        await source.deferIdleClose(timer.key, timer.seq, gone ? null : clock.now() + retryAfterMs).catch((deferErr: unknown) =>
          log.warn({ err: deferErr }, 'could not defer an idle-close timer'),
        );
      }
    }
    if (closedCount > 0) log.info({ closed: closedCount }, 'idle conversations closed');
    return closedCount;
  };

  const tick = (): Promise<number> => {
    // One scan at a time: an overlapping tick joins the running one.
    running ??= scan().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    start() {
      if (interval || closed) return;
      interval = setInterval(() => {
        tick().catch((err: unknown) => log.warn({ err }, 'timer scan failed'));
      }, scanEveryMs);
      interval.unref();
    },
    tick,
    async close() {
      closed = true;
      if (interval) clearInterval(interval);
      interval = null;
      await running?.catch(() => undefined);
    },
  };
}
