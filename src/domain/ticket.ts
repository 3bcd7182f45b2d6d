/**
 * What a ticket is for and why a conversation was handed to a person: the machine decides them,
 * the ticket stores keep them, the channels show them. Plain data, so every layer may name them.
 */

export type TicketKind = 'handoff' | 'quote';

export type HandoffReason =
  | 'customer_request'
  | 'critical'
  | 'high_priority'
  | 'not_understood'
  | 'brain_unavailable'
  | 'complaint'
  | 'quote'
  /** The CRM push of a confirmed lead failed: a human finishes it with the kept draft. */
  | 'lead_push_failed'
  /** An agent took the conversation over on their own initiative (`/crear-ticket`). */
  | 'agent_takeover';
