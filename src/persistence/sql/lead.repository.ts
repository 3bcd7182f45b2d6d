import type { Clock } from '../../kernel/clock.js';
import type { Database } from './database.js';
import { LeadSchema, type LeadRow } from './entities/index.js';
import { formatNumber, isUniqueViolation, isUuid, nextTenantCounter, toIso } from './sql-helpers.js';

export interface SaveLeadParams {
  tenantId: string;
  conversationId?: string | null;
  contactId?: string | null;
  /**
   * The lead payload. A function receives the minted lead id, so a payload that embeds its own
   * `lead_id` (the CRM format) is built with the right one inside the same transaction.
   */
  payload: Record<string, unknown> | ((leadId: string) => Record<string, unknown>);
  /** Field name → id of the customer message it came from. */
  provenance?: Record<string, string>;
  status?: string;
  crmStatus?: string;
  /** Saving twice with the same key returns the first lead. */
  idempotencyKey?: string;
}

export interface LeadRecordSql {
  leadId: string;
  tenantId: string;
  conversationId: string | null;
  contactId: string | null;
  payload: Record<string, unknown>;
  provenance: Record<string, string>;
  status: string;
  crmStatus: string;
  createdAt: string;
  updatedAt: string;
  /** Corrections made by the customer after the lead was registered. */
  amendments: number;
}

export interface LeadRepository {
  /** Stores a lead numbered `L-000001`, `L-000002`… per tenant, gap-free under concurrency. */
  saveLead(params: SaveLeadParams): Promise<{ leadId: string }>;
  getLead(tenantId: string, leadId: string): Promise<LeadRecordSql | null>;
  /** Oldest first. */
  listLeads(tenantId: string): Promise<LeadRecordSql[]>;
  /** Records the CRM delivery outcome (`pending` → `delivered` | `failed`). False when unknown. */
  setCrmStatus(tenantId: string, leadId: string, crmStatus: string): Promise<boolean>;
  /**
   * Replaces the payload of a lead the customer corrected after it was registered and counts the
   * correction (`amendments + 1`), in one statement. A payload equal to the stored one (jsonb
   * equality: a replayed turn) changes nothing. False when nothing changed or the lead is unknown.
   */
  amendPayload(tenantId: string, leadId: string, payload: Record<string, unknown>): Promise<boolean>;
}

const MAX_IDEMPOTENT_RETRIES = 3;

export function createLeadRepository(options: { db: Database; clock: Clock }): LeadRepository {
  const { db, clock } = options;

  return {
    async saveLead(params) {
      if (params.contactId !== undefined && params.contactId !== null && !isUuid(params.contactId)) {
        throw new TypeError(`contactId is not a uuid: ${params.contactId}`);
      }
      for (let attempt = 0; ; attempt += 1) {
        if (params.idempotencyKey !== undefined) {
          const rows = await db.em().execute<{ id: string }[]>(
            `select id from leads where tenant_id = ? and idempotency_key = ?`,
            [params.tenantId, params.idempotencyKey],
          );
          if (rows[0] !== undefined) return { leadId: rows[0].id };
        }
        try {
          return await db.em().transactional(async (tem) => {
            const leadId = formatNumber('L', await nextTenantCounter(tem, params.tenantId, 'lead'));
            const payload = typeof params.payload === 'function' ? params.payload(leadId) : params.payload;
            const now = new Date(clock.now());
            await tem.execute(
              `insert into leads (tenant_id, id, conversation_id, contact_id, payload, provenance, status, crm_status, idempotency_key, created_at, updated_at)
               values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)`,
              [
                params.tenantId,
                leadId,
                params.conversationId ?? null,
                params.contactId ?? null,
                JSON.stringify(payload),
                JSON.stringify(params.provenance ?? {}),
                params.status ?? 'submitted',
                params.crmStatus ?? 'pending',
                params.idempotencyKey ?? null,
                now,
                now,
              ],
              'run',
            );
            return { leadId };
          });
        } catch (err) {
          if (params.idempotencyKey === undefined || !isUniqueViolation(err) || attempt >= MAX_IDEMPOTENT_RETRIES) throw err;
        }
      }
    },

    async getLead(tenantId, leadId) {
      const row = await db.em().findOne(LeadSchema, { tenantId, id: leadId });
      return row === null ? null : toLeadRecord(row);
    },

    async listLeads(tenantId) {
      const rows = await db.em().find(LeadSchema, { tenantId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return rows.map(toLeadRecord);
    },

    async setCrmStatus(tenantId, leadId, crmStatus) {
      const result = await db.em().execute<{ affectedRows: number }>(
        `update leads set crm_status = ?, updated_at = ? where tenant_id = ? and id = ?`,
        [crmStatus, new Date(clock.now()), tenantId, leadId],
        'run',
      );
      return result.affectedRows > 0;
    },

    async amendPayload(tenantId, leadId, payload) {
      const json = JSON.stringify(payload);
      const result = await db.em().execute<{ affectedRows: number }>(
        `update leads set payload = ?::jsonb, amendments = amendments + 1, updated_at = ?
          where tenant_id = ? and id = ? and payload <> ?::jsonb`,
        [json, new Date(clock.now()), tenantId, leadId, json],
        'run',
      );
      return result.affectedRows > 0;
    },
  };
}

function toLeadRecord(row: LeadRow): LeadRecordSql {
  return {
    leadId: row.id,
    tenantId: row.tenantId,
    conversationId: row.conversationId,
    contactId: row.contactId,
    payload: structuredClone(row.payload),
    provenance: structuredClone(row.provenance),
    status: row.status,
    crmStatus: row.crmStatus,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    amendments: row.amendments,
  };
}
