import type { ChannelInboundMessage, InboundEvent } from '../channel.js';
import type { MediaKind, MediaReference } from '../../domain/media.js';
import { parseJsonBody } from '../raw-body.js';
import { PayloadReader } from '../validate.js';

const MEDIA_FIELDS = ['photo', 'document', 'voice', 'video', 'audio', 'sticker', 'animation', 'video_note'] as const;

/** Telegram's message field → the kind of media it carries (a GIF `animation` and a round `video_note` are videos). */
const KIND_OF: Record<(typeof MEDIA_FIELDS)[number], MediaKind> = {
  photo: 'image',
  document: 'document',
  voice: 'voice',
  video: 'video',
  audio: 'audio',
  sticker: 'sticker',
  animation: 'video',
  video_note: 'video',
};

const str = (v: unknown, max = 1024): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/**
 * The reference to a Telegram file: its `file_id` (what `getFile` takes), type, size and name when
 * given. A photo arrives in several sizes: the largest is kept. Read leniently: an odd file object
 * still leaves a reference of its kind rather than refusing the whole update.
 */
function telegramMediaReference(field: (typeof MEDIA_FIELDS)[number], value: unknown, caption: string | undefined): MediaReference {
  let file: Record<string, unknown> = {};
  if (Array.isArray(value)) {
    const sizes = value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object');
    file = sizes.reduce<Record<string, unknown>>((best, v) => ((num(v.file_size) ?? 0) >= (num(best.file_size) ?? 0) ? v : best), sizes[sizes.length - 1] ?? {});
  } else if (value !== null && typeof value === 'object') {
    file = value as Record<string, unknown>;
  }
  const id = str(file.file_id, 256);
  const mimeType = str(file.mime_type, 256) ?? (field === 'photo' ? 'image/jpeg' : undefined);
  const size = num(file.file_size);
  const fileName = str(file.file_name);
  const duration = num(file.duration);
  return {
    kind: KIND_OF[field],
    ...(id ? { id } : {}),
    ...(mimeType ? { mimeType } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(fileName ? { fileName } : {}),
    ...(duration !== undefined ? { durationSeconds: duration } : {}),
    ...(caption ? { caption } : {}),
  };
}

/**
 * A Telegram Bot API `Update`: `message` (text, location, contact, media with caption) and
 * `callback_query` (an inline keyboard button). Edits, channel posts, bots and every other update
 * type are tolerated and skipped. The message id is the `update_id`, Telegram's redelivery key.
 */
export function parseTelegramUpdate(raw: Buffer, { tenantId, now }: { tenantId: string; now: number }): InboundEvent[] {
  const update = parseJsonBody(raw);
  const r = new PayloadReader();
  const updateId = r.number(update.update_id, 'update_id', { integer: true });
  let event: ChannelInboundMessage | undefined;
  if (update.message !== undefined) {
    const m = r.object(update.message, 'message');
    const chat = r.object(m?.chat, 'message.chat');
    const chatId = r.number(chat?.id, 'message.chat.id', { integer: true });
    const from = m?.from === undefined ? undefined : r.object(m.from, 'message.from');
    const date = r.number(m?.date, 'message.date', { integer: true });
    r.number(m?.message_id, 'message.message_id', { integer: true });
    const text = r.string(m?.text, 'message.text', { optional: true });
    const caption = r.string(m?.caption, 'message.caption', { optional: true });
    let content: Pick<ChannelInboundMessage, 'kind' | 'text' | 'meta' | 'media'> | undefined;
    if (text !== undefined) content = { kind: 'text', text, meta: {} };
    else if (m?.location !== undefined) {
      const loc = r.object(m.location, 'message.location');
      const latitude = r.number(loc?.latitude, 'message.location.latitude');
      const longitude = r.number(loc?.longitude, 'message.location.longitude');
      if (latitude !== undefined && longitude !== undefined) content = { kind: 'location', text: '', meta: { latitude, longitude }, media: [{ kind: 'location', latitude, longitude }] };
    } else if (m?.contact !== undefined) {
      r.object(m.contact, 'message.contact');
      content = { kind: 'contacts', text: '', meta: { count: 1 }, media: [{ kind: 'contacts', count: 1 }] };
    } else {
      const field = MEDIA_FIELDS.find((f) => m?.[f] !== undefined);
      if (field) {
        const reference = telegramMediaReference(field, m?.[field], caption);
        content = { kind: 'media', text: caption ?? '', meta: { mediaType: field, ...(reference.id ? { mediaId: reference.id } : {}) }, media: [reference] };
      }
    }
    const isBot = from?.is_bot === true;
    // The app's language (IETF tag, "en-US"): a first photo from an English user gets English.
    const languageCode = typeof from?.language_code === 'string' ? from.language_code.toLowerCase() : '';
    const langHint = /^en\b/.test(languageCode) ? 'en' : /^es\b/.test(languageCode) ? 'es' : undefined;
    if (updateId !== undefined && chatId !== undefined && date !== undefined && content && !isBot) {
      event = { type: 'message', channel: 'telegram', tenantId, senderId: String(chatId), messageId: String(updateId), timestamp: date * 1000, ...content, ...(langHint ? { langHint } : {}) };
    }
  } else if (update.callback_query !== undefined) {
    const q = r.object(update.callback_query, 'callback_query');
    const id = r.string(q?.id, 'callback_query.id', { max: 256 });
    const from = r.object(q?.from, 'callback_query.from');
    const fromId = r.number(from?.id, 'callback_query.from.id', { integer: true });
    const data = r.string(q?.data, 'callback_query.data', { optional: true, max: 64 });
    const message = q?.message === undefined ? undefined : r.object(q.message, 'callback_query.message');
    const chat = message === undefined ? undefined : r.object(message.chat, 'callback_query.message.chat');
    const chatId = chat === undefined ? undefined : r.number(chat.id, 'callback_query.message.chat.id', { integer: true });
    if (updateId !== undefined && id !== undefined && fromId !== undefined && data !== undefined) {
      // A callback carries no date of its own: the click happened now.
      event = { type: 'message', channel: 'telegram', tenantId, senderId: String(chatId ?? fromId), messageId: String(updateId), timestamp: now, kind: 'button', text: data, meta: { callbackQueryId: id } };
    }
  }
  r.done();
  return event ? [event] : [];
}
