import type { Database } from './database.js';

/**
 * Fills `shard` on the rows written before it existed (migration `…180000_shard_columns`) or by a
 * single process: outbox rows still to deliver and conversations with an armed idle-close timer —
 * the rows a member's per-shard claims and scans look for. The shard count is configuration, so
 * this runs at a clustered member's start-up, not in the migration. Idempotent (only null rows,
 * the same shard every time); members starting together compute the same values.
 *
 * @returns how many rows it filled, per table.
 */
export async function backfillShards(db: Database, shardOf: (tenantId: string, conversationId: string) => number, batch = 1_000): Promise<{ outbox: number; conversations: number }> {
  const filled = { outbox: 0, conversations: 0 };
  for (;;) {
    const rows = await db.em().execute<{ id: string | number; tenant_id: string; conversation_id: string }[]>(
      `select id, tenant_id, conversation_id from outbox_entries where shard is null and status in ('pending', 'sending') order by id limit ?`,
      [batch],
    );
    if (rows.length === 0) break;
    await db.em().execute(
      `update outbox_entries o set shard = v.shard from jsonb_to_recordset(?::jsonb) as v(id bigint, shard int) where o.id = v.id and o.shard is null`,
      [JSON.stringify(rows.map((r) => ({ id: String(r.id), shard: shardOf(r.tenant_id, r.conversation_id) })))],
      'run',
    );
    filled.outbox += rows.length;
  }
  for (;;) {
    const rows = await db.em().execute<{ tenant_id: string; id: string }[]>(
      `select tenant_id, id from conversations where shard is null and idle_close_at is not null limit ?`,
      [batch],
    );
    if (rows.length === 0) break;
    await db.em().execute(
      `update conversations c set shard = v.shard from jsonb_to_recordset(?::jsonb) as v(tenant_id text, id text, shard int)
       where c.tenant_id = v.tenant_id and c.id = v.id and c.shard is null`,
      [JSON.stringify(rows.map((r) => ({ tenant_id: r.tenant_id, id: r.id, shard: shardOf(r.tenant_id, r.id) })))],
      'run',
    );
    filled.conversations += rows.length;
  }
  return filled;
}
