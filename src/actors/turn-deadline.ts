import { waitFor, type AnyActorRef } from 'xstate';
import { HiloError } from '../kernel/errors.js';
import { AWAITING_INPUT } from '../machines/conversation.contract.js';

/**
 * Waits until the conversation actor awaits input again (or stops running). The host times its
 * own turns: past `timeoutMs` this rejects with the coded `HILO_ERR_TURN_TIMEOUT`, so callers
 * compare the code and never read an error message (an effect's "gateway timeout" text is a
 * failed turn, not a late one). An actor that fails rejects with its own error.
 *
 * @example
 * actor.send(event);
 * await awaitTurnEnd(actor, 15_000);
 */
export async function awaitTurnEnd(actor: AnyActorRef, timeoutMs: number): Promise<void> {
  const deadline = new AbortController();
  // Like waitFor's own `timeout`, Infinity means no deadline (setTimeout would fire at once).
  const timer = timeoutMs === Infinity ? undefined : setTimeout(() => deadline.abort(new HiloError('HILO_ERR_TURN_TIMEOUT')), timeoutMs);
  try {
    await waitFor(actor, (s) => s.hasTag(AWAITING_INPUT) || s.status !== 'active', { timeout: Infinity, signal: deadline.signal });
  } finally {
    clearTimeout(timer);
  }
}
