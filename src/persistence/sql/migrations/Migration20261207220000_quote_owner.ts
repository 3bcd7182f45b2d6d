import { Migration } from '@mikro-orm/migrations';

/**
 * Who in sales follows a quote up (session 37): a salesperson claims an open quote ticket without
 * taking the conversation from the bot. Nullable: most tickets (every handoff) have no owner.
 */
export class Migration20261207220000QuoteOwner extends Migration {
  override up(): void {
    this.addSql(`alter table tickets add column if not exists owner_id text`);
    this.addSql(`alter table tickets add column if not exists owner_name text`);
    this.addSql(`alter table tickets add column if not exists owned_at timestamptz`);
  }

  override down(): void {
    this.addSql(`alter table tickets drop column if exists owned_at`);
    this.addSql(`alter table tickets drop column if exists owner_name`);
    this.addSql(`alter table tickets drop column if exists owner_id`);
  }
}
