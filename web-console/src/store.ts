import { createStore } from '@xstate/store';
import { compareInboxItems, inView, matchesQuery } from '../../src/actors/console/console-inbox.js';
import type { Agent, CannedReply, ConversationDetail, InboxItem, InboxView, Lang, Note, TranscriptLine, TransferTarget } from './wire.js';
import type { SocketStatus } from './socket.js';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings, type NotifyPermission } from './alerts.js';

export type Screen = 'loading' | 'login' | 'app';
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface ConsoleContext {
  screen: Screen;
  lang: Lang;
  agent: Agent | null;
  /** A message for the login screen (wrong password, rate limited, session ended). */
  loginError: string | null;
  tab: InboxView;
  query: string;
  /** Every inbox item known, by conversation id, kept current by the live socket. */
  items: Record<string, InboxItem>;
  /** What the server listed for the current tab and query (a search also matches phone digits the page cannot see). */
  listed: string[];
  selected: string | null;
  detail: ConversationDetail | null;
  /**
   * Lines and notes of the selected conversation that arrived on the socket before its detail
   * did (it is watched before it is loaded): merged into the detail when it comes.
   */
  early: { lines: TranscriptLine[]; notes: Note[] };
  connection: SocketStatus;
  /** The last REST call reached the server (false after a network failure, until one does). */
  reachable: boolean;
  notice: Notice | null;
  canned: CannedReply[];
  /** Transfer targets: the tenant's agents (id and display name). */
  agents: TransferTarget[];
  /** Said once by the polite live region (a new waiting conversation). */
  announcement: string;
  /** The tenant's IANA time zone (tenant.json `timeZone`): every time on the page is shown in it. */
  timeZone: string | null;
  /** The tenant files quote tickets (the session says so): the quotes tab is shown. */
  filesQuotes: boolean;
  /** The quotes tab shows only the quotes this agent follows up ("Mis cotizaciones"). */
  quotesMine: boolean;
  /**
   * How many live changes (`inbox` frames, removals) each conversation has had on this page. A
   * REST answer carries the counts seen when its request left: an item that changed meanwhile
   * keeps what the socket said, since the answer may have been read before that change.
   */
  live: Record<string, number>;
  /** Sound and desktop alerts (kept in localStorage) and what the browser allows of the latter. */
  alerts: AlertSettings;
  notifyPermission: NotifyPermission;
}

const initial: ConsoleContext = {
  screen: 'loading',
  lang: 'es',
  agent: null,
  loginError: null,
  tab: 'waiting',
  query: '',
  items: {},
  listed: [],
  selected: null,
  detail: null,
  early: { lines: [], notes: [] },
  connection: 'connecting',
  reachable: true,
  notice: null,
  canned: [],
  agents: [],
  announcement: '',
  timeZone: null,
  filesQuotes: true,
  quotesMine: false,
  live: {},
  alerts: { ...DEFAULT_ALERT_SETTINGS },
  notifyPermission: 'default',
};

/**
 * What the header's badge says: the live socket's state, but "offline" while REST calls do not reach
 * the server — an open socket alone does not make a page that cannot send or load "online".
 */
export function connectionShown(context: Pick<ConsoleContext, 'connection' | 'reachable'>): SocketStatus {
  return context.reachable ? context.connection : 'offline';
}

/**
 * How many known items a tab holds, whatever the search: the tab's count and the window title's
 * "(3)", so an agent on another tab or window sees customers waiting (as Chatwoot's counts do).
 */
export function countIn(context: Pick<ConsoleContext, 'items' | 'agent'>, view: InboxView): number {
  const agentId = context.agent?.id ?? '';
  return Object.values(context.items).filter((item) => inView(item, view, agentId)).length;
}

/** The items the current tab shows, urgent first, then the longest waiting. */
export function visibleItems(context: ConsoleContext): InboxItem[] {
  const agentId = context.agent?.id ?? '';
  const listed = new Set(context.listed);
  const q = context.query.trim();
  return Object.values(context.items)
    .filter((item) => inView(item, context.tab, agentId))
    .filter((item) => context.tab !== 'quotes' || !context.quotesMine || item.openQuote?.owner?.id === agentId)
    .filter((item) => !q || listed.has(item.conversationId) || matchesQuery(item, q, null))
    .sort(compareInboxItems);
}

