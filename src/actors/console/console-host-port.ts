import type { ConversationUpdate, ConversationView, TurnResult } from '../conversation-service.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';

/**
 * What the agent console needs from the actor runtime: the `ConversationHost` has all of it
 * (a structural match), tests may give a smaller fake.
 */
export interface ConsoleHost {
  hasTenant(tenantId: string): boolean;
  getConversation(tenantId: string, conversationId: string): Promise<ConversationView | null>;
  history(tenantId: string, conversationId: string, afterSeq: number): Promise<TranscriptEntry[]>;
  /** An agent takes the conversation over: the machine goes to the handoff (the bot stops). */
  takeOver(tenantId: string, conversationId: string, agentName: string): Promise<TurnResult>;
  handleAgentMessage(tenantId: string, conversationId: string, agentName: string, text: string): Promise<TurnResult>;
  resolveHandoff(tenantId: string, conversationId: string, agentName: string, outcome: string): Promise<TurnResult>;
  subscribe(tenantId: string, conversationId: string, listener: (update: ConversationUpdate) => void): () => void;
  /** The customer's handle on a provider channel (a WhatsApp number), when known. */
  contactHandleOf(tenantId: string, conversationId: string): string | null;
  /** The sender's display name on the provider (WhatsApp profile name...), when known. */
  profileNameOf?(tenantId: string, conversationId: string): string | null;
}
