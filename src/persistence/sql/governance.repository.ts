import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../kernel/clock.js';
import type { TranscriptEntry } from '../ports/transcript-store.js';
import { appendAuditIn } from './audit.repository.js';
import type { ContactRecord } from './contact.repository.js';
import type { Database } from './database.js';
import { identityCacheOf } from './identity-cache.js';
import type { LeadRecordSql } from './lead.repository.js';
import type { TicketRecordSql } from './ticket.repository.js';
import { toContactRef, type ContactRef } from './contact-ref.js';
import { isUuid, messageRowToEntry, toIso, toIsoOrNull, type MessageDbRow } from './sql-helpers.js';

/** What a ticket keeps after its contact is erased: the number and the workflow facts. */
export const ERASED_TICKET_SUMMARY = '';

export interface ChannelIdentityRecord {
  channel: string;
  externalId: string;
  createdAt: string;
}

export interface ConversationRecordSql {
  conversationId: string;
  contactId: string | null;
  phase: string;
  startedAt: string;
  lastActivityAt: string;
  closedAt: string | null;
  outcome: string | null;
  lastSeq: number;
  transcript: TranscriptEntry[];
}

export interface AuditEventRecord {
  seq: number;
  type: string;
  actor: string;
  at: string;
  payload: Record<string, unknown>;
}

/** Everything the SQL database holds about one contact. */
export interface ContactDataset {
  contact: ContactRecord | null;
  identities: ChannelIdentityRecord[];
  conversations: ConversationRecordSql[];
  leads: LeadRecordSql[];
  tickets: TicketRecordSql[];
  auditEvents: AuditEventRecord[];
}

export interface ErasureCounts {
  contacts: number;
  identities: number;
  conversations: number;
  messages: number;
  outbox: number;
  leads: number;
  tickets: number;
  /** Agents' internal notes on the conversations (the console); their assignments go too. */
  agentNotes: number;
}

export interface ContactErasure {
  /** `not_found`: nothing held and never erased; `already_erased`: nothing left since an earlier erase. */
  outcome: 'erased' | 'already_erased' | 'not_found';
  counts: ErasureCounts;
  conversationIds: string[];
  audit: { seq: number; hash: string } | null;
}

export interface RetentionErasure {
  cutoff: string;
  counts: ErasureCounts;
  conversationIds: string[];
  audit: { seq: number; hash: string };
}

export interface GovernanceRepository {
  /** Null when the tenant holds nothing about this contact id. */
  collectContact(tenantId: string, contactId: string): Promise<ContactDataset | null>;
  /** The contact's conversations: those linked by `contact_id` plus the thread whose id is the contact id. */
  conversationIdsOf(tenantId: string, contactId: string): Promise<string[]>;
  /**
   * One transaction: messages, outbox rows, leads, identities, profile and conversations go;
   * tickets keep number, kind, reason and status but lose summary, agent and outcome. Appends
   * `contact.erased` (ids and counts only) in the same transaction.
   */
  eraseContact(tenantId: string, contactId: string, actor: string): Promise<ContactErasure>;
  /** Erases conversations idle since before `cutoff` and contacts left without conversations; appends `retention.enforced`. */
  eraseExpired(tenantId: string, cutoffMs: number, actor: string, meta: Record<string, number | string>): Promise<RetentionErasure>;
  /** Tenants whose `tenants.retention_days` is set. */
  retentionPolicies(): Promise<{ tenantId: string; retentionDays: number }[]>;
}

const zeroCounts = (): ErasureCounts => ({ contacts: 0, identities: 0, conversations: 0, messages: 0, outbox: 0, leads: 0, tickets: 0, agentNotes: 0 });

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * SQL side of governance (export, erase, retention). Every query is scoped by tenant.
 *
 * @example
 * const governanceRepo = createGovernanceRepository({ db, clock });
 * const data = await governanceRepo.collectContact('demo', contactId);
 */
