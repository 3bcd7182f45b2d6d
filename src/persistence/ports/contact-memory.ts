/**
 * The contact-memory port: what Hilo remembers about a person between conversations (name,
 * email, phone, company, language; open ticket or lead). Two implementations share this file's
 * readings of a turn and of a stored profile: SQL (`sql/sql-contact-memory.ts`, PostgreSQL or
 * PGlite) and in memory (`memory/memory-contact-memory.ts`). The conversation host knows only the
 * port (`src/actors/memory/contact-memory-port.ts` adds when a turn confirmed a lead).
 */
import { phonesOf } from '../../domain/phone-list.js';
import type { ContactProfile } from '../../domain/lead.js';
import { toE164 } from '../../domain/phone.js';

/** What one turn taught about the contact: only known values, never a clearing `null`. */
export interface ProfileFacts {
  displayName?: string;
  email?: string;
  phone?: string;
  company?: string;
  language?: string;
  profileSummary?: string;
}

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
export function profilePatchFromContext(context: MemoryContextView, options: { channelPhone?: string | null } = {}): ProfileFacts {
  const draft = context.lead?.draft ?? {};
  const patch: ProfileFacts = {};
  const name = clean(draft.name?.value);
  if (name) patch.displayName = name;
  const email = clean(draft.email?.value);
  if (email && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) patch.email = email.toLowerCase();
  // Of several numbers ("+1809… / +1829…"), the first one given is the profile's.
  const phone = clean(phonesOf(draft.phone_or_username?.value)[0]) ?? clean(options.channelPhone);
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

/** What the greeting of a returning contact may use. */
export interface ContactRecall {
  firstName?: string;
  openTicket?: { number: string; kind: string };
  openLead?: { leadId: string; status: string };
  summary?: string;
}

/** "María José Pérez" → "María"; "Dr. Luis" → "Luis"; nothing usable → undefined. */
export function firstNameOf(displayName: string | null | undefined): string | undefined {
  const words = (displayName ?? '').trim().split(/\s+/).filter(Boolean);
  const titles = new Set(['sr', 'sr.', 'sra', 'sra.', 'srta', 'srta.', 'dr', 'dr.', 'dra', 'dra.', 'lic', 'lic.', 'ing', 'ing.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'don', 'doña']);
  const first = words.find((w) => !titles.has(w.toLowerCase()));
  if (first === undefined || !/\p{L}/u.test(first)) return undefined;
  return first.slice(0, 40);
}
