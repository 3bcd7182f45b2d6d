import type { Clock } from '../../kernel/clock.js';
import type { Database } from './database.js';
import { sqlSafeJson, sqlSafeText } from './sql-safe.js';
import { DELIVERY_STATUS_RANK, type OutboxClaimScope, type OutboxEntry, type OutboxRepository } from '../ports/outbox.js';

/** The stored status's rank (`deliveryStatusRank`) as SQL: -1 when none, 0 when unknown. */
const RANK_SQL = `(case when delivery_status is null then -1 ${Object.entries(DELIVERY_STATUS_RANK).map(([s, r]) => `when delivery_status = '${s}' then ${r}`).join(' ')} else 0 end)`;

export type { NewOutboxEntry, OutboxClaimScope, OutboxEntry, OutboxRepository } from '../ports/outbox.js';

interface OutboxDbRow {
  id: string | number;
  tenant_id: string;
  conversation_id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  idempotency_key: string;
  shard?: number | null;
  claim_epoch?: string | number | null;
}

const RETURNING = 'returning o.id, o.tenant_id, o.conversation_id, o.kind, o.payload, o.attempts, o.idempotency_key, o.shard, o.claim_epoch';

/**
 * The SQL outbox (`outbox_entries`). Claims use `FOR UPDATE SKIP LOCKED`, so several members can
 * run workers on one database without sending a row twice while its lease holds.
 *
 * @example
 * const outbox = createOutboxRepository({ db, clock });
 * for (const row of await outbox.claimDue(20, 30_000)) await send(row).then(() => outbox.markDone(row.id, {}));
 */
export function createOutboxRepository(options: {
  db: Database;
  clock: Clock;
  /** Clustered runtime only: the shard of a conversation, written on every row (per-shard claims). */
  shardOf?: (tenantId: string, conversationId: string) => number;
}): OutboxRepository {
  const { db, clock, shardOf } = options;
  const now = () => new Date(clock.now());
  return {
    async enqueue(entry) {
      const rows = await db.em().execute<{ id: string }[]>(
        `insert into outbox_entries (tenant_id, conversation_id, kind, payload, status, next_attempt_at, idempotency_key, created_at, shard)
         values (?, ?, ?, ?::jsonb, 'pending', ?, ?, ?, ?)
         on conflict (tenant_id, idempotency_key) do nothing
         returning id`,
        // Payloads carry customer and agent texts: the SQL layer's own guard (sql-safe.ts).
        [entry.tenantId, entry.conversationId, entry.kind, sqlSafeJson(entry.payload), now(), sqlSafeText(entry.idempotencyKey), now(), shardOf ? shardOf(entry.tenantId, entry.conversationId) : null],
      );
      return rows.length > 0;
    },

    async claimDue(limit, leaseMs, scope = {}) {
      if (scope.shards !== undefined) return claimOwned(db, clock, limit, leaseMs, scope);
      // Without a scope the scan serves every tenant (like timers); a lane claims its tenant only.
      const where: string[] = [];
      const params: unknown[] = [now()];
      if (scope.tenantId !== undefined) {
        where.push('and tenant_id = ?');
        params.push(scope.tenantId);
      }
      if (scope.excludeTenants && scope.excludeTenants.length > 0) {
        where.push('and not (tenant_id = any (select jsonb_array_elements_text(?::jsonb)))');
        params.push(JSON.stringify(scope.excludeTenants));
      }
      params.push(limit, new Date(clock.now() + leaseMs));
      const rows = await db.em().execute<OutboxDbRow[]>(
        `with due as (
           select id from outbox_entries
           where status in ('pending', 'sending') and next_attempt_at <= ? ${where.join(' ')}
           order by id limit ?
           for update skip locked
         )
         update outbox_entries o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = ?
         from due where o.id = due.id
         ${RETURNING}`,
        params,
      );
      return toEntries(rows);
    },

    async release(id, claimEpoch) {
      await db.em().execute(
        `update outbox_entries set status = 'pending', attempts = greatest(attempts - 1, 0), next_attempt_at = ?, claim_epoch = null
         where id = ? and status = 'sending' and claim_epoch = ?`,
        [now(), id, claimEpoch],
        'run',
      );
    },

    async markDone(id, result) {
      await db.em().execute(
        `update outbox_entries set status = 'done', provider_message_id = ?, last_error = ?, completed_at = ? where id = ?`,
        [result.providerMessageId ?? null, result.note ?? null, now(), id],
        'run',
      );
    },

    async markFailed(id, error, retryAt) {
      await db.em().execute(
        `update outbox_entries set status = ?, last_error = ?, next_attempt_at = ?, completed_at = ? where id = ?`,
        [retryAt === null ? 'failed' : 'pending', error.slice(0, 2000), retryAt === null ? now() : new Date(retryAt), retryAt === null ? now() : null, id],
        'run',
      );
    },

    async recordDeliveryStatus(tenantId, providerMessageId, status, error) {
      // Out-of-order statuses (a `sent` after its `read`) keep the furthest one: ranks from the port.
      const rows = await db.em().execute<{ id: string }[]>(
        `update outbox_entries set delivery_status = case when ? >= ${RANK_SQL} then ? else delivery_status end,
         last_error = coalesce(?, last_error)
         where tenant_id = ? and provider_message_id = ? returning id`,
        [DELIVERY_STATUS_RANK[status] ?? 0, status, error, tenantId, providerMessageId],
      );
      return rows.length > 0;
    },
  };
}