export function createGovernanceRepository(options: { db: Database; clock: Clock; auditKey?: string | null }): GovernanceRepository {
  const { db, clock } = options;

  const conversationIdsIn = async (em: EntityManager, tenantId: string, ref: ContactRef, lock: boolean): Promise<string[]> => {
    const byContact = ref.contactUuid !== null;
    const rows = await em.execute<{ id: string }[]>(
      `select id from conversations where tenant_id = ? and (id = ?${byContact ? ' or contact_id = ?::uuid' : ''}) order by started_at, id${lock ? ' for update' : ''}`,
      byContact ? [tenantId, ref.threadId, ref.contactUuid] : [tenantId, ref.threadId],
    );
    return rows.map((r) => r.id);
  };

  // Same envelope, hashing and key as the audit repository, inside the caller's transaction so
  // the erasure and its record commit (or roll back) together.
  const appendAudit = (tem: EntityManager, tenantId: string, type: string, actor: string, payload: Record<string, unknown>) =>
    appendAuditIn(tem, { clock, key: options.auditKey ?? null }, tenantId, type, actor, payload);

  const run = async (tem: EntityManager, sql: string, params: unknown[]): Promise<number> => {
    const result = await tem.execute<{ affectedRows: number }>(sql, params, 'run');
    return result.affectedRows;
  };

  /** Deletes the conversations' rows and scrubs their tickets; adds to `counts`. */
  const eraseConversations = async (tem: EntityManager, tenantId: string, ids: string[], counts: ErasureCounts): Promise<void> => {
    if (ids.length === 0) return;
    const inList = placeholders(ids.length);
    counts.messages += await run(tem, `delete from messages where tenant_id = ? and conversation_id in (${inList})`, [tenantId, ...ids]);
    counts.outbox += await run(tem, `delete from outbox_entries where tenant_id = ? and conversation_id in (${inList})`, [tenantId, ...ids]);
    counts.leads += await run(tem, `delete from leads where tenant_id = ? and conversation_id in (${inList})`, [tenantId, ...ids]);
    // What agents wrote about the customer in the console is personal data too.
    counts.agentNotes += await run(tem, `delete from agent_notes where tenant_id = ? and conversation_id in (${inList})`, [tenantId, ...ids]);
    await run(tem, `delete from conversation_assignments where tenant_id = ? and conversation_id in (${inList})`, [tenantId, ...ids]);
    await run(tem, `delete from console_activity where tenant_id = ? and conversation_id in (${inList})`, [tenantId, ...ids]);
    counts.tickets += await run(
      tem,
      `update tickets set summary = ?, agent_name = null, outcome = null
       where tenant_id = ? and conversation_id in (${inList}) and (summary <> ? or agent_name is not null or outcome is not null)`,
      [ERASED_TICKET_SUMMARY, tenantId, ...ids, ERASED_TICKET_SUMMARY],
    );
    counts.conversations += await run(tem, `delete from conversations where tenant_id = ? and id in (${inList})`, [tenantId, ...ids]);
  };

  /** Deletes the contacts' leads, identities and profiles (their conversations must be gone). */
  const eraseContactRows = async (tem: EntityManager, tenantId: string, contactIds: string[], counts: ErasureCounts): Promise<void> => {
    const ids = contactIds.filter(isUuid);
    if (ids.length === 0) return;
    const inList = placeholders(ids.length);
    counts.leads += await run(tem, `delete from leads where tenant_id = ? and contact_id in (${inList})`, [tenantId, ...ids]);
    // Conversations of someone else that only point at this contact keep their thread, unlinked.
    await run(tem, `update conversations set contact_id = null where tenant_id = ? and contact_id in (${inList})`, [tenantId, ...ids]);
    counts.identities += await run(tem, `delete from channel_identities where tenant_id = ? and contact_id in (${inList})`, [tenantId, ...ids]);
    counts.contacts += await run(tem, `delete from contacts where tenant_id = ? and id in (${inList})`, [tenantId, ...ids]);
  };

  return {
    async collectContact(tenantId, contactId) {
      const em = db.em();
      const ref = toContactRef(contactId);
      const contactRows =
        ref.contactUuid !== null ? await em.execute<ContactSqlRow[]>(`select * from contacts where tenant_id = ? and id = ?`, [tenantId, ref.contactUuid]) : [];
      const conversationIds = await conversationIdsIn(em, tenantId, ref, false);
      const contactRow = contactRows[0];
      const leadWhere: string[] = [];
      const leadParams: unknown[] = [tenantId];
      if (ref.contactUuid !== null) {
        leadWhere.push('contact_id = ?::uuid');
        leadParams.push(ref.contactUuid);
      }
      leadWhere.push(`conversation_id in (${placeholders(conversationIds.length + 1)})`);
      leadParams.push(ref.threadId, ...conversationIds);
      const leads = await em.execute<LeadSqlRow[]>(`select * from leads where tenant_id = ? and (${leadWhere.join(' or ')}) order by created_at, id`, leadParams);
      if (contactRow === undefined && conversationIds.length === 0 && leads.length === 0) return null;

      const identities =
        ref.contactUuid !== null
          ? await em.execute<{ channel: string; external_id: string; created_at: Date }[]>(
              `select channel, external_id, created_at from channel_identities where tenant_id = ? and contact_id = ? order by created_at, channel, external_id`,
              [tenantId, ref.contactUuid],
            )
          : [];

      const conversations: ConversationRecordSql[] = [];
      let tickets: TicketSqlRow[] = [];
      if (conversationIds.length > 0) {
        const inList = placeholders(conversationIds.length);
        const convRows = await em.execute<ConversationSqlRow[]>(
          `select * from conversations where tenant_id = ? and id in (${inList}) order by started_at, id`,
          [tenantId, ...conversationIds],
        );
        const messageRows = await em.execute<MessageSqlRow[]>(
          `select * from messages where tenant_id = ? and conversation_id in (${inList}) order by conversation_id, seq`,
          [tenantId, ...conversationIds],
        );
        for (const row of convRows) {
          conversations.push({
            conversationId: row.id,
            contactId: row.contact_id,
            phase: row.phase,
            startedAt: toIso(row.started_at),
            lastActivityAt: toIso(row.last_activity_at),
            closedAt: toIsoOrNull(row.closed_at),
            outcome: row.outcome,
            lastSeq: row.last_seq,
            transcript: messageRows.filter((m) => m.conversation_id === row.id).map(messageRowToEntry),
          });
        }
        tickets = await em.execute<TicketSqlRow[]>(
          `select * from tickets where tenant_id = ? and conversation_id in (${inList}) order by opened_at, number`,
          [tenantId, ...conversationIds],
        );
      }

      const auditRows = await em.execute<{ seq: number; type: string; actor: string; payload: Record<string, unknown>; created_at: Date }[]>(
        `select seq, type, actor, payload, created_at from audit_events
         where tenant_id = ? and (payload->>'contactId' = ? or payload->>'conversationId' = ?) order by seq`,
        [tenantId, ref.threadId, ref.threadId],
      );

      return {
        contact: contactRow ? toContactRecord(contactRow) : null,
        identities: identities.map((i) => ({ channel: i.channel, externalId: i.external_id, createdAt: toIso(i.created_at) })),
        conversations,
        leads: leads.map(toLeadRecord),
        tickets: tickets.map(toTicketRecord),
        auditEvents: auditRows.map((a) => ({ seq: a.seq, type: a.type, actor: a.actor, at: toIso(a.created_at), payload: a.payload })),
      };
    },

    async conversationIdsOf(tenantId, contactId) {
      return conversationIdsIn(db.em(), tenantId, toContactRef(contactId), false);
    },

    async eraseContact(tenantId, contactId, actor) {
      const ref = toContactRef(contactId);
      return forgettingIdentities(db, tenantId, () => db.em().transactional(async (tem): Promise<ContactErasure> => {
        const counts = zeroCounts();
        // Locks the profile first, so a concurrent turn's profile update waits for the erasure.
        const contact =
          ref.contactUuid !== null ? await tem.execute<unknown[]>(`select 1 from contacts where tenant_id = ? and id = ? for update`, [tenantId, ref.contactUuid]) : [];
        const conversationIds = await conversationIdsIn(tem, tenantId, ref, true);
        const strayLeads = await tem.execute<unknown[]>(
          `select 1 from leads where tenant_id = ? and (conversation_id = ?${ref.contactUuid !== null ? ' or contact_id = ?::uuid' : ''}) limit 1`,
          ref.contactUuid !== null ? [tenantId, ref.threadId, ref.contactUuid] : [tenantId, ref.threadId],
        );
        if (contact.length === 0 && conversationIds.length === 0 && strayLeads.length === 0) {
          const earlier = await tem.execute<unknown[]>(
            `select 1 from audit_events where tenant_id = ? and type = 'contact.erased' and payload->>'contactId' = ? limit 1`,
            [tenantId, ref.threadId],
          );
          return { outcome: earlier.length > 0 ? 'already_erased' : 'not_found', counts, conversationIds: [], audit: null };
        }
        await eraseConversations(tem, tenantId, conversationIds.includes(ref.threadId) ? conversationIds : [...conversationIds, ref.threadId], counts);
        if (ref.contactUuid !== null) await eraseContactRows(tem, tenantId, [ref.contactUuid], counts);
        const audit = await appendAudit(tem, tenantId, 'contact.erased', actor, { contactId: ref.threadId, conversationIds, counts: { ...counts } });
        return { outcome: 'erased', counts, conversationIds, audit };
      }));
    },

    async eraseExpired(tenantId, cutoffMs, actor, meta) {
      const cutoff = new Date(cutoffMs);
      return forgettingIdentities(db, tenantId, () => db.em().transactional(async (tem): Promise<RetentionErasure> => {
        const counts = zeroCounts();
        const expired = await tem.execute<{ id: string }[]>(
          `select id from conversations where tenant_id = ? and last_activity_at < ? order by id for update`,
          [tenantId, cutoff],
        );
        const conversationIds = expired.map((r) => r.id);
        await eraseConversations(tem, tenantId, conversationIds, counts);
        // A profile nobody has talked through since the cutoff goes too: it is personal data.
        const orphans = await tem.execute<{ id: string }[]>(
          `select c.id from contacts c
           where c.tenant_id = ? and c.updated_at < ?
             and not exists (select 1 from conversations v where v.tenant_id = c.tenant_id and (v.contact_id = c.id or v.id = 'c_' || replace(c.id::text, '-', '')))
           order by c.id for update`,
          [tenantId, cutoff],
        );
        await eraseContactRows(tem, tenantId, orphans.map((o) => o.id), counts);
        const at = toIso(cutoff);
        const audit = await appendAudit(tem, tenantId, 'retention.enforced', actor, { ...meta, cutoff: at, counts: { ...counts } });
        return { cutoff: at, counts, conversationIds, audit };
      }));
    },

    async retentionPolicies() {
      const rows = await db.em().execute<{ id: string; retention_days: number }[]>(
        `select id, retention_days from tenants where retention_days is not null order by id`,
      );
      return rows.map((r) => ({ tenantId: r.id, retentionDays: r.retention_days }));
    },
  };
}

