import type { InboundMessage } from '../domain/inbound-message.js';
import type { NluResult } from '../domain/nlu.js';
import type { TranscriptEntry } from '../persistence/ports/transcript-store.js';

export type { InboundMessage };

export interface TurnResult {
  conversationId: string;
  /** True when this message id had already been processed: nothing ran again. */
  duplicate: boolean;
  /** The customer's message as recorded. */
  inbound: TranscriptEntry | null;
  /** Replies produced by this turn, rendered, as recorded in the transcript. */
  replies: TranscriptEntry[];
  state: ConversationStateView;
  /**
   * The dotted state the turn started from, read inside the conversation's turn (no other turn
   * ran between it and `state`): whether this very event changed something, even when two
   * callers raced (two resolves at once). Absent on a replayed duplicate.
   */
  stateBefore?: string;
}

export interface ConversationStateView {
  /** Dotted state path, e.g. "qualifying.collecting". */
  value: string;
  tags: string[];
  /** The machine's context: slots, lead draft, ticket, language, counters. Plain JSON. */
  context: Record<string, unknown>;
  machineVersion: number;
  seq: number;
}

export interface ConversationView {
  tenantId: string;
  conversationId: string;
  state: ConversationStateView | null;
  transcript: TranscriptEntry[];
}

/** Everything recorded for a conversation that the gateway can push to listeners (the widget). */
export type ConversationUpdate =
  | { type: 'message'; entry: TranscriptEntry }
  | { type: 'typing'; on: boolean }
  /** Streamed text of bot reply `replyId` before its line is recorded (see `DeltaFrame`). */
  | { type: 'delta'; replyId: string; text: string; reset?: boolean }
  /**
   * This channel identity now belongs to another (older) thread of the same customer: subscribers
   * move to `conversationId` (the widget re-subscribes and sends a fresh welcome with its history).
   */
  | { type: 'moved'; conversationId: string };

/**
 * What the gateway needs from the actor runtime. Implemented by the runtime (router + hosts);
 * the gateway and channels know only this.
 */
export interface ConversationService {
  /** Resolves the conversation of a channel identity, creating the contact on first contact. */
  resolveConversation(tenantId: string, channel: string, senderId: string): Promise<string>;
  /** Runs one turn; resolves when the conversation awaits input again and the turn is persisted. */
  handleMessage(message: InboundMessage): Promise<TurnResult>;
  /**
   * Agent side of a handoff (REST admin API, console, Rocket.Chat). `messageId`, the message's id
   * on the agents' channel, makes a redelivery of one already relayed a no-op (kept in the turn's snapshot).
   */
  handleAgentMessage(tenantId: string, conversationId: string, agentName: string, text: string, messageId?: string): Promise<TurnResult>;
  resolveHandoff(tenantId: string, conversationId: string, agentName: string, outcome: string): Promise<TurnResult>;
  getConversation(tenantId: string, conversationId: string): Promise<ConversationView | null>;
  history(tenantId: string, conversationId: string, afterSeq: number): Promise<TranscriptEntry[]>;
  parse(tenantId: string, text: string): NluResult;
  hasTenant(tenantId: string): boolean;
  /** Live updates of one conversation (every recorded message, typing on/off). */
  subscribe(tenantId: string, conversationId: string, listener: (update: ConversationUpdate) => void): () => void;
}
