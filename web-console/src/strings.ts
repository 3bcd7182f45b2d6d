import type { Lang } from './wire.js';
import { ES, type StringKey } from './strings-es.js';
import { EN } from './strings-en.js';

export type { StringKey } from './strings-es.js';

const TABLES: Record<Lang, Record<StringKey, string>> = { es: ES, en: EN };

/** A console string in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The machine's state in the agent's words ("con el bot", "esperando a una persona"...); the raw
 * state stays in the page's `data-state` attributes for tests and support.
 */
export function stateLabel(lang: Lang, state: string | null, { held = false, awaitingRating = false } = {}): string {
  if (!state) return t(lang, 'none');
  // The machine is in `handoff.withHuman` from the handoff on; whether a person answers yet is the assignment.
  if (state.startsWith('handoff')) return t(lang, held ? 'state_human' : 'state_waiting');
  if (state.startsWith('closed')) return t(lang, 'state_closed');
  return t(lang, awaitingRating ? 'state_rating' : 'state_bot');
}

/** A message as one plain line for the inbox: the *bold* and _italic_ markers the customer never sees as such go, line breaks become spaces. */
export function plainPreview(text: string): string {
  return text
    .replace(/\*(\S(?:[^*\n]*\S)?)\*/g, '$1')
    .replace(/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A channel's name as people say it ("Chat web", "WhatsApp"); an unknown one as it came. */
export function channelLabel(lang: Lang, channel: string): string {
  const key = `channel_${channel.replace(/-/g, '_')}`;
  return key in ES ? t(lang, key as StringKey) : channel;
}

/** A customer's language code in words ("Español"); another code as it came. */
export function langLabel(lang: Lang, code: string | null): string | null {
  return code === 'es' || code === 'en' ? t(lang, `lang_${code}`) : code;
}

/**
 * The inbox badge: the priority colour's word while a handoff waits ("Nuevo", "Esperando",
 * "Urgente"), "En curso" once someone holds it (urgent stays urgent), "Bot" outside a handoff.
 */
export function badgeLabel(lang: Lang, item: { state: string; priority: 'new' | 'waiting' | 'urgent'; assignee: unknown }): string {
  if (!item.state.startsWith('handoff') && item.assignee === null) return t(lang, 'badge_bot');
  // Held and on time: "En curso"; a held customer waiting past the SLA for the next answer says so.
  if (item.assignee !== null && item.priority === 'new') return t(lang, 'badge_held');
  return t(lang, `priority_${item.priority}`);
}

/** A handoff reason (`customer_request`...) in the agent's words; an unknown one as it came. */
export function reasonLabel(lang: Lang, reason: string): string {
  const key = `reason_${reason}`;
  return key in ES ? t(lang, key as StringKey) : reason;
}

/**
 * A ticket's reason with the call back asked: "pidió que lo llamen" for a plain request, and both for
 * another reason ("queja · pidió que lo llamen": the complaint that asked to be called).
 */
export function ticketReasonLabel(lang: Lang, reason: string | null, callBack: boolean | undefined): string | null {
  if (!callBack) return reason ? reasonLabel(lang, reason) : null;
  return reason && reason !== 'customer_request' ? `${reasonLabel(lang, reason)} · ${reasonLabel(lang, 'call_back')}` : reasonLabel(lang, 'call_back');
}

/** A lead field's label in the agent's language ("company_name" -> "Empresa"); an unknown field as the CRM names it. */
export function leadFieldLabel(lang: Lang, field: string): string {
  if (field === 'name' || field === 'email') return t(lang, field);
  const key = `lead_${field}`;
  return key in TABLES[lang] ? t(lang, key as StringKey) : field;
}

/** "45 s", "3 min", "2 h 05 min", "3 d 4 h": short enough for an inbox line. */
/**
 * The case in one line for the strip over the thread: the ticket summary's lines up to its message
 * count ("Motivo: …", "Cliente: …", "Temas: …", a danger, whom to call), without the quote's item
 * lines, at most `max` characters. The whole summary stays in the side column.
 */
export function caseBrief(summary: string | null, max = 260): string | null {
  if (!summary) return null;
  const kept: string[] = [];
  for (const raw of summary.split('\n')) {
    const line = raw.trim();
    // Escaped: esbuild keeps a regex literal's characters as written, and the bundle stays ASCII.
    if (/^(Mensajes en la conversaci\u00f3n|Messages in the conversation|\u00daltimos mensajes|The customer's last messages)/i.test(line)) break;
    // A list's header ("Cotización:") and its items stay in the side column.
    if (!line || line.startsWith('- ') || line.endsWith(':')) continue;
    kept.push(line.replace(/[.:]$/, ''));
  }
  const brief = kept.join(' · ');
  if (!brief) return null;
  return brief.length > max ? `${brief.slice(0, max - 1).trimEnd()}…` : brief;
}

export function formatWaiting(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** `es` or `en` from a BCP 47 tag; null for anything else. */
export function normalizeLang(tag: string | null | undefined): Lang | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'es' || primary === 'en' ? primary : null;
}
