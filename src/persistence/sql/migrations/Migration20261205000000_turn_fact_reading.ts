import { Migration } from '@mikro-orm/migrations';

/**
 * `turn_facts.reading`: the brain's own reading of a customer message, next to `intent`, which
 * becomes the intent the bot acted on (docs/analytics.md). They differ where the routing knows
 * better than the classifier ("y el normal?" after a product is read as a complaint and answered
 * as a product question): the rows where they differ are the classifier's mistakes the routing
 * caught, worth training on. Adding a nullable column rewrites nothing.
 */
export class Migration20261205000000TurnFactReading extends Migration {
  override up(): void {
    this.addSql(`alter table turn_facts add column if not exists reading text null`);
  }

  override down(): void {
    this.addSql(`alter table turn_facts drop column if exists reading`);
  }
}
