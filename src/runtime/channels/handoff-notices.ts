import { customerTextForAgents, type HandoffPriority } from '../../channels/rocketchat/index.js';
import type { MediaReference } from '../../domain/media.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { TicketActorInput } from '../../machines/conversation.contract.js';
import type { TicketRecord, TicketStore } from '../../persistence/ports/records.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { TranscriptEntry, TranscriptStore } from '../../persistence/ports/transcript-store.js';
import type { OutboxQueue } from '../outbox/index.js';
import type { OutboundDestinations } from './destinations.js';

/** A customer message relayed to the agents while a human holds the conversation. */
export interface RelayedMessage {
  ticketNumber: string;
  messageId: string;
  text: string;
  media?: MediaReference[];
  channel?: string;
}

export interface HandoffNotices {
  /** Hook for the ticket effect: outbox rows announcing a handoff to the agents (and Slack). */
  onTicketOpened(ticket: TicketRecord, input: TicketActorInput): Promise<void>;
  /**
   * Hook for the host's `handoff.relay`: an outbox row relaying the customer's message (and its
   * media references) to the agents, and the pending notice when no agent has answered yet.
   * Resolves once both are queued (never rejects).
   */
  onRelay(key: ConversationKey, relay: RelayedMessage): Promise<void>;
  /**
   * The tenant's SLA passed `period` times with no agent reply (agent console): the handoff is
   * announced again as pending (Rocket.Chat) and alerted on Slack, once per period.
   */
  reannounceOverdue(key: ConversationKey, ticket: TicketRecord, period: number, slaSeconds: number): Promise<void>;
  /** The customer called the handoff off before any agent answered: Rocket.Chat is told it is closed. */
  onTicketCancelled(key: ConversationKey, ticket: TicketRecord): Promise<void>;
  /** An agent took the handoff in the agent console: Rocket.Chat is told who owns it. */
  onConsoleTake(key: ConversationKey, ticket: TicketRecord, agent: { id: string; displayName: string }): Promise<void>;
}

/** Priority shown to agents: urgent for critical and high-priority cases. */
function priorityOf(reason: string): HandoffPriority {
  return reason === 'critical' || reason === 'high_priority' ? 'urgent' : 'new';
}

const AUTHOR_LABEL: Record<string, string> = { customer: 'Cliente', bot: 'Hilo', agent: 'Agente', system: 'Sistema' };

/** Settled tickets remembered (tenant + number, ~100 bytes each): about 1 MB at most. */
const SETTLED_TICKETS_REMEMBERED = 10_000;

/** Tickets whose pending notice needs no more thought, bounded (the oldest forgotten first). */
function createSettledTickets(max: number): { has(tenantId: string, number: string): boolean; add(tenantId: string, number: string): void } {
  const keys = new Set<string>();
  return {
    has: (tenantId, number) => keys.has(`${tenantId}\u0000${number}`),
    add(tenantId, number) {
      keys.add(`${tenantId}\u0000${number}`);
      if (keys.size > max) keys.delete(keys.values().next().value as string);
    },
  };
}

/** The ticket with this number (`T-000123`), or null. */
export async function findTicket(tickets: TicketStore, tenantId: string, number: string): Promise<TicketRecord | null> {
  return (await tickets.list(tenantId)).find((t) => t.number === number) ?? null;
}

/**
 * Announces handoffs to the agents (Rocket.Chat, and Slack for critical cases) and relays what the
 * customer writes meanwhile, all through the outbox.
 */
