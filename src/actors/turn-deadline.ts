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
