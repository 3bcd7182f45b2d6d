import type { Lang } from '../domain/nlu.js';

/**
 * The machine's effects and events around a booking studio's customers (docs/workflows-trust.md):
 * a late notice looked up before a person is told, and a booking phone proven by a WhatsApp code.
 * Re-exported by `conversation.contract.ts`.
 */

/** The code sent to a booking phone's WhatsApp, typed back on the web (`identity/phone-proof.ts`); `text` is masked. */
export interface PhoneCodeEvent {
  type: 'phone.code';
  messageId: string;
  text: string;
  receivedAt: string;
  result: 'valid' | 'wrong' | 'exhausted' | 'expired';
}

/**
 * "Voy tarde" where the business's bookings can be looked up (`answering.late`): the replies when
 * there is nothing to tell a stylist (closed today, no booking today); none: a person is told.
 */
export interface LateCheckInput {
  conversationId: string;
  text: string;
  lang: Lang;
  idempotencyKey: string;
}
export interface LateCheckOutput {
  /** Template replies (`studio.late.*`), rendered in the tenant's words like any `ReplyDirective`. */
  replies: { template: string; params?: Record<string, string> }[];
}

/** A code to the booking phone's WhatsApp (`proving`); `sent` false: no WhatsApp channel, or a limit reached. */
export interface PhoneCodeInput {
  conversationId: string;
  phone: string;
  lang: Lang;
}
export interface PhoneCodeOutput {
  sent: boolean;
}
