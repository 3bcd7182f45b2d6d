import type { ChannelInboundMessage, ChannelStatusUpdate, InboundEvent, InboundKind, OutboundStatus } from '../channel.js';
import type { MediaKind, MediaReference } from '../../domain/media.js';
import { parseJsonBody } from '../raw-body.js';
import { PayloadReader } from '../validate.js';
import { OPTION_BUTTON_PREFIX } from './buttons.js';

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);
const STATUSES = new Set<OutboundStatus>(['sent', 'delivered', 'read', 'failed']);
const DIGITS = /^\d{1,20}$/;

/**
 * Parses a WhatsApp Cloud API webhook (`object: whatsapp_business_account`,
 * `entry[].changes[].value` with `messages[]`, `statuses[]`, `contacts[]`, `metadata`). Unknown
 * fields and unknown message types (reactions, system notices) are tolerated and skipped; events
 * for another phone number id than the tenant's are dropped (one Meta app can serve many numbers).
 */
export function parseWhatsAppWebhook(raw: Buffer, { tenantId, phoneNumberId }: { tenantId: string; phoneNumberId?: string }): InboundEvent[] {
  const body = parseJsonBody(raw);
  const r = new PayloadReader();
  if (body.object !== 'whatsapp_business_account') r.fail('object', 'expected "whatsapp_business_account"');
  const events: InboundEvent[] = [];
  const entries = r.array(body.entry, 'entry') ?? [];
  entries.forEach((entryValue, ei) => {
    const entry = r.object(entryValue, `entry[${ei}]`);
    if (!entry) return;
    const changes = r.array(entry.changes, `entry[${ei}].changes`) ?? [];
    changes.forEach((changeValue, ci) => {
      const path = `entry[${ei}].changes[${ci}]`;
      const change = r.object(changeValue, path);
      if (!change) return;
      if (change.field !== 'messages') return; // other subscriptions (templates, account updates) are not ours
      const value = r.object(change.value, `${path}.value`);
      if (!value) return;
      const metadata = r.object(value.metadata, `${path}.value.metadata`);
      const numberId = r.string(metadata?.phone_number_id, `${path}.value.metadata.phone_number_id`, { max: 64 });
      const forUs = phoneNumberId === undefined || numberId === phoneNumberId;
      const messages = r.array(value.messages, `${path}.value.messages`, { optional: true }) ?? [];
      messages.forEach((m, mi) => {
        const event = readMessage(r, m, `${path}.value.messages[${mi}]`, tenantId);
        if (event && forUs) events.push(event);
      });
      const statuses = r.array(value.statuses, `${path}.value.statuses`, { optional: true }) ?? [];
      statuses.forEach((s, si) => {
        const event = readStatus(r, s, `${path}.value.statuses[${si}]`, tenantId);
        if (event && forUs) events.push(event);
      });
    });
  });
  r.done();
  return events;
}

function readMessage(r: PayloadReader, value: unknown, path: string, tenantId: string): ChannelInboundMessage | undefined {
  const m = r.object(value, path);
  if (!m) return undefined;
  const from = r.string(m.from, `${path}.from`, { pattern: DIGITS });
  const id = r.string(m.id, `${path}.id`, { max: 256 });
  const ts = r.string(m.timestamp, `${path}.timestamp`, { pattern: /^\d{1,12}$/ });
  const type = r.string(m.type, `${path}.type`, { max: 64 });
  if (type === undefined) return undefined;
  // Read the type's fields even when the envelope is broken, so one answer lists every problem.
  const event = readContent(r, m, path, type);
  if (from === undefined || id === undefined || ts === undefined || event === undefined) return undefined;
  return { type: 'message', channel: 'whatsapp', tenantId, senderId: from, messageId: id, timestamp: Number(ts) * 1000, ...event };
}

type Content = Pick<ChannelInboundMessage, 'kind' | 'text' | 'meta' | 'media'>;

