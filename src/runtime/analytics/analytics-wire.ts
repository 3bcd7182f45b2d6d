/**
 * The analytics API's answer shapes that the admin dashboard (web-console/src/dashboard) reads too.
 * Types only, no imports: the browser bundle's type-check must not pull in the server's modules.
 */

/** `GET …/analytics/summary` (the route adds `from`, `to` and `time_zone`). */
export interface Summary {
  conversations: number;
  messages: number;
  handoffs: number;
  escalation_rate: number | null;
  automation_rate: number | null;
  leads: number;
  lead_conversion: number | null;
  csat_avg: number | null;
  turn_ms_p50: number | null;
  turn_ms_p95: number | null;
  llm_cost: number;
}

/** `GET …/analytics/handoffs` (the route adds `tenant`, `from` and `to`). */
export interface HandoffStats {
  /** Handoffs by why the bot handed off (`customer_request`, `complaint`, `not_understood`, …). */
  reasons: Array<{ reason: string; count: number }>;
  /** Handoff tickets opened in the range. */
  tickets: number;
  /** Of them, answered by an agent; not (yet) answered; still open with no agent message. */
  answered: number;
  unanswered: number;
  waiting: number;
  /** Ticket opened → first agent message, over the answered tickets. */
  first_reply_ms_p50: number | null;
  first_reply_ms_p95: number | null;
}

/** `GET …/analytics/products`: the products customers were answered with most. */
export interface ProductRow {
  sku: string;
  /** The catalog's name, null for a SKU no longer in it. */
  name: string | null;
  /** Customer messages answered with it, and the conversations they came from. */
  count: number;
  conversations: number;
}

/** `GET …/analytics/channels`: where customers wrote from (a conversation on two channels counts under each). */
export interface ChannelRow {
  /** `web`, `rest`, `whatsapp`, `twilio-whatsapp`, `telegram`, … */
  channel: string;
  /** Conversations with a customer message on the channel, the messages, and the handoffs they caused. */
  conversations: number;
  messages: number;
  handoffs: number;
}
