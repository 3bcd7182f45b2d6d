import type { LeadDraft, LeadPayload } from '../domain/lead.js';
import type { HandoffReason, TicketKind } from '../machines/conversation.contract.js';

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
}

/** Where tickets live. Opening is idempotent by `idempotencyKey`. */
export interface TicketStore {
  open(input: OpenTicketInput): Promise<TicketRecord>;
  close(tenantId: string, ticketId: string, agentName: string, outcome: string): Promise<TicketRecord | null>;
  list(tenantId: string): Promise<TicketRecord[]>;
}

export interface LeadRecord {
  leadId: string;
  tenantId: string;
  conversationId: string;
  payload: LeadPayload;
  createdAt: string;
}

/** Where finished leads live. Saving is idempotent by `idempotencyKey`. */
export interface LeadStore {
  save(input: { tenantId: string; conversationId: string; draft: LeadDraft; idempotencyKey: string; build: (leadId: string) => LeadPayload }): Promise<LeadRecord>;
  list(tenantId: string): Promise<LeadRecord[]>;
}

/** The CRM port: the embedded default stores and logs; the webhook adapter comes with the channels work. */
export interface CrmPort {
  pushLead(tenantId: string, payload: LeadPayload): Promise<void>;
}

/** Links channel identities to contacts; the conversation id is the contact's thread. */
export interface ContactDirectory {
  resolve(tenantId: string, channel: string, externalId: string): Promise<string>;
}
