import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox delivery bookkeeping for the outbox worker: the provider's message id (delivery
 * statuses are matched by it), the provider's last delivery status, the last error, and when the
 * row was finished. A claimed row is `sending` with `next_attempt_at` as its lease end.
 */
export class Migration20261122020000OutboxDelivery extends Migration {
  override up(): void {
    this.addSql(`alter table outbox_entries
      add column provider_message_id text null,
      add column delivery_status text null,
      add column last_error text null,
      add column completed_at timestamptz null`);
    this.addSql(`create index outbox_provider_message_idx on outbox_entries (tenant_id, provider_message_id) where provider_message_id is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists outbox_provider_message_idx`);
    this.addSql(`alter table outbox_entries
      drop column if exists provider_message_id,
      drop column if exists delivery_status,
      drop column if exists last_error,
      drop column if exists completed_at`);
  }
}
