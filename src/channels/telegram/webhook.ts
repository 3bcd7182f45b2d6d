import type { ChannelInboundMessage, InboundEvent } from '../channel.js';
import type { MediaKind, MediaReference } from '../../domain/media.js';
import { parseJsonBody } from '../raw-body.js';
import { z } from '../../kernel/schema.js';
import { PayloadProblems, providerInteger, providerString } from '../validate.js';
import { providerDisplayName } from '../display-name.js';

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

// The parts of an Update Hilo reads (unknown fields pass: Telegram adds them freely).
const UPDATE_ID = providerInteger;
const MESSAGE = z.object({
  chat: z.object({ id: providerInteger }),
  from: z.object({ is_bot: z.unknown().optional(), language_code: z.unknown().optional(), first_name: z.unknown().optional(), last_name: z.unknown().optional() }).optional(),
  date: providerInteger,
  message_id: providerInteger,
  text: providerString().optional(),
  caption: providerString().optional(),
});
const LOCATION = z.object({ latitude: z.number(), longitude: z.number() });
const CALLBACK_QUERY = z.object({
  id: providerString({ max: 256 }),
  from: z.object({ id: providerInteger }),
  data: providerString({ max: 64 }).optional(),
  message: z.object({ chat: z.object({ id: providerInteger }) }).optional(),
});

/**
 * A Telegram Bot API `Update`: `message` (text, location, contact, media with caption) and
 * `callback_query` (an inline keyboard button). Edits, channel posts, bots and every other update
 * type are tolerated and skipped. The message id is the `update_id`, Telegram's redelivery key.
 */
export function parseTelegramUpdate(raw: Buffer, { tenantId, now }: { tenantId: string; now: number }): InboundEvent[] {
  const update = parseJsonBody(raw);
  const r = new PayloadProblems();
  const updateId = r.read(UPDATE_ID, update.update_id, 'update_id');
  let event: ChannelInboundMessage | undefined;
  if (update.message !== undefined) {
    const m = r.object(update.message, 'message');
    const message = m === undefined ? undefined : r.read(MESSAGE, m, 'message');
    let content: Pick<ChannelInboundMessage, 'kind' | 'text' | 'meta' | 'media'> | undefined;
    if (m === undefined) content = undefined;
    else if (m.text !== undefined) content = message === undefined ? undefined : { kind: 'text', text: message.text ?? '', meta: {} };
    else if (m.location !== undefined) {
      const loc = r.read(LOCATION, m.location, 'message.location');
      if (loc !== undefined) content = { kind: 'location', text: '', meta: { latitude: loc.latitude, longitude: loc.longitude }, media: [{ kind: 'location', latitude: loc.latitude, longitude: loc.longitude }] };
    } else if (m.contact !== undefined) {
      if (r.object(m.contact, 'message.contact') !== undefined) content = { kind: 'contacts', text: '', meta: { count: 1 }, media: [{ kind: 'contacts', count: 1 }] };
    } else {
      const field = MEDIA_FIELDS.find((f) => m[f] !== undefined);
      if (field) {
        const caption = typeof m.caption === 'string' ? m.caption : undefined;
        const reference = telegramMediaReference(field, m[field], caption);
        content = { kind: 'media', text: caption ?? '', meta: { mediaType: field, ...(reference.id ? { mediaId: reference.id } : {}) }, media: [reference] };
      }
    }
    const from = message?.from;
    const isBot = from?.is_bot === true;
    // The app's language (IETF tag, "en-US"): a first photo from an English user gets English.
    const languageCode = typeof from?.language_code === 'string' ? from.language_code.toLowerCase() : '';
    const langHint = /^en\b/.test(languageCode) ? 'en' : /^es\b/.test(languageCode) ? 'es' : undefined;
    const profileName = providerDisplayName([from?.first_name, from?.last_name]);
    if (updateId !== undefined && message !== undefined && content && !isBot) {
      event = { type: 'message', channel: 'telegram', tenantId, senderId: String(message.chat.id), messageId: String(updateId), timestamp: message.date * 1000, ...content, ...(langHint ? { langHint } : {}), ...(profileName ? { profileName } : {}) };
    }
  } else if (update.callback_query !== undefined) {
    const q = r.read(CALLBACK_QUERY, update.callback_query, 'callback_query');
    if (updateId !== undefined && q !== undefined && q.data !== undefined) {
      // A callback carries no date of its own: the click happened now.
      event = { type: 'message', channel: 'telegram', tenantId, senderId: String(q.message?.chat.id ?? q.from.id), messageId: String(updateId), timestamp: now, kind: 'button', text: q.data, meta: { callbackQueryId: q.id } };
    }
  }
  r.done();
  return event ? [event] : [];
}
