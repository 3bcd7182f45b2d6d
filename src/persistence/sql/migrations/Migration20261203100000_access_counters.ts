import { Migration } from '@mikro-orm/migrations';

/**
 * Fixed-window abuse counters (identity-link codes per handle and per client IP) that must
 * survive a restart: see `src/persistence/ports/access-counters.ts`. Keys carry hashes, never a
 * phone number, e-mail or IP address.
 */
export class Migration20261203100000AccessCounters extends Migration {
  override up(): void {
    this.addSql(`create table if not exists access_counters (
      key text primary key,
      count integer not null,
      expires_at timestamptz not null)`);
    this.addSql(`create index if not exists access_counters_expires_idx on access_counters (expires_at)`);
  }

  override down(): void {
    this.addSql(`drop table if exists access_counters`);
  }
}
