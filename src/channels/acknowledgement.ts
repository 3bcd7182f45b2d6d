import { isMediaKind, type MediaKind, type MediaReference } from '../domain/media.js';
import type { ChannelInboundMessage } from './channel.js';
import { hasVisibleText, normalizeInboundText } from './normalize-text.js';

/** Provider words for media types (WhatsApp `type`, Telegram message fields) → Hilo's media kind. */
const PROVIDER_KINDS: Record<string, MediaKind> = {
  photo: 'image',
  animation: 'video',
  video_note: 'video',
};

/**
 * The media references of an inbound message: the parser's, or — for a location, contact card or
 * media message the provider described without a usable reference — one bare reference of its
 * kind, so every message the brain cannot read is still recorded on the transcript and answered
 * (or relayed to a human) by the conversation, in the contact's language, from tenant templates.
 * Plain text messages have none.
 *
 * @example
 * await host.handleMessage({ ...toInboundMessage(event), media: inboundMedia(event) });
 */
export function inboundMedia(message: ChannelInboundMessage): MediaReference[] {
  // Captions and file names are customer text: normalised like every inbound text (no bidi
  // overrides in a file name an agent reads, no NUL for PostgreSQL).
  if (message.media && message.media.length > 0) {
    // A caption that shows nothing (bidi marks, blank look-alikes) is no caption.
    return message.media.map(({ caption, ...m }) => ({
      ...m,
      ...(caption !== undefined && hasVisibleText(normalizeInboundText(caption)) ? { caption: normalizeInboundText(caption) } : {}),
      ...(m.fileName !== undefined ? { fileName: normalizeInboundText(m.fileName) } : {}),
    }));
  }
  const meta = message.meta;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  if (message.kind === 'location') {
    const latitude = num(meta.latitude);
    const longitude = num(meta.longitude);
    return [{ kind: 'location', ...(latitude !== undefined && longitude !== undefined ? { latitude, longitude } : {}) }];
  }
  if (message.kind === 'contacts') {
    const count = num(meta.count);
    return [{ kind: 'contacts', ...(count !== undefined ? { count } : {}) }];
  }
  if (message.kind === 'media') {
    const type = typeof meta.mediaType === 'string' ? meta.mediaType : '';
    const kind: MediaKind = PROVIDER_KINDS[type] ?? (isMediaKind(type) ? type : 'document');
    const id = typeof meta.mediaId === 'string' ? meta.mediaId : undefined;
    const mimeType = typeof meta.mimeType === 'string' ? meta.mimeType : undefined;
    return [{ kind, ...(id ? { id } : {}), ...(mimeType ? { mimeType } : {}) }];
  }
  return [];
}
