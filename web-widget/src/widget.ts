import { MAX_MESSAGE_CHARS, WIDGET_PROTOCOL_VERSION, type ServerFrame } from '../../src/channels/widget/protocol.js';
import type { WidgetConfig } from './config.js';
import { createWidgetConnection } from './connection.js';
import { formatMessage } from './format.js';
import { loadResumeToken, loadVisitorId, randomId, renewVisitorId, saveResumeToken, type KeyValueStorage } from './ids.js';
import { highestSeq, type UiMessage } from './messages.js';
import { draftRows } from './drafts.js';
import { activeOptions, loadIntro, readIntro, saveIntro, showSuggestions, type ActiveOptions } from './intro.js';
import { conversationLang, type UiLang } from './lang.js';
import { createWidgetStore, type WidgetContext } from './store.js';
import { errorText, uiStrings } from './strings.js';
import { widgetCss } from './styles.js';

/** What the host page (and tests) can call on `window.HiloWidget`. */
export interface HiloWidgetApi {
  open(): void;
  close(): void;
  /** Sends a customer message as if typed (queued while offline). */
  send(text: string): void;
}

const ICON_CHAT =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>';
const ICON_CLOSE =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';
const ICON_SEND =
  '<svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z"/></svg>';

function storageOf(get: () => Storage): KeyValueStorage | null {
  try {
    return get();
  } catch {
    return null;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/**
 * Mounts the widget (a shadow root on a `<hilo-widget>` element at the end of `<body>`) and wires
 * store, socket and view. Connects on first open, so pages where nobody chats open no socket.
 */
export function mountWidget(config: WidgetConfig): HiloWidgetApi {
  // The widget's own labels follow the conversation's language (see `conversationLang`).
  let lang: UiLang = config.lang;
  let t = uiStrings(lang);
  const local = storageOf(() => window.localStorage);
  const session = storageOf(() => window.sessionStorage);
  const openKey = `hilo:${config.tenant}:open`;
  const readOpen = (): boolean => {
    try {
      return session?.getItem(openKey) === '1';
    } catch {
      return false;
    }
  };
  const writeOpen = (open: boolean): void => {
    try {
      session?.setItem(openKey, open ? '1' : '0');
    } catch {
      // Not fatal: the panel just starts closed after a reload.
    }
  };

  const store = createWidgetStore({ open: readOpen(), intro: loadIntro(local, config.tenant) });
  // Renewed when the server refuses to resume it without a token (see connection.ts).
  let visitorId = loadVisitorId(local, config.tenant);
  // Kept in memory too: without storage it still resumes the thread after a reconnect.
  let resumeToken = loadResumeToken(local, config.tenant, visitorId);

  // ------------------------------------------------------------------ DOM
  const host = document.createElement('hilo-widget');
  // Inline !important beats any page rule aimed at the host element itself.
  host.style.cssText = 'all:initial !important;display:block !important;position:static !important;';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = widgetCss(config.color);
  const root = el('div', 'root', { lang: config.lang });
  const panelId = 'hilo-panel';

  const launcher = el('button', 'launcher', { type: 'button', 'aria-label': t.openChat, 'aria-controls': panelId, 'aria-expanded': 'false' });
  launcher.innerHTML = ICON_CHAT;

  const panel = el('section', 'panel', { id: panelId, role: 'dialog', 'aria-labelledby': 'hilo-title' });
  const header = el('div', 'header');
  const titles = el('div', 'titles');
  const title = el('h2', 'title', { id: 'hilo-title' });
  title.textContent = config.title ?? t.defaultTitle;
  const status = el('div', 'status', { 'data-state': 'idle' });
  const statusText = el('span');
  status.append(el('span', 'dot', { 'aria-hidden': 'true' }), statusText);
  titles.append(title, status);
  const closeButton = el('button', 'close', { type: 'button', 'aria-label': t.closeChat });
  closeButton.innerHTML = ICON_CLOSE;
  header.append(titles, closeButton);

  const log = el('div', 'log', { role: 'log', 'aria-live': 'polite', 'aria-label': t.messagesLabel, tabindex: '0' });
  // The greeting and the suggestion chips: always the log's first child, never a transcript row.
  const intro = el('div', 'intro');
  const greeting = el('div', 'bubble');
  const chips = el('div', 'chips', { role: 'group', 'aria-label': t.suggestionsLabel });
  intro.append(greeting, chips);
  log.append(intro);
  const typing = el('div', 'typing', { role: 'status', hidden: '' });
  const dots = el('span', 'dots', { 'aria-hidden': 'true' });
  dots.append(el('i'), el('i'), el('i'));
  const typingText = el('span');
  typingText.textContent = t.typing;
  typing.append(dots, typingText);

  const composer = el('form', 'composer');
  const inputId = 'hilo-input';
  const label = el('label', 'sr', { for: inputId });
  label.textContent = t.inputLabel;
  const input = el('textarea', '', { id: inputId, rows: '1', placeholder: t.placeholder, maxlength: String(MAX_MESSAGE_CHARS) });
  const sendButton = el('button', 'send', { type: 'submit', 'aria-label': t.send });
  sendButton.innerHTML = ICON_SEND;
  composer.append(label, input, sendButton);

  panel.append(header, log, typing, composer);
  root.append(panel, launcher);
  shadow.append(style, root);
  document.body.appendChild(host);

  // ------------------------------------------------------------------ socket
  const connection = createWidgetConnection({
    url: config.wsUrl,
    hello: () => ({
      type: 'hello',
      v: WIDGET_PROTOCOL_VERSION,
      tenant: config.tenant,
      visitorId,
      ...(resumeToken !== undefined ? { resumeToken } : {}),
      lang: config.lang,
      lastSeq: highestSeq(store.getSnapshot().context.messages),
    }),
    onStatus: (s) => store.trigger.connectionChanged({ status: s }),
    onResumeToken: (token) => {
      resumeToken = token;
      saveResumeToken(local, config.tenant, visitorId, token);
    },
    onResumeRefused: () => {
      visitorId = renewVisitorId(local, config.tenant);
      resumeToken = undefined;
    },
    onFrame: (frame) => handleFrame(frame),
  });

  const flushPending = (): void => {
    for (const p of store.getSnapshot().context.pending) {
      if (!connection.send({ type: 'message', clientMessageId: p.clientMessageId, text: p.text })) return;
    }
  };

  let noticeCount = 0;
  const handleFrame = (frame: ServerFrame): void => {
    switch (frame.type) {
      case 'welcome': {
        const welcomeIntro = readIntro(frame.intro);
        if (welcomeIntro) saveIntro(local, config.tenant, welcomeIntro);
        store.trigger.welcomed({
          history: Array.isArray(frame.history) ? frame.history : [],
          ...(typeof frame.conversationId === 'string' ? { conversationId: frame.conversationId } : {}),
          ...(frame.lang === 'es' || frame.lang === 'en' ? { lang: frame.lang } : {}),
          intro: welcomeIntro,
        });
        // Unacked messages go again with their ids: the server ignores the ones it already has.
        flushPending();
        break;
      }
      case 'message':
        if (frame.message && typeof frame.message.seq === 'number') store.trigger.received({ message: frame.message });
        break;
      case 'ack':
        store.trigger.acked({ clientMessageId: frame.clientMessageId, seq: frame.seq, ...(typeof frame.text === 'string' ? { text: frame.text } : {}) });
        break;
      case 'typing':
        store.trigger.typingChanged({ on: frame.on === true });
        break;
      case 'error': {
        noticeCount += 1;
        const failed: { clientMessageId?: string; message: string; noticeKey: string; code?: string } = {
          message: frame.message || frame.code,
          noticeKey: `n:${noticeCount}`,
        };
        if (typeof frame.code === 'string') failed.code = frame.code;
        if (frame.clientMessageId) failed.clientMessageId = frame.clientMessageId;
        store.trigger.failed(failed);
        break;
      }
      case 'delta':
        if (typeof frame.replyId === 'string' && typeof frame.text === 'string') {
          store.trigger.deltaReceived({ replyId: frame.replyId, text: frame.text, ...(frame.reset === true ? { reset: true } : {}) });
        }
        break;
      case 'pong':
        break;
    }
  };

  // ------------------------------------------------------------------ view
  const rows = new Map<string, { node: HTMLElement; signature: string }>();

  /** Buttons for a reply's options; a tap sends the option's text as the customer's message. */
  const renderOptions = (active: ActiveOptions): HTMLElement => {
    const group = el('div', 'opts', { role: 'group', 'aria-label': t.optionsLabel });
    active.options.forEach((option, index) => {
      const button = el('button', 'opt', { type: 'button' });
      button.textContent = option.label;
      if (!active.enabled) {
        button.disabled = true;
        if (active.chosen === index) button.setAttribute('aria-pressed', 'true');
      }
      button.addEventListener('click', () => choose(option.text));
      group.append(button);
    });
    return group;
  };

  const renderRow = (m: UiMessage, active: ActiveOptions | null): HTMLElement => {
    const own = active !== null && active.key === m.key ? active : null;
    const options = own ? `${own.enabled ? 'on' : 'off'}:${own.chosen ?? ''}` : '';
    const signature = `${lang}|${m.seq ?? ''}|${m.status}|${m.received === true ? 'r' : ''}|${m.text}|${m.error ?? ''}|${m.agentName ?? ''}|${m.clientMessageId ?? ''}|${options}`;
    const existing = rows.get(m.key);
    if (existing && existing.signature === signature) return existing.node;
    const node = existing?.node ?? el('div', 'msg');
    node.replaceChildren();
    node.setAttribute('data-author', m.author);
    node.setAttribute('data-status', m.status);
    if (m.seq !== null) node.setAttribute('data-seq', String(m.seq));
    if (m.author !== 'customer' && m.author !== 'system') {
      const who = el('span', 'who');
      who.textContent = m.author === 'agent' ? (m.agentName ?? t.agent) : (config.title ?? t.assistant);
      node.append(who);
    } else if (m.author === 'customer') {
      const who = el('span', 'sr');
      who.textContent = `${t.you}:`;
      node.append(who);
    }
    const bubble = el('div', 'bubble');
    // formatMessage escapes everything before adding its own few tags.
    bubble.innerHTML = formatMessage(m.author === 'system' ? (errorText(m.errorCode, t) ?? m.text) : m.text);
    node.append(bubble);
    if (own) node.append(renderOptions(own));
    if (m.status === 'pending' && m.received !== true) {
      const meta = el('span', 'meta');
      meta.textContent = t.sending;
      node.append(meta);
    } else if (m.status === 'error' && m.clientMessageId) {
      const meta = el('span', 'meta err', { role: 'alert' });
      meta.textContent = `${t.sendFailed}: ${errorText(m.errorCode, t) ?? m.error ?? ''} `;
      const retry = el('button', 'retry', { type: 'button' });
      retry.textContent = t.retry;
      const failedId = m.clientMessageId;
      retry.addEventListener('click', () => {
        // The same id: the server de-duplicates on it, so a turn that did run is not run again.
        store.trigger.retried({ clientMessageId: failedId });
        connection.connect();
        flushPending();
      });
      meta.append(retry);
      node.append(meta);
    }
    rows.set(m.key, { node, signature });
    return node;
  };

  /** Re-labels the fixed parts of the UI when the conversation's language changes. */
  const applyLang = (next: UiLang): void => {
    lang = next;
    t = uiStrings(next);
    root.setAttribute('lang', next);
    title.textContent = config.title ?? t.defaultTitle;
    closeButton.setAttribute('aria-label', t.closeChat);
    log.setAttribute('aria-label', t.messagesLabel);
    typingText.textContent = t.typing;
    label.textContent = t.inputLabel;
    input.setAttribute('placeholder', t.placeholder);
    sendButton.setAttribute('aria-label', t.send);
    chips.setAttribute('aria-label', t.suggestionsLabel);
  };

  let introSignature = '';
  const renderIntro = (context: WidgetContext): void => {
    // Nothing before the first welcome unless a greeting is known from an earlier visit.
    const known = context.intro !== null || context.welcomeLang !== null;
    const block = context.intro?.[lang] ?? null;
    const suggestions = block && showSuggestions(context.messages) ? block.suggestions : [];
    const signature = `${known}|${lang}|${block?.greeting ?? ''}|${suggestions.map((s) => `${s.label}\u0000${s.text}`).join('\u0001')}`;
    if (signature === introSignature) return;
    introSignature = signature;
    intro.hidden = !known;
    greeting.innerHTML = formatMessage(block?.greeting ?? t.greeting);
    chips.replaceChildren(
      ...suggestions.map((s) => {
        const chip = el('button', 'chip', { type: 'button' });
        chip.textContent = s.label;
        chip.addEventListener('click', () => choose(s.text));
        return chip;
      }),
    );
    chips.hidden = suggestions.length === 0;
  };

  let lastCount = 0;
  const render = (context: WidgetContext): void => {
    const next = conversationLang(context.messages, context.welcomeLang, config.lang);
    if (next !== lang) applyLang(next);
    panel.hidden = !context.open;
    root.setAttribute('data-open', String(context.open));
    launcher.setAttribute('aria-expanded', String(context.open));
    launcher.setAttribute('aria-label', context.open ? t.closeChat : t.openChat);
    launcher.innerHTML = context.open ? ICON_CLOSE : ICON_CHAT;
    lockPage(context.open);

    status.setAttribute('data-state', context.connection);
    statusText.textContent =
      context.connection === 'online' ? t.online : context.connection === 'offline' ? t.offline : t.connecting;
    typing.hidden = !context.typing;
    renderIntro(context);

    const keep = new Set<string>();
    const active = activeOptions(context.messages);
    const shown = context.drafts.length > 0 ? [...context.messages, ...draftRows(context.drafts)] : context.messages;
    shown.forEach((m, index) => {
      keep.add(m.key);
      const node = renderRow(m, active);
      // Child 0 is the intro.
      if (log.children[index + 1] !== node) log.insertBefore(node, log.children[index + 1] ?? null);
    });
    for (const [key, row] of rows) {
      if (!keep.has(key)) {
        row.node.remove();
        rows.delete(key);
      }
    }
    // Streamed text grows a bubble without adding rows: follow it too.
    const size = shown.length + context.drafts.reduce((n, d) => n + d.text.length, 0) + (active?.enabled ? active.options.length : 0);
    if (size !== lastCount) {
      lastCount = size;
      log.scrollTop = log.scrollHeight;
    }
  };

  // ------------------------------------------------------------------ behaviour
  const open = (): void => {
    store.trigger.opened();
    writeOpen(true);
    connection.connect();
    // On a phone the keyboard would cover half the greeting: focus the messages, not the input.
    if (phone.matches) log.focus();
    else input.focus();
  };
  const close = (): void => {
    store.trigger.closed();
    writeOpen(false);
    launcher.focus();
  };
  const send = (raw: string): void => {
    const text = raw.trim();
    if (!text) return;
    const clientMessageId = randomId();
    store.trigger.queued({ clientMessageId, text });
    connection.connect();
    connection.send({ type: 'message', clientMessageId, text });
  };

  launcher.addEventListener('click', () => (store.getSnapshot().context.open ? close() : open()));
  closeButton.addEventListener('click', close);
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    send(input.value);
    input.value = '';
    autosize();
    input.focus();
  });
  const autosize = (): void => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
  };
  input.addEventListener('input', autosize);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && store.getSnapshot().context.open) {
      event.preventDefault();
      close();
    }
  });

  /** A chip or an option: sent like typed text; focus stays in the widget (the button goes away). */
  const choose = (text: string): void => {
    send(text);
    if (phone.matches) log.focus();
    else input.focus();
  };

  // ------------------------------------------------------------------ phones
  // At most 480 px wide the open panel covers the screen: the page behind must not scroll, and
  // the panel follows the visual viewport so the on-screen keyboard never covers the input.
  const phone = window.matchMedia('(max-width: 480px)');
  let locked: { html: string; body: string } | null = null;
  const lockPage = (open: boolean): void => {
    const want = open && phone.matches;
    if (want && !locked) {
      locked = { html: document.documentElement.style.overflow, body: document.body.style.overflow };
      document.documentElement.style.overflow = 'hidden';
      document.body.style.overflow = 'hidden';
    } else if (!want && locked) {
      document.documentElement.style.overflow = locked.html;
      document.body.style.overflow = locked.body;
      locked = null;
    }
  };
  const viewport = window.visualViewport;
  const fitViewport = (): void => {
    if (!viewport || !phone.matches) {
      root.style.removeProperty('--vv-height');
      root.style.removeProperty('--vv-top');
      return;
    }
    root.style.setProperty('--vv-height', `${Math.round(viewport.height)}px`);
    root.style.setProperty('--vv-top', `${Math.round(viewport.offsetTop)}px`);
    if (document.activeElement === host) log.scrollTop = log.scrollHeight;
  };
  viewport?.addEventListener('resize', fitViewport);
  viewport?.addEventListener('scroll', fitViewport);
  phone.addEventListener('change', () => {
    fitViewport();
    lockPage(store.getSnapshot().context.open);
  });
  fitViewport();

  store.subscribe((snapshot) => render(snapshot.context));
  render(store.getSnapshot().context);

  // A reload with the panel open resumes the conversation right away.
  if (store.getSnapshot().context.open) connection.connect();

  return { open, close, send };
}