function withLine(detail: ConversationDetail, entry: TranscriptLine): ConversationDetail {
  if (detail.transcript.some((l) => l.id === entry.id || l.seq === entry.seq)) return detail;
  const transcript = [...detail.transcript, entry].sort((a, b) => a.seq - b.seq);
  return { ...detail, transcript };
}

function withNote(detail: ConversationDetail, note: Note): ConversationDetail {
  if (detail.notes.some((n) => n.id === note.id)) return detail;
  return { ...detail, notes: [...detail.notes, note] };
}

/**
 * A loaded detail is the server's reading at some moment; lines and notes the socket delivered
 * meanwhile (before it, or while a refresh was in flight) may be missing from it. Both are
 * append-only, so the union is right: nothing shown live disappears when the detail reloads.
 */
function merged(loaded: ConversationDetail, lines: readonly TranscriptLine[], notes: readonly Note[]): ConversationDetail {
  let detail = loaded;
  for (const line of lines) detail = withLine(detail, line);
  for (const note of notes) detail = withNote(detail, note);
  return detail;
}

/** The console's UI state: every change is a named event with a pure transition. */
export function createConsoleStore(start: { lang: Lang }) {
  return createStore({
    context: { ...initial, lang: start.lang } as ConsoleContext,
    on: {
      langChanged: (c, e: { lang: Lang }): ConsoleContext => ({ ...c, lang: e.lang }),
      quotesMineChanged: (c, e: { mine: boolean }): ConsoleContext => ({ ...c, quotesMine: e.mine }),
      loggedOut: (c, e: { error?: string | null }): ConsoleContext => ({ ...initial, lang: c.lang, alerts: c.alerts, notifyPermission: c.notifyPermission, screen: 'login', loginError: e.error ?? null }),
      loginFailed: (c, e: { error: string }): ConsoleContext => ({ ...c, loginError: e.error }),
      loggedIn: (c, e: { agent: Agent; lang?: Lang; timeZone?: string; filesQuotes?: boolean }): ConsoleContext => ({ ...c, screen: 'app', agent: e.agent, lang: e.lang ?? c.lang, loginError: null, timeZone: e.timeZone ?? null, filesQuotes: e.filesQuotes ?? true }),
      tabChanged: (c, e: { tab: InboxView }): ConsoleContext => ({ ...c, tab: e.tab, listed: [] }),
      queryChanged: (c, e: { query: string }): ConsoleContext => ({ ...c, query: e.query }),
      listed: (c, e: { tab: InboxView; query: string; items: InboxItem[]; seenLive?: Record<string, number> }): ConsoleContext => {
        if (e.tab !== c.tab || e.query !== c.query) return c; // an older request's answer
        const changedSince = (id: string) => e.seenLive !== undefined && (c.live[id] ?? 0) !== (e.seenLive[id] ?? 0);
        const items = { ...c.items };
        const agentId = c.agent?.id ?? '';
        const fresh = new Set(e.items.map((i) => i.conversationId));
        // An unfiltered answer is the whole tab: an item the page still files here changed while
        // the socket was away (resolved, taken by someone else) and is dropped until it shows again.
        if (!e.query.trim()) for (const [id, item] of Object.entries(items)) if (!fresh.has(id) && inView(item, e.tab, agentId) && !changedSince(id)) delete items[id];
        for (const item of e.items) if (!changedSince(item.conversationId) || items[item.conversationId] === undefined) items[item.conversationId] = item;
        return { ...c, items, listed: e.items.map((i) => i.conversationId) };
      },
      /** Items learnt outside the current tab (the agent's own at login): the tab counts and alerts know them. */
      known: (c, e: { items: InboxItem[] }): ConsoleContext => {
        const items = { ...c.items };
        for (const item of e.items) if (items[item.conversationId] === undefined) items[item.conversationId] = item;
        return { ...c, items };
      },
      alertsChanged: (c, e: { alerts?: AlertSettings; permission?: NotifyPermission }): ConsoleContext => ({ ...c, alerts: e.alerts ?? c.alerts, notifyPermission: e.permission ?? c.notifyPermission }),
      itemChanged: (c, e: { item: InboxItem; announce?: string }): ConsoleContext => {
        const detail = c.detail && c.detail.conversationId === e.item.conversationId ? { ...c.detail, state: e.item.state, assignee: e.item.assignee, awaitingRating: e.item.awaitingRating === true } : c.detail;
        const id = e.item.conversationId;
        return { ...c, items: { ...c.items, [id]: e.item }, detail, announcement: e.announce ?? c.announcement, live: { ...c.live, [id]: (c.live[id] ?? 0) + 1 } };
      },
      itemRemoved: (c, e: { conversationId: string }): ConsoleContext => {
        const item = c.items[e.conversationId];
        if (!item) return c;
        // It leaves "waiting" and "mine"; the next `inbox` frame says where it is now.
        const live = { ...c.live, [e.conversationId]: (c.live[e.conversationId] ?? 0) + 1 };
        return { ...c, live, items: { ...c.items, [e.conversationId]: { ...item, assignee: null, state: item.state.startsWith('handoff') ? 'triage.idle' : item.state } } };
      },
      selected: (c, e: { conversationId: string | null }): ConsoleContext => ({
        ...c,
        selected: e.conversationId,
        detail: e.conversationId === c.detail?.conversationId ? c.detail : null,
        early: { lines: [], notes: [] },
        notice: null,
      }),
      detailLoaded: (c, e: { detail: ConversationDetail; seenLive?: number }): ConsoleContext => {
        const id = e.detail.conversationId;
        if (id !== c.selected) return c;
        const shown = c.detail?.conversationId === id ? c.detail : null;
        const lines = [...c.early.lines, ...(shown?.transcript ?? [])];
        const notes = [...c.early.notes, ...(shown?.notes ?? [])];
        let detail = merged(e.detail, lines, notes);
        // Taken, transferred or resolved while this answer was on its way: the socket's word is newer.
        const item = c.items[id];
        if (e.seenLive !== undefined && (c.live[id] ?? 0) !== e.seenLive && item) detail = { ...detail, state: item.state, assignee: item.assignee, awaitingRating: item.awaitingRating === true };
        return { ...c, detail, early: { lines: [], notes: [] } };
      },
      lineReceived: (c, e: { conversationId: string; entry: TranscriptLine }): ConsoleContext => {
        // The customer wrote (rated, asked again): an info notice about the last action ("Resuelta: el
        // bot vuelve a atender.") no longer describes the conversation and goes.
        if (c.detail?.conversationId === e.conversationId) return { ...c, detail: withLine(c.detail, e.entry), notice: e.entry.direction === 'in' && c.notice?.kind === 'info' ? null : c.notice };
        if (c.selected === e.conversationId) return { ...c, early: { ...c.early, lines: [...c.early.lines, e.entry] } };
        return c;
      },
      noteReceived: (c, e: { conversationId: string; note: Note }): ConsoleContext => {
        if (c.detail?.conversationId === e.conversationId) return { ...c, detail: withNote(c.detail, e.note) };
        if (c.selected === e.conversationId) return { ...c, early: { ...c.early, notes: [...c.early.notes, e.note] } };
        return c;
      },
      connectionChanged: (c, e: { status: SocketStatus }): ConsoleContext => ({ ...c, connection: e.status }),
      reachChanged: (c, e: { reached: boolean }): ConsoleContext => (c.reachable === e.reached ? c : { ...c, reachable: e.reached }),
      noticed: (c, e: { notice: Notice | null }): ConsoleContext => ({ ...c, notice: e.notice }),
      cannedLoaded: (c, e: { canned: CannedReply[] }): ConsoleContext => ({ ...c, canned: e.canned }),
      agentsLoaded: (c, e: { agents: TransferTarget[] }): ConsoleContext => ({ ...c, agents: e.agents }),
    },
  });
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
