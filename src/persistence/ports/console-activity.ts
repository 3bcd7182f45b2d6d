/**
 * What agents did to a conversation, for its thread in the console: took it, handed it on. The
 * audit trail keeps the same acts for proof (agent digests, no names); this keeps the display names
 * the thread shows ("Demo tomó la conversación", "Demo la transfirió a Carla Núñez"). Memory:
 * `memory/memory-console-activity.ts`; SQL: `sql/console-activity.repository.ts`; contract suite
 * `test/contract/console-activity.contract.ts`.
 */

/**
 * `quote_claimed`: `by` made `to` (null: themselves) the salesperson following the quote up;
 * `quote_released`: `by` let the quote go (`to`: the owner an admin took it from).
 */
export type ActivityKind = 'took' | 'transferred' | 'assigned' | 'quote_claimed' | 'quote_released';

export interface ActivityEntry {
  id: string;
  conversationId: string;
  kind: ActivityKind;
  /** The display name of the agent who acted. */
  by: string;
  /** For a transfer or an assignment: the display name of the new holder. */
  to: string | null;
  at: string;
}

export interface ConsoleActivity {
  add(tenantId: string, entry: Omit<ActivityEntry, 'id'>): Promise<ActivityEntry>;
  /** Oldest first. */
  list(tenantId: string, conversationId: string): Promise<ActivityEntry[]>;
  /** Drops a conversation's entries (contact erasure); returns how many. */
  removeConversation(tenantId: string, conversationId: string): Promise<number>;
}
