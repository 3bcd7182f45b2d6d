import type { Logger } from '../kernel/logger.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { ConversationUpdate } from './conversation-service.js';

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

/** A conversation's listeners: one function alone (the usual widget tab), or a set once there are more. */
type Listeners = ConversationListener | Set<ConversationListener>;

/**
 * The host's pub/sub (`onPublish`, when given, sees every update first: the cluster forwards
 * them to other members): listeners run synchronously in subscription order, and a listener added
 * or removed while an update is delivered does not change who receives that update.
 *
 * Kept small per subscription (an idle widget holds one): listeners by tenant, then by
 * conversation id (no key string per conversation), and a lone listener is kept without a set.
 *
 * @example
 * const updates = createConversationUpdates(logger);
 * const off = updates.subscribe(key, (u) => socket.send(u));
 */
export function createConversationUpdates(logger: Logger, onPublish?: (key: ConversationKey, update: ConversationUpdate) => void): ConversationUpdates {
  const byTenant = new Map<string, Map<string, Listeners>>();
  const unsubscribe = (tenantId: string, conversationId: string, listener: ConversationListener): void => {
    const conversations = byTenant.get(tenantId);
    const current = conversations?.get(conversationId);
    if (conversations === undefined || current === undefined) return;
    if (typeof current === 'function') {
      if (current !== listener) return;
    } else {
      current.delete(listener);
      if (current.size > 0) return;
    }
    conversations.delete(conversationId);
    if (conversations.size === 0) byTenant.delete(tenantId);
  };
  const deliver = (listener: ConversationListener, update: ConversationUpdate): void => {
    try {
      listener(update);
    } catch (err) {
      logger.warn({ err }, 'listener failed');
    }
  };
  return {
    subscribe(key, listener) {
      const { tenantId, conversationId } = key;
      let conversations = byTenant.get(tenantId);
      if (conversations === undefined) {
        conversations = new Map();
        byTenant.set(tenantId, conversations);
      }
      const current = conversations.get(conversationId);
      if (current === undefined) conversations.set(conversationId, listener);
      else if (typeof current !== 'function') current.add(listener);
      else if (current !== listener) conversations.set(conversationId, new Set([current, listener]));
      return () => unsubscribe(tenantId, conversationId, listener);
    },
    publish(key, update) {
      onPublish?.(key, update);
      const current = byTenant.get(key.tenantId)?.get(key.conversationId);
      if (current === undefined) return;
      if (typeof current === 'function') deliver(current, update);
      else for (const listener of [...current]) deliver(listener, update);
    },
    clear() {
      byTenant.clear();
    },
  };
}
