import type { ChannelInboundMessage, ChannelStatusUpdate, InboundEvent, InboundKind, OutboundStatus } from '../channel.js';
import type { MediaKind, MediaReference } from '../../domain/media.js';
import { parseJsonBody } from '../raw-body.js';
import { z } from '../../kernel/schema.js';
import { PayloadProblems, providerArray, providerInteger, providerString } from '../validate.js';
import { OPTION_BUTTON_PREFIX } from './buttons.js';
import { providerDisplayName } from '../display-name.js';

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
const STATUSES = new Set<OutboundStatus>(['sent', 'delivered', 'read', 'failed']);
const DIGITS = /^\d{1,20}$/;
const EPOCH_SECONDS = /^\d{1,12}$/;

// The pieces of a Cloud API payload Hilo reads, each checked where the parser reaches it: unknown
// fields pass (and are not copied), and a part Hilo does not read (another subscription, a message
// type it does not handle, a status it ignores) is never checked.
const OBJECT = z.literal('whatsapp_business_account', { error: 'expected "whatsapp_business_account"' });
const ENTRIES = providerArray();
const ENTRY = z.object({ changes: providerArray() });
const METADATA = z.object({ phone_number_id: providerString({ max: 64 }) });
const OPTIONAL_LIST = providerArray().optional();
const MESSAGE_ENVELOPE = z.object({ from: providerString({ pattern: DIGITS }), id: providerString({ max: 256 }), timestamp: providerString({ pattern: EPOCH_SECONDS }) });
const MESSAGE_TYPE = providerString({ max: 64 });
const TEXT = z.object({ text: z.object({ body: providerString() }) });
const REPLY = z.object({ id: providerString({ max: 256 }), title: providerString({ max: 256 }) });
const BUTTON = z.object({ button: z.object({ text: providerString({ max: 256 }), payload: providerString({ max: 1024 }).optional() }) });
const LOCATION = z.object({
  location: z.object({ latitude: z.number(), longitude: z.number(), name: providerString({ max: 1024 }).optional(), address: providerString({ max: 1024 }).optional() }),
});
const CONTACTS = z.object({ contacts: providerArray(100) });
const MEDIA_FILE = z.object({ voice: z.unknown().optional(), id: providerString({ max: 256 }), mime_type: providerString({ max: 256 }).optional(), caption: providerString().optional(), filename: providerString({ max: 1024 }).optional() });
const STATUS = z.object({ id: providerString({ max: 256 }), status: providerString({ max: 32 }), timestamp: providerString({ pattern: EPOCH_SECONDS }), recipient_id: providerString({ max: 64 }).optional() });
const STATUS_ERRORS = providerArray(50).optional();
const STATUS_ERROR = z.object({ code: providerInteger, title: providerString().optional(), message: providerString().optional() });

const isMediaType = (type: string): type is (typeof MEDIA_TYPES)[number] => (MEDIA_TYPES as readonly string[]).includes(type);

/**
 * Parses a WhatsApp Cloud API webhook (`object: whatsapp_business_account`,
 * `entry[].changes[].value` with `messages[]`, `statuses[]`, `contacts[]`, `metadata`). Unknown
 * fields and unknown message types (reactions, system notices) are tolerated and skipped; events
 * for another phone number id than the tenant's are dropped (one Meta app can serve many numbers).
 */
export function parseWhatsAppWebhook(raw: Buffer, { tenantId, phoneNumberId }: { tenantId: string; phoneNumberId?: string }): InboundEvent[] {
  const body = parseJsonBody(raw);
  const r = new PayloadProblems();
  r.read(OBJECT, body.object, 'object');
  const events: InboundEvent[] = [];
  const entries = r.read(ENTRIES, body.entry, 'entry') ?? [];
  entries.forEach((entryValue, ei) => {
    const changes = r.read(ENTRY, entryValue, `entry[${ei}]`)?.changes ?? [];
    changes.forEach((changeValue, ci) => {
      const path = `entry[${ei}].changes[${ci}]`;
      const change = r.object(changeValue, path);
      if (!change) return;
      if (change.field !== 'messages') return; // other subscriptions (templates, account updates) are not ours
      const value = r.object(change.value, `${path}.value`);
      if (!value) return;
      const numberId = r.read(METADATA, value.metadata, `${path}.value.metadata`)?.phone_number_id;
      const forUs = phoneNumberId === undefined || numberId === phoneNumberId;
      const messages = r.read(OPTIONAL_LIST, value.messages, `${path}.value.messages`) ?? [];
      const names = profileNames(value.contacts);
      messages.forEach((m, mi) => {
        const event = readMessage(r, m, `${path}.value.messages[${mi}]`, tenantId);
        const profileName = event ? (names.get(event.senderId) ?? (names.size === 1 ? [...names.values()][0] : undefined)) : undefined;
        if (event && forUs) events.push(profileName ? { ...event, profileName } : event);
      });
      const statuses = r.read(OPTIONAL_LIST, value.statuses, `${path}.value.statuses`) ?? [];
      statuses.forEach((s, si) => {
        const event = readStatus(r, s, `${path}.value.statuses[${si}]`, tenantId);
        if (event && forUs) events.push(event);
      });
    });
  });
  r.done();
  return events;
}

