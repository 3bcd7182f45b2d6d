import { waitFor, type AnyActorRef } from 'xstate';
import { HiloError } from '../kernel/errors.js';
import { AWAITING_INPUT } from '../machines/conversation.contract.js';

/**
 * Waits until the conversation actor awaits input again (or stops running). The host times its
 * own turns: past `timeoutMs` this rejects with the coded `HILO_ERR_TURN_TIMEOUT`, so callers
 * compare the code and never read an error message (an effect's "gateway timeout" text is a
 * failed turn, not a late one). An actor that fails rejects with its own error. After a timeout
 * the wait stays subscribed until the actor stops: the host stops (passivates) it at once.
 *
 * The deadline races xstate's `waitFor` instead of using its `timeout` (whose error is known only
 * by its message) or its `signal` (an AbortSignal's listeners cost ~7 µs a turn; this ~1 µs).
 *
 * @example
 * actor.send(event);
 * await awaitTurnEnd(actor, 15_000);
 */
export async function awaitTurnEnd(actor: AnyActorRef, timeoutMs: number): Promise<void> {
  const settled = waitFor(actor, (s) => s.hasTag(AWAITING_INPUT) || s.status !== 'active', { timeout: Infinity });
  // Infinity means no deadline (setTimeout would fire at once).
  if (timeoutMs === Infinity) {
    await settled;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HiloError('HILO_ERR_TURN_TIMEOUT')), timeoutMs);
  });
  try {
    await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The end of the turn in progress, awaited through one subscription that lives as long as the actor. */
export interface TurnEndWatch {
  /**
   * Like `awaitTurnEnd`: resolves once the actor awaits input again (or stops running), rejects
   * with the actor's error, or with `HILO_ERR_TURN_TIMEOUT` past `timeoutMs`. One wait at a time
   * (the host's mailbox runs one turn at a time per conversation).
   */
  wait(timeoutMs: number): Promise<void>;
}

/**
 * Subscribes to the actor once, before it starts, instead of once per turn (`waitFor` builds an
 * observer, a subscription and its disposal every turn). The subscription also observes the
 * actor's errors: xstate throws an error nobody observes from a timer, which kills the process, so
 * an action failing inside `send` (no wait pending yet) must be observed and fail only its turn.
 *
 * @example
 * const turns = watchTurnEnds(actor); // before actor.start()
 * actor.start();
 * actor.send(event);
 * await turns.wait(15_000);
 */
export function watchTurnEnds(actor: AnyActorRef): TurnEndWatch {
  let pending: { resolve: () => void; reject: (err: unknown) => void; timer: NodeJS.Timeout | undefined } | null = null;
  const settle = (err?: unknown): void => {
    const p = pending;
    if (p === null) return;
    pending = null;
    clearTimeout(p.timer);
    if (err === undefined) p.resolve();
    else p.reject(err);
  };
  const ended = (s: { status: string; hasTag(tag: string): boolean }): boolean => s.status !== 'active' || s.hasTag(AWAITING_INPUT);
  actor.subscribe({
    next: (s: { status: string; hasTag(tag: string): boolean }) => {
      if (pending !== null && ended(s)) settle();
    },
    error: (err: unknown) => settle(err ?? new Error('actor failed')),
    complete: () => settle(ended(actor.getSnapshot() as never) ? undefined : new Error('Actor terminated without satisfying predicate')),
  });
  return {
    wait(timeoutMs) {
      if (ended(actor.getSnapshot() as never)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        // Infinity means no deadline (setTimeout would fire at once).
        const timer = timeoutMs === Infinity ? undefined : setTimeout(() => settle(new HiloError('HILO_ERR_TURN_TIMEOUT')), timeoutMs);
        pending = { resolve, reject, timer };
      });
    },
  };
}
