import type { MediaReference } from './media.js';

/** One inbound customer message, normalised from any channel. */
export interface InboundMessage {
  tenantId: string;
  channel: 'web' | 'rest' | string;
  /** The sender's id on that channel (widget visitor id, REST `sender`, WhatsApp number...). */
  senderId: string;
  /** The channel's message id, used for de-duplication; minted when the channel has none. */
  messageId?: string;
  text: string;
  /**
   * Photos, voice notes, documents... sent with the message (provider references; `text` is then
   * the caption, possibly empty). Kept on the customer's transcript line and relayed during a handoff.
   */
  media?: MediaReference[];
  /**
   * The language the channel says the customer uses (Telegram's `language_code`): the language of
   * a conversation that starts with this message, until the customer's own words say otherwise.
   */
  langHint?: 'es' | 'en';
  /**
   * The sender's display name on the provider (WhatsApp profile name, Telegram first and last
   * name), already cleaned by the channel. Shown to agents until the customer gives their own name;
   * never read by the machine, never logged.
   */
  profileName?: string;
  /**
   * The client's IP address when the channel has one (the widget; not REST, whose caller is the
   * integrator's server). Only abuse limits read it (identity-link codes per IP); it is hashed
   * before it is stored or logged.
   */
  clientIp?: string;
}