function toEntries(rows: OutboxDbRow[]): OutboxEntry[] {
  return rows
    .map((r) => ({
      id: String(r.id),
      tenantId: r.tenant_id,
      conversationId: r.conversation_id,
      kind: r.kind,
      payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
      attempts: r.attempts,
      idempotencyKey: r.idempotency_key,
      ...(r.shard === undefined || r.shard === null ? {} : { shard: r.shard, claimEpoch: r.claim_epoch === null || r.claim_epoch === undefined ? null : Number(r.claim_epoch) }),
    }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * A member's claim (docs/cluster.md "Outbox, timers"): rows of the shards it owns, each shard
 * only while its `shard_epochs` row (raised before serving) holds no higher epoch than the
 * member's. Due rows, plus rows a previous owner claimed under a lower epoch and never finished:
 * that owner lost the shard, and it checks its ownership before each send, so the new owner takes
 * them at once rather than after their lease. No row lock on `shard_epochs` (unlike the journal):
 * a claim that raced a raise only takes rows under the old epoch, which the new owner takes over
 * at once and the old one, its lease lapsed by its own clock, no longer sends.
 */
async function claimOwned(db: Database, clock: Clock, limit: number, leaseMs: number, scope: OutboxClaimScope): Promise<OutboxEntry[]> {
  const shards = scope.shards ?? [];
  if (shards.length === 0) return [];
  const params: unknown[] = [JSON.stringify(shards.map((s) => ({ shard: s.shard, epoch: s.epoch }))), new Date(clock.now())];
  const where: string[] = [];
  if (scope.tenantId !== undefined) {
    where.push('and o.tenant_id = ?');
    params.push(scope.tenantId);
  }
  if (scope.excludeTenants && scope.excludeTenants.length > 0) {
    where.push('and not (o.tenant_id = any (select jsonb_array_elements_text(?::jsonb)))');
    params.push(JSON.stringify(scope.excludeTenants));
  }
  params.push(limit, new Date(clock.now() + leaseMs));
  const rows = await db.em().execute<OutboxDbRow[]>(
    `with mine as (
       select m.shard, m.epoch from jsonb_to_recordset(?::jsonb) as m(shard int, epoch bigint)
       join shard_epochs s on s.shard = m.shard and s.epoch <= m.epoch
     ),
     due as (
       select o.id, mine.epoch from outbox_entries o join mine on mine.shard = o.shard
       where o.status in ('pending', 'sending') and (o.next_attempt_at <= ? or (o.status = 'sending' and o.claim_epoch < mine.epoch)) ${where.join(' ')}
       order by o.id limit ?
       for update of o skip locked
     )
     update outbox_entries o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = ?, claim_epoch = due.epoch
     from due where o.id = due.id
     ${RETURNING}`,
    params,
  );
  return toEntries(rows);
}
