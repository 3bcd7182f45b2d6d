import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent, ProviderErrorRecord, WebhookRequest } from '../../../src/channels/channel.js';
import { createMemoryDeduplicator } from '../../../src/channels/dedupe.js';
import { createPacer } from '../../../src/channels/pacer.js';
import { readRawBody } from '../../../src/channels/raw-body.js';
import { createTelegramChannel, createTelegramSender } from '../../../src/channels/telegram/index.js';
import { handleChannelWebhook } from '../../../src/channels/webhook-handler.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { startFakeTelegramApi, telegramReply, telegramTextUpdate, type FakeTelegramApi } from '../../fakes/telegram-bot-api.js';

const log = createSilentLogger();
const SECRET = 'tg_secret-Token_123';
const TENANT = 'tenant-tg-1';
const clock = createManualClock();
const channel = createTelegramChannel({ tenantId: TENANT, secretToken: SECRET, clock });

function request(update: unknown, secret: string | null = SECRET): WebhookRequest {
  return {
    method: 'POST',
    rawBody: Buffer.from(JSON.stringify(update)),
    headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    url: `https://hilo.example.com/webhooks/telegram/${TENANT}`,
    query: {},
  };
}

function harness() {
  const written: InboundEvent[][] = [];
  const dedupe = createMemoryDeduplicator({ clock });
  return { written, handle: (req: WebhookRequest) => handleChannelWebhook({ channel, log, dedupe, accept: async (e) => void written.push(e) }, req) };
}

describe('Telegram secret token', () => {
  it('should accept the exact secret token and refuse a missing or mutated one, writing nothing', async () => {
    const { handle, written } = harness();
    const update = telegramTextUpdate(9001, 'hola');
    expect(channel.verifyRequest(request(update))).toEqual({ ok: true });
    expect((await handle(request(update, null))).status).toBe(401);
    const mutations = [SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase(), SECRET.replace('1', '2'), ` ${SECRET}`, 'x'];
    for (const m of mutations) {
      const res = await handle(request(update, m));
      expect(res.status, m).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' } });
    }
    expect(written).toEqual([]);
  });

  it('should refuse a secret token Telegram would not accept at configuration time', () => {
    expect(() => createTelegramChannel({ tenantId: 't', secretToken: 'has space', clock })).toThrow(TypeError);
    expect(() => createTelegramChannel({ tenantId: 't', secretToken: '', clock })).toThrow(TypeError);
  });
});

