/**
 * Agents outside the console (Rocket.Chat, the REST agent route) act on handoffs too: whoever
 * answers or takes first holds the conversation, and the console's thread says so with an
 * activity line ("María (Rocket.Chat) tomó la conversación"), as it does for a take in the console.
 */
import type { ConversationAssignments } from '../../persistence/ports/conversation-assignments.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import type { ConsoleHost } from './console-host-port.js';
import { handoffTicketOf } from './console-inbox.js';

/** The holder an outside agent becomes: an id and a display name that say where they answer from. */
export function outsideHolder(agentName: string): { agentId: string; displayName: string } {
  const name = agentName.trim().slice(0, 60);
  return { agentId: `rocketchat:${name}`, displayName: `${name} (Rocket.Chat)` };
}

export interface OutsideAgents {
  /** An agent line in a handoff nobody holds here: its author holds it. Returns whether it was claimed. */
  claimAnswered(tenantId: string, conversationId: string): Promise<boolean>;
  /** An agent took the conversation over outside the console (Rocket.Chat `/crear-ticket`): they hold it, unless someone does. */
  took(tenantId: string, conversationId: string, agentName: string): Promise<boolean>;
}

export function createOutsideAgents(deps: {
  host: Pick<ConsoleHost, 'getConversation'>;
  tickets: TicketStore;
  assignments: ConversationAssignments;
  /** The thread's activity line (best effort). */
  recordTook: (tenantId: string, conversationId: string, by: string) => Promise<void>;
  now: () => string;
}): OutsideAgents {
  const { host, tickets, assignments } = deps;
  const hold = async (tenantId: string, conversationId: string, agentName: string): Promise<boolean> => {
    const holder = outsideHolder(agentName);
    if (!holder.agentId.slice('rocketchat:'.length)) return false;
    const outcome = await assignments.take(tenantId, conversationId, holder, deps.now());
    // Taken by someone else meanwhile (a console take): theirs, and no line.
    if (!outcome.ok) return false;
    await deps.recordTook(tenantId, conversationId, holder.displayName);
    return true;
  };
  return {
    async claimAnswered(tenantId, conversationId) {
      if (await assignments.get(tenantId, conversationId)) return false;
      const view = await host.getConversation(tenantId, conversationId);
      const ticket = view ? handoffTicketOf(await tickets.list(tenantId), conversationId) : null;
      if (!view || !ticket || ticket.status !== 'open') return false;
      const answered = [...view.transcript].reverse().find((l) => l.author === 'agent' && l.at >= ticket.openedAt && l.agentName);
      return answered?.agentName ? hold(tenantId, conversationId, answered.agentName) : false;
    },
    async took(tenantId, conversationId, agentName) {
      if (await assignments.get(tenantId, conversationId)) return false;
      return hold(tenantId, conversationId, agentName);
    },
  };
}
