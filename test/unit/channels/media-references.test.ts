import { describe, expect, it } from 'vitest';
import { inboundMedia } from '../../../src/channels/acknowledgement.js';
import type { ChannelInboundMessage, InboundEvent } from '../../../src/channels/channel.js';
import { customerTextForAgents, describeMediaForAgents } from '../../../src/channels/rocketchat/format.js';
import { buildRelayMessage } from '../../../src/channels/rocketchat/notifier.js';
import { parseTelegramUpdate } from '../../../src/channels/telegram/webhook.js';
import { parseForm } from '../../../src/channels/twilio/form.js';
import { parseTwilioParams } from '../../../src/channels/twilio/webhook.js';
import { parseWhatsAppWebhook } from '../../../src/channels/whatsapp-cloud/webhook.js';
import { readMediaReferences } from '../../../src/domain/media.js';
import { metaJson, waMessage } from '../../fakes/whatsapp-graph.js';
import { twilioInboundParams } from '../../fakes/twilio-api.js';

const message = (events: InboundEvent[]): ChannelInboundMessage => {
  const [event] = events;
  if (event?.type !== 'message') throw new Error('expected one message');
  return event;
};

describe('media references › WhatsApp Cloud', () => {
  const parse = (m: Record<string, unknown>) => message(parseWhatsAppWebhook(metaJson(waMessage(m)), { tenantId: 't' }));

  it('should keep an image with its media id, type and caption (the caption is also the text the brain reads)', () => {
    const out = parse({ type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc', caption: 'tienen este?' } });
    expect(out).toMatchObject({ kind: 'media', text: 'tienen este?' });
    expect(out.media).toEqual([{ kind: 'image', id: '1479537139650973', mimeType: 'image/jpeg', caption: 'tienen este?' }]);
  });

  it('should tell a voice note from an audio file, and keep a document’s file name', () => {
    expect(parse({ type: 'audio', audio: { id: '9001', mime_type: 'audio/ogg; codecs=opus', voice: true } }).media).toEqual([{ kind: 'voice', id: '9001', mimeType: 'audio/ogg; codecs=opus' }]);
    expect(parse({ type: 'audio', audio: { id: '9002', mime_type: 'audio/mpeg' } }).media).toEqual([{ kind: 'audio', id: '9002', mimeType: 'audio/mpeg' }]);
    const doc = parse({ type: 'document', document: { id: '9003', mime_type: 'application/pdf', filename: 'lista-materiales.pdf' } });
    expect(doc).toMatchObject({ kind: 'media', text: '' });
    expect(doc.media).toEqual([{ kind: 'document', id: '9003', mimeType: 'application/pdf', fileName: 'lista-materiales.pdf' }]);
    expect(parse({ type: 'video', video: { id: '9004', mime_type: 'video/mp4' } }).media).toEqual([{ kind: 'video', id: '9004', mimeType: 'video/mp4' }]);
    expect(parse({ type: 'sticker', sticker: { id: '9005', mime_type: 'image/webp', animated: false } }).media).toEqual([{ kind: 'sticker', id: '9005', mimeType: 'image/webp' }]);
  });

  it('should keep a shared place and a contact card as references too', () => {
    expect(parse({ type: 'location', location: { latitude: 18.4861, longitude: -69.9312 } }).media).toEqual([{ kind: 'location', latitude: 18.4861, longitude: -69.9312 }]);
    expect(parse({ type: 'contacts', contacts: [{ name: { formatted_name: 'Luis' } }, { name: { formatted_name: 'Eva' } }] }).media).toEqual([{ kind: 'contacts', count: 2 }]);
  });

  it('should leave text messages without media', () => {
    expect(parse({ type: 'text', text: { body: 'hola' } }).media).toBeUndefined();
  });
});

describe('media references › Telegram', () => {
  const update = (fields: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ update_id: 7001, message: { message_id: 1, from: { id: 42, is_bot: false, first_name: 'Ana' }, chat: { id: 42, type: 'private' }, date: 1763812800, ...fields } }));
  const parse = (fields: Record<string, unknown>) => message(parseTelegramUpdate(update(fields), { tenantId: 't', now: 0 }));

  it('should keep the largest photo size’s file_id and size, with the caption', () => {
    const out = parse({
      photo: [
        { file_id: 'small', file_unique_id: 'a', width: 90, height: 90, file_size: 1200 },
        { file_id: 'large', file_unique_id: 'b', width: 1280, height: 960, file_size: 98000 },
        { file_id: 'medium', file_unique_id: 'c', width: 320, height: 240, file_size: 14000 },
      ],
      caption: 'este modelo',
    });
    expect(out).toMatchObject({ kind: 'media', text: 'este modelo', meta: { mediaType: 'photo', mediaId: 'large' } });
    expect(out.media).toEqual([{ kind: 'image', id: 'large', mimeType: 'image/jpeg', size: 98000, caption: 'este modelo' }]);
  });

  it('should keep voice notes, documents, audio and video with their facts', () => {
    expect(parse({ voice: { file_id: 'v1', file_unique_id: 'u', duration: 7, mime_type: 'audio/ogg', file_size: 20480 } }).media).toEqual([
      { kind: 'voice', id: 'v1', mimeType: 'audio/ogg', size: 20480, durationSeconds: 7 },
    ]);
    expect(parse({ document: { file_id: 'd1', file_unique_id: 'u', file_name: 'cotizacion.xlsx', mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file_size: 5120 } }).media).toEqual([
      { kind: 'document', id: 'd1', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 5120, fileName: 'cotizacion.xlsx' },
    ]);
    expect(parse({ audio: { file_id: 'a1', file_unique_id: 'u', duration: 180, mime_type: 'audio/mpeg' } }).media).toEqual([{ kind: 'audio', id: 'a1', mimeType: 'audio/mpeg', durationSeconds: 180 }]);
    expect(parse({ video_note: { file_id: 'n1', file_unique_id: 'u', length: 240, duration: 5 } }).media).toEqual([{ kind: 'video', id: 'n1', durationSeconds: 5 }]);
  });

  it('should hint the language of the customer’s app (en-US → en, es-419 → es, others none)', () => {
    const withLang = (code: unknown) => message(parseTelegramUpdate(Buffer.from(JSON.stringify({ update_id: 7002, message: { message_id: 2, from: { id: 42, is_bot: false, first_name: 'Ann', language_code: code }, chat: { id: 42, type: 'private' }, date: 1763812800, photo: [{ file_id: 'p', file_unique_id: 'u', width: 1, height: 1 }] } })), { tenantId: 't', now: 0 }));
    expect(withLang('en-US').langHint).toBe('en');
    expect(withLang('es-419').langHint).toBe('es');
    expect(withLang('pt-br').langHint).toBeUndefined();
    expect(withLang(7).langHint).toBeUndefined();
  });

  it('should keep a reference of its kind even when the file object is odd, and refuse nothing', () => {
    expect(parse({ sticker: 'not-an-object' }).media).toEqual([{ kind: 'sticker' }]);
  });
});

