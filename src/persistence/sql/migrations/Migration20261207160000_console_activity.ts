import { Migration } from '@mikro-orm/migrations';

/**
 * `console_activity`: what agents did to a conversation (took it, transferred or assigned it), with
 * display names, for the activity lines of the console's thread. The audit trail keeps the same
 * acts as proof, with digests instead of names.
 */
export class Migration20261207160000ConsoleActivity extends Migration {
  override up(): void {
    this.addSql(`create table if not exists console_activity (
      id uuid primary key,
      tenant_id text not null,
      conversation_id text not null,
      kind text not null,
      by_name text not null,
      to_name text,
      at timestamptz not null)`);
    this.addSql(`create index if not exists console_activity_conversation_idx on console_activity (tenant_id, conversation_id, at)`);
  }

  override down(): void {
    this.addSql(`drop table if exists console_activity`);
  }
}
