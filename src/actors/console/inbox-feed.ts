/**
 * A small tenant-level feed of inbox changes for the console's live sockets: the service
 * publishes after its own actions and after every committed turn of a tenant with listeners, so
 * nobody polls. In process, like the host's per-conversation updates.
 */
import type { Logger } from '../../kernel/logger.js';
import type { AgentNote } from '../../persistence/ports/agent-notes.js';
import type { InboxItem } from './console-inbox.js';

export type InboxFeedEvent =
  | { type: 'inbox'; item: InboxItem }
  /** No longer waiting for or held by an agent (resolved, closed): leaves "waiting" and "mine". */
  | { type: 'inbox.removed'; conversationId: string }
  | { type: 'note'; conversationId: string; note: AgentNote };

export interface InboxFeed {
  subscribe(tenantId: string, listener: (event: InboxFeedEvent) => void): () => void;
  publish(tenantId: string, event: InboxFeedEvent): void;
  hasListeners(tenantId: string): boolean;
  clear(): void;
}

export function createInboxFeed(logger: Logger): InboxFeed {
  const listeners = new Map<string, Set<(event: InboxFeedEvent) => void>>();
  return {
    subscribe(tenantId, listener) {
      let set = listeners.get(tenantId);
      if (!set) listeners.set(tenantId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(tenantId) === set) listeners.delete(tenantId);
      };
    },
    publish(tenantId, event) {
      for (const listener of [...(listeners.get(tenantId) ?? [])]) {
        try {
          listener(event);
        } catch (err) {
          logger.warn({ err }, 'inbox listener failed');
        }
      }
    },
    hasListeners(tenantId) {
      return (listeners.get(tenantId)?.size ?? 0) > 0;
    },
    clear() {
      listeners.clear();
    },
  };
}
