import type { HandoffNotification } from '../../channels/rocketchat/index.js';
import type { CriticalAlert } from '../../channels/slack/index.js';
import type { LeadPayload } from '../../domain/lead.js';
import type { MediaReference } from '../../domain/media.js';
import type { NewOutboxEntry } from '../../persistence/ports/outbox.js';

/** A reply's options as they travel: the provider's buttons where they fit, else numbered lines. */
export interface OutboxOption {
  label: string;
  text: string;
}

/**
 * Every kind of outbox row and its payload, exactly as stored in `outbox_entries.payload`.
 * Payloads are plain JSON; rows written by older versions must still parse (see `parse.ts`).
 */
export interface OutboxPayloads {
  /** A bot or agent reply for a provider channel; the SQL turn journal writes these rows itself. */
  reply: {
    messageId: string;
    seq: number;
    channel: string;
    text: string;
    options?: OutboxOption[];
    /** The customer's address on `channel`; absent on rows the SQL journal writes (looked up at send time). */
    recipient?: string;
  };
  /** A message to an address given by the caller (identity-link codes). */
  direct: { channel: string; to: string; text: string };
  'handoff.notify': HandoffNotification;
  'handoff.relay': { ticketNumber: string; text: string; media?: MediaReference[] };
  /** An agent took the ticket in the agent console (posted to Rocket.Chat). */
  'handoff.taken': { ticketNumber: string; agentName: string };
  /** The customer called the handoff off before any agent answered (posted to Rocket.Chat). */
  'handoff.cancelled': { ticketNumber: string };
  'slack.critical': CriticalAlert;
  'slack.hotLead': { lead: LeadPayload };
  'slack.crmFailed': { leadId: string; reason: string };
  'crm.lead': { lead: LeadPayload };
  /** The customer's `amendment`-th correction of a lead already queued as `crm.lead` (event `lead.updated`). */
  'crm.leadUpdate': { lead: LeadPayload; amendment: number };
}

export type OutboxKind = keyof OutboxPayloads;

/** What each kind's idempotency key is built from, beyond the row itself. */
interface OutboxKeyRefs {
  reply: undefined;
  /** A fresh nonce per code sent: every code is its own message. */
  direct: { nonce: string };
  /**
   * The ticket announced; `pending` is the second notice while no agent answered; `slaPeriod`
   * the n-th re-announcement after the tenant's SLA passed unanswered (agent console).
   */
  'handoff.notify': { ticketId: string; pending?: boolean; slaPeriod?: number };
  'handoff.relay': { messageId: string };
  /** One notice per ticket and agent who took it. */
  'handoff.taken': { ticketId: string; agentId: string };
  /** A ticket closes once. */
  'handoff.cancelled': { ticketId: string };
  'slack.critical': { ticketId: string; slaPeriod?: number };
  'slack.hotLead': undefined;
  'slack.crmFailed': undefined;
  'crm.lead': undefined;
  'crm.leadUpdate': undefined;
}

/** One outbox message of kind `K`, ready to enqueue. */
export type OutboxMessageOf<K extends OutboxKind> = {
  kind: K;
  tenantId: string;
  /** Empty for rows that belong to no conversation (CRM leads, their alerts). */
  conversationId: string;
  payload: OutboxPayloads[K];
} & (OutboxKeyRefs[K] extends undefined ? { ref?: undefined } : { ref: OutboxKeyRefs[K] });

/** The discriminated union of every outbox message. */
export type OutboxMessage = { [K in OutboxKind]: OutboxMessageOf<K> }[OutboxKind];

/** A claimed row, parsed: the message plus the row's bookkeeping. */
export type OutboxDelivery<K extends OutboxKind = OutboxKind> = { [P in K]: { kind: P; tenantId: string; conversationId: string; payload: OutboxPayloads[P]; id: string; attempts: number; idempotencyKey: string } }[K];

/**
 * The one idempotency-key builder per kind. The strings are the ones stored since the first
 * release (existing rows and their de-duplication depend on them); the `reply` key is also built
 * in SQL by the turn journal (`'reply:' || conversation_id || ':' || message_id` in
 * `sql-turn-journal.ts`), which a contract test compares with this builder.
 */
export const OUTBOX_KEYS: { [K in OutboxKind]: (message: OutboxMessageOf<K>) => string } = {
  reply: (m) => `reply:${m.conversationId}:${m.payload.messageId}`,
  direct: (m) => `identity-code:${m.conversationId}:${m.ref.nonce}`,
  'handoff.notify': (m) => (m.ref.slaPeriod !== undefined ? `handoff:sla:${m.ref.ticketId}:${m.ref.slaPeriod}` : m.ref.pending ? `handoff:pending:${m.ref.ticketId}` : `handoff:${m.ref.ticketId}`),
  'handoff.relay': (m) => `relay:${m.conversationId}:${m.ref.messageId}`,
  'handoff.taken': (m) => `handoff:taken:${m.ref.ticketId}:${m.ref.agentId}`,
  'handoff.cancelled': (m) => `handoff:cancelled:${m.ref.ticketId}`,
  'slack.critical': (m) => (m.ref.slaPeriod !== undefined ? `slack:sla:${m.ref.ticketId}:${m.ref.slaPeriod}` : `slack:critical:${m.ref.ticketId}`),
  'slack.hotLead': (m) => `slack:lead:${m.payload.lead.lead_id}`,
  'slack.crmFailed': (m) => `slack:crm-failed:${m.payload.leadId}`,
  'crm.lead': (m) => `crm:${m.payload.lead.lead_id}`,
  'crm.leadUpdate': (m) => `crm:${m.payload.lead.lead_id}:update:${m.payload.amendment}`,
};

/** The idempotency key of a message (its kind's builder). */
export function outboxKeyOf(message: OutboxMessage): string {
  const build = OUTBOX_KEYS[message.kind] as (m: OutboxMessage) => string;
  return build(message);
}

/** The row to store for a message: its payload as JSON and its key. */
export function toOutboxEntry(message: OutboxMessage): NewOutboxEntry {
  return {
    tenantId: message.tenantId,
    conversationId: message.conversationId,
    kind: message.kind,
    payload: message.payload,
    idempotencyKey: outboxKeyOf(message),
  };
}
