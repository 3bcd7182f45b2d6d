/**
 * Who in sales follows a quote up (session 37). The bot told the customer "sales will follow up";
 * with several salespeople each needs to say "this one is mine" without taking the conversation
 * from the bot (taking it would silence the bot for a customer who only wants the price). Any
 * agent claims an unclaimed quote; an admin may hand it to someone else or take it over.
 */
import { HiloError } from '../../kernel/errors.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import type { ConsoleActor } from './console-auth.js';
import { handoffTicketOf } from './console-inbox.js';

export interface QuoteClaimed {
  number: string;
  owner: { id: string; displayName: string };
  /** False when the owner was already that agent (a second click): nothing changed. */
  changed: boolean;
  /** The display name of the owner before, when the claim moved it from someone else. */
  from: string | null;
}

/**
 * Makes `target` (the actor, unless an admin names another agent) the owner of the conversation's
 * newest quote ticket. 404 `HILO_ERR_CONSOLE_NO_QUOTE` without one, 409 `…_QUOTE_CLOSED` once it is
 * closed, 409 `…_QUOTE_TAKEN` (with `details.owner`) when an agent claims another's.
 */
export async function claimQuoteTicket(tickets: TicketStore, actor: ConsoleActor, conversationId: string, target: { id: string; displayName: string }): Promise<QuoteClaimed> {
  if (!tickets.claim) throw new HiloError('HILO_ERR_CONSOLE_NO_QUOTE', 'This store keeps no quote owners.');
  const quote = handoffTicketOf(await tickets.list(actor.tenantId), conversationId, 'quote');
  if (!quote) throw new HiloError('HILO_ERR_CONSOLE_NO_QUOTE');
  const closed = () => new HiloError('HILO_ERR_CONSOLE_QUOTE_CLOSED', undefined, { details: { number: quote.number, closedBy: quote.agentName ?? null } });
  if (quote.status !== 'open') throw closed();
  const before = quote.owner ?? null;
  // An agent claims only what nobody (or they) owns; an admin moves it from the owner they saw.
  const expected = actor.role === 'admin' ? (before?.id ?? null) : null;
  const answer = await tickets.claim(actor.tenantId, quote.ticketId, target, expected);
  if (!answer) throw new HiloError('HILO_ERR_CONSOLE_NO_QUOTE');
  if (!answer.ok) {
    if (answer.ticket.status !== 'open') throw closed();
    const owner = answer.ticket.owner;
    throw new HiloError('HILO_ERR_CONSOLE_QUOTE_TAKEN', undefined, owner ? { details: { owner: { id: owner.id, displayName: owner.displayName } } } : undefined);
  }
  const changed = before?.id !== target.id;
  return { number: quote.number, owner: { id: target.id, displayName: target.displayName }, changed, from: changed && before ? before.displayName : null };
}

export interface QuoteReleased {
  number: string;
  /** False when nobody followed it up: nothing changed. */
  released: boolean;
  /** The display name of the owner let go of. */
  from: string | null;
}

/**
 * The owner (or an admin) lets the quote go: claimed by mistake, or its salesperson is away.
 * Another agent's → 409 `…_QUOTE_TAKEN`; a closed quote → 409 `…_QUOTE_CLOSED`.
 */
export async function releaseQuoteTicket(tickets: TicketStore, actor: ConsoleActor, conversationId: string): Promise<QuoteReleased> {
  if (!tickets.release) throw new HiloError('HILO_ERR_CONSOLE_NO_QUOTE', 'This store keeps no quote owners.');
  const quote = handoffTicketOf(await tickets.list(actor.tenantId), conversationId, 'quote');
  if (!quote) throw new HiloError('HILO_ERR_CONSOLE_NO_QUOTE');
  if (quote.status !== 'open') throw new HiloError('HILO_ERR_CONSOLE_QUOTE_CLOSED', undefined, { details: { number: quote.number, closedBy: quote.agentName ?? null } });
  const owner = quote.owner ?? null;
  if (!owner) return { number: quote.number, released: false, from: null };
  const taken = (o: { id: string; displayName: string }) => new HiloError('HILO_ERR_CONSOLE_QUOTE_TAKEN', undefined, { details: { owner: { id: o.id, displayName: o.displayName } } });
  if (owner.id !== actor.agentId && actor.role !== 'admin') throw taken(owner);
  const answer = await tickets.release(actor.tenantId, quote.ticketId, owner.id);
  // Changed meanwhile (closed, or claimed by someone else since it was read).
  if (!answer?.ok) {
    if (answer?.ticket.status !== 'open') throw new HiloError('HILO_ERR_CONSOLE_QUOTE_CLOSED');
    if (answer.ticket.owner) throw taken(answer.ticket.owner);
    return { number: quote.number, released: false, from: null };
  }
  return { number: quote.number, released: true, from: owner.displayName };
}

/** What the console does around a claim or a release: audit, a line for the thread, the live inbox. */
export function createQuoteOwners(deps: {
  tickets: TicketStore;
  /** Throws 404 for an unknown conversation. */
  viewOf(tenantId: string, conversationId: string): Promise<unknown>;
  agentName(tenantId: string, agentId: string): Promise<string | null>;
  audit(tenantId: string, type: string, actor: string, data: Record<string, unknown>): Promise<void>;
  recordActivity(tenantId: string, conversationId: string, kind: 'quote_claimed' | 'quote_released', by: string, to: string | null): Promise<void>;
  announce(tenantId: string, conversationId: string): void;
}) {
  return {
    async claim(actor: ConsoleActor, conversationId: string, agentId?: string): Promise<QuoteClaimed> {
      await deps.viewOf(actor.tenantId, conversationId);
      if (agentId !== undefined && agentId !== actor.agentId && actor.role !== 'admin') throw new HiloError('HILO_ERR_CONSOLE_FORBIDDEN');
      const name = agentId === undefined || agentId === actor.agentId ? actor.displayName : await deps.agentName(actor.tenantId, agentId);
      if (name === null) throw new HiloError('HILO_ERR_CONSOLE_AGENT_NOT_FOUND');
      const answer = await claimQuoteTicket(deps.tickets, actor, conversationId, { id: agentId ?? actor.agentId, displayName: name });
      if (answer.changed) {
        await deps.audit(actor.tenantId, 'agent.quote_claimed', actor.auditActor, { conversationId, ticketNumber: answer.number, to: `agent:${answer.owner.id.slice(0, 8)}` });
        await deps.recordActivity(actor.tenantId, conversationId, 'quote_claimed', actor.displayName, answer.owner.displayName === actor.displayName ? null : answer.owner.displayName);
        deps.announce(actor.tenantId, conversationId);
      }
      return answer;
    },
    async release(actor: ConsoleActor, conversationId: string): Promise<QuoteReleased> {
      await deps.viewOf(actor.tenantId, conversationId);
      const answer = await releaseQuoteTicket(deps.tickets, actor, conversationId);
      if (answer.released) {
        await deps.audit(actor.tenantId, 'agent.quote_released', actor.auditActor, { conversationId, ticketNumber: answer.number });
        // "Ana soltó la cotización"; an admin letting Luis's go: "Jefa le quitó la cotización a Luis".
        await deps.recordActivity(actor.tenantId, conversationId, 'quote_released', actor.displayName, answer.from === actor.displayName ? null : answer.from);
        deps.announce(actor.tenantId, conversationId);
      }
      return answer;
    },
  };
}
