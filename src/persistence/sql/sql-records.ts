import type { ContactDirectory, LeadRecord, LeadStore, TicketRecord, TicketStore } from '../ports/records.js';
import type { LeadPayload } from '../../domain/lead.js';
import type { HandoffReason, TicketKind } from '../../domain/ticket.js';
import type { Clock } from '../../kernel/clock.js';
import { createContactRepository } from './contact.repository.js';
import { toContactRef } from './contact-ref.js';
import type { Database } from './database.js';
import { createLeadRepository, type LeadRecordSql } from './lead.repository.js';
import { createTicketRepository, type TicketRecordSql } from './ticket.repository.js';

/**
 * `ContactDirectory` on the contact repository: a channel identity resolves to its contact, and
 * the conversation id is the contact's thread, `c_<contact uuid without dashes>`.
 */
export function createSqlContactDirectory(options: { db: Database; clock: Clock }): ContactDirectory {
  const contacts = createContactRepository(options);
  const thread = (contactId: string) => `c_${contactId.replace(/-/g, '')}`;
  return {
    async resolve(tenantId, channel, externalId) {
      return thread(await contacts.resolveContact(tenantId, channel, externalId));
    },
    async rememberFacts(tenantId, conversationId, facts) {
      const contactId = toContactRef(conversationId).contactUuid;
      if (contactId === null) return;
      await contacts.updateProfile(tenantId, contactId, { ...(facts.phone ? { phone: facts.phone } : {}), ...(facts.email ? { email: facts.email } : {}) });
    },
    async findOtherThread(tenantId, conversationId, facts) {
      const self = toContactRef(conversationId).contactUuid;
      const found = await contacts.findByEmailOrPhone(tenantId, { ...(facts.email ? { email: facts.email } : {}), ...(facts.phone ? { phone: facts.phone } : {}) });
      for (const other of found) {
        if (other.id === self) continue;
        // A channel that can carry a code first (the web widget cannot), then the newest.
        const rows = await options.db.em().execute<{ channel: string; external_id: string }[]>(
          `select channel, external_id from channel_identities where tenant_id = ? and contact_id = ? order by (channel = 'web'), created_at desc limit 1`,
          [tenantId, other.id],
        );
        if (rows[0]) return { conversationId: thread(other.id), channel: rows[0].channel, externalId: rows[0].external_id };
      }
      return null;
    },
    async linkIdentity(tenantId, conversationId, channel, externalId) {
      const contactId = toContactRef(conversationId).contactUuid;
      if (contactId === null) return false;
      return (await contacts.linkIdentity(tenantId, contactId, channel, externalId)).ok;
    },
  };
}

/** `TicketStore` on the ticket repository (`T-000001`… per tenant, idempotent by key). */
export function createSqlTicketStore(options: { db: Database; clock: Clock }): TicketStore {
  const tickets = createTicketRepository(options);
  return {
    async open(input) {
      const { id } = await tickets.openTicket({
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        kind: input.kind,
        reason: input.reason,
        summary: input.summary,
        idempotencyKey: input.idempotencyKey,
      });
      const record = await tickets.getTicket(input.tenantId, id);
      if (record === null) throw new Error(`ticket ${id} vanished after opening`);
      return toTicketRecord(record);
    },
    async close(tenantId, ticketId, agentName, outcome) {
      const record = await tickets.closeTicket({ tenantId, ticketId, agentName, outcome });
      return record === null ? null : toTicketRecord(record);
    },
    async list(tenantId) {
      return (await tickets.listTickets(tenantId)).map(toTicketRecord);
    },
    rate: (tenantId, ticketId, rating) => tickets.rateTicket({ tenantId, ticketId, rating }),
    async claim(tenantId, ticketId, owner, expectedOwnerId) {
      const answer = await tickets.claimTicket({ tenantId, ticketId, ownerId: owner.id, ownerName: owner.displayName, expectedOwnerId });
      return answer === null ? null : { ok: answer.ok, ticket: toTicketRecord(answer.ticket) };
    },
    async release(tenantId, ticketId, expectedOwnerId) {
      const answer = await tickets.releaseTicket({ tenantId, ticketId, expectedOwnerId });
      return answer === null ? null : { ok: answer.ok, ticket: toTicketRecord(answer.ticket) };
    },
  };
}

/** `LeadStore` on the lead repository (`L-000001`… per tenant, idempotent by key). */
export function createSqlLeadStore(options: { db: Database; clock: Clock }): LeadStore {
  const leads = createLeadRepository(options);
  return {
    async save(input) {
      const { leadId } = await leads.saveLead({
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        payload: (id) => input.build(id) as unknown as Record<string, unknown>,
        idempotencyKey: input.idempotencyKey,
      });
      const record = await leads.getLead(input.tenantId, leadId);
      if (record === null) throw new Error(`lead ${leadId} vanished after saving`);
      return toLeadRecord(record);
    },
    async list(tenantId) {
      return (await leads.listLeads(tenantId)).map(toLeadRecord);
    },
    async amend(tenantId, leadId, payload) {
      await leads.amendPayload(tenantId, leadId, payload as unknown as Record<string, unknown>);
      const record = await leads.getLead(tenantId, leadId);
      return record === null ? null : toLeadRecord(record);
    },
  };
}

function toTicketRecord(r: TicketRecordSql): TicketRecord {
  return {
    ticketId: r.id,
    number: r.number,
    tenantId: r.tenantId,
    conversationId: r.conversationId,
    kind: r.kind as TicketKind,
    reason: r.reason as HandoffReason,
    summary: r.summary,
    status: r.status,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    agentName: r.agentName,
    outcome: r.outcome,
    rating: r.rating ?? null,
    ...(r.owner ? { owner: r.owner } : {}),
  };
}

function toLeadRecord(r: LeadRecordSql): LeadRecord {
  return {
    leadId: r.leadId,
    tenantId: r.tenantId,
    conversationId: r.conversationId ?? '',
    payload: r.payload as unknown as LeadPayload,
    createdAt: r.createdAt,
    // Absent until corrected, as in the memory store (the records contract compares them).
    ...(r.amendments > 0 ? { amendments: r.amendments } : {}),
  };
}
