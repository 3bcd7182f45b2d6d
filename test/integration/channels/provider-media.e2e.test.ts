import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../../src/channels/twilio/signature.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/kernel/logger.js';
import { startFakeRocketChat, type FakeRocketChat } from '../../fakes/rocketchat.js';
import { startFakeTelegramApi, telegramTextUpdate, type FakeTelegramApi } from '../../fakes/telegram-bot-api.js';
import { startFakeTwilioApi, twilioInboundParams, type FakeTwilioApi } from '../../fakes/twilio-api.js';

const TENANT = 'ferreteria';
const PUBLIC_URL = 'https://hilo.example.com';
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'twilio-auth-token-media';
const BOT_TOKEN = '123456:ABC-media';
const SECRET_TOKEN = 'telegram_secret-media';

/**
 * Telegram and Twilio media through the running runtime in the all-in-memory mode: the
 * acknowledgement follows the conversation's language, the transcript line keeps the provider's
 * reference (Telegram `file_id`, Twilio `MediaUrlN`), and during a handoff the reference reaches
 * the fake Rocket.Chat instead of a bot reply.
 */
describe('Telegram and Twilio media', () => {
  let hilo: Hilo;
  let twilio: FakeTwilioApi;
  let telegram: FakeTelegramApi;
  let rocket: FakeRocketChat;
  const clock = createManualClock();
  let updates = 9000;
  // Every log line of the run (debug level), to check that captions and file names never appear.
  const logChunks: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logChunks.push(chunk.toString('utf8'));
      done();
    },
  });
  let sids = 0;

  beforeAll(async () => {
    twilio = await startFakeTwilioApi({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    telegram = await startFakeTelegramApi({ botToken: BOT_TOKEN });
    rocket = await startFakeRocketChat();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_STORAGE: 'memory',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_TWILIO_API_URL: twilio.baseUrl,
      HILO_TWILIO_AUTH_TOKEN_FERRETERIA: AUTH_TOKEN,
      HILO_TWILIO_ACCOUNT_SID_FERRETERIA: ACCOUNT_SID,
      HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+14155238886',
      HILO_TELEGRAM_API_URL: telegram.baseUrl,
      HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: BOT_TOKEN,
      HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: SECRET_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl,
      HILO_ROCKETCHAT_OUTGOING_TOKEN: 'media-outgoing-token',
    });
    hilo = await startHilo({ config, clock, logger: createLogger({ level: 'debug', destination: logStream }) });
  }, 30_000);

  afterAll(async () => {
    await hilo?.close();
    await twilio?.close();
    await telegram?.close();
    await rocket?.close();
  });

  const base = () => `http://127.0.0.1:${hilo.port}`;

  async function telegramPost(update: unknown): Promise<void> {
    const res = await fetch(`${base()}/webhooks/telegram/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET_TOKEN }, body: JSON.stringify(update) });
    expect(res.status).toBe(200);
    await hilo.drainOutbox();
  }
  const telegramMedia = (chatId: number, fields: Record<string, unknown>) => {
    const update = telegramTextUpdate(++updates, 'x', chatId) as { message: Record<string, unknown> };
    delete update.message.text;
    Object.assign(update.message, fields);
    return update;
  };
  const telegramTexts = (chatId: number): string[] =>
    telegram.requests.filter((r) => r.method === 'sendMessage' && r.status === 200 && String(r.body?.chat_id) === String(chatId)).map((r) => String(r.body?.text ?? ''));

  async function twilioPost(from: string, overrides: Record<string, string>): Promise<void> {
    const sid = `SM${String(++sids).padStart(32, '0')}`;
    const params = twilioInboundParams({ MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, From: `whatsapp:+${from}`, WaId: from, ...overrides });
    const path = `/webhooks/twilio/${TENANT}`;
    const res = await fetch(`${base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': computeTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${path}`, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status, await res.text()).toBe(200);
    await hilo.drainOutbox();
  }
  const twilioTexts = (to: string): string[] => twilio.requests.filter((r) => r.status >= 200 && r.status < 300 && r.form.To === `whatsapp:+${to}`).map((r) => String(r.form.Body ?? ''));

  const lines = async (channel: string, sender: string) => {
    const id = await hilo.host.resolveConversation(TENANT, channel, sender);
    return (await hilo.host.getConversation(TENANT, id))?.transcript ?? [];
  };

  it('should acknowledge a Telegram photo in English and keep its file_id on the line', async () => {
    const chat = 880001;
    await telegramPost(telegramTextUpdate(++updates, 'Hello, what time do you open on Saturday?', chat));
    const before = telegramTexts(chat).length;
    await telegramPost(telegramMedia(chat, { photo: [{ file_id: 'AgACsmall', file_unique_id: 'a', width: 90, height: 90, file_size: 900 }, { file_id: 'AgACbig', file_unique_id: 'b', width: 1280, height: 960, file_size: 120000 }] }));
    const ack = telegramTexts(chat).slice(before);
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatch(/Thanks for the photo/);
    const photo = (await lines('telegram', String(chat))).find((l) => l.media !== undefined);
    expect(photo).toMatchObject({ direction: 'in', text: '', media: [{ kind: 'image', id: 'AgACbig', size: 120000 }] });
  });

  it('should answer a first-contact Telegram photo in the language of the customer’s app', async () => {
    const chat = 880003;
    const update = telegramMedia(chat, { photo: [{ file_id: 'AgACfirst', file_unique_id: 'f', width: 800, height: 600 }] }) as { message: { from: Record<string, unknown> } };
    update.message.from.language_code = 'en-GB';
    await telegramPost(update);
    const [ack] = telegramTexts(chat);
    expect(ack).toMatch(/Thanks for the photo/);
  });

  it('should relay a Telegram voice note and document to Rocket.Chat during a handoff, without a bot reply', async () => {
    const chat = 880002;
    await telegramPost(telegramTextUpdate(++updates, 'quiero hablar con una persona', chat));
    const number = /T-\d{6}/.exec(telegramTexts(chat).join('\n'))?.[0];
    expect(number).toBeDefined();
    const sent = telegramTexts(chat).length;
    await telegramPost(telegramMedia(chat, { voice: { file_id: 'AwACvoice1', file_unique_id: 'v', duration: 4, mime_type: 'audio/ogg', file_size: 9000 } }));
    await telegramPost(telegramMedia(chat, { document: { file_id: 'BQACdoc1', file_unique_id: 'd', file_name: 'factura-0042.pdf', mime_type: 'application/pdf' }, caption: 'esta es la factura' }));
    expect(telegramTexts(chat)).toHaveLength(sent);
    const relayed = rocket.messages.map((m) => String(m.text ?? '')).filter((t) => t.includes(`#${number!}`));
    expect(relayed.find((t) => t.includes('AwACvoice1'))).toContain('📎 nota de voz (audio/ogg, 9 KB, 4 s) — id AwACvoice1 en Telegram');
    const doc = relayed.find((t) => t.includes('BQACdoc1'));
    expect(doc).toContain('esta es la factura');
    expect(doc).toContain('📎 documento «factura-0042.pdf» (application/pdf) — id BQACdoc1 en Telegram');
  });

  it('should acknowledge a Twilio photo in Spanish and keep every MediaUrl on the line', async () => {
    const from = '18095557001';
    await twilioPost(from, {
      Body: '',
      NumMedia: '2',
      MessageType: 'image',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME2',
      MediaContentType1: 'image/jpeg',
    });
    const acks = twilioTexts(from);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatch(/Gracias por la foto/);
    expect(acks[0]).toMatch(/qué producto es/);
    const photo = (await lines('twilio-whatsapp', from)).find((l) => l.media !== undefined);
    expect(photo?.media?.map((m) => m.url)).toEqual([
      'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1',
      'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME2',
    ]);
  });

  it('should relay a Twilio image to Rocket.Chat as a link during a handoff', async () => {
    const from = '18095557002';
    await twilioPost(from, { Body: 'necesito hablar con un agente humano' });
    const number = /T-\d{6}/.exec(twilioTexts(from).join('\n'))?.[0];
    expect(number).toBeDefined();
    const sent = twilioTexts(from).length;
    const url = 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM9/Media/ME9';
    await twilioPost(from, { Body: '', NumMedia: '1', MessageType: 'image', MediaUrl0: url, MediaContentType0: 'image/png' });
    expect(twilioTexts(from)).toHaveLength(sent);
    const relayed = rocket.messages.map((m) => String(m.text ?? '')).find((t) => t.includes(`#${number!}`) && t.includes(url));
    expect(relayed).toContain(`📎 imagen (image/png) — ${url}`);
  });

  it('should show a photo sent before the handoff in the announcement’s last messages', async () => {
    const chat = 880004;
    await telegramPost(telegramMedia(chat, { photo: [{ file_id: 'AgACbefore', file_unique_id: 'g', width: 800, height: 600, file_size: 64000 }] }));
    await telegramPost(telegramTextUpdate(++updates, 'quiero hablar con una persona', chat));
    const number = /T-\d{6}/.exec(telegramTexts(chat).join('\n'))?.[0];
    expect(number).toBeDefined();
    const announcement = rocket.messages.find((m) => JSON.stringify(m).includes(number!) && JSON.stringify(m).includes('Traspaso'));
    expect(JSON.stringify(announcement)).toContain('📎 imagen (image/jpeg, 63 KB) — id AgACbefore en Telegram');
  });

  it('should log media kinds and ids but never a caption or a file name', () => {
    const logs = logChunks.join('');
    expect(logs).toContain('AwACvoice1');
    expect(logs).toContain('customer media received');
    for (const secret of ['esta es la factura', 'factura-0042.pdf']) expect(logs).not.toContain(secret);
  });
});
