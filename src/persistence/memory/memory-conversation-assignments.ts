import type { Assignment, ConversationAssignments } from '../ports/conversation-assignments.js';

/**
 * Assignments in process memory. Each method reads and writes the map without awaiting in
 * between, so on one event loop a take is a compare-and-set: two concurrent takes, one winner.
 */
export function createMemoryConversationAssignments(): ConversationAssignments {
  const held = new Map<string, Assignment>();
  const key = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;
  const copy = (a: Assignment | undefined): Assignment | null => (a ? { ...a } : null);
  return {
    async take(tenantId, conversationId, holder, at) {
      const k = key(tenantId, conversationId);
      const current = held.get(k);
      if (current && current.agentId !== holder.agentId) return { ok: false, current: { ...current } };
      if (current) return { ok: true, assignment: { ...current } };
      const assignment: Assignment = { tenantId, conversationId, agentId: holder.agentId, displayName: holder.displayName, assignedAt: at };
      held.set(k, assignment);
      return { ok: true, assignment: { ...assignment } };
    },
    async reassign(tenantId, conversationId, fromAgentId, to, at) {
      const k = key(tenantId, conversationId);
      const current = held.get(k);
      if (fromAgentId !== null && current?.agentId !== fromAgentId) return { ok: false, current: copy(current) };
      const assignment: Assignment = { tenantId, conversationId, agentId: to.agentId, displayName: to.displayName, assignedAt: at };
      held.set(k, assignment);
      return { ok: true, assignment: { ...assignment } };
    },
    async get(tenantId, conversationId) {
      return copy(held.get(key(tenantId, conversationId)));
    },
    async list(tenantId) {
      return [...held.values()].filter((a) => a.tenantId === tenantId).map((a) => ({ ...a }));
    },
    async release(tenantId, conversationId) {
      held.delete(key(tenantId, conversationId));
    },
  };
}
