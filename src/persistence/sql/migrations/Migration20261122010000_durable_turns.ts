import { Migration } from '@mikro-orm/migrations';

/**
 * Turn durability. The conversation row gets the SQL copy of the last committed snapshot
 * (`snapshot` + `snapshot_seq`, written in the turn transaction: it tells activation which turn
 * SQL already holds, and keeps conversations alive when the snapshot store is in memory or lost)
 * and the durable idle-close timer (`idle_close_at`, `idle_close_seq`: the turn that armed it).
 */
export class Migration20261122010000DurableTurns extends Migration {
  override up(): void {
    this.addSql(`alter table conversations
      add column snapshot jsonb null,
      add column snapshot_seq integer not null default 0,
      add column idle_close_at timestamptz null,
      add column idle_close_seq integer null`);
    this.addSql(`create index conversations_idle_close_idx on conversations (idle_close_at) where idle_close_at is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists conversations_idle_close_idx`);
    this.addSql(`alter table conversations
      drop column if exists snapshot,
      drop column if exists snapshot_seq,
      drop column if exists idle_close_at,
      drop column if exists idle_close_seq`);
  }
}
