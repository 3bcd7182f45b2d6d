import type { Database } from './database.js';
import type { ShardEpochStore } from '../ports/shard-fence.js';

/**
 * The clustered form of the journal's commit statement (docs/cluster.md "Fencing"): the same
 * statement, with the conversation upsert — the one CTE every other write hangs on — made
 * conditional on the shard's row in `shard_epochs` not holding a higher epoch than the
 * writer's. `for share` locks that row, so a member raising the epoch (an update) and a stale
 * writer's statement serialise: either the turn commits before the raise, or the statement sees
 * the raised epoch and writes nothing. The last select also says whether it was fenced, so the
 * journal tells a refusal from a turn SQL already holds.
 *
 * Derived from the single-process text rather than copied, so both forms never drift; every
 * rewrite must match exactly once or the module fails to load (a test loads it).
 * Extra parameters: $24 shard (also written on the conversation row and the reply outbox rows), $25 the writer's epoch.
 */
export function fenceCommitSql(sql: string): string {
  const rewrites: [string, string][] = [
    ['\nwith conv as (\n', '\nwith fence as (\n  select epoch from shard_epochs where shard = $24::int for share\n),\nconv as (\n'],
    ['\n  values (', '\n  select '],
    ["case when $3::text = 'closed' then $5::timestamptz end)\n  on conflict", "case when $3::text = 'closed' then $5::timestamptz end\n  where not exists (select 1 from fence where fence.epoch > $25::bigint)\n  on conflict"],
    // The shard goes on the conversation row (idle-close timers scanned per shard) and on the
    // reply rows (outbox lanes claimed per shard): docs/cluster.md "Outbox, timers".
    ['idle_close_seq, closed_at)\n', 'idle_close_seq, closed_at, shard)\n'],
    ['\n  where not exists (select 1 from fence', ', $24::int\n  where not exists (select 1 from fence'],
    ['  on conflict (tenant_id, id) do update set\n', '  on conflict (tenant_id, id) do update set\n    shard = excluded.shard,\n'],
    ['next_attempt_at, idempotency_key, created_at)\n', 'next_attempt_at, idempotency_key, created_at, shard)\n'],
    ["|| message_id, $5::timestamptz\n", "|| message_id, $5::timestamptz, $24::int\n"],
    ['\nselect last_seq from conv', '\nselect (select last_seq from conv) as last_seq, exists (select 1 from fence where fence.epoch > $25::bigint) as fenced'],
  ];
  let out = sql;
  for (const [from, to] of rewrites) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`fenceCommitSql: the commit statement changed shape (${JSON.stringify(from.trim())})`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/**
 * `ShardEpochStore` on the `shard_epochs` table: a raise is one upsert that only ever moves an
 * epoch up, so two members raising at once, or a raise retried, leave the highest.
 */
export function createSqlShardEpochs(db: Database): ShardEpochStore {
  return {
    async raise(shard, epoch, holder) {
      const rows = await db.em().execute<{ epoch: string | number; member_id: string }[]>(
        `insert into shard_epochs as s (shard, epoch, member_id, updated_at) values (?, ?, ?, now())
         on conflict (shard) do update set epoch = excluded.epoch, member_id = excluded.member_id, updated_at = excluded.updated_at
         where s.epoch < excluded.epoch
         returning epoch, member_id`,
        [shard, epoch, holder],
      );
      const row = rows[0] ?? (await db.em().execute<{ epoch: string | number; member_id: string }[]>(`select epoch, member_id from shard_epochs where shard = ?`, [shard]))[0];
      return row === undefined ? { epoch: 0, holder: '' } : { epoch: Number(row.epoch), holder: row.member_id };
    },
    async current(shard) {
      const rows = await db.em().execute<{ epoch: string | number }[]>(`select epoch from shard_epochs where shard = ?`, [shard]);
      return rows[0] === undefined ? 0 : Number(rows[0].epoch);
    },
  };
}