export function createHandoffNotices(options: {
  destinations: OutboundDestinations;
  queue: OutboxQueue;
  transcripts: TranscriptStore;
  tickets: TicketStore;
  /** The customer's channel handle (phone number, chat id) for a conversation; null when unknown. */
  contactHandleOf: (tenantId: string, conversationId: string) => string | null;
  /**
   * The channel the customer last wrote from, when the conversation is in memory. A ticket opened
   * by the conversation's first message has no inbound line in the transcript yet (its turn
   * commits after the ticket effect): without this the notice said `web` for a WhatsApp customer.
   */
  contactChannelOf?: (tenantId: string, conversationId: string) => string | null;
  clock: Clock;
  logger: Logger;
}): HandoffNotices {
  const { destinations, queue, transcripts, tickets, clock } = options;
  const log = options.logger.child({ component: 'channels' });

  /** `lines`: the conversation's transcript when the caller already read it (one read instead of two). */
  const customerOf = async (tenantId: string, conversationId: string, read?: readonly TranscriptEntry[]): Promise<{ displayName: string; channel: string }> => {
    const live = options.contactChannelOf?.(tenantId, conversationId) ?? null;
    const lines = live !== null ? [] : (read ?? (await transcripts.list({ tenantId, conversationId }, {})));
    const channel = live ?? [...lines].reverse().find((l) => l.direction === 'in')?.channel ?? 'web';
    const handle = options.contactHandleOf(tenantId, conversationId);
    return { displayName: handle ?? conversationId, channel };
  };

  const settled = createSettledTickets(SETTLED_TICKETS_REMEMBERED);

  /**
   * The customer writes again while no agent has answered since the ticket opened: the handoff is
   * announced once more as *pending* (yellow), so a waiting customer stands out in the room.
   *
   * At most once per ticket: the notice's outbox key is the ticket's (`handoff:pending:<ticketId>`),
   * and a ticket an agent answered or that was closed stays so (tickets never reopen, transcripts
   * only grow). Once one of those is known the ticket is *settled* and later relays read nothing;
   * after a restart (or once the bounded memory forgot it) the reads below decide again, and the
   * outbox key keeps the notice single.
   */
  const announcePendingIfUnanswered = async (key: ConversationKey, ticketNumber: string): Promise<void> => {
    if (settled.has(key.tenantId, ticketNumber)) return;
    const ticket = await findTicket(tickets, key.tenantId, ticketNumber);
    if (!ticket) return;
    if (ticket.status !== 'open') return settled.add(key.tenantId, ticketNumber);
    const lines = await transcripts.list(key, {});
    if (lines.some((l) => l.author === 'agent' && l.at >= ticket.openedAt)) return settled.add(key.tenantId, ticketNumber);
    const lastMessages = lines.slice(-9).map((l) => ({ author: AUTHOR_LABEL[l.author] ?? l.author, text: customerTextForAgents(l.text, l.media, l.channel), at: Date.parse(l.at) }));
    await queue.enqueue({
      kind: 'handoff.notify',
      tenantId: key.tenantId,
      conversationId: key.conversationId,
      payload: { ticketNumber, priority: 'pending', customer: await customerOf(key.tenantId, key.conversationId, lines), summary: ticket.summary, lastMessages },
      ref: { ticketId: ticket.ticketId, pending: true },
    });
    // Stored now or already before (the outbox refused a second row under the same key): done either way.
    settled.add(key.tenantId, ticketNumber);
  };

  return {
    async onTicketCancelled(key, ticket) {
      settled.add(key.tenantId, ticket.number);
      await queue.enqueue({
        kind: 'handoff.cancelled',
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        payload: { ticketNumber: ticket.number },
        ref: { ticketId: ticket.ticketId },
      });
    },

    async onConsoleTake(key, ticket, agent) {
      await queue.enqueue({
        kind: 'handoff.taken',
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        payload: { ticketNumber: ticket.number, agentName: agent.displayName },
        ref: { ticketId: ticket.ticketId, agentId: agent.id },
      });
    },

    async reannounceOverdue(key, ticket, period, slaSeconds) {
      const lines = await transcripts.list(key, {});
      const lastMessages = lines.slice(-9).map((l) => ({ author: AUTHOR_LABEL[l.author] ?? l.author, text: customerTextForAgents(l.text, l.media, l.channel), at: Date.parse(l.at) }));
      const customer = await customerOf(key.tenantId, key.conversationId);
      await queue.enqueue({
        kind: 'handoff.notify',
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        payload: { ticketNumber: ticket.number, priority: 'pending', customer, summary: ticket.summary, lastMessages },
        ref: { ticketId: ticket.ticketId, slaPeriod: period },
      });
      if (destinations.for(key.tenantId).slack) {
        await queue.enqueue({
          kind: 'slack.critical',
          tenantId: key.tenantId,
          conversationId: key.conversationId,
          payload: { tenantId: key.tenantId, ticketNumber: ticket.number, reason: `sin respuesta de un agente en ${Math.round((period * slaSeconds) / 60)} min`, customer, summary: ticket.summary },
          ref: { ticketId: ticket.ticketId, slaPeriod: period },
        });
      }
    },

    async onTicketOpened(ticket, input) {
      if (input.kind !== 'handoff') return;
      const lines = await transcripts.list({ tenantId: input.tenantId, conversationId: input.conversationId }, {});
      const lastMessages = lines.slice(-9).map((l) => ({ author: l.author === 'agent' && l.agentName ? l.agentName : (AUTHOR_LABEL[l.author] ?? l.author), text: customerTextForAgents(l.text, l.media, l.channel), at: Date.parse(l.at) }));
      // The message that asked for a human is not in the transcript yet (its turn commits after this effect).
      if (!lines.some((l) => l.messageId === input.messageId)) lastMessages.push({ author: 'Cliente', text: input.written ?? input.text, at: clock.now() });
      const customer = await customerOf(input.tenantId, input.conversationId);
      await queue.enqueue({
        kind: 'handoff.notify',
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        payload: { ticketNumber: ticket.number, priority: priorityOf(input.reason), customer, summary: ticket.summary, lastMessages },
        ref: { ticketId: ticket.ticketId },
      });
      if (destinations.for(input.tenantId).slack && input.reason === 'critical') {
        await queue.enqueue({
          kind: 'slack.critical',
          tenantId: input.tenantId,
          conversationId: input.conversationId,
          payload: { tenantId: input.tenantId, ticketNumber: ticket.number, reason: input.reason, customer, summary: ticket.summary },
          ref: { ticketId: ticket.ticketId },
        });
      }
    },

    onRelay(key, relay) {
      // Photos, voice notes, documents reach the agents as references they can open (one line each).
      const media = relay.media ?? [];
      const text = customerTextForAgents(relay.text, media, relay.channel);
      // Awaited by the turn, so both rows are queued when the channel acknowledges the message.
      return queue
        .enqueue({
          kind: 'handoff.relay',
          tenantId: key.tenantId,
          conversationId: key.conversationId,
          payload: { ticketNumber: relay.ticketNumber, text, ...(media.length > 0 ? { media } : {}) },
          ref: { messageId: relay.messageId },
        })
        .then(() => announcePendingIfUnanswered(key, relay.ticketNumber))
        .catch((err: unknown) => log.error({ tenant: key.tenantId, conversationId: key.conversationId, err }, 'relay not queued'));
    },
  };
}
