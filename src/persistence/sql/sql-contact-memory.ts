/**
 * Contact memory on SQL (PostgreSQL or PGlite): the profile is the contact row, open items come
 * from every conversation of the contact. `createSqlContactMemoryPort` is the port the host uses;
 * `createContactMemory` adds the recall for a returning contact's greeting and the same-person
 * lookup across channels.
 */
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import {
  firstNameOf,
  profileOf,
  profilePatchFromContext,
  type ContactMemoryPort,
  type ContactRecall,
  type MemoryContextView,
} from '../ports/contact-memory.js';
import { createContactMemoryRepository } from './contact-memory.repository.js';
import { createContactRepository, type ContactRecord } from './contact.repository.js';
import { toContactRef } from './contact-ref.js';
import type { Database } from './database.js';

export interface ContactMemory {
  /** Stores what this turn taught about the contact; null when the contact has no profile row. */
  rememberTurn(tenantId: string, contactId: string, context: MemoryContextView, options?: { channelPhone?: string | null; profileSummary?: string | null }): Promise<ContactRecord | null>;
  recallContact(tenantId: string, contactId: string): Promise<ContactRecall>;
  /**
   * Other contacts of the tenant with the same email or phone (oldest first), as thread ids: the
   * same person on another channel, for the host to link.
   */
  findSamePerson(tenantId: string, contactId: string, query: { email?: string | null; phone?: string | null }): Promise<string[]>;
}

/**
 * @example
 * const memory = createContactMemory({ db, clock, logger });
 * await memory.rememberTurn('ferreteria', conversationId, snapshot.context, { profileSummary: summarizeForContext(transcript, 0).summary });
 * const recall = await memory.recallContact('ferreteria', conversationId);
 * const hello = returningGreeting(recall, 'es'); // src/actors/memory/contact-memory.ts // "¡Hola de nuevo, María! Tu caso T-000042 sigue abierto…"
 */
export function createContactMemory(options: { db: Database; clock: Clock; logger: Logger }): ContactMemory {
  const contacts = createContactRepository({ db: options.db, clock: options.clock });
  const items = createContactMemoryRepository({ db: options.db });
  const log = options.logger.child({ component: 'contact-memory' });

  return {
    async rememberTurn(tenantId, contactId, context, turnOptions = {}) {
      const ref = toContactRef(contactId);
      if (ref.contactUuid === null) return null;
      const patch = profilePatchFromContext(context, { channelPhone: turnOptions.channelPhone ?? null });
      // The summary is the caller's reading of the transcript (`summarizeForContext` in actors).
      if (turnOptions.profileSummary) patch.profileSummary = turnOptions.profileSummary;
      if (Object.keys(patch).length === 0) return contacts.getContact(tenantId, ref.contactUuid);
      const updated = await contacts.updateProfile(tenantId, ref.contactUuid, patch);
      log.debug({ tenant: tenantId, conversationId: ref.threadId, fields: Object.keys(patch) }, 'contact profile updated');
      return updated;
    },

    async recallContact(tenantId, contactId) {
      const ref = toContactRef(contactId);
      const contact = ref.contactUuid === null ? null : await contacts.getContact(tenantId, ref.contactUuid);
      const open = await items.openItemsOf(tenantId, ref.threadId);
      const recall: ContactRecall = {};
      const firstName = firstNameOf(contact?.displayName);
      if (firstName) recall.firstName = firstName;
      if (open.openTicket) recall.openTicket = { number: open.openTicket.number, kind: open.openTicket.kind };
      if (open.openLead) recall.openLead = { leadId: open.openLead.leadId, status: open.openLead.status };
      if (contact?.profileSummary) recall.summary = contact.profileSummary;
      return recall;
    },

    async findSamePerson(tenantId, contactId, query) {
      const self = toContactRef(contactId).contactUuid;
      const found = await contacts.findByEmailOrPhone(tenantId, {
        ...(query.email ? { email: query.email } : {}),
        ...(query.phone ? { phone: query.phone } : {}),
      });
      return found.filter((c) => c.id !== self).map((c) => toContactRef(c.id).threadId);
    },
  };
}

/**
 * The SQL port. The profile is the contact row (identity linking may have stored a phone or email
 * there without a confirmed lead: those alone do not make a contact "known"); open items come from
 * every conversation of the contact. An erased contact has no row: nothing is recalled or written.
 */
export function createSqlContactMemoryPort(options: { db: Database; clock: Clock; logger: Logger }): ContactMemoryPort {
  const memory = createContactMemory(options);
  const contacts = createContactRepository({ db: options.db, clock: options.clock });
  const items = createContactMemoryRepository({ db: options.db });
  return {
    async recall(tenantId, conversationId) {
      const ref = toContactRef(conversationId);
      const contact = ref.contactUuid === null ? null : await contacts.getContact(tenantId, ref.contactUuid);
      const profile = contact?.displayName ? profileOf(contact) : {};
      const open = await items.openItemsOf(tenantId, conversationId);
      if (open.openTicket) profile.openTicket = open.openTicket.number;
      if (open.openLead) profile.openLead = open.openLead.leadId;
      return Object.keys(profile).length > 0 ? profile : null;
    },
    async remember(tenantId, conversationId, context) {
      await memory.rememberTurn(tenantId, conversationId, context);
    },
  };
}
