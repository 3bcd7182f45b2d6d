import { HiloError } from '../../kernel/errors.js';
import type { ChannelInboundMessage, ChannelStatusUpdate, InboundEvent, OutboundStatus } from '../channel.js';
import type { MediaKind, MediaReference } from '../../domain/media.js';
import { parseJsonBody } from '../raw-body.js';
import { z } from '../../kernel/schema.js';
import { PayloadProblems, providerString } from '../validate.js';
import { parseForm, type FormParams } from './form.js';
import { providerDisplayName } from '../display-name.js';

const SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/;
const ADDRESS = /^(whatsapp:)?\+?[0-9]{4,20}$/;

const STATUS_MAP: Record<string, OutboundStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
};
/**
 * Statuses Twilio documents that say nothing about a reply's delivery Hilo records: `receiving`
 * (an inbound message still arriving) and `partially_delivered` (a multi-part message, never a
 * WhatsApp reply). A callback with one is acknowledged and dropped, like WhatsApp Cloud's
 * `deleted`/`warning`; refusing it would fill the account's debugger with 11200 errors.
 */
const IGNORED_STATUSES = new Set(['receiving', 'partially_delivered']);

/** The body as Twilio sent it: form parameters, or the JSON variant (flat string values). */
export function readTwilioBody(raw: Buffer, contentType: string | undefined): { kind: 'form'; params: FormParams } | { kind: 'json'; raw: Buffer; params: FormParams } {
  if (contentType === undefined || /^application\/x-www-form-urlencoded\b/i.test(contentType)) return { kind: 'form', params: parseForm(raw) };
  if (/^application\/json\b/i.test(contentType)) {
    const obj = parseJsonBody(raw);
    const params: FormParams = new Map();
    for (const [k, v] of Object.entries(obj)) if (typeof v === 'string' || typeof v === 'number') params.set(k, [String(v)]);
    return { kind: 'json', raw, params };
  }
  throw new HiloError('HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE');
}

const MAX_TWILIO_MEDIA = 10;

// Twilio's parameters as Hilo reads them (every value arrives as a string; others are ignored).
const optional = (rule?: { max?: number; pattern?: RegExp }) => providerString(rule).optional();
const IDS = z.object({ MessageSid: providerString({ pattern: SID }), AccountSid: providerString({ pattern: SID }) });
const STATUS_CALLBACK = z.object({ To: optional({ pattern: ADDRESS }), ErrorCode: optional({ pattern: /^\d{1,10}$/ }), ErrorMessage: optional() });
const INBOUND = z.object({
  From: providerString({ pattern: ADDRESS }),
  To: providerString({ pattern: ADDRESS }),
  Body: optional(),
  NumMedia: optional({ pattern: /^\d{1,2}$/ }),
  ButtonText: optional({ max: 256 }),
  ButtonPayload: optional({ max: 1024 }),
  ListTitle: optional({ max: 256 }),
  ListId: optional({ max: 256 }),
});
const MEDIA_URL = optional({ max: 2048, pattern: /^https?:\/\/\S+$/ });
const MEDIA_TYPE = optional({ max: 256 });

/**
 * The kind of a Twilio media item from its content type. WhatsApp records voice notes as Ogg/Opus,
 * so `audio/ogg` reads as a voice note; other audio (mp3, m4a, aac) is an audio file.
 */
function twilioMediaKind(contentType: string): MediaKind {
  const type = contentType.toLowerCase();
  if (/vcard/.test(type)) return 'contacts';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/ogg')) return 'voice';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'document';
}

const stripAddress = (a: string): string => a.replace(/^whatsapp:/, '').replace(/^\+/, '');

/**
 * A Twilio WhatsApp webhook: an incoming message (`MessageSid`, `From=whatsapp:+…`, `Body`,
 * `NumMedia`/`MediaContentType0`, `Latitude`/`Longitude`, `ButtonText`/`ButtonPayload`) or a
 * status callback (`MessageStatus`, `ErrorCode`). Unknown parameters are ignored.
 */
