import { EntitySchema } from '@mikro-orm/core';

/** Per-tenant sequences (tickets, leads, audit). Bumped with an upsert inside the caller's transaction. */
export interface TenantCounterRow {
  tenantId: string;
  name: string;
  value: number;
}

export const TenantCounterSchema = new EntitySchema<TenantCounterRow>({
  name: 'TenantCounter',
  tableName: 'tenant_counters',
  properties: {
    tenantId: { type: 'text', primary: true },
    name: { type: 'text', primary: true },
    value: { type: 'integer' },
  },
});
