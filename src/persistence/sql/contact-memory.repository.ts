import type { Database } from './database.js';
import { toContactRef } from './contact-ref.js';
import { toIso } from './sql-helpers.js';

/** Lead statuses that mean "still being worked on" for the greeting of a returning contact. */
export const OPEN_LEAD_STATUSES = ['submitted', 'open', 'qualifying', 'contacted'] as const;

export interface OpenItems {
  openTicket: { ticketId: string; number: string; kind: string; openedAt: string } | null;
  openLead: { leadId: string; status: string; createdAt: string } | null;
}

export interface ContactMemoryRepository {
  /** The newest open ticket and open lead across every conversation of the contact. */
  openItemsOf(tenantId: string, contactId: string): Promise<OpenItems>;
}

/**
 * Read side of long-term contact memory. A contact's conversations are those linked by
 * `contact_id` plus the thread whose id is the contact id (the contact directory's mapping).
 */
export function createContactMemoryRepository(options: { db: Database }): ContactMemoryRepository {
  const { db } = options;
  return {
    async openItemsOf(tenantId, contactId) {
      const ref = toContactRef(contactId);
      const byContact = ref.contactUuid !== null;
      // The thread itself may have no conversation row yet (tickets are written mid-turn).
      const conversationScope = `select ?::text union select id from conversations where tenant_id = ? and contact_id = ?::uuid`;
      const scopeParams = [ref.threadId, tenantId, ref.contactUuid];
      const em = db.em();
      const tickets = await em.execute<{ id: string; number: string; kind: string; opened_at: Date }[]>(
        `select id, number, kind, opened_at from tickets
         where tenant_id = ? and status = 'open' and conversation_id in (${conversationScope})
         order by opened_at desc, number desc limit 1`,
        [tenantId, ...scopeParams],
      );
      const leads = await em.execute<{ id: string; status: string; created_at: Date }[]>(
        `select id, status, created_at from leads
         where tenant_id = ? and status in (${OPEN_LEAD_STATUSES.map(() => '?').join(', ')})
           and (conversation_id in (${conversationScope})${byContact ? ' or contact_id = ?::uuid' : ''})
         order by created_at desc, id desc limit 1`,
        [tenantId, ...OPEN_LEAD_STATUSES, ...scopeParams, ...(byContact ? [ref.contactUuid] : [])],
      );
      const t = tickets[0];
      const l = leads[0];
      return {
        openTicket: t ? { ticketId: t.id, number: t.number, kind: t.kind, openedAt: toIso(t.opened_at) } : null,
        openLead: l ? { leadId: l.id, status: l.status, createdAt: toIso(l.created_at) } : null,
      };
    },
  };
}
