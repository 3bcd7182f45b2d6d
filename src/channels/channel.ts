import type { InboundMessage } from '../domain/inbound-message.js';
import type { MediaReference } from '../domain/media.js';
import type { HiloErrorCode } from '../kernel/errors.js';

/** Header names are lower-case (as Node's `IncomingMessage.headers`); a repeated header may be an array. */
export type ChannelHeaders = Record<string, string | string[] | undefined>;

/** What a webhook route hands to a channel: the bytes exactly as received, never re-serialised. */
export interface WebhookRequest {
  method: 'GET' | 'POST' | string;
  rawBody: Buffer;
  headers: ChannelHeaders;
  /** The public URL the provider called (scheme, host, path and query), as configured for the tenant. */
  url: string;
  query: Record<string, string>;
}

export type VerifyResult = { ok: true } | { ok: false; status: number; code: HiloErrorCode };

export type InboundKind = 'text' | 'button' | 'list' | 'location' | 'media' | 'contacts';

/** One customer message, normalised. `text` is what the brain reads (a button's title, a place's name...). */
export interface ChannelInboundMessage {
  type: 'message';
  channel: ChannelName;
  tenantId: string;
  senderId: string;
  messageId: string;
  text: string;
  kind: InboundKind;
  /** Provider timestamp in ms (drives the service window). */
  timestamp: number;
  /** Small, non-personal provider facts worth keeping (button payload, media type, coordinates...). */
  meta: Record<string, string | number | boolean>;
  /** What came with the message besides text (photos, voice notes, documents...): provider references, never bytes. */
  media?: MediaReference[];
  /** The customer's language as the provider knows it (Telegram `from.language_code`), when it is one Hilo speaks. */
  langHint?: 'es' | 'en';
  /**
   * The name the provider shows for the sender (WhatsApp `contacts[].profile.name`, Twilio
   * `ProfileName`, Telegram `first_name` + `last_name`), cleaned by `providerDisplayName`. Only a
   * display name: what the customer says their name is wins. Personal data: never logged.
   */
  profileName?: string;
}

export type OutboundStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** A delivery status of a message Hilo sent, to record on the outbound message. */
export interface ChannelStatusUpdate {
  type: 'status';
  channel: ChannelName;
  tenantId: string;
  providerMessageId: string;
  status: OutboundStatus;
  timestamp: number;
  recipientId?: string;
  error?: { code: string; message: string };
}

export type InboundEvent = ChannelInboundMessage | ChannelStatusUpdate;

export type ChannelName = 'whatsapp' | 'twilio-whatsapp' | 'telegram';

/**
 * Every channel adapter implements this (Hono style: small). `verifyRequest` runs on the raw bytes
 * before anything is parsed; `parseInbound` throws a coded `HiloError` (`HILO_ERR_CHANNEL_*`) on a
 * body it cannot accept and never returns partial results.
 */
export interface Channel {
  readonly name: ChannelName;
  readonly tenantId: string;
  /** Answers the provider's GET verification handshake where it has one (Meta); `null` otherwise. */
  verifyChallenge?(query: Record<string, string>): { ok: true; body: string } | { ok: false; status: number; code: HiloErrorCode };
  verifyRequest(request: WebhookRequest): VerifyResult;
  parseInbound(rawBody: Buffer, headers: ChannelHeaders): InboundEvent[];
  /** Renders reply text in the provider's dialect and length limits; a reply's options follow as numbered lines. */
  formatOutbound(text: string, options?: readonly { label: string; text: string }[]): string;
  /**
   * A reply with options as the provider's own reply buttons, when it has them and the options fit
   * (WhatsApp Cloud: at most 3, titles ≤ 20 characters); null: send `formatOutbound` text instead.
   */
  formatButtons?(text: string, options: readonly { label: string; text: string }[]): { text: string; buttons: ReplyButton[] } | null;
  /** The body to answer a webhook with once its events are accepted (TwiML for Twilio, empty otherwise). */
  readonly ackResponse: { contentType: string; body: string };
}

/** A provider reply button: `title` is shown; tapping it comes back as a message (see each parser). */
export interface ReplyButton {
  id: string;
  title: string;
}

export type SendRequest =
  | { to: string; text: string; template?: undefined; conversationId?: string; buttons?: ReplyButton[] }
  | { to: string; text?: undefined; template: TemplateMessage; conversationId?: string; buttons?: undefined };

/** A pre-approved template (WhatsApp `template`, Twilio Content API `ContentSid`). */
export interface TemplateMessage {
  name: string;
  language: string;
  /** Body parameters in order ({{1}}, {{2}}...). */
  parameters?: string[];
}

export interface SendResult {
  providerMessageId: string;
  /** True when the service window was closed and the configured template went out instead of the text. */
  usedTemplate: boolean;
  attempts: number;
}

/** One provider error, recorded on the outbound message (and the log) whether or not a retry followed. */
export interface ProviderErrorRecord {
  channel: ChannelName;
  attempt: number;
  httpStatus: number | null;
  providerCode: string | null;
  message: string;
  retrying: boolean;
  at: number;
}

export interface Sender {
  send(request: SendRequest): Promise<SendResult>;
}

/** The `InboundMessage` the conversation service takes, from a normalised channel message. */
export function toInboundMessage(message: ChannelInboundMessage): InboundMessage {
  return {
    tenantId: message.tenantId,
    channel: message.channel,
    senderId: message.senderId,
    messageId: message.messageId,
    text: message.text,
    ...(message.media && message.media.length > 0 ? { media: message.media } : {}),
    ...(message.langHint ? { langHint: message.langHint } : {}),
    ...(message.profileName ? { profileName: message.profileName } : {}),
  };
}

/**
 * A webhook's signature header, read once: 401 when absent or empty, 400
 * `HILO_ERR_CHANNEL_SIGNATURE_REPEATED` when the request carried it more than once. Both
 * transports join a repeated header with ", " (RFC 9110), and no provider's signature grammar
 * (hex, base64, `A-Z a-z 0-9 _ -`) holds a comma, so a comma means a second header: a forged one
 * beside the real one, or a proxy that added its own. Reading the first would hide that.
 *
 * @example
 * const read = signatureHeader(request.headers, 'x-hub-signature-256');
 * if (!read.ok) return read; // 401 or 400
 */
export function signatureHeader(headers: ChannelHeaders, name: string): { ok: true; value: string } | { ok: false; status: number; code: HiloErrorCode } {
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  if (values.length > 1 || values.some((v) => v.includes(','))) return { ok: false, status: 400, code: 'HILO_ERR_CHANNEL_SIGNATURE_REPEATED' };
  const value = values[0];
  if (value === undefined || value === '') return { ok: false, status: 401, code: 'HILO_ERR_CHANNEL_SIGNATURE_MISSING' };
  return { ok: true, value };
}

/** First value of a header, whatever its case in the map. */
export function headerValue(headers: ChannelHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
