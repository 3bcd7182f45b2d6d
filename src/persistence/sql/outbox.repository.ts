import type { Clock } from '../../kernel/clock.js';
import type { Database } from './database.js';
import { sqlSafeJson, sqlSafeText } from './sql-safe.js';
import type { OutboxRepository } from '../ports/outbox.js';

export type { NewOutboxEntry, OutboxClaimScope, OutboxEntry, OutboxRepository } from '../ports/outbox.js';

interface OutboxDbRow {
  id: string | number;
  tenant_id: string;
  conversation_id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  idempotency_key: string;
}

/**
 * The SQL outbox (`outbox_entries`). Claims use `FOR UPDATE SKIP LOCKED`, so several members can
 * run workers on one database without sending a row twice while its lease holds.
 *
 * @example
 * const outbox = createOutboxRepository({ db, clock });
 * for (const row of await outbox.claimDue(20, 30_000)) await send(row).then(() => outbox.markDone(row.id, {}));
 */
export function createOutboxRepository(options: { db: Database; clock: Clock }): OutboxRepository {
  const { db, clock } = options;
  const now = () => new Date(clock.now());
  return {
    async enqueue(entry) {
      const rows = await db.em().execute<{ id: string }[]>(
        `insert into outbox_entries (tenant_id, conversation_id, kind, payload, status, next_attempt_at, idempotency_key, created_at)
         values (?, ?, ?, ?::jsonb, 'pending', ?, ?, ?)
         on conflict (tenant_id, idempotency_key) do nothing
         returning id`,
        // Payloads carry customer and agent texts: the SQL layer's own guard (sql-safe.ts).
        [entry.tenantId, entry.conversationId, entry.kind, sqlSafeJson(entry.payload), now(), sqlSafeText(entry.idempotencyKey), now()],
      );
      return rows.length > 0;
    },

    async claimDue(limit, leaseMs, scope = {}) {
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
         returning o.id, o.tenant_id, o.conversation_id, o.kind, o.payload, o.attempts, o.idempotency_key`,
        params,
      );
      return rows
        .map((r) => ({
          id: String(r.id),
          tenantId: r.tenant_id,
          conversationId: r.conversation_id,
          kind: r.kind,
          payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
          attempts: r.attempts,
          idempotencyKey: r.idempotency_key,
        }))
        .sort((a, b) => Number(a.id) - Number(b.id));
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
      const rows = await db.em().execute<{ id: string }[]>(
        `update outbox_entries set delivery_status = ?, last_error = coalesce(?, last_error)
         where tenant_id = ? and provider_message_id = ? returning id`,
        [status, error, tenantId, providerMessageId],
      );
      return rows.length > 0;
    },
  };
}
