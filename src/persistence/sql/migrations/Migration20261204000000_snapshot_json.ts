import { Migration } from '@mikro-orm/migrations';

/**
 * The conversation row's snapshot copy moves to a `json` column, `snapshot_json`: PostgreSQL keeps
 * `json` as the text it was given (checked to be JSON), where `jsonb` parses it into its binary
 * form and, at the copy's usual ~2 KB, compresses the row — on every turn, for a copy read back
 * only on activation (sql-turn-journal.ts). Turns write `snapshot_json` and clear `snapshot`;
 * the reader takes `snapshot_json`, else `snapshot` (a conversation with no turn since this
 * migration). Adding a nullable column rewrites nothing, so the upgrade takes no long lock.
 */
export class Migration20261204000000SnapshotJson extends Migration {
  override up(): void {
    this.addSql(`alter table conversations add column if not exists snapshot_json json null`);
  }

  override down(): void {
    this.addSql(`update conversations set snapshot = snapshot_json::jsonb where snapshot_json is not null`);
    this.addSql(`alter table conversations drop column if exists snapshot_json`);
  }
}