describe('media references › Twilio WhatsApp', () => {
  const parse = (o: Record<string, string>) => message(parseTwilioParams(parseForm(Buffer.from(new URLSearchParams(twilioInboundParams(o)).toString())), { tenantId: 't', now: 0 }));

  it('should keep every MediaUrlN with its content type', () => {
    const out = parse({
      Body: 'mira estas dos',
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
      MediaContentType1: 'application/pdf',
    });
    expect(out).toMatchObject({ kind: 'media', text: 'mira estas dos' });
    expect(out.media).toEqual([
      { kind: 'image', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', mimeType: 'image/jpeg', caption: 'mira estas dos' },
      { kind: 'document', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', mimeType: 'application/pdf', caption: 'mira estas dos' },
    ]);
  });

  it('should read an Ogg voice note as a voice note and a vCard as a contact', () => {
    expect(parse({ Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/m/1', MediaContentType0: 'audio/ogg' }).media).toEqual([{ kind: 'voice', url: 'https://api.twilio.com/m/1', mimeType: 'audio/ogg' }]);
    const card = parse({ Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/m/2', MediaContentType0: 'text/vcard' });
    expect(card.kind).toBe('contacts');
    expect(card.media).toEqual([{ kind: 'contacts', url: 'https://api.twilio.com/m/2', mimeType: 'text/vcard', count: 1 }]);
  });

  it('should refuse a media URL that is not a URL', () => {
    expect(() => parse({ Body: '', NumMedia: '1', MediaUrl0: 'javascript:alert(1)', MediaContentType0: 'image/png' })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^HILO_ERR_CHANNEL_/) }));
  });
});

describe('inboundMedia', () => {
  const base = { type: 'message', channel: 'whatsapp', tenantId: 't', senderId: '1', messageId: 'm', text: '', timestamp: 0 } as const;

  it('should pass the parser’s references through and have none for text', () => {
    expect(inboundMedia({ ...base, kind: 'media', meta: {}, media: [{ kind: 'image', id: 'x' }] })).toEqual([{ kind: 'image', id: 'x' }]);
    expect(inboundMedia({ ...base, kind: 'text', text: 'hola', meta: {} })).toEqual([]);
  });

  it('should normalise captions and file names like any customer text', () => {
    const out = inboundMedia({ ...base, kind: 'media', meta: {}, media: [{ kind: 'document', id: 'd', fileName: 'factura\u202Efdp.exe', caption: 'hola\u0000 mundo' }] });
    expect(out).toEqual([{ kind: 'document', id: 'd', fileName: 'facturafdp.exe', caption: 'hola mundo' }]);
  });

  it('should make a bare reference of the right kind when the provider gave none', () => {
    expect(inboundMedia({ ...base, kind: 'media', meta: { mediaType: 'photo' } })).toEqual([{ kind: 'image' }]);
    expect(inboundMedia({ ...base, kind: 'media', meta: { mediaCount: 1, mimeType: 'image/png' } })).toEqual([{ kind: 'document', mimeType: 'image/png' }]);
    expect(inboundMedia({ ...base, kind: 'location', meta: { latitude: 1, longitude: 2 } })).toEqual([{ kind: 'location', latitude: 1, longitude: 2 }]);
    expect(inboundMedia({ ...base, kind: 'contacts', meta: { count: 1 } })).toEqual([{ kind: 'contacts', count: 1 }]);
  });
});

describe('media for the agents (Rocket.Chat)', () => {
  it('should say what was sent and where to open it, in Spanish', () => {
    expect(describeMediaForAgents({ kind: 'image', id: '1479537139650973', mimeType: 'image/jpeg' }, 'whatsapp')).toBe('📎 imagen (image/jpeg) — id 1479537139650973 en WhatsApp');
    expect(describeMediaForAgents({ kind: 'voice', id: 'v1', mimeType: 'audio/ogg', durationSeconds: 7 }, 'telegram')).toBe('📎 nota de voz (audio/ogg, 7 s) — id v1 en Telegram');
    expect(describeMediaForAgents({ kind: 'document', url: 'https://api.twilio.com/m/2', mimeType: 'application/pdf', size: 250_000, fileName: 'lista.pdf' })).toBe(
      '📎 documento «lista.pdf» (application/pdf, 244 KB) — https://api.twilio.com/m/2',
    );
    expect(describeMediaForAgents({ kind: 'location', latitude: 18.4861, longitude: -69.9312 })).toBe('📍 ubicación 18.4861, -69.9312 — https://maps.google.com/?q=18.4861,-69.9312');
    expect(describeMediaForAgents({ kind: 'contacts', count: 1 }, 'whatsapp')).toBe('👤 contacto compartido en WhatsApp');
  });

  it('should put the caption first and one line per media, with mentions defused in the relay', () => {
    const text = customerTextForAgents('mira @all', [{ kind: 'image', id: 'i1', mimeType: 'image/png' }, { kind: 'video', id: 'v1' }], 'whatsapp');
    expect(text).toBe('mira @all\n📎 imagen (image/png) — id i1 en WhatsApp\n📎 video — id v1 en WhatsApp');
    expect(customerTextForAgents('', [{ kind: 'sticker', id: 's1' }])).toBe('📎 sticker — id s1');
    expect(buildRelayMessage('T-000001', text).text).toContain('@\u200ball');
  });

  it('should read back only well-formed references from stored JSON', () => {
    expect(readMediaReferences([{ kind: 'image', id: 'a', size: 10, evil: 'x' }, { kind: 'hologram', id: 'b' }, null, 'x', { kind: 'voice', size: 'big' }])).toEqual([
      { kind: 'image', id: 'a', size: 10 },
      { kind: 'voice' },
    ]);
    expect(readMediaReferences('nope')).toEqual([]);
  });
});
