/**
 * The console's inbox items, built from what the runtime already records: the conversation's
 * state and transcript (host), its newest handoff ticket (TicketStore), who holds it
 * (assignments). Priority uses the Rocket.Chat notice colours: urgent (red) for critical and
 * high-priority cases, waiting (yellow) once the customer wrote again or waited past the SLA
 * without an agent reply, or waited past the SLA for an agent's next answer, new (green) otherwise.
 */
import type { ConversationView } from '../conversation-service.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import type { TicketRecord } from '../../persistence/ports/records.js';
import type { Assignment } from '../../persistence/ports/conversation-assignments.js';
import { foldAccents } from '../../kernel/fold.js';

export type InboxPriority = 'new' | 'waiting' | 'urgent';
export type InboxView = 'waiting' | 'mine' | 'open' | 'quotes';

export interface InboxItem {
  conversationId: string;
  ticketId: string | null;
  ticketNumber: string | null;
  priority: InboxPriority;
  reason: string | null;
  summary: string | null;
  channel: string;
  /**
   * `name`: what the customer said their name is (profile, lead, their own words); `profileName`:
   * the provider's display name (WhatsApp profile name...), shown when `name` is null.
   */
  customer: { name: string | null; profileName: string | null; phoneMasked: string | null };
  state: string;
  assignee: { id: string; displayName: string } | null;
  waitingSince: string;
  /** Present while a handoff waits for the team's opening time (`teamHours`): when it opens (ISO). */
  opensAt?: string;
  lastMessage: { author: string; text: string; at: string } | null;
  /**
   * Present in a handoff an agent has answered while the customer wrote after the agent's last line:
   * when the first of those customer lines came (ISO). The customer waits for the agent's next
   * answer from then (Chatwoot's "next response time"), not from the ticket's opening.
   */
  replyOwedSince?: string;
  /**
   * Present (true) once an agent resolved the handoff while the bot waits for the customer's 1–5
   * rating: the conversation is resolved for the team, so it is in no view (as Chatwoot moves a
   * resolved conversation out of "Open" while its CSAT survey waits); it shows again when the
   * customer writes something else.
   */
  awaitingRating?: true;
  /**
   * Present while the conversation's newest quote ticket is open: sales owes the customer the quote
   * the bot promised ("te contactan pronto"). The *quotes* view lists these until someone closes
   * the quote with an outcome (sold, not bought, no answer).
   */
  openQuote?: { ticketId: string; number: string; openedAt: string; owner: { id: string; displayName: string } | null };
}

const PRIORITY_RANK: Record<InboxPriority, number> = { urgent: 0, waiting: 1, new: 2 };

/** `•••• 1337`: enough to tell two customers apart, not enough to call one. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return null;
  return `•••• ${digits.slice(-4)}`;
}

/**
 * The name the customer gave: contact profile first, then the lead in progress, then `said` — a name
 * they wrote in a message outside any lead flow ("me llamo Carla Peña, quiero hablar con alguien").
 */
export function customerName(context: Record<string, unknown>, said: string | null = null): string | null {
  const contact = context.contact as { name?: unknown } | undefined;
  if (typeof contact?.name === 'string' && contact.name.trim()) return contact.name;
  const lead = context.lead as { draft?: Record<string, { value?: unknown } | unknown> } | undefined;
  const field = lead?.draft?.name as { value?: unknown } | string | undefined;
  const value = typeof field === 'string' ? field : field?.value;
  return typeof value === 'string' && value.trim() ? value : said;
}

export function lastInboundChannel(transcript: readonly TranscriptEntry[]): string {
  for (let i = transcript.length - 1; i >= 0; i--) if (transcript[i]!.direction === 'in') return transcript[i]!.channel;
  return 'web';
}

/** The conversation's newest ticket of `kind` (default: its handoff ticket; open first). */
export function handoffTicketOf(tickets: readonly TicketRecord[], conversationId: string, kind: TicketRecord['kind'] = 'handoff'): TicketRecord | null {
  let best: TicketRecord | null = null;
  for (const t of tickets) {
    if (t.conversationId !== conversationId || t.kind !== kind) continue;
    if (!best || (t.status === 'open' && best.status !== 'open') || (t.status === best.status && t.openedAt > best.openedAt)) best = t;
  }
  return best;
}

