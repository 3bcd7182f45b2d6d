/**
 * The console API's shapes as the page reads them (docs/console.md). Inbox items and transcript
 * lines are the server's own types; the rest are declared here because their server files pull in
 * Node modules the browser bundle must not see.
 */
import type { InboxItem, InboxPriority, InboxView } from '../../src/actors/console/console-inbox.js';

export type { InboxItem, InboxPriority, InboxView };

export type Lang = 'es' | 'en';

export interface Agent {
  id: string;
  tenant: string;
  username: string;
  displayName: string;
  role: 'agent' | 'admin';
  lang: Lang;
}

/** Someone a conversation can be transferred to (`GET …/transfer-targets`). */
export interface TransferTarget {
  id: string;
  displayName: string;
}

export interface TranscriptLine {
  seq: number;
  id: string;
  direction: 'in' | 'out';
  author: string;
  agentName?: string;
  channel: string;
  text: string;
  at: string;
  media?: MediaRef[];
}

export interface MediaRef {
  kind: string;
  id?: string;
  url?: string;
  mimeType?: string;
  fileName?: string;
}

export interface Note {
  id: string;
  author: { id: string; displayName: string };
  text: string;
  at: string;
}

export interface ConversationDetail {
  conversationId: string;
  channel: string;
  state: string | null;
  /** Resolved by an agent; the bot waits for the customer's 1–5 rating (see `InboxItem.awaitingRating`). */
  awaitingRating: boolean;
  customer: { name: string | null; profileName: string | null; phone: string | null; email: string | null; lang: string | null };
  leadDraft: Record<string, unknown>;
  /** `callBack`: the customer asked to be called; `callTo`: the number to call (null: none left yet). */
  /** Takes and hand-overs, for activity lines in the thread ("Demo la transfirió a Carla"). */
  activity?: Array<{ id: string; kind: 'took' | 'transferred' | 'assigned' | 'quote_claimed' | 'quote_released'; by: string; to: string | null; at: string }>;
  /** The conversation's newest quote ticket (also while a handoff ticket is shown), or null; `owner`: the salesperson following it up. */
  quote?: { number: string; openedAt: string; status: string; closedAt: string | null; closedBy: string | null; outcome: string | null; owner?: { id: string; displayName: string; at: string } | null } | null;
  ticket: { number: string; reason: string | null; summary: string | null; openedAt: string; status: string; closedAt?: string | null; resolvedBy?: string | null; outcome?: string | null; rating: number | null; callBack?: boolean; callTo?: string | null } | null;
  media: Array<MediaRef & { messageId: string; at: string }>;
  assignee: { id: string; displayName: string } | null;
  transcript: TranscriptLine[];
  notes: Note[];
}

export interface CannedReply {
  id: string;
  title: string;
  text: { es: string; en: string };
}

export type ServerFrame =
  | { type: 'inbox'; item: InboxItem }
  | { type: 'inbox.removed'; conversationId: string }
  | { type: 'message'; conversationId: string; entry: TranscriptLine }
  | { type: 'note'; conversationId: string; note: Note }
  | { type: 'error'; code: string; message: string }
  | { type: 'pong' };

export type ClientFrame = { type: 'watch'; conversationId: string } | { type: 'unwatch'; conversationId: string } | { type: 'ping' };
