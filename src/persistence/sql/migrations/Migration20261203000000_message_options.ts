import { Migration } from '@mikro-orm/migrations';

/**
 * Reply options and language on transcript lines: `options` holds the choices offered with a bot
 * reply (`[{label, text}]`, labels already rendered), so the widget can show them as buttons again
 * in its history and text channels can number them; `lang` is the language the line was written in
 * (the widget's own labels follow it). Both are null on customer lines and on older rows.
 */
export class Migration20261203000000MessageOptions extends Migration {
  override up(): void {
    this.addSql(`alter table messages
      add column lang text null,
      add column options jsonb null`);
  }

  override down(): void {
    this.addSql(`alter table messages
      drop column if exists lang,
      drop column if exists options`);
  }
}
