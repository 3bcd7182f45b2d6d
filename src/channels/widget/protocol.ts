/**
 * The web widget's WebSocket wire protocol (JSON text frames). `docs/protocol.md` documents it;
 * the widget imports only this file from `src/`. Version 1.
 *
 * Connection: `ws(s)://<host>/ws?tenant=<tenantId>`. The client sends `hello` first.
 */

export const WIDGET_PROTOCOL_VERSION = 1;
/** Largest text a customer may send in one message, in characters. */
export const MAX_MESSAGE_CHARS = 2000;
/** Largest frame the server accepts, in bytes. */
export const MAX_FRAME_BYTES = 16 * 1024;

export type WireLang = 'es' | 'en';
export type WireAuthor = 'customer' | 'bot' | 'agent';

export interface WireMessage {
  seq: number;
  id: string;
  author: WireAuthor;
  text: string;
  /** ISO timestamp. */
  at: string;
  agentName?: string;
  /** Choices offered with a bot message (rendered as buttons); choosing one sends `text`. */
  options?: WireOption[];
  /** Bot and agent messages: the conversation's language when it was written (the UI follows it). */
  lang?: WireLang;
  /** Customer messages from another channel of a linked thread: what was sent besides text (additive in v1). */
  media?: WireMedia[];
}

/** A photo, voice note, document... the customer sent on another channel; the bytes stay with the provider. */
export interface WireMedia {
  /** `image`, `audio`, `voice`, `video`, `document`, `sticker`, `location` or `contacts`. */
  kind: string;
  mimeType?: string;
  fileName?: string;
}

/** A button: `label` is shown, `text` is sent as the customer's message when it is chosen. */
export interface WireOption {
  label: string;
  text: string;
}

/** What the widget shows before the first message: a greeting and suggestion chips, per language. */
export interface WireIntro {
  greeting: string;
  /** Three or four things the bot does well; a chip sends its `text`. */
  suggestions: WireOption[];
}

// ---------------------------------------------------------------- client → server

export interface HelloFrame {
  type: 'hello';
  v: number;
  tenant: string;
  /** Stable per browser (kept in localStorage); the conversation is resumed from it. */
  visitorId: string;
  /** Preferred language from the page or the browser. */
  lang?: WireLang;
  /** Highest `seq` the client already shows; the server sends only newer history. 0 = all. */
  lastSeq?: number;
  /** The `resumeToken` of an earlier `welcome` for this visitor: required to resume a thread with messages. */
  resumeToken?: string;
}
export interface SendFrame {
  type: 'message';
  /** Client-generated id; a resend with the same id is not processed twice. */
  clientMessageId: string;
  text: string;
}
export interface PingFrame {
  type: 'ping';
}
export type ClientFrame = HelloFrame | SendFrame | PingFrame;

// ---------------------------------------------------------------- server → client

export interface WelcomeFrame {
  type: 'welcome';
  v: number;
  conversationId: string;
  /** Messages with `seq > lastSeq`, oldest first. */
  history: WireMessage[];
  /** The conversation's language: its last bot message's, else the `hello`'s. */
  lang: WireLang;
  /** The tenant's greeting and suggestions in both languages (additive in v1; absent: none configured). */
  intro?: Record<WireLang, WireIntro>;
  /** Server-signed proof of this visitor id: the widget keeps it and sends it in every later `hello`. */
  resumeToken?: string;
}
/** The customer's message was accepted and recorded as `seq`. */
export interface AckFrame {
  type: 'ack';
  clientMessageId: string;
  seq: number;
  /** The message as recorded, only when it differs from what was sent (a card number masked): the widget shows this instead (additive in v1). */
  text?: string;
}
export interface TypingFrame {
  type: 'typing';
  on: boolean;
}
export interface MessageFrame {
  type: 'message';
  message: WireMessage;
}
export interface PongFrame {
  type: 'pong';
}
/**
 * Part of a bot reply while the language model writes it (additive in v1). `text` is appended to
 * the draft bubble `replyId`; `reset` drops the draft's text first (the model started again). The
 * `message` frame with the same id replaces the draft: only that text is recorded, and it may
 * differ from the drafts (the guard fell back to the template replies).
 */
export interface DeltaFrame {
  type: 'delta';
  replyId: string;
  text: string;
  reset?: boolean;
}
export interface ErrorFrame {
  type: 'error';
  code: string;
  message: string;
  /** Set when the error refers to one sent message. */
  clientMessageId?: string;
}
export type ServerFrame = WelcomeFrame | AckFrame | TypingFrame | MessageFrame | PongFrame | ErrorFrame | DeltaFrame;
