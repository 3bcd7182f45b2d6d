/**
 * The agent console's operations on ports: inbox, take / assign / transfer (one holder per
 * conversation, compare-and-set), the conversation view, agent replies through the
 * conversation's own channel, internal notes, resolve, canned replies. Every agent action is an
 * audit event (ids and counts only). HTTP and WebSocket live in `src/runtime/console/`.
 */
import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { AgentNote, AgentNotes } from '../../persistence/ports/agent-notes.js';
import type { AuditTrail } from '../../persistence/ports/audit-trail.js';
import type { ActivityKind, ConsoleActivity } from '../../persistence/ports/console-activity.js';
import type { Assignment, ConversationAssignments } from '../../persistence/ports/conversation-assignments.js';
import type { ConversationDirectory } from '../../persistence/ports/conversation-directory.js';
import type { TicketRecord, TicketStore } from '../../persistence/ports/records.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import { serviceStart, teamWindow, type TeamHours } from '../../domain/team-hours.js';
import { isCallBack, nameSaidIn, phoneWrittenIn } from './customer-facts.js';
import type { ConsoleActor } from './console-auth.js';
import type { ConsoleHost } from './console-host-port.js';
import { channelPhone } from '../identity/handles.js';
import { buildInboxItem, compareInboxItems, customerName, handoffTicketOf, inView, isAwaitingRating, lastInboundChannel, matchesQuery, type InboxItem, type InboxView } from './console-inbox.js';
import type { InboxFeed } from './inbox-feed.js';
import { resolveOutcome, standingOutcome, type ResolveOutcome } from '../handoff-resolution.js';
import { closeQuoteTicket, type QuoteClosed } from './quote-close.js';
import { createQuoteOwners, type QuoteClaimed, type QuoteReleased } from './quote-owner.js';
import { createOutsideAgents } from './outside-agents.js';

export { nameSaidIn, phoneWrittenIn } from './customer-facts.js';

export interface CannedReply {
  id: string;
  title: string;
  text: { es: string; en: string };
}

/** Channels with WhatsApp's 24-hour customer service window. */
const WINDOWED_CHANNELS = new Set(['whatsapp', 'twilio-whatsapp', 'twilio']);
const WINDOW_MS = 24 * 60 * 60 * 1000;
/** Most conversations one inbox request reads (newest activity first). */
const INBOX_SCAN = 200;
const TRANSCRIPT_LIMIT = 200;

export interface ConsoleServiceOptions {
  host: ConsoleHost;
  directory: ConversationDirectory;
  tickets: TicketStore;
  assignments: ConversationAssignments;
  notes: AgentNotes;
  /** Take / transfer / assign lines for the thread (display names); absent: the thread shows none. */
  activity?: ConsoleActivity;
  audit: Pick<AuditTrail, 'append'>;
  feed: InboxFeed;
  clock: Clock;
  logger: Logger;
  /** A tenant's canned replies (its `canned-replies.json`), empty when it has none. */
  cannedReplies(tenantId: string): CannedReply[];
  /** The tenant's `console.slaSeconds` (default 300). */
  slaSeconds(tenantId: string): number;
  /**
   * When the tenant's team answers (`store.json` `teamHours`, its time zone), or null (always):
   * the SLA counts from the opening time, and nothing is re-announced while the team is away.
   */
  teamHours?(tenantId: string): { hours: TeamHours; timeZone: string } | null;
  /** Asks the outbox worker to deliver now (a reply on WhatsApp or Telegram). */
  kick(): void;
  /** Checks that an agent id belongs to the tenant (assign / transfer targets). */
  agentName(tenantId: string, agentId: string): Promise<string | null>;
  /** The tenants whose handoffs `slaTick` watches. */
  tenantIds: Iterable<string>;
  /**
   * A handoff went `period` SLA periods without an agent reply: announce it again (Rocket.Chat,
   * Slack). Absent: overdue handoffs are only logged, audited and shown as waiting.
   */
  reannounce?(tenantId: string, conversationId: string, ticket: TicketRecord, period: number, slaSeconds: number): Promise<void>;
  /** A console agent now holds the handoff (take, assign, transfer): tell Rocket.Chat who owns it. */
  onTaken?(tenantId: string, conversationId: string, ticket: TicketRecord, holder: { id: string; displayName: string }): Promise<void>;
}

