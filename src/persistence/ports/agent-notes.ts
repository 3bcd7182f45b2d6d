/**
 * Internal notes agents leave on a conversation: never sent to the customer. A note's text is
 * personal data of the conversation (erased with it). Memory: `memory/memory-agent-notes.ts`;
 * SQL: `sql/agent-notes.repository.ts`; contract suite `test/contract/agent-notes.contract.ts`.
 */

export interface AgentNote {
  id: string;
  conversationId: string;
  author: { id: string; displayName: string };
  text: string;
  at: string;
}

export interface AgentNotes {
  add(tenantId: string, note: Omit<AgentNote, 'id'>): Promise<AgentNote>;
  /** Oldest first. */
  list(tenantId: string, conversationId: string): Promise<AgentNote[]>;
  /** Drops a conversation's notes (contact erasure); returns how many. */
  removeConversation(tenantId: string, conversationId: string): Promise<number>;
}
