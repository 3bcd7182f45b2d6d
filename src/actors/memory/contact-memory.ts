/**
 * Long-term contact memory: what Hilo remembers about a person between conversations and
 * channels (name, email, phone, company, language; open ticket or lead), and a bounded view of
 * a long transcript for the brain. The pure parts are exported on their own so they can be
 * tested without a database.
 */
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import {
  createContactMemoryRepository,
  createContactRepository,
  toContactRef,
  type ContactRecord,
  type Database,
} from '../../persistence/sql/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { profileOf, profilePatchFromContext, type ContactMemoryPort, type MemoryContextView } from './contact-memory-port.js';

export {
  confirmedLeadIn,
  createMemoryContactMemoryPort,
  profilePatchFromContext,
  type ContactMemoryPort,
  type MemoryContextView,
  type RememberedContextView,
} from './contact-memory-port.js';


/** What the greeting of a returning contact may use. */
export interface ContactRecall {
  firstName?: string;
  openTicket?: { number: string; kind: string };
  openLead?: { leadId: string; status: string };
  summary?: string;
}

/** A transcript cut down for the brain: the last messages verbatim and a summary of the rest. */
export interface BoundedContext {
  recent: TranscriptEntry[];
  /** Null when nothing was left out. */
  summary: string | null;
  omitted: number;
}

const MAX_SUMMARY_CHARS = 800;
const SNIPPET_CHARS = 120;


/** "María José Pérez" → "María"; "Dr. Luis" → "Luis"; nothing usable → undefined. */
export function firstNameOf(displayName: string | null | undefined): string | undefined {
  const words = (displayName ?? '').trim().split(/\s+/).filter(Boolean);
  const titles = new Set(['sr', 'sr.', 'sra', 'sra.', 'srta', 'srta.', 'dr', 'dr.', 'dra', 'dra.', 'lic', 'lic.', 'ing', 'ing.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'don', 'doña']);
  const first = words.find((w) => !titles.has(w.toLowerCase()));
  if (first === undefined || !/\p{L}/u.test(first)) return undefined;
  return first.slice(0, 40);
}

/**
 * The greeting for a returning contact, in the conversation language ("tú" in Spanish), or null
 * when there is nothing to remember.
 */
export function returningGreeting(recall: ContactRecall, lang: 'es' | 'en'): string | null {
  if (!recall.firstName && !recall.openTicket && !recall.openLead) return null;
  const parts: string[] = [];
  if (lang === 'es') {
    parts.push(recall.firstName ? `¡Hola de nuevo, ${recall.firstName}!` : '¡Hola de nuevo!');
    if (recall.openTicket) parts.push(`Tu caso ${recall.openTicket.number} sigue abierto y nuestro equipo lo está atendiendo.`);
    else if (recall.openLead) parts.push(`Ya tenemos tu solicitud ${recall.openLead.leadId}; un asesor te contactará pronto.`);
    parts.push('¿En qué te puedo ayudar hoy?');
  } else {
    parts.push(recall.firstName ? `Welcome back, ${recall.firstName}!` : 'Welcome back!');
    if (recall.openTicket) parts.push(`Your case ${recall.openTicket.number} is still open and our team is on it.`);
    else if (recall.openLead) parts.push(`We already have your request ${recall.openLead.leadId}; an advisor will contact you soon.`);
    parts.push('How can I help you today?');
  }
  return parts.join(' ');
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SNIPPET_CHARS ? oneLine : `${oneLine.slice(0, SNIPPET_CHARS - 1)}…`;
}

/**
 * Keeps the brain's context bounded: the last `maxMessages` entries verbatim, and a rule-based
 * summary of everything before them (counts, time span, topics by frequency, the first and the
 * latest customer requests, human involvement), capped at 800 characters.
 */
export function summarizeForContext(transcript: readonly TranscriptEntry[], maxMessages: number): BoundedContext {
  const keep = Math.max(0, Math.floor(maxMessages));
  const cut = Math.max(0, transcript.length - keep);
  const older = transcript.slice(0, cut);
  const recent = transcript.slice(cut);
  if (older.length === 0) return { recent: [...recent], summary: null, omitted: 0 };

  const first = older[0] as TranscriptEntry;
  const last = older[older.length - 1] as TranscriptEntry;
  const customer = older.filter((e) => e.author === 'customer');
  const lines: string[] = [
    `Earlier: ${older.length} message${older.length === 1 ? '' : 's'} (${customer.length} from the customer) between ${first.at.slice(0, 10)} and ${last.at.slice(0, 10)}.`,
  ];
  const intentCounts = new Map<string, number>();
  for (const e of older) if (e.intent) intentCounts.set(e.intent, (intentCounts.get(e.intent) ?? 0) + 1);
  if (intentCounts.size > 0) {
    const topics = [...intentCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    lines.push(`Topics: ${topics.map(([intent, n]) => (n > 1 ? `${intent} ×${n}` : intent)).join(', ')}.`);
  }
  const agents = [...new Set(older.filter((e) => e.author === 'agent').map((e) => e.agentName ?? 'agent'))];
  if (agents.length > 0) lines.push(`A human agent took part (${agents.length === 1 ? agents[0] : `${agents.length} agents`}).`);
  const firstAsk = customer[0];
  const lastAsk = customer[customer.length - 1];
  if (firstAsk) lines.push(`First request: "${snippet(firstAsk.text)}"`);
  if (lastAsk && lastAsk !== firstAsk) lines.push(`Latest earlier request: "${snippet(lastAsk.text)}"`);

  let summary = lines.join('\n');
  if (summary.length > MAX_SUMMARY_CHARS) summary = `${summary.slice(0, MAX_SUMMARY_CHARS - 1)}…`;
  return { recent: [...recent], summary, omitted: older.length };
}

export interface ContactMemory {
  /** Stores what this turn taught about the contact; null when the contact has no profile row. */
  rememberTurn(tenantId: string, contactId: string, context: MemoryContextView, options?: { channelPhone?: string | null; transcript?: readonly TranscriptEntry[] }): Promise<ContactRecord | null>;
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
 * await memory.rememberTurn('ferreteria', conversationId, snapshot.context, { transcript });
 * const recall = await memory.recallContact('ferreteria', conversationId);
 * const hello = returningGreeting(recall, 'es'); // "¡Hola de nuevo, María! Tu caso T-000042 sigue abierto…"
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
      if (turnOptions.transcript && turnOptions.transcript.length > 0) {
        patch.profileSummary = summarizeForContext(turnOptions.transcript, 0).summary;
      }
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

