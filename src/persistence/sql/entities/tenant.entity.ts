import { EntitySchema } from '@mikro-orm/core';

/** A business using Hilo. Optional: tenants are defined by files; a row only adds settings. */
export interface TenantRow {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  retentionDays: number | null;
  createdAt: Date;
}

export const TenantSchema = new EntitySchema<TenantRow>({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    settings: { type: 'json' },
    retentionDays: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
