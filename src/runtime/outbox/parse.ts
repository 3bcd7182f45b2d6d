import type { OutboxEntry } from '../../persistence/ports/outbox.js';
import type { OutboxDelivery, OutboxKind, OutboxOption, OutboxPayloads } from './messages.js';

/** A claimed row read back: its typed message, or why it cannot be delivered (a final failure). */
export type ParsedOutboxEntry = { ok: true; delivery: OutboxDelivery } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const hasStrings = (p: Json, ...names: string[]): boolean => names.every((n) => isString(p[n]));

/** Options that survived the JSON round trip (`[{ label, text }]`); anything else is dropped, as before. */
function optionsOf(v: unknown): OutboxOption[] {
  return Array.isArray(v) ? v.filter((o): o is OutboxOption => isObject(o) && isString(o.label) && isString(o.text)).map((o) => ({ label: o.label, text: o.text })) : [];
}

const isCustomer = (v: unknown): boolean => isObject(v) && hasStrings(v, 'displayName', 'channel');
const isLead = (v: unknown): boolean => isObject(v) && isString(v.lead_id) && isObject(v.contact_info);

/**
 * One checker per kind: the payload's shape as every version so far wrote it, so rows left by an
 * older process still parse. A checker returns the typed payload or null.
 */
const PAYLOADS: { [K in OutboxKind]: (p: Json) => OutboxPayloads[K] | null } = {
  reply: (p) => {
    if (!hasStrings(p, 'messageId', 'channel', 'text') || typeof p.seq !== 'number') return null;
    const options = optionsOf(p.options);
    return {
      messageId: p.messageId as string,
      seq: p.seq,
      channel: p.channel as string,
      text: p.text as string,
      ...(options.length > 0 ? { options } : {}),
      // Rows written by the SQL journal (and by versions before the typed outbox) carry no recipient.
      ...(isString(p.recipient) && p.recipient !== '' ? { recipient: p.recipient } : {}),
    };
  },
  direct: (p) => (hasStrings(p, 'channel', 'to', 'text') ? { channel: p.channel as string, to: p.to as string, text: p.text as string } : null),
  'handoff.notify': (p) => {
    const priorities = ['new', 'pending', 'urgent'];
    if (!hasStrings(p, 'ticketNumber', 'summary') || !priorities.includes(p.priority as string) || !isCustomer(p.customer) || !Array.isArray(p.lastMessages)) return null;
    if (!p.lastMessages.every((l) => isObject(l) && hasStrings(l, 'author', 'text') && typeof l.at === 'number')) return null;
    return p as unknown as OutboxPayloads['handoff.notify'];
  },
  'handoff.relay': (p) => {
    if (!hasStrings(p, 'ticketNumber', 'text') || (p.media !== undefined && !Array.isArray(p.media))) return null;
    return p as unknown as OutboxPayloads['handoff.relay'];
  },
  'slack.critical': (p) => (hasStrings(p, 'tenantId', 'ticketNumber', 'reason', 'summary') && isCustomer(p.customer) ? (p as unknown as OutboxPayloads['slack.critical']) : null),
  'slack.hotLead': (p) => (isLead(p.lead) ? (p as unknown as OutboxPayloads['slack.hotLead']) : null),
  'slack.crmFailed': (p) => (hasStrings(p, 'leadId', 'reason') ? { leadId: p.leadId as string, reason: p.reason as string } : null),
  'crm.lead': (p) => (isLead(p.lead) ? (p as unknown as OutboxPayloads['crm.lead']) : null),
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
