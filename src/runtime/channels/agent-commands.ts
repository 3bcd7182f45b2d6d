import { createHash } from 'node:crypto';
import type { ConversationHost } from '../../actors/conversation-host.js';
import { normalizeEmail, normalizePhone } from '../../actors/identity/handles.js';
import type { Deduplicator } from '../../channels/index.js';
import { parseOutgoingWebhook, type AgentCommand, type AgentMessage } from '../../channels/rocketchat/index.js';
import { isHiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { AuditTrail } from '../../persistence/ports/audit-trail.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import type { HttpResponse, Route } from '../gateway/index.js';
import { AGENT_TEXTS } from './agent-texts.js';
import { findTicket } from './handoff-notices.js';
import { json, notConfigured } from './webhook-routes.js';

/** An agent in the audit trail: a digest of the tenant and the agent's chat name, never the name. */
function agentActor(tenantId: string, agentName: string): string {
  return `agent:${createHash('sha256').update(`${tenantId}\u0000${agentName}`).digest('hex').slice(0, 12)}`;
}

type AgentHost = Pick<ConversationHost, 'hasTenant' | 'findConversationByHandle' | 'takeOver' | 'resolveHandoff' | 'handleAgentMessage'>;

/**
 * `POST /webhooks/rocketchat/:tenant`: the agents' side of a handoff. `#T-… text` answers the
 * customer, `/resolver` closes the ticket, `/crear-ticket <phone | email | #T-…>` takes a
 * conversation over. Each Rocket.Chat message is handled once (de-duplicated by its id).
 */
export function createAgentCommandRoute(options: {
  host: AgentHost;
  tickets: TicketStore;
  dedupe: Deduplicator;
  /** The outgoing-webhook token of a tenant (its own, else the environment's); without one the route answers `404 HILO_ERR_CHANNEL_NOT_CONFIGURED`. */
  outgoingToken: (tenantId: string) => string | null | undefined;
  audit?: Pick<AuditTrail, 'record'>;
  /** Asks the outbox worker to look for due rows now. */
  kick: () => void;
  /** The agent took a conversation over (`/crear-ticket`): the agent console records them as its holder. */
  onTakeover?: (tenantId: string, conversationId: string, agentName: string) => Promise<void>;
}): Route {
  const { host, tickets, dedupe, kick } = options;
  const texts = AGENT_TEXTS.es;

  /** The agent takes over the customer's conversation — found by a ticket of it, or by the phone or email the customer gave — and a handoff ticket opens. */
  async function createTicketForAgent(tenantId: string, event: AgentCommand, reqLog: Logger): Promise<HttpResponse> {
    let conversationId: string | null = null;
    if (event.ticketNumber !== undefined) conversationId = (await findTicket(tickets, tenantId, event.ticketNumber))?.conversationId ?? null;
    if (conversationId === null) {
      const words = event.args.split(/\s+/);
      const email = words.map((w) => normalizeEmail(w)).find((e): e is string => e !== null);
      const phone = normalizePhone(event.args.replace(/[^\d+]/g, ''));
      if (email || phone) conversationId = await host.findConversationByHandle(tenantId, { ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
    }
    if (conversationId === null) return json(200, { text: texts.askCustomer });
    const result = await host.takeOver(tenantId, conversationId, event.agentName);
    kick();
    const number = (result.state.context.ticket as { number?: string } | null)?.number;
    reqLog.info({ tenant: tenantId, conversationId, ticket: number ?? null }, 'agent took a conversation over');
    if (!result.state.value.startsWith('handoff') || !number) return json(200, { text: texts.alreadyWithHuman });
    await options.audit?.record(tenantId, { type: 'agent.took_over', conversationId, ticketNumber: number }, agentActor(tenantId, event.agentName));
    // Best effort: the takeover stands even when the console cannot record it.
    await options.onTakeover?.(tenantId, conversationId, event.agentName).catch((err: unknown) => reqLog.warn({ err }, 'console holder not recorded'));
    return json(200, { text: texts.ticketOpened(number) });
  }

  async function handleAgentEvent(tenantId: string, event: AgentMessage | AgentCommand, reqLog: Logger): Promise<HttpResponse> {
    if (event.kind === 'command' && event.command === 'crear-ticket') return createTicketForAgent(tenantId, event, reqLog);
    if (event.ticketNumber === undefined) return json(200, { text: texts.askTicket });
    const ticket = await findTicket(tickets, tenantId, event.ticketNumber);
    if (!ticket) return json(200, { text: texts.ticketNotFound(event.ticketNumber) });
    if (event.kind === 'command') {
      await tickets.close(tenantId, ticket.ticketId, event.agentName, event.text);
      await host.resolveHandoff(tenantId, ticket.conversationId, event.agentName, event.text);
      await options.audit?.record(tenantId, { type: 'agent.resolved', conversationId: ticket.conversationId, ticketNumber: ticket.number }, agentActor(tenantId, event.agentName));
      kick();
      return json(200, { text: texts.ticketClosed(ticket.number) });
    }
    if (ticket.status !== 'open') return json(200, { text: texts.ticketAlreadyClosed(ticket.number) });
    // The Rocket.Chat id goes into the turn's snapshot: a redelivery after a crash before `confirm` below is not relayed twice.
    await host.handleAgentMessage(tenantId, ticket.conversationId, event.agentName, event.text, `rocketchat:${event.messageId}`);
    await options.audit?.record(tenantId, { type: 'agent.message', conversationId: ticket.conversationId, ticketNumber: ticket.number, chars: event.text.length }, agentActor(tenantId, event.agentName));
    kick();
    return json(200, {});
  }

  return {
    method: 'POST',
    path: '/webhooks/rocketchat/:tenant',
    handler: async (req, ctx) => {
      const tenantId = ctx.params.tenant ?? '';
      const known = host.hasTenant(tenantId);
      const token = known ? options.outgoingToken(tenantId) : null;
      if (!token) return notConfigured(known, 'rocketchat');
      try {
        const contentType = req.headers['content-type'];
        const event = parseOutgoingWebhook(req.body, { token, ...(contentType !== undefined ? { contentType } : {}) });
        if (event.kind === 'ignored') return json(200, {});
        const claim = `rocketchat:${tenantId}:${event.messageId}`;
        if (!(await dedupe.claim(claim))) return json(200, {});
        try {
          const answer = await handleAgentEvent(tenantId, event, ctx.log);
          await dedupe.confirm?.(claim);
          return answer;
        } catch (err) {
          // Not handled: let Rocket.Chat's retry (or the agent's resend) through.
          await dedupe.release(claim);
          throw err;
        }
      } catch (err) {
        if (isHiloError(err)) return json(err.status, err.toJSON());
        throw err;
      }
    },
  };
}