export interface TranscriptLine {
  seq: number;
  id: string;
  direction: 'in' | 'out';
  author: string;
  agentName?: string;
  channel: string;
  text: string;
  at: string;
  media?: unknown[];
}

export function transcriptLine(e: TranscriptEntry): TranscriptLine {
  return {
    seq: e.seq,
    id: e.messageId,
    direction: e.direction,
    author: e.author,
    ...(e.agentName !== undefined ? { agentName: e.agentName } : {}),
    channel: e.channel,
    text: e.text,
    at: e.at,
    ...(e.media !== undefined && e.media.length > 0 ? { media: e.media } : {}),
  };
}

export interface ConsoleService {
  inbox(actor: ConsoleActor, query: { view: InboxView; q?: string; limit?: number; cursor?: string; ownedByMe?: boolean }): Promise<{ items: InboxItem[]; nextCursor: string | null }>;
  inboxItem(tenantId: string, conversationId: string): Promise<InboxItem | null>;
  take(actor: ConsoleActor, conversationId: string): Promise<{ assignee: { id: string; displayName: string } }>;
  assign(actor: ConsoleActor, conversationId: string, agentId: string, mode: 'assign' | 'transfer'): Promise<{ assignee: { id: string; displayName: string } }>;
  conversation(actor: ConsoleActor, conversationId: string): Promise<Record<string, unknown>>;
  reply(actor: ConsoleActor, conversationId: string, text: string): Promise<{ messageId: string }>;
  addNote(actor: ConsoleActor, conversationId: string, text: string): Promise<AgentNote>;
  /** `unanswered`: the caller knows nobody answered the customer (an admin resolving an unheld handoff) and resolves anyway. */
  resolve(actor: ConsoleActor, conversationId: string, outcome: string, unanswered?: boolean): Promise<{ state: string } & ResolveOutcome>;
  /** Closes the conversation's open quote ticket with an outcome (any agent: sales follow-up is the team's); idempotent. */
  closeQuote(actor: ConsoleActor, conversationId: string, outcome: string): Promise<QuoteClosed>;
  /** Makes the actor (or, for an admin, `agentId`) the quote's salesperson; the conversation stays with the bot. */
  claimQuote(actor: ConsoleActor, conversationId: string, agentId?: string): Promise<QuoteClaimed>;
  /** The quote's owner (or an admin) lets it go. */
  releaseQuote(actor: ConsoleActor, conversationId: string): Promise<QuoteReleased>;
  cannedReplies(tenantId: string): CannedReply[];
  /** An agent took the conversation over outside the console (Rocket.Chat `/crear-ticket`): they hold it, with a line in the thread. */
  outsideTakeover(tenantId: string, conversationId: string, agentName: string): Promise<void>;
  /** The host committed a turn (`onTurnCommitted`): tell the tenant's live consoles. */
  noteTurn(tenantId: string, conversationId: string, state: string, byAgent?: boolean): void;
  /**
   * Finds handoffs with no agent reply for a whole SLA period (tenant `slaSeconds`) and
   * re-announces each once per period; returns how many were announced. Run by a timer; tests
   * call it after moving the clock.
   */
  slaTick(): Promise<number>;
  /** Settles pending feed work (tests, shutdown). */
  idle(): Promise<void>;
}

