import { randomUUID } from 'node:crypto';
import type { Clock } from '../../kernel/clock.js';
import type { Database } from './database.js';
import { TicketSchema, type TicketRow } from './entities/index.js';
import { sqlSafeText } from './sql-safe.js';
import { formatNumber, isUniqueViolation, isUuid, nextTenantCounter, toIso, toIsoOrNull } from './sql-helpers.js';

export interface OpenTicketParams {
  tenantId: string;
  conversationId: string;
  kind: string;
  reason: string;
  summary: string;
  /** Opening twice with the same key returns the first ticket (retried tool calls). */
  idempotencyKey?: string;
}

export interface TicketRecordSql {
  id: string;
  number: string;
  tenantId: string;
  conversationId: string;
  kind: string;
  reason: string;
  summary: string;
  status: 'open' | 'closed';
  agentName: string | null;
  outcome: string | null;
  openedAt: string;
  closedAt: string | null;
  /** The customer's 1–5 rating after the handoff; null when none (absent in governance exports). */
  rating?: number | null;
  /** A quote's salesperson; absent while nobody claimed it. */
  owner?: { id: string; displayName: string; at: string };
}

export interface TicketRepository {
  /** Opens a ticket numbered `T-000001`, `T-000002`… per tenant, gap-free under concurrency. */
  openTicket(params: OpenTicketParams): Promise<{ id: string; number: string }>;
  /** Closes an open ticket; null when the tenant has no such ticket. Closing twice keeps the first close. */
  closeTicket(params: { tenantId: string; ticketId: string; agentName?: string | null; outcome?: string | null }): Promise<TicketRecordSql | null>;
  getTicket(tenantId: string, ticketId: string): Promise<TicketRecordSql | null>;
  /** Stores a 1–5 rating (the last one wins); false when the tenant has no such ticket. */
  rateTicket(params: { tenantId: string; ticketId: string; rating: number }): Promise<boolean>;
  /** Compare-and-set owner of an open ticket (see `TicketStore.claim`); null when the tenant has no such ticket. */
  claimTicket(params: { tenantId: string; ticketId: string; ownerId: string; ownerName: string; expectedOwnerId: string | null }): Promise<{ ok: boolean; ticket: TicketRecordSql } | null>;
  /** Clears the owner of an open ticket still owned by `expectedOwnerId`. */
  releaseTicket(params: { tenantId: string; ticketId: string; expectedOwnerId: string }): Promise<{ ok: boolean; ticket: TicketRecordSql } | null>;
  /** Oldest first. */
  listTickets(tenantId: string, options?: { status?: 'open' | 'closed' }): Promise<TicketRecordSql[]>;
}

const MAX_IDEMPOTENT_RETRIES = 3;