describe('Telegram updates', () => {
  const parse = (update: unknown) => channel.parseInbound(Buffer.from(JSON.stringify(update)), {});

  it('should normalise a private text message with update_id as the message id', () => {
    expect(parse(telegramTextUpdate(9001, '¿Abren el domingo?'))).toEqual([
      { type: 'message', channel: 'telegram', tenantId: TENANT, senderId: '555000111', messageId: '9001', text: '¿Abren el domingo?', kind: 'text', timestamp: 1763812800_000, meta: {}, langHint: 'es', profileName: 'Ana' },
    ]);
  });

  it('should read callback queries, locations, contacts and media, and skip edits and bots', () => {
    const cb = parse({
      update_id: 9002,
      callback_query: { id: '4382bfdwdsb323b2d9', from: { id: 555000111, is_bot: false, first_name: 'Ana' }, message: { message_id: 5, chat: { id: 555000111, type: 'private' }, date: 1 }, chat_instance: '1', data: 'CONFIRM' },
    });
    expect(cb[0]).toMatchObject({ kind: 'button', text: 'CONFIRM', senderId: '555000111', messageId: '9002', timestamp: clock.now(), meta: { callbackQueryId: '4382bfdwdsb323b2d9' } });
    const base = telegramTextUpdate(9003, '') as { message: Record<string, unknown> };
    const without = (extra: Record<string, unknown>) => ({ update_id: 9003, message: { ...Object.fromEntries(Object.entries(base.message).filter(([k]) => k !== 'text')), ...extra } });
    expect(parse(without({ location: { latitude: 18.47, longitude: -69.9 } }))[0]).toMatchObject({ kind: 'location', meta: { latitude: 18.47, longitude: -69.9 } });
    expect(parse(without({ contact: { phone_number: '+18095550101', first_name: 'Luis' } }))[0]).toMatchObject({ kind: 'contacts' });
    expect(parse(without({ photo: [{ file_id: 'a', file_unique_id: 'b', width: 90, height: 90 }], caption: 'este' }))[0]).toMatchObject({ kind: 'media', text: 'este', meta: { mediaType: 'photo' } });
    expect(parse({ update_id: 9004, edited_message: (telegramTextUpdate(1, 'x') as { message: unknown }).message })).toEqual([]);
    expect(parse({ update_id: 9005, my_chat_member: { chat: { id: 1 } } })).toEqual([]);
    const fromBot = telegramTextUpdate(9006, 'hola') as { message: { from: { is_bot: boolean } } };
    fromBot.message.from.is_bot = true;
    expect(parse(fromBot)).toEqual([]);
  });

  it('should refuse updates without a usable update_id or chat id', () => {
    expect(() => parse({ update_id: '9001', message: {} })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
    expect(() => parse({ update_id: 1.5 })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
    expect(() => parse({ update_id: 9001, message: { message_id: 1, date: 1, chat: { id: 'abc' }, text: 'x' } })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
  });

  it('should de-duplicate a redelivered update_id', async () => {
    const { handle, written } = harness();
    const update = telegramTextUpdate(9100, 'hola');
    expect((await handle(request(update))).status).toBe(200);
    expect((await handle(request(update))).status).toBe(200);
    expect(written).toHaveLength(1);
  });

  it('should send plain text: bold markers removed, at most two paragraphs', () => {
    expect(channel.formatOutbound('**Hola** Ana\n\nuno\n\ndos')).toBe('Hola Ana\n\nuno');
  });
});

describe('Telegram sender and webhook against a fake Bot API', () => {
  let fake: FakeTelegramApi | undefined;
  let hook: Server | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    await new Promise<void>((r) => (hook ? hook.close(() => r()) : r()));
    hook = undefined;
  });

  async function setup(script: ReturnType<typeof telegramReply.ok>[] = []) {
    const c = createManualClock();
    const errors: ProviderErrorRecord[] = [];
    fake = await startFakeTelegramApi({ botToken: '123456:ABC-test', script });
    const sender = createTelegramSender({
      baseUrl: fake.baseUrl,
      botToken: '123456:ABC-test',
      clock: c,
      sleep: async (ms) => c.advance(ms),
      random: () => 0.5,
      pacer: createPacer({ clock: c, perNumberPerSecond: 30, perNumberBurst: 30, pairIntervalMs: 1000, pairBurst: 3 }),
      onProviderError: (e) => errors.push(e),
      log,
    });
    return { sender, errors, c };
  }

  it('should call sendMessage and return chatId:message_id', async () => {
    const { sender } = await setup();
    const r = await sender.send({ to: '555000111', text: 'Hola Ana' });
    expect(r).toEqual({ providerMessageId: '555000111:101', usedTemplate: false, attempts: 1 });
    expect(fake!.requests[0]).toMatchObject({ method: 'sendMessage', body: { chat_id: '555000111', text: 'Hola Ana' }, status: 200 });
  });

  it('should wait retry_after on 429, retry 5xx, and reject a blocked bot at once', async () => {
    const first = await setup([telegramReply.tooManyRequests(7), telegramReply.serverError()]);
    const start = first.c.now();
    expect((await first.sender.send({ to: '555000111', text: 'Hola' })).attempts).toBe(3);
    expect(first.c.now() - start).toBeGreaterThanOrEqual(7000);
    expect(first.errors.map((e) => e.providerCode)).toEqual(['429', '502']);
    await fake!.close();
    const second = await setup([telegramReply.blocked()]);
    await expect(second.sender.send({ to: '555000111', text: 'Hola' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_REJECTED', details: { httpStatus: 403 } });
    expect(fake!.requests).toHaveLength(1);
    await expect(second.sender.send({ to: '555000111', template: { name: 'x', language: 'es' } })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_REJECTED' });
  });

  it('should hand a retry_after beyond the cap back to the outbox instead of waiting it out', async () => {
    const { sender, errors } = await setup([telegramReply.tooManyRequests(90)]);
    await expect(sender.send({ to: '555000111', text: 'Hola' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_RATE_LIMITED', details: { retryAfterMs: 90_000 } });
    expect(fake!.requests).toHaveLength(1);
    expect(errors.map((e) => e.retrying)).toEqual([false]);
  });

  it('should pace a burst to one chat at the per-chat rate', async () => {
    const { sender, c } = await setup();
    const start = c.now();
    for (let i = 0; i < 6; i++) await sender.send({ to: '555000111', text: `m${i}` });
    // Three leave at once, the next three one second apart.
    expect(c.now() - start).toBe(3000);
  });

  it('should receive updates Telegram delivers to the registered webhook with the secret token', async () => {
    const written: InboundEvent[][] = [];
    const dedupe = createMemoryDeduplicator({ clock });
    hook = createServer((req, res) => {
      void (async () => {
        const rawBody = await readRawBody(req, 64 * 1024);
        const result = await handleChannelWebhook({ channel, log, dedupe, accept: async (e) => void written.push(e) }, { method: req.method ?? '', rawBody, headers: req.headers, url: '', query: {} });
        res.writeHead(result.status, result.headers);
        res.end(result.body);
      })();
    });
    await new Promise<void>((r) => hook!.listen(0, '127.0.0.1', r));
    await setup();
    const webhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhooks/telegram/${TENANT}`;
    const set = await fetch(`${fake!.baseUrl}/bot123456:ABC-test/setWebhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: webhookUrl, secret_token: SECRET }) });
    expect(await set.json()).toMatchObject({ ok: true });
    expect(await fake!.deliverUpdate(telegramTextUpdate(9200, 'hola'))).toBe(200);
    expect(await fake!.deliverUpdate(telegramTextUpdate(9200, 'hola'))).toBe(200);
    expect(written.flat()).toMatchObject([{ messageId: '9200', text: 'hola' }]);
  });
});
