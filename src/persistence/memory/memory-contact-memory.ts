import type { ContactProfile } from '../../domain/lead.js';
import { profileOf, profilePatchFromContext, type ContactMemoryPort } from '../ports/contact-memory.js';
import type { TicketStore } from '../ports/records.js';

/**
 * The in-memory port (`HILO_STORAGE=memory`): profiles per thread in process memory, open tickets
 * read from the ticket store. `forget` drops a thread's profile.
 */
export function createMemoryContactMemoryPort(options: { tickets?: Pick<TicketStore, 'list'> } = {}): ContactMemoryPort & { forget(tenantId: string, conversationId: string): void } {
  const profiles = new Map<string, ContactProfile>();
  const k = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;
  return {
    async recall(tenantId, conversationId) {
      const profile: ContactProfile = { ...(profiles.get(k(tenantId, conversationId)) ?? {}) };
      const open = (await options.tickets?.list(tenantId))?.filter((t) => t.conversationId === conversationId && t.status === 'open').at(-1);
      if (open) profile.openTicket = open.number;
      return Object.keys(profile).length > 0 ? profile : null;
    },
    async remember(tenantId, conversationId, context) {
      const patch = profilePatchFromContext(context);
      const current = profiles.get(k(tenantId, conversationId)) ?? {};
      const next: ContactProfile = { ...current, ...profileOf({ displayName: patch.displayName ?? null, email: patch.email ?? null, phone: patch.phone ?? null, company: patch.company ?? null, language: patch.language ?? null }) };
      const leadId = context.lead?.status === 'submitted' ? context.lead.leadId : null;
      if (leadId) next.openLead = leadId;
      profiles.set(k(tenantId, conversationId), next);
    },
    forget(tenantId, conversationId) {
      profiles.delete(k(tenantId, conversationId));
    },
  };
}