export function createTicketRepository(options: { db: Database; clock: Clock }): TicketRepository {
  const { db, clock } = options;

  const findByKey = async (tenantId: string, key: string): Promise<{ id: string; number: string } | null> => {
    const rows = await db.em().execute<{ id: string; number: string }[]>(
      `select id, number from tickets where tenant_id = ? and idempotency_key = ?`,
      [tenantId, key],
    );
    return rows[0] ?? null;
  };

  return {
    async openTicket(params) {
      for (let attempt = 0; ; attempt += 1) {
        if (params.idempotencyKey !== undefined) {
          const existing = await findByKey(params.tenantId, params.idempotencyKey);
          if (existing !== null) return existing;
        }
        try {
          return await db.em().transactional(async (tem) => {
            const n = await nextTenantCounter(tem, params.tenantId, 'ticket');
            const ticket = { id: randomUUID(), number: formatNumber('T', n) };
            await tem.execute(
              `insert into tickets (id, tenant_id, number, conversation_id, kind, reason, summary, status, idempotency_key, opened_at)
               values (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
              [ticket.id, params.tenantId, ticket.number, params.conversationId, params.kind, params.reason, params.summary, params.idempotencyKey ?? null, new Date(clock.now())],
              'run',
            );
            return ticket;
          });
        } catch (err) {
          // A concurrent open with the same idempotency key won; its ticket is the answer, and
          // our rolled-back transaction gave its number back.
          if (params.idempotencyKey === undefined || !isUniqueViolation(err) || attempt >= MAX_IDEMPOTENT_RETRIES) throw err;
        }
      }
    },

    async closeTicket({ tenantId, ticketId, agentName = null, outcome = null }) {
      if (!isUuid(ticketId)) return null;
      await db.em().execute(
        `update tickets set status = 'closed', closed_at = ?, agent_name = coalesce(?, agent_name), outcome = coalesce(?, outcome)
         where tenant_id = ? and id = ? and status = 'open'`,
        [new Date(clock.now()), agentName, outcome, tenantId, ticketId],
        'run',
      );
      return this.getTicket(tenantId, ticketId);
    },

    async rateTicket({ tenantId, ticketId, rating }) {
      if (!isUuid(ticketId) || !Number.isInteger(rating) || rating < 1 || rating > 5) return false;
      const rows = await db.em().execute<{ id: string }[]>(
        `update tickets set rating = ?, rated_at = ? where tenant_id = ? and id = ? returning id`,
        [rating, new Date(clock.now()), tenantId, ticketId],
      );
      return rows.length > 0;
    },

    async claimTicket({ tenantId, ticketId, ownerId, ownerName, expectedOwnerId }) {
      if (!isUuid(ticketId)) return null;
      // One statement: of two claims at once, the second finds the first's owner and changes nothing.
      const rows = await db.em().execute<{ id: string }[]>(
        `update tickets set owner_id = ?, owner_name = ?, owned_at = case when owner_id = ? then owned_at else ? end
         where tenant_id = ? and id = ? and status = 'open' and (owner_id is null or owner_id = ? or owner_id = ?) returning id`,
        [ownerId, sqlSafeText(ownerName), ownerId, new Date(clock.now()), tenantId, ticketId, ownerId, expectedOwnerId],
      );
      const ticket = await this.getTicket(tenantId, ticketId);
      return ticket === null ? null : { ok: rows.length > 0, ticket };
    },

    async releaseTicket({ tenantId, ticketId, expectedOwnerId }) {
      if (!isUuid(ticketId)) return null;
      const rows = await db.em().execute<{ id: string }[]>(
        `update tickets set owner_id = null, owner_name = null, owned_at = null where tenant_id = ? and id = ? and status = 'open' and owner_id = ? returning id`,
        [tenantId, ticketId, expectedOwnerId],
      );
      const ticket = await this.getTicket(tenantId, ticketId);
      return ticket === null ? null : { ok: rows.length > 0, ticket };
    },

    async getTicket(tenantId, ticketId) {
      if (!isUuid(ticketId)) return null;
      const row = await db.em().findOne(TicketSchema, { tenantId, id: ticketId });
      return row === null ? null : toTicketRecord(row);
    },

    async listTickets(tenantId, listOptions = {}) {
      const rows = await db.em().find(
        TicketSchema,
        { tenantId, ...(listOptions.status !== undefined ? { status: listOptions.status } : {}) },
        { orderBy: { openedAt: 'asc', number: 'asc' } },
      );
      return rows.map(toTicketRecord);
    },
  };
}

function toTicketRecord(row: TicketRow): TicketRecordSql {
  return {
    id: row.id,
    number: row.number,
    tenantId: row.tenantId,
    conversationId: row.conversationId,
    kind: row.kind,
    reason: row.reason,
    summary: row.summary,
    status: row.status,
    agentName: row.agentName,
    outcome: row.outcome,
    openedAt: toIso(row.openedAt),
    closedAt: toIsoOrNull(row.closedAt),
    rating: row.rating ?? null,
    ...(row.ownerId ? { owner: { id: row.ownerId, displayName: row.ownerName ?? '', at: toIso(row.ownedAt ?? row.openedAt) } } : {}),
  };
}
