import type { ChannelInboundMessage, InboundEvent } from '../channel.js';
import { parseJsonBody } from '../raw-body.js';
import { PayloadReader } from '../validate.js';

const MEDIA_FIELDS = ['photo', 'document', 'voice', 'video', 'audio', 'sticker', 'animation', 'video_note'] as const;

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
    let content: Pick<ChannelInboundMessage, 'kind' | 'text' | 'meta'> | undefined;
    if (text !== undefined) content = { kind: 'text', text, meta: {} };
    else if (m?.location !== undefined) {
      const loc = r.object(m.location, 'message.location');
      const latitude = r.number(loc?.latitude, 'message.location.latitude');
      const longitude = r.number(loc?.longitude, 'message.location.longitude');
      if (latitude !== undefined && longitude !== undefined) content = { kind: 'location', text: '', meta: { latitude, longitude } };
    } else if (m?.contact !== undefined) {
      r.object(m.contact, 'message.contact');
      content = { kind: 'contacts', text: '', meta: { count: 1 } };
    } else {
      const field = MEDIA_FIELDS.find((f) => m?.[f] !== undefined);
      if (field) content = { kind: 'media', text: caption ?? '', meta: { mediaType: field } };
    }
    const isBot = from?.is_bot === true;
    if (updateId !== undefined && chatId !== undefined && date !== undefined && content && !isBot) {
      event = { type: 'message', channel: 'telegram', tenantId, senderId: String(chatId), messageId: String(updateId), timestamp: date * 1000, ...content };
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
