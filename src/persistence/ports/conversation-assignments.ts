/**
 * Who holds a conversation in the agent console: at most one agent per tenant + conversation.
 * Taking is a compare-and-set (a conditional insert in SQL), so of two agents taking the same
 * handoff at once exactly one wins. Resolving releases the row. Memory:
 * `memory/memory-conversation-assignments.ts`; SQL: `sql/conversation-assignments.repository.ts`;
 * contract suite `test/contract/conversation-assignments.contract.ts`.
 */

export interface AssignmentHolder {
  /** An agent account id, or `rocketchat:<username>` / `api:<name>` for an agent answering from Rocket.Chat / the REST agent route. */
  agentId: string;
  displayName: string;
}

export interface Assignment extends AssignmentHolder {
  tenantId: string;
  conversationId: string;
  assignedAt: string;
}

export type AssignOutcome = { ok: true; assignment: Assignment } | { ok: false; current: Assignment | null };

export interface ConversationAssignments {
  /**
   * Gives the conversation to `holder` when nobody holds it (or `holder` already does); otherwise
   * `{ ok: false, current }` with the holder that won.
   */
  take(tenantId: string, conversationId: string, holder: AssignmentHolder, at: string): Promise<AssignOutcome>;
  /**
   * Moves the conversation to `to` only while `fromAgentId` still holds it (`null`: whoever holds
   * it, or nobody). `{ ok: false, current }` when someone else holds it by now.
   */
  reassign(tenantId: string, conversationId: string, fromAgentId: string | null, to: AssignmentHolder, at: string): Promise<AssignOutcome>;
  get(tenantId: string, conversationId: string): Promise<Assignment | null>;
  /** Every held conversation of the tenant. */
  list(tenantId: string): Promise<Assignment[]>;
  /** Frees the conversation (resolved); no-op when nobody holds it. */
  release(tenantId: string, conversationId: string): Promise<void>;
}
