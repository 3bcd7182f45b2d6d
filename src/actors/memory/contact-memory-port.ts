/**
 * The contact-memory port the conversation host uses, its in-memory implementation and the pure
 * helpers both implementations share. No SQL here: the host and memory mode load nothing of the
 * database (the SQL port is `createSqlContactMemoryPort` in `contact-memory.ts`).
 */
import type { ContactProfile } from '../../domain/lead.js';
import type { ContactProfilePatch } from '../../persistence/sql/contact.repository.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import { toE164 } from '../../domain/phone.js';

const MAX_FIELD_CHARS = 200;

/** The part of the machine context memory reads (kept structural so the machine stays private). */
export interface MemoryContextView {
  lang?: string | null;
  lead?: { draft?: Record<string, { value: string | null } | undefined> } | null;
}

function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length === 0 ? null : v.slice(0, MAX_FIELD_CHARS);
}

/**
 * The profile fields a turn taught us, from the lead draft and the conversation language. Only
 * known values are set: a turn never clears what an earlier conversation learned. A declined
 * field (`value: null`) is not a value.
 */
export function profilePatchFromContext(context: MemoryContextView, options: { channelPhone?: string | null } = {}): ContactProfilePatch {
  const draft = context.lead?.draft ?? {};
  const patch: ContactProfilePatch = {};
  const name = clean(draft.name?.value);
  if (name) patch.displayName = name;
  const email = clean(draft.email?.value);
  if (email && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) patch.email = email.toLowerCase();
  const phone = clean(draft.phone_or_username?.value) ?? clean(options.channelPhone);
  // Stored in E.164 (src/domain/phone.ts) when it reads as a phone; a short local number keeps its digits.
  if (phone && /^\+?[\d\s().-]{7,20}$/.test(phone)) patch.phone = toE164(phone) ?? phone.replace(/[\s().-]/g, '');
  const company = clean(draft.company_name?.value);
  if (company) patch.company = company;
  if (context.lang === 'es' || context.lang === 'en') patch.language = context.lang;
  return patch;
}

/** The part of a machine context read after a turn: the lead and what the contact is known by. */
export interface RememberedContextView extends MemoryContextView {
  lead?: { status?: string; leadId?: string | null; draft?: Record<string, { value: string | null } | undefined> } | null;
}

/**
 * Long-term memory as the conversation host uses it: a new conversation of a known contact starts
 * from what they confirmed before, and a confirmed lead teaches the profile. Implementations: SQL
 * (`createSqlContactMemoryPort`, PostgreSQL or PGlite) and in memory (`createMemoryContactMemoryPort`).
 */
export interface ContactMemoryPort {
  /** The remembered profile and open items of the contact behind a thread; null for a stranger. */
  recall(tenantId: string, conversationId: string): Promise<ContactProfile | null>;
  /** Stores the confirmed lead's contact fields (and the conversation language) on the profile. */
  remember(tenantId: string, conversationId: string, context: RememberedContextView): Promise<void>;
}

/** True when the turn just confirmed a lead (its id is new): the only time lead data becomes profile. */
export function confirmedLeadIn(before: RememberedContextView | null | undefined, after: RememberedContextView | null | undefined): boolean {
  const lead = after?.lead;
  return !!lead && lead.status === 'submitted' && !!lead.leadId && before?.lead?.leadId !== lead.leadId;
}

export function profileOf(record: { displayName?: string | null; email?: string | null; phone?: string | null; company?: string | null; language?: string | null } | null): ContactProfile {
  const profile: ContactProfile = {};
  if (!record) return profile;
  if (record.displayName) profile.name = record.displayName;
  if (record.email) profile.email = record.email;
  if (record.phone) profile.phone = record.phone;
  if (record.company) profile.company = record.company;
  if (record.language === 'es' || record.language === 'en') profile.lang = record.language;
  return profile;
}

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
