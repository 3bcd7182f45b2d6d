import type { MediaKind, MediaReference } from '../../domain/media.js';

/** Keeps `text` within `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Customer text goes into a chat where `@all`/`@here` would page every agent: a zero-width space
 * after the `@` keeps the words readable and the mention inert.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(all|here|channel|everyone)\b/gi, '@\u200b$1');
}

/** "14:05" in the given time zone (the agents' local time). */
export function formatClockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('es-DO', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(at);
}

const MEDIA_LABELS: Record<MediaKind, string> = {
  image: 'imagen',
  audio: 'audio',
  voice: 'nota de voz',
  video: 'video',
  document: 'documento',
  sticker: 'sticker',
  location: 'ubicación',
  contacts: 'contacto',
};

const CHANNEL_LABELS: Record<string, string> = { whatsapp: 'WhatsApp', 'twilio-whatsapp': 'WhatsApp (Twilio)', telegram: 'Telegram', web: 'web', rest: 'API' };

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * One line telling the agents what the customer sent and where to open it, in the agents'
 * language (Spanish): `📎 imagen (image/jpeg) — id 1479537139650973 en WhatsApp`, a Twilio
 * media URL as a link, a shared place as a map link. The bytes stay with the provider: the id is
 * what its media API (WhatsApp `GET /{media-id}`, Telegram `getFile`) takes.
 */
export function describeMediaForAgents(ref: MediaReference, channel?: string): string {
  const where = channel && CHANNEL_LABELS[channel] ? ` en ${CHANNEL_LABELS[channel]}` : '';
  if (ref.kind === 'location') {
    if (ref.latitude === undefined || ref.longitude === undefined) return '📍 ubicación compartida';
    return `📍 ubicación ${ref.latitude}, ${ref.longitude} — https://maps.google.com/?q=${ref.latitude},${ref.longitude}`;
  }
  if (ref.kind === 'contacts') return ref.count !== undefined && ref.count > 1 ? `👤 ${ref.count} contactos compartidos${where}` : `👤 contacto compartido${where}`;
  const facts = [
    ref.mimeType,
    ref.size !== undefined ? formatBytes(ref.size) : undefined,
    ref.durationSeconds !== undefined ? `${Math.round(ref.durationSeconds)} s` : undefined,
  ].filter((f): f is string => f !== undefined && f !== '');
  const name = ref.fileName ? ` «${truncate(ref.fileName, 120)}»` : '';
  const about = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  const link = ref.url ? ` — ${ref.url}` : ref.id ? ` — id ${ref.id}${where}` : '';
  return `📎 ${MEDIA_LABELS[ref.kind]}${name}${about}${link}`;
}

/** A customer message as the agents read it: its text (a caption), then one line per media reference. */
export function customerTextForAgents(text: string, media: readonly MediaReference[] | undefined, channel?: string): string {
  const lines = (media ?? []).map((m) => describeMediaForAgents(m, channel));
  return [text.trim(), ...lines].filter((l) => l !== '').join('\n');
}
