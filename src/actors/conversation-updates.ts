import type { Logger } from '../kernel/logger.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { ConversationUpdate } from './conversation-service.js';
import { conversationKeyString } from './actor-registry.js';

export type ConversationListener = (update: ConversationUpdate) => void;

/** Live updates per conversation (recorded lines, typing, streamed deltas, moves), in process. */
export interface ConversationUpdates {
  /** Adds a listener; the returned function removes it. */
  subscribe(key: ConversationKey, listener: ConversationListener): () => void;
  /** Calls every listener of the conversation; a throwing listener is logged and skipped. */
  publish(key: ConversationKey, update: ConversationUpdate): void;
  /** Drops every listener (host shutdown). */
  clear(): void;
}

/**
 * The host's pub/sub (`onPublish`, when given, sees every update first: the cluster forwards
 * them to other members): listeners run synchronously in subscription order, and a listener added
 * or removed while an update is delivered does not change who receives that update.
 *
 * @example
 * const updates = createConversationUpdates(logger);
 * const off = updates.subscribe(key, (u) => socket.send(u));
 */
export function createConversationUpdates(logger: Logger, onPublish?: (key: ConversationKey, update: ConversationUpdate) => void): ConversationUpdates {
  const listeners = new Map<string, Set<ConversationListener>>();
  return {
    subscribe(key, listener) {
      const k = conversationKeyString(key);
      let set = listeners.get(k);
      if (!set) {
        set = new Set();
        listeners.set(k, set);
      }
      set.add(listener);
      return () => {
        const s = listeners.get(k);
        if (!s) return;
        s.delete(listener);
        if (s.size === 0) listeners.delete(k);
      };
    },
    publish(key, update) {
      onPublish?.(key, update);
      const set = listeners.get(conversationKeyString(key));
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(update);
        } catch (err) {
          logger.warn({ err }, 'listener failed');
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
