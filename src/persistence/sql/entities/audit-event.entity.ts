import { EntitySchema } from '@mikro-orm/core';

/** One link of a tenant's hash chain. The payload carries ids and counts, never personal data. */
export interface AuditEventRow {
  tenantId: string;
  seq: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
  createdAt: Date;
}

export const AuditEventSchema = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  properties: {
    tenantId: { type: 'text', primary: true },
    seq: { type: 'integer', primary: true },
    type: { type: 'text' },
    actor: { type: 'text' },
    payload: { type: 'json' },
    prevHash: { type: 'text' },
    hash: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});
