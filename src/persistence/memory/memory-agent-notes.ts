import { randomUUID } from 'node:crypto';
import type { AgentNote, AgentNotes } from '../ports/agent-notes.js';

/** Agents' internal notes in process memory. */
export function createMemoryAgentNotes(): AgentNotes {
  const notes = new Map<string, AgentNote[]>();
  const key = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;
  return {
    async add(tenantId, input) {
      const note: AgentNote = { ...input, author: { ...input.author }, id: randomUUID() };
      const k = key(tenantId, input.conversationId);
      notes.set(k, [...(notes.get(k) ?? []), note]);
      return { ...note, author: { ...note.author } };
    },
    async list(tenantId, conversationId) {
      return [...(notes.get(key(tenantId, conversationId)) ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((n) => ({ ...n, author: { ...n.author } }));
    },
    async removeConversation(tenantId, conversationId) {
      const k = key(tenantId, conversationId);
      const n = notes.get(k)?.length ?? 0;
      notes.delete(k);
      return n;
    },
  };
}
