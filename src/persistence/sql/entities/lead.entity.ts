import { EntitySchema } from '@mikro-orm/core';

/** A qualified lead; `id` is `L-000123`, sequential per tenant. */
export interface LeadRow {
  tenantId: string;
  id: string;
  conversationId: string | null;
  contactId: string | null;
  payload: Record<string, unknown>;
  provenance: Record<string, string>;
  status: string;
  crmStatus: string;
  idempotencyKey: string | null;
  /** Corrections after registration (Migration20261206000000_lead_amendments). */
  amendments: number;
  createdAt: Date;
  updatedAt: Date;
}

export const LeadSchema = new EntitySchema<LeadRow>({
  name: 'Lead',
  tableName: 'leads',
  properties: {
    tenantId: { type: 'text', primary: true },
    id: { type: 'text', primary: true },
    conversationId: { type: 'text', nullable: true },
    contactId: { type: 'uuid', nullable: true },
    payload: { type: 'json' },
    provenance: { type: 'json' },
    status: { type: 'text' },
    crmStatus: { type: 'text' },
    idempotencyKey: { type: 'text', nullable: true },
    amendments: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
