import { Migration } from '@mikro-orm/migrations';

/**
 * `turn_facts.product`: the catalog SKU a customer message was answered with (owner33: the owner
 * could not see which products customers ask for most). A SKU, never the customer's words. Adding
 * a nullable column rewrites nothing.
 */
export class Migration20261207120000TurnFactProduct extends Migration {
  override up(): void {
    this.addSql(`alter table turn_facts add column if not exists product text null`);
  }

  override down(): void {
    this.addSql(`alter table turn_facts drop column if exists product`);
  }
}
