import { ApiError, type ConsoleApi, type SessionAnswer } from './api.js';
import { createConsoleSocket, type ConsoleSocket } from './socket.js';
import { backoffDelay } from '../../web-widget/src/backoff.js';
import type { ConsoleStore } from './store.js';
import { plainPreview, t, type StringKey } from './strings.js';
import type { Agent, InboxView, Lang, ServerFrame } from './wire.js';
import { parsePlace, type PlaceAddress } from './place.js';
import { ALERTS_KEY, alertFor, waitingSinceListed, notifyPermission, parseAlertSettings, type Alert, type AlertOutput, type AlertSettings } from './alerts.js';

const LANG_KEY = 'hilo:console:lang';

/** A fresh Idempotency-Key for one written message (random; `crypto.randomUUID` needs a secure context, this does not). */
function newMessageKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
const TENANT_KEY = 'hilo:console:tenant';
/** What the live region says, and the desktop notification's title, per alert. */
const ANNOUNCE: Record<Alert['kind'], StringKey> = { waiting: 'newWaiting', assigned: 'assignedToYou', customerWrote: 'customerWrote', quote: 'newQuote' };
const ALERT_TITLE: Record<Alert['kind'], StringKey> = { waiting: 'alertWaitingTitle', assigned: 'alertAssignedTitle', customerWrote: 'alertWroteTitle', quote: 'alertQuoteTitle' };

export interface ConsoleController {
  boot(): Promise<void>;
  login(tenant: string, username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setLang(lang: Lang): void;
  setTab(tab: InboxView): void;
  setQuery(query: string): void;
  select(conversationId: string | null): void;
  /** True when the conversation is now held by this agent. */
  take(): Promise<boolean>;
  transfer(agentId: string): Promise<void>;
  /** `unanswered`: confirmed resolving a handoff nobody answered. */
  resolve(outcome: string, unanswered?: boolean): Promise<boolean>;
  /** Closes the open conversation's quote with an outcome; true when it is closed now. */
  closeQuote(outcome: string): Promise<boolean>;
  /** Claims the open conversation's quote for this agent (an admin: for `agentId`), without taking the conversation. */
  claimQuote(agentId?: string): Promise<boolean>;
  /** Lets the open conversation's quote go (its owner, or an admin). */
  releaseQuote(): Promise<boolean>;
  /** The quotes tab shows only the quotes this agent follows up ("Mis cotizaciones"), or all. */
  setQuotesMine(mine: boolean): void;
  /** Sends a reply (or saves an internal note); true when it went through. */
  send(text: string, asNote: boolean): Promise<boolean>;
  lastTenant(): string;
  /** A request answered 401: the session expired or was ended elsewhere. */
  sessionExpired(): void;
  /**
   * Whether a REST call reached the server (the API's `onReach`): after a network failure the badge
   * says "Sin conexión, reintentando…" and the server is asked again (backoff 2 s doubling to 30 s)
   * until a call reaches it — a probe or the agent's own.
   */
  serverReached(reached: boolean): void;
  /** Changes the sound / desktop alerts; turning desktop alerts on asks the browser's permission. */
  setAlerts(change: Partial<AlertSettings>): Promise<void>;
  /** Plays the alert sound once (the agent checks the speakers). */
  testSound(): void;
}

/** The page's wiring: REST calls and the live socket turn into store events; nothing else writes state. */
export function createConsoleController(store: ConsoleStore, api: ConsoleApi, wsUrl: string, output: AlertOutput | null = null, address: PlaceAddress | null = null): ConsoleController {
  let socket: ConsoleSocket | null = null;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let detailTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setInterval> | undefined;
  /** While REST calls do not reach the server: the next probe and how many failed in a row. */
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  let probeAttempt = 0;
  /**
   * Priorities also change with time alone (a handoff nobody answered turns yellow after the
   * tenant's SLA), which no event announces: the open tab is reloaded once a minute.
   */
  const REFRESH_MS = 60_000;
  /** The message being sent and its Idempotency-Key, until the server took it. */
  let unsent: { conversationId: string; text: string; asNote: boolean; key: string } | null = null;
  /** A logout that meets a network error or a 5xx is tried this many times before the page says so. */
  const LOGOUT_ATTEMPTS = 3;
  let loggingOut = false;
  /**
   * Conversations this page just took or handed on: the `inbox` frame that makes one this agent's
   * is no news to the agent who clicked (no "handed to you" alert).
   */
  const ownActs = new Set<string>();
  const ctx = () => store.getSnapshot().context;
  const say = (key: StringKey, vars?: Record<string, string | number>) => t(ctx().lang, key, vars);
  const storage = {
    get: (key: string) => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key: string, value: string) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
  };

