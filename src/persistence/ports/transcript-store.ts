import type { MediaReference } from '../../domain/media.js';
import type { ConversationKey } from './snapshot-store.js';

export type MessageAuthor = 'customer' | 'bot' | 'agent';

/** One immutable line of a conversation's transcript. */
export interface TranscriptEntry {
  /** Position in the conversation, from 1, gap-free. */
  seq: number;
  /** Inbound: the channel's message id (or one we minted); outbound: one we minted. */
  messageId: string;
  direction: 'in' | 'out';
  author: MessageAuthor;
  channel: string;
  text: string;
  /** ISO timestamp. */
  at: string;
  intent?: string;
  agentName?: string;
  /** Outbound: the language the line was written in (the widget's own labels follow it). */
  lang?: 'es' | 'en';
  /** Outbound: choices offered with the line, labels already rendered (buttons, numbered lines). */
  options?: TranscriptOption[];
  /** Inbound: what the customer sent besides text (provider references to photos, voice notes, documents...). */
  media?: MediaReference[];
}

/** A choice offered with a reply: `label` is shown, `text` is what choosing it sends. */
export interface TranscriptOption {
  label: string;
  text: string;
}

export type NewTranscriptEntry = Omit<TranscriptEntry, 'seq'>;

/** The transcript port: append-only, ordered per conversation. */
export interface TranscriptStore {
  /** Appends in order and returns the stored entries with their sequence numbers. */
  append(key: ConversationKey, entries: NewTranscriptEntry[]): Promise<TranscriptEntry[]>;
  list(key: ConversationKey, options?: { afterSeq?: number; limit?: number }): Promise<TranscriptEntry[]>;
  /** True when an inbound message with this id was already recorded (de-duplication). */
  hasInbound(key: ConversationKey, messageId: string): Promise<boolean>;
  close(): Promise<void>;
}
