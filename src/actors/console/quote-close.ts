/**
 * Closing a quote ticket from the console: the bot promised the customer that sales would follow
 * up ("Le pasé tu cotización al equipo de ventas con el número T-…"); whoever did closes the
 * ticket with how it went. The conversation itself is untouched (the bot keeps answering).
 */
import { HiloError } from '../../kernel/errors.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import type { ConsoleActor } from './console-auth.js';
import { handoffTicketOf } from './console-inbox.js';

export interface QuoteClosed {
  number: string;
  /** True when the quote was closed before (a second click, another agent): nothing changed. */
  already_closed: boolean;
  /** The closing that stands: who and with what outcome. */
  resolution: { agent: string | null; outcome: string | null; at: string | null };
}

/** Closes the conversation's newest quote ticket; 404 `HILO_ERR_CONSOLE_NO_QUOTE` when it has none. */
export async function closeQuoteTicket(tickets: TicketStore, actor: ConsoleActor, conversationId: string, outcome: string): Promise<QuoteClosed> {
  const quote = handoffTicketOf(await tickets.list(actor.tenantId), conversationId, 'quote');
  if (!quote) throw new HiloError('HILO_ERR_CONSOLE_NO_QUOTE');
  if (quote.status !== 'open') return { number: quote.number, already_closed: true, resolution: { agent: quote.agentName ?? null, outcome: quote.outcome ?? null, at: quote.closedAt ?? null } };
  const closed = await tickets.close(actor.tenantId, quote.ticketId, actor.displayName, outcome);
  return { number: quote.number, already_closed: false, resolution: { agent: closed?.agentName ?? actor.displayName, outcome: closed?.outcome ?? outcome, at: closed?.closedAt ?? null } };
}
