import { Migration } from '@mikro-orm/migrations';

/**
 * `turn_facts.products`: every catalog SKU one customer message was newly answered with, the one
 * in focus first ("40 fundas de cemento y 20 varillas de 3/8" prices both; `product` kept only the
 * cement, so the owner's "asked most" never showed the rebar). `product` stays the first of them.
 * Null on rows written before: the products query falls back to `product`. Adding a nullable
 * column rewrites nothing.
 */
export class Migration20261208000000TurnFactProducts extends Migration {
  override up(): void {
    this.addSql(`alter table turn_facts add column if not exists products text[] null`);
  }

  override down(): void {
    this.addSql(`alter table turn_facts drop column if exists products`);
  }
}
