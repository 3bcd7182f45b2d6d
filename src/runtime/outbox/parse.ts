import type { LeadPayload } from '../../domain/lead.js';
import type { MediaReference } from '../../domain/media.js';
import type { OutboxEntry } from '../../persistence/ports/outbox.js';
import type { OutboxDelivery, OutboxKind, OutboxOption, OutboxPayloads } from './messages.js';

/** A claimed row read back: its typed message, or why it cannot be delivered (a final failure). */
export type ParsedOutboxEntry = { ok: true; delivery: OutboxDelivery } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Options that survived the JSON round trip (`[{ label, text }]`); anything else is dropped, as before. */
function optionsOf(v: unknown): OutboxOption[] {
  return Array.isArray(v) ? v.filter((o): o is OutboxOption => isObject(o) && isString(o.label) && isString(o.text)).map((o) => ({ label: o.label, text: o.text })) : [];
}

type Customer = OutboxPayloads['handoff.notify']['customer'];
type TranscriptLine = OutboxPayloads['handoff.notify']['lastMessages'][number];
type Priority = OutboxPayloads['handoff.notify']['priority'];
const PRIORITIES: readonly string[] = ['new', 'pending', 'urgent'] satisfies Priority[];

const customerOf = (v: unknown): Customer | null => (isObject(v) && isString(v.displayName) && isString(v.channel) ? { displayName: v.displayName, channel: v.channel } : null);
const lineOf = (v: unknown): TranscriptLine | null => (isObject(v) && isString(v.author) && isString(v.text) && typeof v.at === 'number' ? { author: v.author, text: v.text, at: v.at } : null);
/** Media references are only passed through to the agents' notice formatter: an array of objects is enough. */
const mediaOf = (v: unknown): MediaReference[] | null => (Array.isArray(v) && v.every((m) => isObject(m) && isString(m.kind)) ? (v as MediaReference[]) : null);
/** A lead is forwarded as stored (the CRM receives the payload Hilo built); its id and contact block must be there. */
const leadOf = (v: unknown): LeadPayload | null => (isObject(v) && isString(v.lead_id) && isObject(v.contact_info) ? (v as object as LeadPayload) : null);

/**
 * One checker per kind: the payload's shape as every version so far wrote it, so rows left by an
 * older process still parse. A checker returns the typed payload or null.
 */
const PAYLOADS: { [K in OutboxKind]: (p: Json) => OutboxPayloads[K] | null } = {
  reply: (p) => {
    if (!isString(p.messageId) || !isString(p.channel) || !isString(p.text) || typeof p.seq !== 'number') return null;
    const options = optionsOf(p.options);
    return {
      messageId: p.messageId,
      seq: p.seq,
      channel: p.channel,
      text: p.text,
      ...(options.length > 0 ? { options } : {}),
      // Rows written by the SQL journal (and by versions before the typed outbox) carry no recipient.
      ...(isString(p.recipient) && p.recipient !== '' ? { recipient: p.recipient } : {}),
    };
  },
  direct: (p) => (isString(p.channel) && isString(p.to) && isString(p.text) ? { channel: p.channel, to: p.to, text: p.text } : null),
  'handoff.notify': (p) => {
    const customer = customerOf(p.customer);
    const lines = Array.isArray(p.lastMessages) ? p.lastMessages.map(lineOf) : null;
    if (!isString(p.ticketNumber) || !isString(p.summary) || !isString(p.priority) || !PRIORITIES.includes(p.priority) || !customer || !lines || lines.includes(null)) return null;
    return {
      ticketNumber: p.ticketNumber,
      priority: p.priority as Priority,
      customer,
      summary: p.summary,
      lastMessages: lines.filter((l): l is TranscriptLine => l !== null),
      ...(isString(p.conversationUrl) ? { conversationUrl: p.conversationUrl } : {}),
    };
  },
  'handoff.relay': (p) => {
    const media = p.media === undefined ? undefined : mediaOf(p.media);
    if (!isString(p.ticketNumber) || !isString(p.text) || media === null) return null;
    return { ticketNumber: p.ticketNumber, text: p.text, ...(media ? { media } : {}) };
  },
  'handoff.taken': (p) => (isString(p.ticketNumber) && isString(p.agentName) ? { ticketNumber: p.ticketNumber, agentName: p.agentName } : null),
  'handoff.cancelled': (p) => (isString(p.ticketNumber) ? { ticketNumber: p.ticketNumber } : null),
  'slack.critical': (p) => {
    const customer = customerOf(p.customer);
    if (!isString(p.tenantId) || !isString(p.ticketNumber) || !isString(p.reason) || !isString(p.summary) || !customer) return null;
    return { tenantId: p.tenantId, ticketNumber: p.ticketNumber, reason: p.reason, customer, summary: p.summary, ...(isString(p.conversationUrl) ? { conversationUrl: p.conversationUrl } : {}) };
  },
  'slack.hotLead': (p) => {
    const lead = leadOf(p.lead);
    return lead ? { lead } : null;
  },
  'slack.crmFailed': (p) => (isString(p.leadId) && isString(p.reason) ? { leadId: p.leadId, reason: p.reason } : null),
  'crm.lead': (p) => {
    const lead = leadOf(p.lead);
    return lead ? { lead } : null;
  },
  'crm.leadUpdate': (p) => {
    const lead = leadOf(p.lead);
    return lead && typeof p.amendment === 'number' && Number.isInteger(p.amendment) && p.amendment > 0 ? { lead, amendment: p.amendment } : null;
  },
};

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.hasOwn(PAYLOADS, kind);
}

/**
 * Reads a claimed row back as a typed message. An unknown kind or a payload of the wrong shape
 * is a final failure: no retry can make it deliverable.
 *
 * @example
 * const parsed = parseOutboxEntry(row);
 * if (parsed.ok && parsed.delivery.kind === 'reply') send(parsed.delivery.payload.text);
 */
export function parseOutboxEntry(entry: OutboxEntry): ParsedOutboxEntry {
  if (!isOutboxKind(entry.kind)) return { ok: false, reason: `no handler for kind ${entry.kind}` };
  const payload = isObject(entry.payload) ? (PAYLOADS[entry.kind] as (p: Json) => OutboxPayloads[OutboxKind] | null)(entry.payload) : null;
  if (payload === null) return { ok: false, reason: `invalid ${entry.kind} payload` };
  const delivery = { id: entry.id, tenantId: entry.tenantId, conversationId: entry.conversationId, kind: entry.kind, payload, attempts: entry.attempts, idempotencyKey: entry.idempotencyKey } as OutboxDelivery;
  return { ok: true, delivery };
}
