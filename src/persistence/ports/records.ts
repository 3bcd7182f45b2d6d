import type { LeadDraft, LeadPayload } from '../../domain/lead.js';
import type { HandoffReason, TicketKind } from '../../domain/ticket.js';

export interface OpenTicketInput {
  tenantId: string;
  conversationId: string;
  kind: TicketKind;
  reason: HandoffReason;
  summary: string;
  idempotencyKey: string;
}

export interface TicketRecord {
  ticketId: string;
  number: string;
  tenantId: string;
  conversationId: string;
  kind: TicketKind;
  reason: HandoffReason;
  summary: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  agentName: string | null;
  outcome: string | null;
  /** The customer's 1–5 rating after the handoff was resolved; null or absent when none. */
  rating?: number | null;
  /** A quote's salesperson (session 37): absent while nobody claimed it. */
  owner?: TicketOwner;
}

/** Who follows a quote up: the console agent's id and display name, and since when. */
export interface TicketOwner {
  id: string;
  displayName: string;
  at: string;
}

/** Where tickets live. Opening is idempotent by `idempotencyKey`. */
export interface TicketStore {
  open(input: OpenTicketInput): Promise<TicketRecord>;
  close(tenantId: string, ticketId: string, agentName: string, outcome: string): Promise<TicketRecord | null>;
  list(tenantId: string): Promise<TicketRecord[]>;
  /** Stores the customer's 1–5 rating (the last one wins); false when the tenant has no such ticket. */
  rate?(tenantId: string, ticketId: string, rating: number): Promise<boolean>;
  /**
   * Makes `owner` the open ticket's owner when it has none, is theirs already, or is still
   * `expectedOwnerId`'s (compare-and-set: of two claims at once one wins, and an admin's move
   * loses to a claim made since they looked). `ok: false` with the ticket as it stands otherwise
   * (another owner, closed); null when the tenant has no such ticket.
   */
  claim?(tenantId: string, ticketId: string, owner: { id: string; displayName: string }, expectedOwnerId: string | null): Promise<{ ok: boolean; ticket: TicketRecord } | null>;
  /** Lets the open ticket go (no owner) while `expectedOwnerId` still owns it; `ok: false` otherwise; null when the tenant has no such ticket. */
  release?(tenantId: string, ticketId: string, expectedOwnerId: string): Promise<{ ok: boolean; ticket: TicketRecord } | null>;
}

export interface LeadRecord {
  leadId: string;
  tenantId: string;
  conversationId: string;
  payload: LeadPayload;
  createdAt: string;
  /** How many corrections changed the lead after it was registered (0 or absent: none). */
  amendments?: number;
}

/** Where finished leads live. Saving is idempotent by `idempotencyKey`. */
export interface LeadStore {
  save(input: { tenantId: string; conversationId: string; draft: LeadDraft; idempotencyKey: string; build: (leadId: string) => LeadPayload }): Promise<LeadRecord>;
  list(tenantId: string): Promise<LeadRecord[]>;
  /**
   * Replaces a registered lead's payload with the customer's correction (same `lead_id`) and counts
   * it in `amendments`; a payload equal to the stored one (a replayed turn) changes nothing and is
   * not counted. Null when the tenant has no such lead. Optional: a store without it keeps the lead
   * as first registered.
   */
  amend?(tenantId: string, leadId: string, payload: LeadPayload): Promise<LeadRecord | null>;
}

/** The CRM port: the embedded default stores and logs; the webhook adapter comes with the channels work. */
export interface CrmPort {
  pushLead(tenantId: string, payload: LeadPayload): Promise<void>;
  /**
   * A lead already pushed, corrected by the customer afterwards: the whole payload again, same
   * `lead_id` (an update, never a second lead), and the correction's number for that lead
   * (`LeadRecord.amendments`: 1, 2, …), which keys its delivery. Optional: a port without it is not told.
   */
  updateLead?(tenantId: string, payload: LeadPayload, amendment: number): Promise<void>;
}

/** Facts that identify a person across channels: phone as digits with country code, email lower-case. */
export interface ContactFacts {
  phone?: string;
  email?: string;
}

/** Another thread of the same person and the channel identity a one-time code can go to. */
export interface OtherThread {
  conversationId: string;
  channel: string;
  externalId: string;
}

/**
 * Links channel identities to contacts; the conversation id is the contact's thread. The identity
 * methods are optional: a directory without them never links channels.
 */
export interface ContactDirectory {
  resolve(tenantId: string, channel: string, externalId: string): Promise<string>;
  /** Stores the facts on the contact behind a thread (known values only; nothing is cleared). */
  rememberFacts?(tenantId: string, conversationId: string, facts: ContactFacts): Promise<void>;
  /** The oldest other thread of the tenant whose contact has this phone or email; null when none. */
  findOtherThread?(tenantId: string, conversationId: string, facts: ContactFacts): Promise<OtherThread | null>;
  /** Points a channel identity at the contact behind `conversationId`; false when that contact is unknown. */
  linkIdentity?(tenantId: string, conversationId: string, channel: string, externalId: string): Promise<boolean>;
}
