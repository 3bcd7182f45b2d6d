import type { Clock } from '../../kernel/clock.js';
import type { Database } from './database.js';
import { sqlSafeJson, sqlSafeText } from './sql-safe.js';

/** One outbox row as the worker sees it. */
export interface OutboxEntry {
  id: string;
  tenantId: string;
  conversationId: string;
  /** `reply` (written by the turn journal) or a side effect (`handoff.notify`, `crm.lead`, …). */
  kind: string;
  payload: Record<string, unknown>;
  /** Attempts so far, this claim included. */
  attempts: number;
  idempotencyKey: string;
}

export interface NewOutboxEntry {
  tenantId: string;
  conversationId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Unique per tenant: enqueueing the same key twice stores one row. */
  idempotencyKey: string;
}

/**
 * The outbox as the worker uses it. Rows are `pending` → claimed (`sending`, leased until
 * `next_attempt_at`) → `done` or `failed`; a retry puts the row back to `pending` with a later
 * `next_attempt_at`. A claim whose worker died expires with its lease and is claimed again.
 */
export interface OutboxRepository {
  /** Inserts a row unless one with the same key exists; true when inserted. */
  enqueue(entry: NewOutboxEntry): Promise<boolean>;
  /** Claims up to `limit` due rows (oldest first), leasing them for `leaseMs`. */
  claimDue(limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  markDone(id: string, result: { providerMessageId?: string | null; note?: string | null }): Promise<void>;
  /** `retryAt` null: final failure. */
  markFailed(id: string, error: string, retryAt: number | null): Promise<void>;
  /** Records a provider delivery status on the row that sent `providerMessageId`; false when none did. */
  recordDeliveryStatus(tenantId: string, providerMessageId: string, status: string, error: string | null): Promise<boolean>;
}

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

    async claimDue(limit, leaseMs) {
      // The scheduler serves every tenant, so (like timers) this scan is not scoped by tenant.
      const rows = await db.em().execute<OutboxDbRow[]>(
        `with due as (
           select id from outbox_entries
           where status in ('pending', 'sending') and next_attempt_at <= ?
           order by id limit ?
           for update skip locked
         )
         update outbox_entries o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = ?
         from due where o.id = due.id
         returning o.id, o.tenant_id, o.conversation_id, o.kind, o.payload, o.attempts, o.idempotency_key`,
        [now(), limit, new Date(clock.now() + leaseMs)],
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
