import type { InboxItem } from './wire.js';

/**
 * Alerts for the agent who is not looking at the list: a short chime and, when the agent allowed
 * it, a desktop notification — for a customer who starts waiting, a conversation someone else
 * hands to this agent, a customer who writes in a conversation this agent holds (Chatwoot and
 * Zendesk alert the same three), and a new quote for sales to follow up. The title's "(3)" and
 * the live region already cover the rest.
 */

export type AlertKind = 'waiting' | 'assigned' | 'customerWrote' | 'quote';

export interface Alert {
  kind: AlertKind;
  conversationId: string;
  /** Who: the customer's name, else the provider's profile name, else the ticket number; null when none. */
  name: string | null;
  ticketNumber: string | null;
  /** The customer's last message (a desktop notification shows its start). */
  text: string | null;
}

export interface AlertSettings {
  /** A chime when an alert comes (on by default: a help desk is heard before it is seen). */
  sound: boolean;
  /** A desktop notification while the page is not in front (needs the browser's permission). */
  desktop: boolean;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { sound: true, desktop: false };
export const ALERTS_KEY = 'hilo:console:alerts';
/** A quote opened longer ago than this is not announced as new (generous: the browser's clock may be off). */
const FRESH_QUOTE_MS = 10 * 60_000;

const isWaiting = (item: InboxItem | undefined): boolean => item !== undefined && item.state.startsWith('handoff') && item.assignee === null && item.awaitingRating !== true;

/**
 * The alert an `inbox` frame deserves for agent `me`, or null. `before` is what the page knew of
 * the conversation; `ownActs` the conversations this page itself just took or handed (its own
 * take is no news to the agent who clicked).
 *
 * @example
 * alertFor(undefined, waitingItem, 'agent-1', new Set()) // → { kind: 'waiting', … }
 */
export function alertFor(before: InboxItem | undefined, after: InboxItem, me: string, ownActs: ReadonlySet<string>, now: number = Date.now()): Alert | null {
  const who = { conversationId: after.conversationId, name: after.customer.name ?? after.customer.profileName ?? null, ticketNumber: after.ticketNumber, text: after.lastMessage?.author === 'customer' ? after.lastMessage.text : null };
  if (isWaiting(after) && !isWaiting(before)) return { kind: 'waiting', ...who };
  // A quote the bot promised sales would follow up (a new open quote ticket).
  // An old quote the page had not loaded (a customer writes in it days later) is no news: only a fresh one rings.
  const freshQuote = after.openQuote !== undefined && now - Date.parse(after.openQuote.openedAt) < FRESH_QUOTE_MS;
  if (after.openQuote && freshQuote && after.openQuote.ticketId !== before?.openQuote?.ticketId) return { kind: 'quote', ...who, ticketNumber: after.openQuote.number };
  const mineNow = after.assignee?.id === me;
  if (!mineNow) return null;
  if (before?.assignee?.id !== me) return ownActs.has(after.conversationId) ? null : { kind: 'assigned', ...who };
  const wrote = after.lastMessage;
  if (wrote?.author === 'customer' && (before.lastMessage === null || wrote.at > before.lastMessage.at)) return { kind: 'customerWrote', ...who };
  return null;
}

/**
 * The customers a refreshed list shows waiting who were not waiting when it was asked for, and whose
 * live frame has not come since (`items` unchanged: a frame that came rang already). Never a tab's
 * first load: the caller asks only on a refresh of a tab already listed.
 */
export function waitingSinceListed(asked: Readonly<Record<string, InboxItem>>, current: Readonly<Record<string, InboxItem>>, page: readonly InboxItem[], me: string, ownActs: ReadonlySet<string>): Alert[] {
  const out: Alert[] = [];
  for (const item of page) {
    const before = asked[item.conversationId];
    if (current[item.conversationId] !== before) continue;
    const alert = alertFor(before, item, me, ownActs);
    if (alert?.kind === 'waiting') out.push(alert);
  }
  return out;
}

/** Settings as stored, any damage read as the defaults. */
export function parseAlertSettings(raw: string | null): AlertSettings {
  if (!raw) return { ...DEFAULT_ALERT_SETTINGS };
  try {
    const value = JSON.parse(raw) as Partial<AlertSettings>;
    return { sound: typeof value.sound === 'boolean' ? value.sound : DEFAULT_ALERT_SETTINGS.sound, desktop: value.desktop === true };
  } catch {
    return { ...DEFAULT_ALERT_SETTINGS };
  }
}

/** What the browser says of desktop notifications: `unsupported` where there are none (an iPhone's Safari tab). */
export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The page's sound and desktop notifications. */
export interface AlertOutput {
  /** Two short tones; frames a quarter of a second apart (two customers at once) ring once. */
  chime(): void;
  /** A desktop notification; `onOpen` runs when the agent clicks it. */
  notify(title: string, body: string, tag: string, onOpen: () => void): void;
  /** True while the agent is looking at this page (visible and focused). */
  looking(): boolean;
  requestPermission(): Promise<NotifyPermission>;
}

/** Chimes asked closer together than this ring once (a burst of frames is one sound). */
export const CHIME_GAP_MS = 250;

export function createAlertOutput(): AlertOutput {
  let audio: AudioContext | null = null;
  let lastChime = 0;
  const context = (): AudioContext | null => {
    if (audio) return audio;
    const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    if (!Ctor) return null;
    audio = new Ctor();
    return audio;
  };
  // Browsers start audio suspended until the page is used: the first click or key unlocks it, so a
  // page reopened on a live session (no login click) can still ring for the next customer.
  const unlock = () => {
    void context()?.resume().catch(() => undefined);
    document.removeEventListener('pointerdown', unlock, true);
    document.removeEventListener('keydown', unlock, true);
  };
  document.addEventListener('pointerdown', unlock, true);
  document.addEventListener('keydown', unlock, true);
  return {
    chime() {
      const now = Date.now();
      if (now - lastChime < CHIME_GAP_MS) return;
      lastChime = now;
      const ctx = context();
      if (!ctx) return;
      void ctx.resume().catch(() => undefined);
      // Two short rising tones (no sound file: the CSP allows no media source, and none is needed).
      for (const [i, freq] of [880, 1320].entries()) {
        const start = ctx.currentTime + i * 0.16;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.18, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.14);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 0.15);
      }
    },
    notify(title, body, tag, onOpen) {
      if (notifyPermission() !== 'granted') return;
      try {
        const shown = new Notification(title, { body, tag, lang: document.documentElement.lang });
        shown.onclick = () => {
          window.focus();
          onOpen();
          shown.close();
        };
      } catch {
        // Android Chrome allows notifications from a service worker only: the chime and the title remain.
      }
    },
    looking: () => document.visibilityState === 'visible' && document.hasFocus(),
    async requestPermission() {
      if (typeof Notification === 'undefined') return 'unsupported';
      return Notification.requestPermission();
    },
  };
}
