import { Migration } from '@mikro-orm/migrations';

/**
 * The shard of each outbox row and conversation (issue 13, per-shard outbox lanes and timers): in
 * a cluster each member claims only the outbox rows, and scans only the idle-close timers, of the
 * shards it owns. Written by the fenced turn journal (and the outbox queue) in clustered mode;
 * null in one process, where nothing reads it. `claim_epoch` is the shard epoch a row was claimed
 * under, so a new owner takes over the rows a dead owner had claimed at once instead of waiting
 * for their lease. Rows written before this migration get their shard from the cluster runtime's
 * backfill at start-up (the shard count is configuration, not known here).
 */
export class Migration20261203180000ShardColumns extends Migration {
  override up(): void {
    this.addSql(`alter table outbox_entries add column if not exists shard int`);
    this.addSql(`alter table outbox_entries add column if not exists claim_epoch bigint`);
    this.addSql(`alter table conversations add column if not exists shard int`);
    this.addSql(`create index if not exists outbox_entries_shard_due_idx on outbox_entries (shard, id) where status in ('pending', 'sending')`);
    this.addSql(`create index if not exists conversations_shard_idle_close_idx on conversations (shard, idle_close_at) where idle_close_at is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists conversations_shard_idle_close_idx`);
    this.addSql(`drop index if exists outbox_entries_shard_due_idx`);
    this.addSql(`alter table conversations drop column if exists shard`);
    this.addSql(`alter table outbox_entries drop column if exists claim_epoch`);
    this.addSql(`alter table outbox_entries drop column if exists shard`);
  }
}