  const errorText = (err: unknown): string => {
    if (!(err instanceof ApiError)) return say('failed', { message: String(err) });
    switch (err.code) {
      case 'HILO_ERR_CHANNEL_WINDOW_CLOSED':
        return say('windowClosed');
      case 'HILO_ERR_CONSOLE_ALREADY_TAKEN': {
        const name = (err.details as { assignee?: { displayName?: string } } | undefined)?.assignee?.displayName ?? '?';
        return say('alreadyTaken', { name });
      }
      case 'HILO_ERR_CONSOLE_QUOTE_TAKEN':
        return say('quoteTaken', { name: (err.details as { owner?: { displayName?: string } } | undefined)?.owner?.displayName ?? '?' });
      case 'HILO_ERR_CONSOLE_RESOLVE_UNANSWERED':
        return say('resolveUnansweredRefused');
      case 'HILO_ERR_CONSOLE_QUOTE_CLOSED':
        return say('quoteIsClosed');
      case 'HILO_ERR_CONSOLE_NOT_ASSIGNEE':
        return say('notAssignee');
      case 'HILO_ERR_CONSOLE_FORBIDDEN':
        return say('forbidden');
      case 'NETWORK':
        return say('networkError');
      default:
        return say('failed', { message: err.message });
    }
  };
  const alertName = (alert: Alert) => alert.name ?? alert.ticketNumber ?? say('noName');
  /** The chime and, while the agent looks elsewhere, the desktop notification; a click opens the conversation. */
  const fire = (alert: Alert): void => {
    if (!output) return;
    const { alerts, selected } = ctx();
    const looking = output.looking();
    // A message in the conversation the agent is reading is seen, not announced.
    if (alert.kind === 'customerWrote' && looking && selected === alert.conversationId) return;
    if (alerts.sound) output.chime();
    if (!alerts.desktop || looking) return;
    const title = say(ALERT_TITLE[alert.kind], { name: alertName(alert) });
    const body = [alert.ticketNumber, alert.text ? plainPreview(alert.text).slice(0, 140) : null].filter(Boolean).join(' · ');
    output.notify(title, body, `hilo-${alert.conversationId}`, () => select(alert.conversationId));
  };
  const fail = (err: unknown) => store.trigger.noticed({ notice: { kind: 'error', text: errorText(err) } });
  const info = (text: string) => store.trigger.noticed({ notice: { kind: 'info', text } });

