import type { OutboxDelivery, OutboxKind } from './messages.js';

/**
 * What a handler tells the worker to record on the row. `skipped` says nothing was sent because
 * the destination is not configured (no Rocket.Chat, no Slack, no CRM webhook, no sender for the
 * channel): the row is done, but `/metrics` counts it as skipped, not delivered.
 */
export interface OutboxResult {
  providerMessageId?: string | null;
  note?: string | null;
  skipped?: 'not_configured';
}

/** Delivers one parsed row of kind `K`. Throw to fail (see `isFinalOutboxError`). */
export type OutboxHandler<K extends OutboxKind = OutboxKind> = (delivery: OutboxDelivery<K>) => Promise<OutboxResult>;

/** The worker's handlers, one per kind, typed by kind. */
export interface OutboxHandlerRegistry {
  /** Sets the handler of `kind` (a second registration replaces the first). */
  register<K extends OutboxKind>(kind: K, handler: OutboxHandler<K>): OutboxHandlerRegistry;
  /** The handler for a parsed row; undefined when none was registered (the row fails for good). */
  handlerFor<K extends OutboxKind>(kind: K): OutboxHandler<K> | undefined;
}

/**
 * @example
 * const handlers = createOutboxHandlerRegistry()
 *   .register('reply', async (row) => ({ providerMessageId: await send(row.payload.text) }))
 *   .register('crm.lead', async (row) => deliver(row.payload.lead));
 */
export function createOutboxHandlerRegistry(): OutboxHandlerRegistry {
  // Stored per kind; `register` is the only writer, so each entry's type matches its key.
  const byKind = new Map<OutboxKind, OutboxHandler<never>>();
  const registry: OutboxHandlerRegistry = {
    register(kind, handler) {
      byKind.set(kind, handler as OutboxHandler<never>);
      return registry;
    },
    handlerFor<K extends OutboxKind>(kind: K) {
      return byKind.get(kind) as OutboxHandler<K> | undefined;
    },
  };
  return registry;
}
