/**
 * Who in sales follows a quote up (session 39). The bot told the customer "sales will follow up";
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