export function buildInboxItem(input: {
  view: ConversationView;
  ticket: TicketRecord | null;
  /**
   * The conversation's newest quote ticket: the bot told the customer its number ("Le pasé tu
   * cotización al equipo de ventas con el número T-…"), so a conversation without a handoff ticket
   * shows and is found by it. Display only: priority and waiting time follow handoffs.
   */
  quote?: TicketRecord | null;
  assignment: Assignment | null;
  handle: string | null;
  now: number;
  slaSeconds: number;
  /** A name the customer wrote in a message (see `customerName`). */
  saidName?: string | null;
  /** The provider's display name of the customer (WhatsApp profile name...). */
  profileName?: string | null;
  /**
   * The team's hours: when the SLA of a ticket opened at `openedAt` starts counting (its opening
   * time when it opened while the team was away), and the next opening while the team is away now.
   */
  hours?: { slaStart(openedAt: number): number; opensAt(now: number): number | null };
}): InboxItem {
  const { view, assignment, now } = input;
  const context = view.state?.context ?? {};
  const state = view.state?.value ?? 'unknown';
  const inHandoff = state.startsWith('handoff');
  const ticket = input.ticket && (input.ticket.status === 'open' || !inHandoff) ? input.ticket : null;
  const transcript = view.transcript;
  // The preview an agent scans in the list: what the customer or an agent last said. The bot's own
  // lines (the after-hours notice, "ya lo pasé a una persona") tell the agent nothing; a
  // conversation with nothing but bot lines shows its last one.
  let last = transcript[transcript.length - 1];
  for (let i = transcript.length - 1; i >= 0; i--) {
    if (transcript[i]!.author !== 'bot') {
      last = transcript[i];
      break;
    }
  }
  const openedAt = ticket?.openedAt ?? null;
  const since = openedAt ?? transcript[0]?.at ?? new Date(now).toISOString();
  const agentAnswered = openedAt !== null && transcript.some((l) => l.author === 'agent' && l.at >= openedAt);
  const wroteAgain = openedAt !== null && transcript.some((l) => l.direction === 'in' && l.at > openedAt);
  const owedSince = inHandoff && agentAnswered ? replyOwedSince(transcript) : null;
  const slaFrom = input.hours ? input.hours.slaStart(Date.parse(since)) : Date.parse(since);
  const opensAt = inHandoff && !assignment && input.hours ? input.hours.opensAt(now) : null;
  let priority: InboxPriority = 'new';
  if (ticket && (ticket.reason === 'critical' || ticket.reason === 'high_priority')) priority = 'urgent';
  else if (inHandoff && !agentAnswered && (wroteAgain || now - slaFrom > input.slaSeconds * 1000)) priority = 'waiting';
  // Answered once, then the customer wrote and has waited a whole SLA period for the next answer.
  else if (owedSince !== null && now - (input.hours ? input.hours.slaStart(Date.parse(owedSince)) : Date.parse(owedSince)) > input.slaSeconds * 1000) priority = 'waiting';
  const contact = context.contact as { phone?: unknown } | undefined;
  const awaitingRating = !inHandoff && isAwaitingRating(context);
  const shown = ticket ?? (inHandoff || input.ticket ? null : (input.quote ?? null));
  return {
    conversationId: view.conversationId,
    ticketId: shown?.ticketId ?? null,
    ticketNumber: shown?.number ?? null,
    priority,
    reason: shown?.reason ?? null,
    summary: shown?.summary ?? null,
    channel: lastInboundChannel(transcript),
    customer: { name: customerName(context, input.saidName ?? null), profileName: input.profileName ?? null, phoneMasked: maskPhone(typeof contact?.phone === 'string' ? contact.phone : input.handle) },
    state,
    assignee: assignment ? { id: assignment.agentId, displayName: assignment.displayName } : null,
    waitingSince: since,
    ...(opensAt !== null ? { opensAt: new Date(opensAt).toISOString() } : {}),
    lastMessage: last ? { author: last.author === 'agent' && last.agentName ? last.agentName : last.author, text: last.text, at: last.at } : null,
    ...(owedSince !== null ? { replyOwedSince: owedSince } : {}),
    ...(awaitingRating ? { awaitingRating: true as const } : {}),
    ...(input.quote?.status === 'open' ? { openQuote: { ticketId: input.quote.ticketId, number: input.quote.number, openedAt: input.quote.openedAt, owner: input.quote.owner ? { id: input.quote.owner.id, displayName: input.quote.owner.displayName } : null } } : {}),
  };
}

/** The first customer line after the last agent line, when the customer wrote since an agent did. */
function replyOwedSince(transcript: readonly TranscriptEntry[]): string | null {
  let first: string | null = null;
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i]!;
    if (line.author === 'agent') return first;
    if (line.direction === 'in') first = line.at;
  }
  return null;
}

/** The machine asked for a rating of a resolved handoff and the customer has not answered yet. */
export function isAwaitingRating(context: Record<string, unknown>): boolean {
  const ask = context.ratingAsk as { ticketId?: unknown } | null | undefined;
  return typeof ask?.ticketId === 'string';
}

/** Priority first (urgent > waiting > new), then the longest waiting. */
export function compareInboxItems(a: InboxItem, b: InboxItem): number {
  // Open quotes: the oldest promise first, whatever the conversation does meanwhile.
  if (a.openQuote && b.openQuote && a.openQuote.openedAt !== b.openQuote.openedAt && a.priority === b.priority) return a.openQuote.openedAt < b.openQuote.openedAt ? -1 : 1;
  const rank = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (rank !== 0) return rank;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince ? -1 : 1;
  return a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0;
}

/** Search over customer name, phone digits, ticket number and the last message (case- and accent-blind). */
export function matchesQuery(item: InboxItem, q: string, phoneDigits: string | null): boolean {
  const fold = foldAccents;
  const needle = fold(q.trim());
  if (!needle) return true;
  const digits = needle.replace(/\D/g, '');
  if (digits.length >= 3 && phoneDigits?.includes(digits)) return true;
  return [item.customer.name, item.customer.profileName, item.ticketNumber, item.lastMessage?.text, item.conversationId].some((v) => typeof v === 'string' && fold(v).includes(needle));
}

export function inView(item: InboxItem, view: InboxView, agentId: string): boolean {
  if (view === 'waiting') return item.state.startsWith('handoff') && item.assignee === null;
  if (view === 'mine') return item.assignee?.id === agentId;
  if (view === 'quotes') return item.openQuote !== undefined;
  return !item.state.startsWith('closed') && item.awaitingRating !== true;
}
