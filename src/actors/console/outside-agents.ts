/**
 * Agents outside the console (Rocket.Chat, the REST agent route) act on handoffs too: whoever
 * answers or takes first holds the conversation, and the console's thread says so with an
 * activity line ("María (Rocket.Chat) tomó la conversación"), as it does for a take in the console.
 */
import type { ConversationAssignments } from '../../persistence/ports/conversation-assignments.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import type { ConsoleHost } from './console-host-port.js';
import { handoffTicketOf } from './console-inbox.js';

/** Where an outside agent answers from: Rocket.Chat, or the REST `agent-messages` route (a tenant's own tool). */
export type OutsideVia = 'rocketchat' | 'api';
const VIA_LABEL: Record<OutsideVia, string> = { rocketchat: 'Rocket.Chat', api: 'API' };
/** The id the REST agent route gives its line (`agent.message` `messageId`; Rocket.Chat's are `rocketchat:<id>`). */
export const API_AGENT_LINE_PREFIX = 'api:';

/**
 * Where the conversation's latest relayed agent line came from, read from the machine's own
 * record of them (`context.agentMessageIds`, persisted with the turn): exact on whichever cluster
 * member ran the turn, and after a restart. A line with no id came from Rocket.Chat's older path.
 */
export function lastAgentLineVia(context: Record<string, unknown>): OutsideVia {
  const ids = context.agentMessageIds;
  const last = Array.isArray(ids) ? ids[ids.length - 1] : undefined;
  return typeof last === 'string' && last.startsWith(API_AGENT_LINE_PREFIX) ? 'api' : 'rocketchat';
}

/** The holder an outside agent becomes: an id and a display name that say where they answer from. */
export function outsideHolder(agentName: string, via: OutsideVia = 'rocketchat'): { agentId: string; displayName: string } {
  const name = agentName.trim().slice(0, 60);
  return { agentId: `${via}:${name}`, displayName: `${name} (${VIA_LABEL[via]})` };
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
  const hold = async (tenantId: string, conversationId: string, agentName: string, via: OutsideVia = 'rocketchat'): Promise<boolean> => {
    const holder = outsideHolder(agentName, via);
    if (!holder.agentId.slice(via.length + 1)) return false;
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
      return answered?.agentName ? hold(tenantId, conversationId, answered.agentName, lastAgentLineVia(view.state?.context ?? {})) : false;
    },
    async took(tenantId, conversationId, agentName) {
      if (await assignments.get(tenantId, conversationId)) return false;
      return hold(tenantId, conversationId, agentName);
    },
  };
}