export function parseTwilioParams(params: FormParams, { tenantId, now }: { tenantId: string; now: number }): InboundEvent[] {
  const r = new PayloadProblems();
  const one = (name: string): string | undefined => params.get(name)?.[0];
  const fields = (names: readonly string[]): Record<string, string | undefined> => Object.fromEntries(names.map((n) => [n, one(n)]));
  const ids = r.read(IDS, { MessageSid: one('MessageSid') ?? one('SmsMessageSid'), AccountSid: one('AccountSid') }, '');
  const status = one('MessageStatus');
  if (status !== undefined && IGNORED_STATUSES.has(status)) {
    r.done();
    return [];
  }
  if (status !== undefined && status !== 'received') {
    const mapped = STATUS_MAP[status];
    if (!mapped) r.fail('MessageStatus', 'unknown status');
    const callback = r.read(STATUS_CALLBACK, fields(['To', 'ErrorCode', 'ErrorMessage']), '');
    r.done();
    const { To: to, ErrorCode: errorCode, ErrorMessage: errorMessage } = callback!;
    const event: ChannelStatusUpdate = {
      type: 'status',
      channel: 'twilio-whatsapp',
      tenantId,
      providerMessageId: ids!.MessageSid,
      status: mapped!,
      timestamp: now,
      ...(to !== undefined ? { recipientId: stripAddress(to) } : {}),
      ...(errorCode !== undefined && errorCode !== '0' ? { error: { code: errorCode, message: errorMessage ?? '' } } : {}),
    };
    return [event];
  }
  const inbound = r.read(INBOUND, fields(['From', 'To', 'Body', 'NumMedia', 'ButtonText', 'ButtonPayload', 'ListTitle', 'ListId']), '');
  // A plain SMS (`From=+1809…`, the number's Messaging webhook pointed here) is not a WhatsApp
  // message: answering it would send WhatsApp replies to a phone that texted, so it is refused
  // (400, Twilio's debugger shows it) instead of opening a WhatsApp conversation for it.
  for (const side of ['From', 'To'] as const) {
    const address = inbound?.[side];
    if (address !== undefined && !address.startsWith('whatsapp:')) r.fail(side, 'not a WhatsApp address (whatsapp:+…): this webhook takes WhatsApp messages only, not SMS');
  }
  const body = inbound?.Body ?? '';
  const numMedia = Number(inbound?.NumMedia ?? '0');
  const latitude = one('Latitude');
  const longitude = one('Longitude');
  const buttonText = inbound?.ButtonText;
  const buttonPayload = inbound?.ButtonPayload;
  const listTitle = inbound?.ListTitle;
  const listId = inbound?.ListId;
  let content: Pick<ChannelInboundMessage, 'kind' | 'text' | 'meta' | 'media'> = { kind: 'text', text: body, meta: {} };
  if (latitude !== undefined || longitude !== undefined) {
    const lat = Number(latitude);
    const lng = Number(longitude);
    if (!Number.isFinite(lat) || Math.abs(lat) > 90) r.fail('Latitude', 'expected a latitude');
    if (!Number.isFinite(lng) || Math.abs(lng) > 180) r.fail('Longitude', 'expected a longitude');
    const label = [one('Label'), one('Address')].filter(Boolean).join(', ');
    content = { kind: 'location', text: label, meta: { latitude: lat, longitude: lng }, media: [{ kind: 'location', latitude: lat, longitude: lng }] };
  } else if (buttonText !== undefined) {
    content = { kind: 'button', text: buttonText, meta: buttonPayload !== undefined ? { replyId: buttonPayload } : {} };
  } else if (listTitle !== undefined) {
    content = { kind: 'list', text: listTitle, meta: listId !== undefined ? { replyId: listId } : {} };
  } else if (numMedia > 0) {
    const media: MediaReference[] = [];
    // Twilio sends up to 10 media per WhatsApp message: MediaUrl0..N with MediaContentType0..N.
    for (let i = 0; i < Math.min(numMedia, MAX_TWILIO_MEDIA); i++) {
      const url = r.read(MEDIA_URL, one(`MediaUrl${i}`), `MediaUrl${i}`);
      const type = r.read(MEDIA_TYPE, one(`MediaContentType${i}`), `MediaContentType${i}`);
      if (url === undefined && type === undefined) continue;
      const kind = twilioMediaKind(type ?? '');
      media.push({ kind, ...(url !== undefined ? { url } : {}), ...(type ? { mimeType: type } : {}), ...(kind === 'contacts' ? { count: 1 } : {}), ...(body ? { caption: body } : {}) });
    }
    const mime = one('MediaContentType0') ?? '';
    const onlyContacts = media.length > 0 && media.every((m) => m.kind === 'contacts');
    content = {
      kind: onlyContacts || (media.length === 0 && /vcard/i.test(mime)) ? 'contacts' : 'media',
      text: body,
      meta: { mediaCount: numMedia, ...(mime ? { mimeType: mime } : {}) },
      ...(media.length > 0 ? { media } : {}),
    };
  }
  r.done();
  const waId = one('WaId');
  const profileName = providerDisplayName(one('ProfileName'));
  return [
    {
      type: 'message',
      channel: 'twilio-whatsapp',
      tenantId,
      senderId: waId !== undefined && /^\d{4,20}$/.test(waId) ? waId : stripAddress(inbound!.From),
      messageId: ids!.MessageSid,
      timestamp: now,
      ...content,
      ...(profileName ? { profileName } : {}),
    },
  ];
}