  /**
   * The tab's items again. On the minute's refresh of the same tab, a customer who started waiting
   * since and whose live frame has not come (the socket was away, or the answer beat the frame)
   * still rings: never on a tab's first load, whose waiting customers are no news.
   */
  const loadList = async (refresh = false): Promise<void> => {
    const { tab, query, live: seenLive, items: known, agent } = ctx();
    try {
      const page = await api.inbox(tab, query.trim());
      const now = ctx();
      if (refresh && agent && now.tab === tab && now.query === query && now.listed.length > 0) for (const alert of waitingSinceListed(known, now.items, page.items, agent.id, ownActs)) fire(alert);
      store.trigger.listed({ tab, query, items: page.items, seenLive });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) fail(err);
    }
  };

  const loadDetail = async (id: string): Promise<void> => {
    const seenLive = ctx().live[id] ?? 0;
    try {
      store.trigger.detailLoaded({ detail: await api.conversation(id), seenLive });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) fail(err);
    }
  };
  /** A ticket or state change: the whole view again, at most once per burst of frames. */
  const refreshDetailSoon = (id: string) => {
    clearTimeout(detailTimer);
    detailTimer = setTimeout(() => void loadDetail(id), 150);
  };

  const onFrame = (frame: ServerFrame): void => {
    const c = ctx();
    switch (frame.type) {
      case 'inbox': {
        const before = c.items[frame.item.conversationId];
        const alert = c.agent ? alertFor(before, frame.item, c.agent.id, ownActs) : null;
        if (frame.item.assignee?.id === c.agent?.id) ownActs.delete(frame.item.conversationId);
        const announce = alert ? say(ANNOUNCE[alert.kind], { name: alertName(alert) }) : undefined;
        store.trigger.itemChanged({ item: frame.item, ...(announce ? { announce } : {}) });
        if (alert) fire(alert);
        // A new ticket, a new holder (its activity line), a handoff begun or ended elsewhere, or the
        // rating come in (the ticket box shows it): the open conversation's view again.
        const reheld = (c.detail?.assignee?.id ?? null) !== (frame.item.assignee?.id ?? null);
        const phase = (state: string | null | undefined) => (state ?? '').split('.')[0];
        const turned = c.detail !== null && (phase(c.detail.state) !== phase(frame.item.state) || c.detail.awaitingRating !== (frame.item.awaitingRating === true));
        if (c.selected === frame.item.conversationId && c.detail && ((c.detail.ticket?.number ?? null) !== frame.item.ticketNumber || reheld || turned)) refreshDetailSoon(frame.item.conversationId);
        return;
      }
      case 'inbox.removed':
        store.trigger.itemRemoved({ conversationId: frame.conversationId });
        return;
      case 'message':
        store.trigger.lineReceived({ conversationId: frame.conversationId, entry: frame.entry });
        return;
      case 'note':
        store.trigger.noteReceived({ conversationId: frame.conversationId, note: frame.note });
        return;
      case 'error':
        if (frame.code === 'HILO_ERR_CONVERSATION_NOT_FOUND') store.trigger.noticed({ notice: { kind: 'error', text: say('failed', { message: frame.message }) } });
        return;
      default:
    }
  };

  const stopProbing = (): void => {
    clearTimeout(probeTimer);
    probeTimer = undefined;
    probeAttempt = 0;
  };
  const probeLater = (): void => {
    if (probeTimer !== undefined || ctx().screen !== 'app') return;
    probeTimer = setTimeout(() => {
      probeTimer = undefined;
      probeAttempt++;
      // The answer itself tells the badge (`serverReached`); a session over by now ends the page's.
      void api.session().then((s) => (s === null && ctx().screen === 'app' ? sessionEnded() : undefined)).catch(() => undefined);
    }, backoffDelay(probeAttempt, Math.random, { baseMs: 2_000, capMs: 30_000 }));
  };

  const sessionEnded = (): void => {
    stopProbing();
    clearInterval(refreshTimer);
    socket?.close();
    socket = null;
    api.forget();
    store.trigger.loggedOut({ error: say('sessionExpired') });
  };

  const enter = async ({ agent, timeZone, filesQuotes }: SessionAnswer): Promise<void> => {
    // Where the agent was before a reload (the address, `place.ts`): read before the login resets it.
    const place = address ? parsePlace(address.read()) : null;
    const chosen = storage.get(LANG_KEY);
    store.trigger.loggedIn({ agent, lang: chosen === 'es' || chosen === 'en' ? chosen : agent.lang, ...(timeZone ? { timeZone } : {}), filesQuotes: filesQuotes !== false });
    const permission = notifyPermission();
    const alerts = parseAlertSettings(storage.get(ALERTS_KEY));
    store.trigger.alertsChanged({ alerts: { ...alerts, desktop: alerts.desktop && permission === 'granted' }, permission });
    if (place && (place.tab !== 'quotes' || filesQuotes !== false)) store.trigger.tabChanged({ tab: place.tab });
    storage.set(TENANT_KEY, agent.tenant);
    socket = createConsoleSocket({
      url: wsUrl,
      onFrame,
      onStatus: (status) => store.trigger.connectionChanged({ status }),
      onOpen: () => {
        // Whatever happened while the socket was away: the list again (a customer who started waiting meanwhile rings), and the open conversation's watch.
        void loadList(true);
        const selected = ctx().selected;
        if (selected) {
          socket?.send({ type: 'watch', conversationId: selected });
          void loadDetail(selected);
        }
      },
      onRepeatedFailure: () => {
        void api.session().then((s) => (s === null ? sessionEnded() : undefined)).catch(() => undefined);
      },
    });
    socket.connect();
    if (place?.conversationId) select(place.conversationId);
    clearInterval(refreshTimer);
    refreshTimer = setInterval(() => void loadList(true), REFRESH_MS);
    // Transfer targets for every role: an agent hands on what they hold, an admin anything.
    // The agent's own conversations and the open quotes too, whatever the tab: their tabs count them,
    // and a customer who writes in one is told apart from a conversation newly handed over.
    const tasks: Promise<unknown>[] = [
      api.cannedReplies().then((canned) => store.trigger.cannedLoaded({ canned })),
      api.transferTargets().then((agents) => store.trigger.agentsLoaded({ agents })),
      api.inbox('mine', '').then((page) => store.trigger.known({ items: page.items })),
      api.inbox('quotes', '').then((page) => store.trigger.known({ items: page.items })),
    ];
    await Promise.all(tasks).catch(fail);
  };

  function select(conversationId: string | null): void {
    const previous = ctx().selected;
    if (previous === conversationId) return;
    if (previous) socket?.send({ type: 'unwatch', conversationId: previous });
    store.trigger.selected({ conversationId });
    if (conversationId) {
      // Watch before loading: a line recorded in between arrives on the socket (duplicates merge by id).
      socket?.send({ type: 'watch', conversationId });
      void loadDetail(conversationId);
    }
  }

  const actOnSelected = async <T>(run: (id: string) => Promise<T>): Promise<T | null> => {
    const id = ctx().selected;
    if (!id) return null;
    try {
      return await run(id);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) fail(err);
      return null;
    }
  };

  return {
    async boot() {
      try {
        const session = await api.session();
        if (session) await enter(session);
        else store.trigger.loggedOut({});
      } catch (err) {
        store.trigger.loggedOut({ error: errorText(err) });
      }
    },
    async login(tenant, username, password) {
      try {
        await enter(await api.login(tenant.trim(), username.trim(), password));
      } catch (err) {
        let error = errorText(err);
        if (err instanceof ApiError && err.code === 'HILO_ERR_CONSOLE_LOGIN_INVALID') error = say('wrongLogin');
        if (err instanceof ApiError && err.code === 'HILO_ERR_RATE_LIMITED') error = say('rateLimited', { minutes: Math.ceil((err.retryAfterSeconds ?? 900) / 60) });
        store.trigger.loginFailed({ error });
      }
    },
    async logout() {
      // The page says "logged out" only once the server ended the session: a logout that failed
      // quietly would leave the session alive behind a login form (and a reload would show it).
      if (loggingOut) return;
      loggingOut = true;
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await api.logout();
            break;
          } catch (err) {
            const transient = err instanceof ApiError && (err.status === 0 || err.status >= 500);
            const csrf = err instanceof ApiError && err.code === 'HILO_ERR_CONSOLE_CSRF';
            if (attempt >= LOGOUT_ATTEMPTS || !(transient || csrf)) {
              store.trigger.noticed({ notice: { kind: 'error', text: say('logoutFailed', { message: errorText(err) }) } });
              return;
            }
            // A lost token (CSRF): the session check hands the current one back before the retry.
            if (csrf && (await api.session().catch(() => undefined)) === null) break;
            await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
          }
        }
        stopProbing();
        clearInterval(refreshTimer);
        socket?.close();
        socket = null;
        store.trigger.loggedOut({});
      } finally {
        loggingOut = false;
      }
    },
    setLang(lang) {
      storage.set(LANG_KEY, lang);
      document.documentElement.lang = lang;
      store.trigger.langChanged({ lang });
    },
    setTab(tab) {
      store.trigger.tabChanged({ tab });
      void loadList();
    },
    setQuery(query) {
      store.trigger.queryChanged({ query });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void loadList(), 250);
    },
    select,
    async take() {
      const id0 = ctx().selected;
      if (id0) ownActs.add(id0);
      const done = await actOnSelected((id) => api.take(id));
      if (!done) {
        if (id0) ownActs.delete(id0);
        return false;
      }
      info(say('taken'));
      const id = ctx().selected;
      if (id) refreshDetailSoon(id);
      return true;
    },
    async transfer(agentId) {
      const id0 = ctx().selected;
      // An admin handing it to themselves: their own act.
      if (id0 && agentId === ctx().agent?.id) ownActs.add(id0);
      const done = await actOnSelected((id) => api.transfer(id, agentId));
      if (!done) return;
      info(say('transferred', { name: done.assignee.displayName }));
      const id = ctx().selected;
      if (id) refreshDetailSoon(id);
    },
    async resolve(outcome, unanswered) {
      const done = await actOnSelected((id) => api.resolve(id, outcome, unanswered));
      if (!done) return false;
      info(done.already_resolved && done.resolution ? say('alreadyResolved', { name: done.resolution.agent }) : say('resolved'));
      const id = ctx().selected;
      if (id) refreshDetailSoon(id);
      return true;
    },
    async closeQuote(outcome) {
      const done = await actOnSelected((id) => api.closeQuote(id, outcome));
      if (!done) return false;
      info(done.already_closed ? say('quoteAlreadyClosed', { number: done.number, name: done.resolution.agent ?? '?' }) : say('quoteClosed', { number: done.number }));
      const id = ctx().selected;
      if (id) refreshDetailSoon(id);
      return true;
    },
    async claimQuote(agentId) {
      const done = await actOnSelected((id) => api.claimQuote(id, agentId));
      if (!done) return false;
      info(done.owner.id === ctx().agent?.id ? say('quoteClaimed', { number: done.number }) : say('quoteGiven', { number: done.number, name: done.owner.displayName }));
      const id = ctx().selected;
      if (id) refreshDetailSoon(id);
      return true;
    },
    async releaseQuote() {
      const done = await actOnSelected((id) => api.releaseQuote(id));
      if (!done) return false;
      info(say('quoteReleased', { number: done.number }));
      const id = ctx().selected;
      if (id) refreshDetailSoon(id);
      return true;
    },
    setQuotesMine: (mine) => store.trigger.quotesMineChanged({ mine }),
    async send(text, asNote) {
      const done = await actOnSelected(async (id) => {
        // The same message sent again (its answer was lost, the agent pressed Send once more)
        // keeps its key: the server answers it without sending it to the customer twice.
        if (!unsent || unsent.conversationId !== id || unsent.text !== text || unsent.asNote !== asNote) unsent = { conversationId: id, text, asNote, key: newMessageKey() };
        const { key } = unsent;
        try {
          if (asNote) {
            const note = await api.note(id, text, key);
            store.trigger.noteReceived({ conversationId: id, note });
          } else {
            await api.reply(id, text, key);
          }
        } catch (err) {
          // No answer: it may have reached the customer or not. Sending again is safe (same key).
          if (!(err instanceof ApiError && err.code === 'NETWORK')) throw err;
          store.trigger.noticed({ notice: { kind: 'error', text: say('sendUnconfirmed') } });
          return null;
        }
        if (unsent?.key === key) unsent = null;
        return true;
      });
      if (done) store.trigger.noticed({ notice: null });
      return done === true;
    },
    lastTenant: () => storage.get(TENANT_KEY) ?? '',
    sessionExpired: () => {
      if (ctx().screen === 'app') sessionEnded();
    },
    async setAlerts(change) {
      const next = { ...ctx().alerts, ...change };
      if (change.desktop === true) {
        // Asked from the agent's click (browsers ask only from a user gesture).
        const permission = notifyPermission() === 'granted' || !output ? notifyPermission() : await output.requestPermission().catch(() => notifyPermission());
        store.trigger.alertsChanged({ permission });
        if (permission !== 'granted') next.desktop = false;
      }
      storage.set(ALERTS_KEY, JSON.stringify(next));
      store.trigger.alertsChanged({ alerts: next });
    },
    testSound() {
      output?.chime();
    },
    serverReached(reached) {
      store.trigger.reachChanged({ reached });
      if (reached) stopProbing();
      else probeLater();
    },
  };
}

export { LANG_KEY };
