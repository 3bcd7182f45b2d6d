import { Migration } from '@mikro-orm/migrations';

/**
 * `leads.amendments`: how many times the customer corrected a lead after it was registered
 * ("perdón, mi correo es …"). Each correction is sent to the CRM webhook as a `lead.updated` event
 * keyed by lead id and this number, so a receiver applies each correction once and can tell the
 * latest. A column with a constant default rewrites nothing on PostgreSQL 11+.
 */
export class Migration20261206000000LeadAmendments extends Migration {
  override up(): void {
    this.addSql(`alter table leads add column if not exists amendments integer not null default 0`);
  }

  override down(): void {
    this.addSql(`alter table leads drop column if exists amendments`);
  }
}
