import { Migration } from '@mikro-orm/migrations';

/**
 * Media references on transcript lines: `media` holds what a customer sent besides text (photos,
 * voice notes, documents, shared places and contacts) as the provider's references —
 * `[{kind, id?, url?, mimeType?, size?, fileName?, caption?, ...}]` — never the bytes. Null on
 * text-only lines and on older rows. Erased with the row (a contact's erasure deletes messages).
 */
export class Migration20261203120000MessageMedia extends Migration {
  override up(): void {
    this.addSql(`alter table messages add column media jsonb null`);
  }

  override down(): void {
    this.addSql(`alter table messages drop column if exists media`);
  }
}