/**
 * Runs an erasure that may delete channel identities, then forgets the tenant's identities in the
 * process's identity cache (identity-cache.ts), whatever the outcome: a deleted identity must not
 * keep resolving to its erased contact.
 */
async function forgettingIdentities<T>(db: Database, tenantId: string, erase: () => Promise<T>): Promise<T> {
  try {
    return await erase();
  } finally {
    identityCacheOf(db)?.forgetTenant(tenantId);
  }
}

// ------------------------------------------------------------------ raw rows

interface ContactSqlRow {
  id: string;
  tenant_id: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  language: string | null;
  preferences: Record<string, unknown> | null;
  profile_summary: string | null;
  created_at: Date;
  updated_at: Date;
}

interface ConversationSqlRow {
  id: string;
  contact_id: string | null;
  phase: string;
  started_at: Date;
  last_activity_at: Date;
  closed_at: Date | null;
  outcome: string | null;
  last_seq: number;
}

/** A `messages` row of the export: the transcript columns plus the conversation it belongs to. */
type MessageSqlRow = MessageDbRow & { conversation_id: string };

interface LeadSqlRow {
  tenant_id: string;
  id: string;
  conversation_id: string | null;
  contact_id: string | null;
  payload: Record<string, unknown>;
  provenance: Record<string, string>;
  status: string;
  crm_status: string;
  amendments: number;
  created_at: Date;
  updated_at: Date;
}

interface TicketSqlRow {
  id: string;
  tenant_id: string;
  number: string;
  conversation_id: string;
  kind: string;
  reason: string;
  summary: string;
  status: 'open' | 'closed';
  agent_name: string | null;
  outcome: string | null;
  opened_at: Date;
  closed_at: Date | null;
}

function toContactRecord(row: ContactSqlRow): ContactRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    language: row.language,
    preferences: row.preferences ?? {},
    profileSummary: row.profile_summary,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toLeadRecord(row: LeadSqlRow): LeadRecordSql {
  return {
    leadId: row.id,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    payload: row.payload,
    provenance: row.provenance,
    status: row.status,
    crmStatus: row.crm_status,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    amendments: row.amendments ?? 0,
  };
}

function toTicketRecord(row: TicketSqlRow): TicketRecordSql {
  return {
    id: row.id,
    number: row.number,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    kind: row.kind,
    reason: row.reason,
    summary: row.summary,
    status: row.status,
    agentName: row.agent_name,
    outcome: row.outcome,
    openedAt: toIso(row.opened_at),
    closedAt: toIsoOrNull(row.closed_at),
  };
}
