/**
 * The ticket effect's input and output (`createTicket`), and the quote's lines and delivery it may
 * carry: their own file beside the conversation contract, which re-exports them.
 */
import type { Lang } from '../domain/nlu.js';
import type { HandoffReason, TicketKind } from '../domain/ticket.js';

/** A served delivery place and its fee (DOP; 0 = free). */
export interface DeliveryQuote {
  place: string;
  fee: number;
  /** An order total (DOP) from which delivery there is free under a current offer. */
  freeFrom?: number;
}
/** One line of an estimate: the product and how many. */
export interface QuoteLine {
  sku: string;
  quantity: number;
}
export interface TicketActorInput {
  tenantId: string;
  conversationId: string;
  kind: TicketKind;
  reason: HandoffReason;
  lang: Lang;
  /** The message that triggered it, as read. */
  messageId: string;
  text: string;
  /** ...and as written, when the readers read it otherwise ("quiero hablar con alguien 😡"): what the summary and the agents' notice show. */
  written?: string;
  idempotencyKey: string;
  /** A handoff asked as a call back ("¿me pueden llamar?"): the summary says so, with the number. */
  callBack?: boolean;
  /** A complaint told while asking for a person: the summary says the person was asked. */
  askedPerson?: boolean;
  /** A quote ticket's priced lines, and the delivery counted in its total: the summary lists them for sales. */
  quote?: { lines: QuoteLine[]; delivery?: DeliveryQuote };
}
export interface TicketActorOutput {
  ticketId: string;
  /** Shown to the customer, e.g. "T-000123". */
  number: string;
  /** A complaint's question the store's data answers (the warranty, the hours that day), said before the case's number. */
  preface?: string;
}
