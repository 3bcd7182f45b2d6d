import { Migration } from '@mikro-orm/migrations';

/**
 * The highest epoch of each shard (issue 13, fencing): raised by a member when it acquires the
 * shard's lease; the turn journal's statement writes nothing for a writer with a lower epoch.
 */
export class Migration20261203170000ShardEpochs extends Migration {
  override up(): void {
    this.addSql(`create table if not exists shard_epochs (
      shard int primary key check (shard >= 0),
      epoch bigint not null check (epoch >= 0),
      -- The lease token of the member that raised it (member id + '#' + incarnation).
      member_id text not null,
      updated_at timestamptz not null default now()
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists shard_epochs`);
  }
}