/**
 * `value.contacts[]` → display name by `wa_id`: `{wa_id, profile: {name}}` is how Meta names the
 * sender of the messages beside it. Read leniently (a display name is a courtesy: a strange entry is
 * skipped, never a reason to refuse the webhook).
 */
function profileNames(contacts: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(contacts)) return names;
  for (const c of contacts.slice(0, 100)) {
    if (typeof c !== 'object' || c === null) continue;
    const { wa_id: waId, profile } = c as { wa_id?: unknown; profile?: { name?: unknown } | null };
    const name = providerDisplayName(typeof profile === 'object' && profile !== null ? profile.name : undefined);
    if (name) names.set(typeof waId === 'string' ? waId : '', name);
  }
  return names;
}

function readMessage(r: PayloadProblems, value: unknown, path: string, tenantId: string): ChannelInboundMessage | undefined {
  const m = r.object(value, path);
  if (!m) return undefined;
  const envelope = r.read(MESSAGE_ENVELOPE, m, path);
  const type = r.read(MESSAGE_TYPE, m.type, `${path}.type`);
  if (type === undefined) return undefined;
  // Read the type's fields even when the envelope is broken, so one answer lists every problem.
  const event = readContent(r, m, path, type);
  if (envelope === undefined || event === undefined) return undefined;
  return { type: 'message', channel: 'whatsapp', tenantId, senderId: envelope.from, messageId: envelope.id, timestamp: Number(envelope.timestamp) * 1000, ...event };
}

type Content = Pick<ChannelInboundMessage, 'kind' | 'text' | 'meta' | 'media'>;

function readContent(r: PayloadProblems, m: Record<string, unknown>, path: string, type: string): Content | undefined {
  const make = (kind: InboundKind, text: string, meta: ChannelInboundMessage['meta'] = {}): Content => ({ kind, text, meta });

  if (type === 'text') {
    const text = r.read(TEXT, m, path)?.text;
    return text === undefined ? undefined : make('text', text.body);
  }
  if (type === 'interactive') {
    const interactive = r.object(m.interactive, `${path}.interactive`);
    if (!interactive) return undefined;
    const kind = interactive.type;
    if (kind === 'button_reply' || kind === 'list_reply') {
      const reply = r.read(REPLY, interactive[kind], `${path}.interactive.${kind}`);
      if (reply === undefined) return undefined;
      // Reply buttons Hilo sent carry the option's text in their id: that is what the customer chose.
      const chosen = reply.id.startsWith(OPTION_BUTTON_PREFIX) ? reply.id.slice(OPTION_BUTTON_PREFIX.length).trim() : '';
      return make(kind === 'button_reply' ? 'button' : 'list', chosen || reply.title, { replyId: reply.id });
    }
    return undefined; // nfm_reply (flows) and future types: tolerated, not ours yet
  }
  if (type === 'button') {
    // A quick-reply button on a template message.
    const button = r.read(BUTTON, m, path)?.button;
    return button === undefined ? undefined : make('button', button.text, button.payload === undefined ? {} : { replyId: button.payload });
  }
  if (type === 'location') {
    const loc = r.read(LOCATION, m, path)?.location;
    if (loc === undefined) return undefined;
    const { latitude, longitude } = loc;
    return { ...make('location', [loc.name, loc.address].filter(Boolean).join(', '), { latitude, longitude }), media: [{ kind: 'location', latitude, longitude }] };
  }
  if (type === 'contacts') {
    const contacts = r.read(CONTACTS, m, path)?.contacts;
    return contacts === undefined ? undefined : { ...make('contacts', '', { count: contacts.length }), media: [{ kind: 'contacts', count: contacts.length }] };
  }
  if (isMediaType(type)) {
    const media = r.read(MEDIA_FILE, m[type], `${path}.${type}`);
    if (media === undefined) return undefined;
    const { id: mediaId, mime_type: mime, caption, filename: fileName } = media;
    // A voice note is an `audio` message recorded in the app (`voice: true`).
    const kind: MediaKind = type === 'audio' && media.voice === true ? 'voice' : type;
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

function readStatus(r: PayloadProblems, value: unknown, path: string, tenantId: string): ChannelStatusUpdate | undefined {
  const s = r.object(value, path);
  if (!s) return undefined;
  const status = r.read(STATUS, s, path);
  if (status === undefined) return undefined;
  if (!STATUSES.has(status.status as OutboundStatus)) return undefined; // e.g. "deleted", "warning": tolerated
  const errors = r.read(STATUS_ERRORS, s.errors, `${path}.errors`) ?? [];
  let error: ChannelStatusUpdate['error'];
  if (errors.length > 0) {
    const e = r.read(STATUS_ERROR, errors[0], `${path}.errors[0]`);
    if (e !== undefined) error = { code: String(e.code), message: e.message ?? e.title ?? '' };
  }
  return {
    type: 'status',
    channel: 'whatsapp',
    tenantId,
    providerMessageId: status.id,
    status: status.status as OutboundStatus,
    timestamp: Number(status.timestamp) * 1000,
    ...(status.recipient_id !== undefined ? { recipientId: status.recipient_id } : {}),
    ...(error ? { error } : {}),
  };
}