function readContent(r: PayloadReader, m: Record<string, unknown>, path: string, type: string): Content | undefined {
  const make = (kind: InboundKind, text: string, meta: ChannelInboundMessage['meta'] = {}): Content => ({ kind, text, meta });

  if (type === 'text') {
    const text = r.object(m.text, `${path}.text`);
    const bodyText = r.string(text?.body, `${path}.text.body`);
    return bodyText === undefined ? undefined : make('text', bodyText);
  }
  if (type === 'interactive') {
    const interactive = r.object(m.interactive, `${path}.interactive`);
    if (!interactive) return undefined;
    const kind = interactive.type;
    if (kind === 'button_reply' || kind === 'list_reply') {
      const reply = r.object(interactive[kind], `${path}.interactive.${kind}`);
      const replyId = r.string(reply?.id, `${path}.interactive.${kind}.id`, { max: 256 });
      const title = r.string(reply?.title, `${path}.interactive.${kind}.title`, { max: 256 });
      if (replyId === undefined || title === undefined) return undefined;
      // Reply buttons Hilo sent carry the option's text in their id: that is what the customer chose.
      const chosen = replyId.startsWith(OPTION_BUTTON_PREFIX) ? replyId.slice(OPTION_BUTTON_PREFIX.length).trim() : '';
      return make(kind === 'button_reply' ? 'button' : 'list', chosen || title, { replyId });
    }
    return undefined; // nfm_reply (flows) and future types: tolerated, not ours yet
  }
  if (type === 'button') {
    // A quick-reply button on a template message.
    const button = r.object(m.button, `${path}.button`);
    const text = r.string(button?.text, `${path}.button.text`, { max: 256 });
    const payload = r.string(button?.payload, `${path}.button.payload`, { optional: true, max: 1024 });
    return text === undefined ? undefined : make('button', text, payload === undefined ? {} : { replyId: payload });
  }
  if (type === 'location') {
    const loc = r.object(m.location, `${path}.location`);
    const latitude = r.number(loc?.latitude, `${path}.location.latitude`);
    const longitude = r.number(loc?.longitude, `${path}.location.longitude`);
    const name = r.string(loc?.name, `${path}.location.name`, { optional: true, max: 1024 });
    const address = r.string(loc?.address, `${path}.location.address`, { optional: true, max: 1024 });
    if (latitude === undefined || longitude === undefined) return undefined;
    return { ...make('location', [name, address].filter(Boolean).join(', '), { latitude, longitude }), media: [{ kind: 'location', latitude, longitude }] };
  }
  if (type === 'contacts') {
    const contacts = r.array(m.contacts, `${path}.contacts`, { max: 100 });
    return contacts === undefined ? undefined : { ...make('contacts', '', { count: contacts.length }), media: [{ kind: 'contacts', count: contacts.length }] };
  }
  if (MEDIA_TYPES.has(type)) {
    const media = r.object(m[type], `${path}.${type}`);
    const mediaId = r.string(media?.id, `${path}.${type}.id`, { max: 256 });
    const mime = r.string(media?.mime_type, `${path}.${type}.mime_type`, { optional: true, max: 256 });
    const caption = r.string(media?.caption, `${path}.${type}.caption`, { optional: true });
    const fileName = r.string(media?.filename, `${path}.${type}.filename`, { optional: true, max: 1024 });
    if (mediaId === undefined) return undefined;
    // A voice note is an `audio` message recorded in the app (`voice: true`).
    const kind: MediaKind = type === 'audio' && media?.voice === true ? 'voice' : (type as MediaKind);
    const reference: MediaReference = {
      kind,
      id: mediaId,
      ...(mime ? { mimeType: mime } : {}),
      ...(fileName ? { fileName } : {}),
      ...(caption ? { caption } : {}),
    };
    return { kind: 'media', text: caption ?? '', meta: { mediaType: type, mediaId, ...(mime ? { mimeType: mime } : {}) }, media: [reference] };
  }
  return undefined; // reaction, order, system, unsupported...: tolerated
}

function readStatus(r: PayloadReader, value: unknown, path: string, tenantId: string): ChannelStatusUpdate | undefined {
  const s = r.object(value, path);
  if (!s) return undefined;
  const id = r.string(s.id, `${path}.id`, { max: 256 });
  const status = r.string(s.status, `${path}.status`, { max: 32 });
  const ts = r.string(s.timestamp, `${path}.timestamp`, { pattern: /^\d{1,12}$/ });
  const recipient = r.string(s.recipient_id, `${path}.recipient_id`, { optional: true, max: 64 });
  if (id === undefined || status === undefined || ts === undefined) return undefined;
  if (!STATUSES.has(status as OutboundStatus)) return undefined; // e.g. "deleted", "warning": tolerated
  const errors = r.array(s.errors, `${path}.errors`, { optional: true, max: 50 }) ?? [];
  let error: ChannelStatusUpdate['error'];
  const first = errors[0];
  if (first !== undefined) {
    const e = r.object(first, `${path}.errors[0]`);
    const code = r.number(e?.code, `${path}.errors[0].code`, { integer: true });
    const title = r.string(e?.title, `${path}.errors[0].title`, { optional: true });
    const message = r.string(e?.message, `${path}.errors[0].message`, { optional: true });
    if (code !== undefined) error = { code: String(code), message: message ?? title ?? '' };
  }
  return {
    type: 'status',
    channel: 'whatsapp',
    tenantId,
    providerMessageId: id,
    status: status as OutboundStatus,
    timestamp: Number(ts) * 1000,
    ...(recipient !== undefined ? { recipientId: recipient } : {}),
    ...(error ? { error } : {}),
  };
}
