import { Migration } from '@mikro-orm/migrations';

/** The customer's 1–5 rating of a resolved handoff, stored with its ticket (issue 14). */
export class Migration20261203150000TicketRating extends Migration {
  override up(): void {
    this.addSql(`alter table tickets add column if not exists rating smallint check (rating between 1 and 5)`);
    this.addSql(`alter table tickets add column if not exists rated_at timestamptz`);
  }

  override down(): void {
    this.addSql(`alter table tickets drop column if exists rated_at`);
    this.addSql(`alter table tickets drop column if exists rating`);
  }
}
