import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { ConversationUpdate } from './conversation-service.js';

/** How long a turn runs before its listeners are told the bot is typing (`ConversationHostOptions.typingDelayMs`). */
export const DEFAULT_TYPING_DELAY_MS = 250;

/**
 * "Typing…" for a turn that takes a while: `typing {on:true}` once the turn has run `delayMs`, and
 * `typing {on:false}` when it ends, only if the first was sent. A turn answered at once (the rule
 * brain on the tenant's own data, well under a millisecond) sends neither: no indicator that
 * flashes for an instant, and two frames fewer per turn on every socket of the conversation
 * (issue 16). `delayMs` 0 announces every turn at once, as before. Returns the function that ends it.
 *
 * @example
 * const stopTyping = startTyping((k, u) => updates.publish(k, u), key, 250);
 * try { await runTurn(); } finally { stopTyping(); }
 */
export function startTyping(publish: (key: ConversationKey, update: ConversationUpdate) => void, key: ConversationKey, delayMs: number): () => void {
  if (delayMs <= 0) {
    publish(key, { type: 'typing', on: true });
    return () => publish(key, { type: 'typing', on: false });
  }
  let on = false;
  const timer = setTimeout(() => {
    on = true;
    publish(key, { type: 'typing', on: true });
  }, delayMs);
  // A turn that hangs must not keep the process alive for its indicator.
  timer.unref();
  return () => {
    clearTimeout(timer);
    if (on) publish(key, { type: 'typing', on: false });
  };
}