export function createConsoleService(options: ConsoleServiceOptions): ConsoleService {
  const { host, directory, tickets, assignments, notes, audit, feed, clock } = options;
  const log = options.logger.child({ component: 'console' });
  const pending = new Set<Promise<void>>();
  /** Conversations last announced as waiting/held, per tenant: their exit is an `inbox.removed`. */
  const tracked = new Map<string, Set<string>>();
  /** Conversations seen in a handoff since start-up: leaving it releases their assignment. */
  const handoffs = new Set<string>();
  /** The last SLA period announced per ticket (the outbox key keeps it once per period across restarts). */
  const announcedPeriod = new Map<string, number>();
  const iso = () => new Date(clock.now()).toISOString();

  const viewOf = async (tenantId: string, conversationId: string) => {
    const view = await host.getConversation(tenantId, conversationId);
    if (!view) throw new HiloError('HILO_ERR_CONVERSATION_NOT_FOUND');
    return view;
  };

  const hoursOf = (tenantId: string) => {
    const team = options.teamHours?.(tenantId);
    if (!team) return undefined;
    return {
      slaStart: (openedAt: number) => serviceStart(team.hours, team.timeZone, openedAt),
      opensAt: (now: number) => {
        const w = teamWindow(team.hours, team.timeZone, now);
        return w.open ? null : w.opensAt;
      },
    };
  };

  /** The channel handle when it is the customer's phone (WhatsApp): a REST sender id or a Telegram chat id is not. */
  const phoneHandleOf = (tenantId: string, conversationId: string, transcript: readonly TranscriptEntry[]): string | null => {
    const handle = host.contactHandleOf(tenantId, conversationId);
    return handle ? channelPhone(lastInboundChannel(transcript), handle) : null;
  };

  const itemFor = async (tenantId: string, conversationId: string, ticketList?: TicketRecord[], assignment?: Assignment | null): Promise<InboxItem | null> => {
    const view = await host.getConversation(tenantId, conversationId);
    if (!view) return null;
    const list = ticketList ?? (await tickets.list(tenantId));
    return buildInboxItem({
      view,
      ticket: handoffTicketOf(list, conversationId),
      quote: handoffTicketOf(list, conversationId, 'quote'),
      assignment: assignment !== undefined ? assignment : await assignments.get(tenantId, conversationId),
      handle: phoneHandleOf(tenantId, conversationId, view.transcript),
      now: clock.now(),
      slaSeconds: options.slaSeconds(tenantId),
      saidName: nameSaidIn(view.transcript),
      profileName: host.profileNameOf?.(tenantId, conversationId) ?? null,
      ...(hoursOf(tenantId) ? { hours: hoursOf(tenantId)! } : {}),
    });
  };

  const announce = async (tenantId: string, conversationId: string): Promise<void> => {
    if (!feed.hasListeners(tenantId)) return;
    const item = await itemFor(tenantId, conversationId);
    if (!item) return;
    let set = tracked.get(tenantId);
    if (!set) tracked.set(tenantId, (set = new Set()));
    const held = item.state.startsWith('handoff') || item.assignee !== null;
    if (!held && set.delete(conversationId)) feed.publish(tenantId, { type: 'inbox.removed', conversationId });
    if (held) set.add(conversationId);
    feed.publish(tenantId, { type: 'inbox', item });
  };

  /** Best effort: the act stands even when its line for the thread cannot be written. */
  const recordActivity = async (tenantId: string, conversationId: string, kind: ActivityKind, by: string, to: string | null): Promise<void> => {
    try {
      await options.activity?.add(tenantId, { conversationId, kind, by, to, at: iso() });
    } catch (err) {
      log.warn({ err, tenant: tenantId, conversationId }, 'activity line not written');
    }
  };

  const later = (work: Promise<void>) => {
    const p = work.catch((err: unknown) => log.warn({ err }, 'inbox update failed')).finally(() => pending.delete(p));
    pending.add(p);
  };

  /** The holder, or an admin; anyone else is refused. */
  const requireHolder = async (actor: ConsoleActor, conversationId: string): Promise<Assignment | null> => {
    const current = await assignments.get(actor.tenantId, conversationId);
    if (actor.role === 'admin') return current;
    if (current?.agentId !== actor.agentId) throw new HiloError('HILO_ERR_CONSOLE_NOT_ASSIGNEE', undefined, current ? { details: { assignee: { id: current.agentId, displayName: current.displayName } } } : undefined);
    return current;
  };

  // Rocket.Chat and the REST agent route: whoever answers or takes first holds it, with a line in the thread.
  const outside = createOutsideAgents({ host, tickets, assignments, recordTook: (t, c, by) => recordActivity(t, c, 'took', by, null), now: iso });

  /** Best effort: the take stands even when the notice cannot be queued. */
  const tellOthers = async (tenantId: string, conversationId: string, holder: { id: string; displayName: string }): Promise<void> => {
    if (!options.onTaken) return;
    try {
      const ticket = handoffTicketOf(await tickets.list(tenantId), conversationId);
      if (ticket?.status === 'open') await options.onTaken(tenantId, conversationId, ticket, holder);
      options.kick();
    } catch (err) {
      log.warn({ err, tenant: tenantId, conversationId }, 'take notice not queued');
    }
  };

  const quoteOwners = createQuoteOwners({ tickets, viewOf, agentName: options.agentName, audit: (t, type, by, data) => audit.append(t, type, by, data), recordActivity, announce: (t, c) => later(announce(t, c)) });

  const ticketNumberOf = (context: Record<string, unknown>): string | null => {
    const t = context.ticket as { number?: unknown } | null | undefined;
    return typeof t?.number === 'string' ? t.number : null;
  };

  return {
    async inbox(actor, query) {
      const [ticketList, held] = await Promise.all([tickets.list(actor.tenantId), assignments.list(actor.tenantId)]);
      const byConversation = new Map(held.map((a) => [a.conversationId, a]));
      // Open quotes from the tickets themselves: a quote is owed however long ago the customer wrote.
      const candidates =
        query.view === 'quotes'
          ? [...new Set(ticketList.filter((t) => t.kind === 'quote' && t.status === 'open').map((t) => t.conversationId))]
          : (await directory.list(actor.tenantId, { limit: INBOX_SCAN })).items.filter((c) => (query.view === 'open' ? c.phase !== 'closed' : c.phase === 'handoff' || byConversation.has(c.conversationId))).map((c) => c.conversationId);
      const items: InboxItem[] = [];
      for (const conversationId of candidates) {
        const item = await itemFor(actor.tenantId, conversationId, ticketList, byConversation.get(conversationId) ?? null);
        if (!item || !inView(item, query.view, actor.agentId)) continue;
        // "Mis cotizaciones": the quotes the agent follows up.
        if (query.ownedByMe && item.openQuote?.owner?.id !== actor.agentId) continue;
        const handle = host.contactHandleOf(actor.tenantId, conversationId);
        if (query.q && !matchesQuery(item, query.q, handle ? handle.replace(/\D/g, '') : null)) continue;
        items.push(item);
      }
      items.sort(compareInboxItems);
      const offset = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString('utf8')) : 0;
      const start = Number.isInteger(offset) && offset >= 0 ? offset : 0;
      const limit = query.limit ?? 50;
      const slice = items.slice(start, start + limit);
      const next = start + limit < items.length ? Buffer.from(String(start + limit), 'utf8').toString('base64url') : null;
      return { items: slice, nextCursor: next };
    },

    inboxItem: (tenantId, conversationId) => itemFor(tenantId, conversationId),

    async take(actor, conversationId) {
      const view = await viewOf(actor.tenantId, conversationId);
      const heldAlready = (await assignments.get(actor.tenantId, conversationId))?.agentId === actor.agentId;
      const outcome = await assignments.take(actor.tenantId, conversationId, { agentId: actor.agentId, displayName: actor.displayName }, iso());
      if (!outcome.ok) {
        const current = outcome.current;
        throw new HiloError('HILO_ERR_CONSOLE_ALREADY_TAKEN', undefined, current ? { details: { assignee: { id: current.agentId, displayName: current.displayName } } } : undefined);
      }
      try {
        // The machine takes it from wherever it rests (the bot stops); already with a human: nothing changes.
        if (!view.state?.value.startsWith('handoff.withHuman')) {
          await host.takeOver(actor.tenantId, conversationId, actor.displayName);
          options.kick();
        }
      } catch (err) {
        await assignments.release(actor.tenantId, conversationId);
        throw err;
      }
      const after = await host.getConversation(actor.tenantId, conversationId);
      await audit.append(actor.tenantId, 'agent.took_over', actor.auditActor, { conversationId, ticketNumber: ticketNumberOf(after?.state?.context ?? {}), via: 'console' });
      if (!heldAlready) await recordActivity(actor.tenantId, conversationId, 'took', actor.displayName, null);
      await tellOthers(actor.tenantId, conversationId, { id: actor.agentId, displayName: actor.displayName });
      later(announce(actor.tenantId, conversationId));
      return { assignee: { id: actor.agentId, displayName: actor.displayName } };
    },

    async assign(actor, conversationId, agentId, mode) {
      const view = await viewOf(actor.tenantId, conversationId);
      const name = await options.agentName(actor.tenantId, agentId);
      if (name === null) throw new HiloError('HILO_ERR_CONSOLE_AGENT_NOT_FOUND');
      const current = await assignments.get(actor.tenantId, conversationId);
      const isHolder = current?.agentId === actor.agentId;
      if (!isHolder && actor.role !== 'admin') {
        throw new HiloError(mode === 'transfer' || current ? 'HILO_ERR_CONSOLE_NOT_ASSIGNEE' : 'HILO_ERR_CONSOLE_FORBIDDEN');
      }
      const outcome = await assignments.reassign(actor.tenantId, conversationId, isHolder ? actor.agentId : (current?.agentId ?? null), { agentId, displayName: name }, iso());
      if (!outcome.ok) throw new HiloError('HILO_ERR_CONSOLE_NOT_ASSIGNEE');
      if (!view.state?.value.startsWith('handoff.withHuman')) {
        await host.takeOver(actor.tenantId, conversationId, name);
        options.kick();
      }
      await audit.append(actor.tenantId, mode === 'transfer' ? 'agent.transferred' : 'agent.assigned', actor.auditActor, { conversationId, from: current ? `agent:${current.agentId.slice(0, 8)}` : null, to: `agent:${agentId.slice(0, 8)}` });
      if (current?.agentId !== agentId) await recordActivity(actor.tenantId, conversationId, mode === 'transfer' ? 'transferred' : 'assigned', actor.displayName, name);
      await tellOthers(actor.tenantId, conversationId, { id: agentId, displayName: name });
      later(announce(actor.tenantId, conversationId));
      return { assignee: { id: agentId, displayName: name } };
    },

    async conversation(actor, conversationId) {
      const view = await viewOf(actor.tenantId, conversationId);
      const context = view.state?.context ?? {};
      const [ticketList, assignment, noteList, activity] = await Promise.all([tickets.list(actor.tenantId), assignments.get(actor.tenantId, conversationId), notes.list(actor.tenantId, conversationId), options.activity?.list(actor.tenantId, conversationId) ?? []]);
      // Without a handoff, the quote ticket whose number the bot gave the customer (sales follows it up).
      const quote = handoffTicketOf(ticketList, conversationId, 'quote');
      const ticket = handoffTicketOf(ticketList, conversationId) ?? quote;
      const contact = (context.contact ?? {}) as { phone?: string; email?: string };
      const draft = ((context.lead as { draft?: Record<string, { value?: unknown }> } | undefined)?.draft ?? {}) as Record<string, { value?: unknown }>;
      const field = (name: string) => (typeof draft[name]?.value === 'string' ? (draft[name]!.value as string) : null);
      const transcript = view.transcript.slice(-TRANSCRIPT_LIMIT);
      const channelPhoneOf = phoneHandleOf(actor.tenantId, conversationId, view.transcript);
      const callBack = ticket !== null && isCallBack(context, ticket.number);
      // The number to call: the one the customer wrote last (also one written after the ticket, "call
      // me on this one instead"), the lead's, the profile's, else the WhatsApp number they write from.
      const callTo = callBack ? (phoneWrittenIn(view.transcript) ?? field('phone_or_username') ?? contact.phone ?? channelPhoneOf) : null;
      return {
        conversationId,
        channel: lastInboundChannel(view.transcript),
        state: view.state?.value ?? null,
        awaitingRating: !(view.state?.value ?? '').startsWith('handoff') && isAwaitingRating(context),
        customer: {
          name: customerName(context, nameSaidIn(view.transcript)),
          profileName: host.profileNameOf?.(actor.tenantId, conversationId) ?? null,
          phone: contact.phone ?? field('phone_or_username') ?? channelPhoneOf ?? callTo,
          email: contact.email ?? field('email'),
          lang: (context.lang as string | undefined) ?? null,
        },
        leadDraft: Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.value ?? null])),
        ticket: ticket ? { number: ticket.number, reason: ticket.reason, summary: ticket.summary, openedAt: ticket.openedAt, status: ticket.status, closedAt: ticket.closedAt, resolvedBy: ticket.agentName, outcome: ticket.outcome, rating: ticket.rating ?? null, callBack, callTo } : null,
        // The quote sales owes, beside a handoff ticket too (an agent took the quote's conversation to talk).
        quote: quote ? { number: quote.number, openedAt: quote.openedAt, status: quote.status, closedAt: quote.closedAt, closedBy: quote.agentName, outcome: quote.outcome, owner: quote.owner ? { id: quote.owner.id, displayName: quote.owner.displayName, at: quote.owner.at } : null } : null,
        media: view.transcript.flatMap((e) => (e.media ?? []).map((m) => ({ ...m, messageId: e.messageId, at: e.at }))),
        assignee: assignment ? { id: assignment.agentId, displayName: assignment.displayName } : null,
        transcript: transcript.map(transcriptLine),
        notes: noteList.map((n) => ({ id: n.id, author: n.author, text: n.text, at: n.at })),
        activity: activity.map((a) => ({ id: a.id, kind: a.kind, by: a.by, to: a.to, at: a.at })),
      };
    },

    async reply(actor, conversationId, text) {
      const view = await viewOf(actor.tenantId, conversationId);
      const holder = await requireHolder(actor, conversationId);
      if (!holder && view.state?.value.startsWith('handoff')) {
        // An admin answering a handoff nobody holds owns it from now on (the first answer wins).
        const outcome = await assignments.take(actor.tenantId, conversationId, { agentId: actor.agentId, displayName: actor.displayName }, iso());
        if (!outcome.ok && outcome.current) throw new HiloError('HILO_ERR_CONSOLE_ALREADY_TAKEN', undefined, { details: { assignee: { id: outcome.current.agentId, displayName: outcome.current.displayName } } });
      }
      const channel = lastInboundChannel(view.transcript);
      if (WINDOWED_CHANNELS.has(channel)) {
        const lastIn = [...view.transcript].reverse().find((l) => l.direction === 'in');
        if (!lastIn || clock.now() - Date.parse(lastIn.at) >= WINDOW_MS) throw new HiloError('HILO_ERR_CHANNEL_WINDOW_CLOSED');
      }
      if (!view.state?.value.startsWith('handoff')) throw new HiloError('HILO_ERR_CONSOLE_NOT_ASSIGNEE', 'Take the conversation before replying: the bot holds it.');
      const result = await host.handleAgentMessage(actor.tenantId, conversationId, actor.displayName, text);
      const line = result.replies.find((r) => r.author === 'agent');
      if (!line) throw new HiloError('HILO_ERR_CONSOLE_NOT_ASSIGNEE', 'The conversation is not with a human; take it first.');
      options.kick();
      await audit.append(actor.tenantId, 'agent.message', actor.auditActor, { conversationId, ticketNumber: ticketNumberOf(result.state.context), chars: [...text].length, via: 'console' });
      return { messageId: line.messageId };
    },

    async addNote(actor, conversationId, text) {
      await viewOf(actor.tenantId, conversationId);
      const note = await notes.add(actor.tenantId, { conversationId, author: { id: actor.agentId, displayName: actor.displayName }, text, at: iso() });
      await audit.append(actor.tenantId, 'agent.note', actor.auditActor, { conversationId, noteId: note.id });
      feed.publish(actor.tenantId, { type: 'note', conversationId, note });
      return note;
    },

    async resolve(actor, conversationId, outcome, unanswered = false) {
      const view = await viewOf(actor.tenantId, conversationId);
      // Resolved before (a second click, another agent, Rocket.Chat, the REST API): the resolution
      // that stands, nothing changes; never handed off: 409, as the REST resolve answers.
      if (!view.state?.value.startsWith('handoff')) return { state: view.state?.value ?? 'unknown', ...standingOutcome(view.state) };
      const holder = await requireHolder(actor, conversationId);
      const ticket = handoffTicketOf(await tickets.list(actor.tenantId), conversationId);
      // Nobody holds it: the customer asked for a person and got no answer. Only on purpose (the page asks first).
      if (!holder && !unanswered) throw new HiloError('HILO_ERR_CONSOLE_RESOLVE_UNANSWERED', undefined, { details: { ticketNumber: ticket?.number ?? null } });
      // The machine closes the ticket in the resolve's own turn (`handoff.closingTicket`), as for a REST resolve.
      const result = await host.resolveHandoff(actor.tenantId, conversationId, actor.displayName, outcome);
      // Judged from the resolve's own turn: of two at the same instant, one resolved, the other says so.
      const answer = resolveOutcome(result, { agent: actor.displayName, outcome }, view.state.value);
      await assignments.release(actor.tenantId, conversationId);
      options.kick();
      if (!answer.already_resolved) await audit.append(actor.tenantId, 'agent.resolved', actor.auditActor, { conversationId, ticketNumber: ticket?.number ?? null, via: 'console' });
      later(announce(actor.tenantId, conversationId));
      return { state: result.state.value, ...answer };
    },

    async closeQuote(actor, conversationId, outcome) {
      await viewOf(actor.tenantId, conversationId);
      const answer = await closeQuoteTicket(tickets, actor, conversationId, outcome);
      if (!answer.already_closed) await audit.append(actor.tenantId, 'agent.quote_closed', actor.auditActor, { conversationId, ticketNumber: answer.number });
      later(announce(actor.tenantId, conversationId));
      return answer;
    },

    claimQuote: (actor, conversationId, agentId) => quoteOwners.claim(actor, conversationId, agentId),
    releaseQuote: (actor, conversationId) => quoteOwners.release(actor, conversationId),

    cannedReplies: (tenantId) => options.cannedReplies(tenantId),

    async outsideTakeover(tenantId, conversationId, agentName) {
      if (await outside.took(tenantId, conversationId, agentName)) later(announce(tenantId, conversationId));
    },

    noteTurn(tenantId, conversationId, state, byAgent = false) {
      const inHandoff = state.startsWith('handoff');
      const k = `${tenantId}\u0000${conversationId}`;
      if (inHandoff) handoffs.add(k);
      // Handed back elsewhere (Rocket.Chat `/resolver`, the REST API): nobody holds it any more.
      const leftHandoff = !inHandoff && handoffs.delete(k);
      // Only a turn in which an agent wrote can make an outside agent the holder: a customer's
      // turn in a handoff must not read the whole conversation and the tenant's tickets again.
      const outsideAnswer = inHandoff && byAgent;
      if (!outsideAnswer && !leftHandoff && !feed.hasListeners(tenantId)) return;
      later(
        (async () => {
          if (leftHandoff) await assignments.release(tenantId, conversationId);
          else if (outsideAnswer) await outside.claimAnswered(tenantId, conversationId);
          await announce(tenantId, conversationId);
        })(),
      );
    },

    async slaTick() {
      let announced = 0;
      for (const tenantId of options.tenantIds) {
        const slaSeconds = options.slaSeconds(tenantId);
        // While the team is away nobody is alerted; the SLA of a ticket opened then starts at opening time.
        const hours = hoursOf(tenantId);
        if (hours && hours.opensAt(clock.now()) !== null) continue;
        const page = await directory.list(tenantId, { phase: 'handoff', limit: INBOX_SCAN });
        if (page.items.length === 0) continue;
        const ticketList = await tickets.list(tenantId);
        for (const c of page.items) {
          const ticket = handoffTicketOf(ticketList, c.conversationId);
          if (!ticket || ticket.status !== 'open') continue;
          const from = hours ? hours.slaStart(Date.parse(ticket.openedAt)) : Date.parse(ticket.openedAt);
          const period = Math.floor((clock.now() - from) / (slaSeconds * 1000));
          if (period < 1 || (announcedPeriod.get(ticket.ticketId) ?? 0) >= period) continue;
          const transcript = await host.history(tenantId, c.conversationId, 0);
          if (transcript.some((l) => l.author === 'agent' && l.at >= ticket.openedAt)) continue;
          announcedPeriod.set(ticket.ticketId, period);
          await options.reannounce?.(tenantId, c.conversationId, ticket, period, slaSeconds);
          options.kick();
          await audit.append(tenantId, 'handoff.sla_missed', 'system', { conversationId: c.conversationId, ticketNumber: ticket.number, period, slaSeconds });
          log.warn({ tenant: tenantId, conversationId: c.conversationId, ticket: ticket.number, period, slaSeconds }, 'handoff unanswered past its SLA; announced again');
          later(announce(tenantId, c.conversationId));
          announced++;
        }
      }
      return announced;
    },

    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
