import type { WireIntro, WireLang, WireOption } from '../../src/channels/widget/protocol.js';
import type { KeyValueStorage } from './ids.js';
import type { UiMessage } from './messages.js';

/** The tenant's greeting and suggestion chips, per language (from `welcome.intro`). */
export type Intro = Record<WireLang, WireIntro>;

const MAX_SUGGESTIONS = 6;

function readOptions(value: unknown, max: number): WireOption[] {
  if (!Array.isArray(value)) return [];
  const out: WireOption[] = [];
  for (const item of value) {
    if (out.length === max) break;
    const o = item as { label?: unknown; text?: unknown } | null;
    if (!o || typeof o.label !== 'string' || typeof o.text !== 'string') continue;
    const label = o.label.trim();
    const text = o.text.trim();
    if (label && text) out.push({ label, text });
  }
  return out;
}

/**
 * Validates an intro from the server (or from storage): both languages, a greeting each, at most
 * six well-formed suggestions. Anything else is null, and the widget falls back to its own greeting.
 */
export function readIntro(value: unknown): Intro | null {
  if (!value || typeof value !== 'object') return null;
  const out: Partial<Intro> = {};
  for (const lang of ['es', 'en'] as const) {
    const block = (value as Record<string, unknown>)[lang] as { greeting?: unknown; suggestions?: unknown } | undefined;
    if (!block || typeof block.greeting !== 'string' || block.greeting.trim() === '') return null;
    out[lang] = { greeting: block.greeting.trim(), suggestions: readOptions(block.suggestions, MAX_SUGGESTIONS) };
  }
  return out as Intro;
}

/** The storage key of a tenant's last intro (shown at once on the next open, before `welcome`). */
export function introKey(tenant: string): string {
  return `hilo:${tenant}:intro`;
}

export function loadIntro(storage: KeyValueStorage | null, tenant: string): Intro | null {
  try {
    const raw = storage?.getItem(introKey(tenant));
    return raw ? readIntro(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function saveIntro(storage: KeyValueStorage | null, tenant: string, intro: Intro): void {
  try {
    storage?.setItem(introKey(tenant), JSON.stringify(intro));
  } catch {
    // Quota or privacy mode: the intro just arrives with the next welcome.
  }
}

/** Chips are an invitation to start: gone once the customer has written anything in the thread. */
export function showSuggestions(messages: readonly UiMessage[]): boolean {
  return !messages.some((m) => m.author === 'customer');
}

/** The options row to show: the latest bot or agent message's, usable until the customer writes. */
export interface ActiveOptions {
  /** Render key of the message that carries them. */
  key: string;
  options: WireOption[];
  /** False once a customer message follows (an option was chosen or something was typed). */
  enabled: boolean;
  /** The option whose text the customer sent right after, if any. */
  chosen: number | null;
}

export function activeOptions(messages: readonly UiMessage[]): ActiveOptions | null {
  let reply = -1;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const author = messages[i]?.author;
    if (author === 'bot' || author === 'agent') {
      reply = i;
      break;
    }
  }
  const message = messages[reply];
  if (!message?.options || message.options.length === 0) return null;
  const next = messages.slice(reply + 1).find((m) => m.author === 'customer');
  const said = next?.text.trim().toLowerCase();
  const chosen = said === undefined ? -1 : message.options.findIndex((o) => o.text.trim().toLowerCase() === said);
  return { key: message.key, options: message.options, enabled: next === undefined, chosen: chosen === -1 ? null : chosen };
}
