import type { OutboxRepository } from '../../persistence/ports/outbox.js';
import { toOutboxEntry, type OutboxMessage } from './messages.js';

/** The typed way in: every row Hilo writes from TypeScript goes through `enqueue`. */
export interface OutboxQueue {
  /** Stores the message under its kind's idempotency key (once per key), then tells the listeners; true when stored. */
  enqueue(message: OutboxMessage): Promise<boolean>;
  /** Called after every enqueue (the worker looks for due rows now). */
  onEnqueued(listener: () => void): void;
}

/**
 * The queue is built before the worker (the worker's final-failure hook enqueues alerts), so the
 * worker subscribes to it instead of being handed in.
 *
 * @example
 * const queue = createOutboxQueue({ outbox });
 * queue.onEnqueued(() => worker.kick());
 * await queue.enqueue({ kind: 'crm.lead', tenantId, conversationId: '', payload: { lead } });
 */
export function createOutboxQueue(options: { outbox: OutboxRepository }): OutboxQueue {
  const { outbox } = options;
  const listeners: Array<() => void> = [];
  return {
    async enqueue(message) {
      const stored = await outbox.enqueue(toOutboxEntry(message));
      for (const listener of listeners) listener();
      return stored;
    },
    onEnqueued(listener) {
      listeners.push(listener);
    },
  };
}
