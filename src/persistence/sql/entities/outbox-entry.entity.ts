import { EntitySchema } from '@mikro-orm/core';

/** A reply or side effect waiting to be delivered (retried, idempotent by key). */
export interface OutboxEntryRow {
  id: string;
  tenantId: string;
  conversationId: string;
  kind: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  idempotencyKey: string;
  createdAt: Date;
}

export const OutboxEntrySchema = new EntitySchema<OutboxEntryRow>({
  name: 'OutboxEntry',
  tableName: 'outbox_entries',
  properties: {
    id: { type: 'bigint', primary: true },
    tenantId: { type: 'text' },
    conversationId: { type: 'text' },
    kind: { type: 'text' },
    payload: { type: 'json' },
    status: { type: 'text' },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    idempotencyKey: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});
