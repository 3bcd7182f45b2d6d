import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent, ProviderErrorRecord, WebhookRequest } from '../../../src/channels/channel.js';
import { createMemoryDeduplicator } from '../../../src/channels/dedupe.js';
import { createPacer } from '../../../src/channels/pacer.js';
import { createServiceWindow } from '../../../src/channels/service-window.js';
import { handleChannelWebhook } from '../../../src/channels/webhook-handler.js';
import { createWhatsAppCloudChannel, createWhatsAppSender, signWhatsAppBody, verifyWhatsAppSignature } from '../../../src/channels/whatsapp-cloud/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { graphReply, metaJson, metaSignature, startFakeGraph, waEnvelope, waMessage, waStatus, type FakeGraph } from '../../fakes/whatsapp-graph.js';

const SECRET = 'meta-app-secret-test';
const TENANT = 'tenant-wa-1';
const PHONE_ID = '106540352242922';
const log = createSilentLogger();

const channel = createWhatsAppCloudChannel({ tenantId: TENANT, appSecret: SECRET, verifyToken: 'verify-me', phoneNumberId: PHONE_ID });

function request(raw: Buffer, signature: string | null = metaSignature(SECRET, raw)): WebhookRequest {
  return {
    method: 'POST',
    rawBody: raw,
    headers: { 'content-type': 'application/json', ...(signature !== null ? { 'x-hub-signature-256': signature } : {}) },
    url: `https://hilo.example.com/webhooks/whatsapp/${TENANT}`,
    query: {},
  };
}

function harness(accept?: (events: InboundEvent[]) => Promise<void>) {
  const written: InboundEvent[][] = [];
  const clock = createManualClock();
  return {
    written,
    handle: (req: WebhookRequest) =>
      handleChannelWebhook(
        {
          channel,
          log,
          dedupe: createMemoryDeduplicatorShared,
          accept:
            accept ??
            (async (events) => {
              written.push(events);
            }),
        },
        req,
      ),
    clock,
  };
}
let createMemoryDeduplicatorShared = createMemoryDeduplicator({ clock: createManualClock() });
afterEach(() => {
  createMemoryDeduplicatorShared = createMemoryDeduplicator({ clock: createManualClock() });
});

describe('WhatsApp Cloud verification handshake', () => {
  it('should echo hub.challenge when mode and verify token match', () => {
    expect(channel.verifyChallenge?.({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' })).toEqual({ ok: true, body: '1158201444' });
  });

  it('should refuse a wrong verify token, a wrong mode or a missing challenge', () => {
    const refused = { ok: false, status: 403, code: 'HILO_ERR_CHANNEL_VERIFY_FAILED' };
    expect(channel.verifyChallenge?.({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-mE', 'hub.challenge': '1' })).toEqual(refused);
    expect(channel.verifyChallenge?.({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1' })).toEqual(refused);
    expect(channel.verifyChallenge?.({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me' })).toEqual(refused);
  });

  it('should answer the GET through the webhook handler', async () => {
    const { handle } = harness();
    const res = await handle({ method: 'GET', rawBody: Buffer.alloc(0), headers: {}, url: '', query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': 'abc' } });
    expect(res).toMatchObject({ status: 200, body: 'abc' });
    const bad = await handle({ method: 'GET', rawBody: Buffer.alloc(0), headers: {}, url: '', query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'x', 'hub.challenge': 'abc' } });
    expect(bad.status).toBe(403);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: 'HILO_ERR_CHANNEL_VERIFY_FAILED' } });
  });
});

describe('WhatsApp Cloud X-Hub-Signature-256', () => {
  const raw = metaJson(waMessage({ type: 'text', text: { body: '¿Tienen cemento gris? Mañana 🙂' } }));

  it('should accept the signature Meta computes over the escaped-unicode bytes', () => {
    expect(raw.toString('utf8')).toContain('\\u00bfTienen');
    expect(channel.verifyRequest(request(raw))).toEqual({ ok: true });
    expect(signWhatsAppBody(SECRET, raw)).toBe(metaSignature(SECRET, raw));
  });

  it('should verify the published X-Hub-Signature-256 example (same scheme, documented by GitHub) and reject its mutations', () => {
    const secret = "It's a Secret to Everybody";
    const sig = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    expect(verifyWhatsAppSignature(secret, Buffer.from('Hello, World!'), sig)).toEqual({ ok: true });
    expect(verifyWhatsAppSignature(secret, Buffer.from('Hello, World?'), sig).ok).toBe(false);
    expect(verifyWhatsAppSignature(`${secret}.`, Buffer.from('Hello, World!'), sig).ok).toBe(false);
    expect(verifyWhatsAppSignature(secret, Buffer.from('Hello, World!'), sig.toUpperCase()).ok).toBe(false);
  });

  it('should reject the same payload re-serialised (signature is over raw bytes, not JSON)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(reserialised.equals(raw)).toBe(false);
    expect(channel.verifyRequest(request(reserialised, metaSignature(SECRET, raw)))).toMatchObject({ ok: false, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' });
  });

  it('should reject a missing, malformed, wrong-secret or truncated signature and write nothing', async () => {
    const { handle, written } = harness();
    const good = metaSignature(SECRET, raw);
    const cases: Array<[string | null, number, string]> = [
      [null, 401, 'HILO_ERR_CHANNEL_SIGNATURE_MISSING'],
      ['', 401, 'HILO_ERR_CHANNEL_SIGNATURE_MISSING'],
      [good.slice(0, -1), 403, 'HILO_ERR_CHANNEL_SIGNATURE_INVALID'],
      [good.replace('sha256=', 'sha1='), 403, 'HILO_ERR_CHANNEL_SIGNATURE_INVALID'],
      [good.replace('sha256=', ''), 403, 'HILO_ERR_CHANNEL_SIGNATURE_INVALID'],
      [metaSignature('another-secret', raw), 403, 'HILO_ERR_CHANNEL_SIGNATURE_INVALID'],
      [`${good}0`, 403, 'HILO_ERR_CHANNEL_SIGNATURE_INVALID'],
    ];
    for (const [sig, status, code] of cases) {
      const res = await handle(request(raw, sig));
      expect(res.status, String(sig)).toBe(status);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code } });
    }
    expect(written).toEqual([]);
  });

  it('should reject every single-character mutation of the signature hex', () => {
    const good = metaSignature(SECRET, raw);
    for (let i = 'sha256='.length; i < good.length; i++) {
      const ch = good[i] === '0' ? '1' : '0';
      const mutated = good.slice(0, i) + ch + good.slice(i + 1);
      expect(channel.verifyRequest(request(raw, mutated)).ok, `position ${i}`).toBe(false);
    }
  });

  it('should reject every single-byte mutation of the body', () => {
    const sig = metaSignature(SECRET, raw);
    for (let i = 0; i < raw.length; i++) {
      const mutated = Buffer.from(raw);
      mutated[i] = mutated[i]! ^ 0x01;
      expect(channel.verifyRequest(request(mutated, sig)).ok, `byte ${i}`).toBe(false);
    }
  });

  it('should refuse a non-JSON content type before anything else', () => {
    const req = request(raw);
    req.headers['content-type'] = 'application/x-www-form-urlencoded';
    expect(channel.verifyRequest(req)).toMatchObject({ ok: false, status: 415, code: 'HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('WhatsApp Cloud webhook payloads', () => {
  const parse = (payload: unknown) => channel.parseInbound(metaJson(payload), {});

  it('should normalise a text message with sender, id, timestamp and text', () => {
    const [event] = parse(waMessage({ type: 'text', text: { body: 'Hola, quiero 3 sacos' } }));
    expect(event).toEqual({
      type: 'message',
      channel: 'whatsapp',
      tenantId: TENANT,
      senderId: '18095550100',
      messageId: 'wamid.HBgLMTgwOTU1NTAxMDAVAgASGBQzQUVCOUFBRjZBMDc1RjE3QjE3MQA=',
      text: 'Hola, quiero 3 sacos',
      kind: 'text',
      timestamp: 1763812800_000,
      profileName: 'Ana',
      meta: {},
    });
  });

  it('should read interactive button and list replies as their titles', () => {
    const [button] = parse(waMessage({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes-1', title: 'Sí, confirmar' } } }));
    expect(button).toMatchObject({ kind: 'button', text: 'Sí, confirmar', meta: { replyId: 'yes-1' } });
    const [list] = parse(waMessage({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'row-2', title: 'Santiago', description: 'Sucursal' } } }));
    expect(list).toMatchObject({ kind: 'list', text: 'Santiago', meta: { replyId: 'row-2' } });
    const [templateButton] = parse(waMessage({ type: 'button', button: { text: 'Hablar con alguien', payload: 'HANDOFF' } }));
    expect(templateButton).toMatchObject({ kind: 'button', text: 'Hablar con alguien', meta: { replyId: 'HANDOFF' } });
  });

  it('should normalise location, contacts and media so the runtime can acknowledge them', () => {
    const [loc] = parse(waMessage({ type: 'location', location: { latitude: 18.4861, longitude: -69.9312, name: 'Ferretería Central', address: 'Av. Duarte 12' } }));
    expect(loc).toMatchObject({ kind: 'location', text: 'Ferretería Central, Av. Duarte 12', meta: { latitude: 18.4861, longitude: -69.9312 } });
    const [contacts] = parse(waMessage({ type: 'contacts', contacts: [{ name: { formatted_name: 'Luis' }, phones: [{ phone: '+1 809 555 0101' }] }] }));
    expect(contacts).toMatchObject({ kind: 'contacts', text: '', meta: { count: 1 } });
    const [image] = parse(waMessage({ type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc', caption: 'Este modelo' } }));
    expect(image).toMatchObject({ kind: 'media', text: 'Este modelo', meta: { mediaType: 'image', mediaId: '1479537139650973', mimeType: 'image/jpeg' } });
    const [audio] = parse(waMessage({ type: 'audio', audio: { id: '99', mime_type: 'audio/ogg; codecs=opus', voice: true } }));
    expect(audio).toMatchObject({ kind: 'media', text: '', meta: { mediaType: 'audio' } });
  });

  it('should read sent/delivered/read/failed statuses with their provider error', () => {
    const [delivered] = parse(waStatus({ id: 'wamid.OUT1', status: 'delivered', conversation: { id: 'c1', origin: { type: 'service' } }, pricing: { billable: true } }));
    expect(delivered).toEqual({ type: 'status', channel: 'whatsapp', tenantId: TENANT, providerMessageId: 'wamid.OUT1', status: 'delivered', timestamp: 1763812805_000, recipientId: '18095550100' });
    const [failed] = parse(
      waStatus({ id: 'wamid.OUT2', status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'more than 24 hours' } }] }),
    );
    expect(failed).toMatchObject({ status: 'failed', providerMessageId: 'wamid.OUT2', error: { code: '131047', message: 'Re-engagement message' } });
    for (const status of ['sent', 'read'] as const) expect(parse(waStatus({ status }))[0]).toMatchObject({ status });
  });

  it('should tolerate unknown fields and skip unknown message types and other subscriptions', () => {
    const payload = waMessage({ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' }, brand_new_field: { x: 1 } });
    (payload as { future?: boolean }).future = true;
    expect(parse(payload)).toEqual([]);
    expect(parse({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }] }] })).toEqual([]);
    const withExtra = waMessage({ type: 'text', text: { body: 'hola', extra: 1 }, context: { from: '1', id: 'wamid.prev' } });
    expect(parse(withExtra)).toHaveLength(1);
  });

  it('should drop events addressed to another phone number id', () => {
    expect(parse(waEnvelope({ messages: [{ from: '18095550100', id: 'wamid.1', timestamp: '1', type: 'text', text: { body: 'x' } }] }, '999'))).toEqual([]);
  });

  it('should answer 400 with every problem and write nothing when the payload is malformed', async () => {
    const { handle, written } = harness();
    const raw = metaJson(waMessage({ type: 'text', text: { body: 42 }, from: 'not-a-number' }));
    const res = await handle(request(raw));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as { error: { code: string; details: Array<{ path: string }> } };
    expect(body.error.code).toBe('HILO_ERR_CHANNEL_VALIDATION');
    expect(body.error.details.map((d) => d.path)).toEqual(['entry[0].changes[0].value.messages[0].from', 'entry[0].changes[0].value.messages[0].text.body']);
    expect(written).toEqual([]);
  });

  it('should refuse a second valid message in a batch whose first is broken: nothing partial', async () => {
    const { handle, written } = harness();
    const payload = waEnvelope({
      messages: [
        { from: '18095550100', id: 'wamid.ok', timestamp: '1763812800', type: 'text', text: { body: 'hola' } },
        { from: '18095550100', id: 'wamid.bad', timestamp: 'yesterday', type: 'text', text: { body: 'hola' } },
      ],
    });
    expect((await handle(request(metaJson(payload)))).status).toBe(400);
    expect(written).toEqual([]);
  });
});

describe('WhatsApp Cloud webhook acceptance', () => {
  it('should accept once and answer 200 for a redelivered message id', async () => {
    const { handle, written } = harness();
    const raw = metaJson(waMessage({ type: 'text', text: { body: 'hola' } }));
    expect((await handle(request(raw))).status).toBe(200);
    expect((await handle(request(raw))).status).toBe(200);
    expect(written).toHaveLength(1);
    expect(written[0]).toHaveLength(1);
  });

  it('should answer 200 only after accept resolves, and not 200 when it fails so Meta redelivers', async () => {
    let release: () => void = () => {};
    const order: string[] = [];
    const slow = harness(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            order.push('accepted');
            resolve();
          };
        }),
    );
    const raw = metaJson(waMessage({ type: 'text', text: { body: 'hola' } }));
    const pending = slow.handle(request(raw)).then((res) => {
      order.push(`answered ${res.status}`);
      return res;
    });
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    release();
    await pending;
    expect(order).toEqual(['accepted', 'answered 200']);

    let fail = true;
    const flaky = harness(async () => {
      if (fail) throw new Error('database down');
    });
    const raw2 = metaJson(waMessage({ type: 'text', text: { body: 'otra' }, id: 'wamid.flaky' }));
    expect((await flaky.handle(request(raw2))).status).toBe(500);
    fail = false;
    expect((await flaky.handle(request(raw2))).status).toBe(200);
  });
});

describe('WhatsApp Cloud sender against a fake Graph API', () => {
  let fake: FakeGraph | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  function setup(options: { script?: ReturnType<typeof graphReply.ok>[]; fallback?: boolean } = {}) {
    const clock = createManualClock();
    const errors: ProviderErrorRecord[] = [];
    const window = createServiceWindow({ clock });
    window.recordInbound('conv-1', clock.now() - 60_000);
    return {
      clock,
      errors,
      window,
      make: async () => {
        fake = await startFakeGraph({
          accessToken: 'tok',
          script: options.script ?? [],
        });
        return createWhatsAppSender({
          baseUrl: fake.baseUrl,
          phoneNumberId: PHONE_ID,
          accessToken: 'tok',
          clock,
          sleep: async (ms) => clock.advance(ms),
          random: () => 0.5,
          pacer: createPacer({ clock }),
          serviceWindow: window,
          ...(options.fallback === false ? {} : { fallbackTemplate: { name: 'seguimiento_hilo', language: 'es', parameters: ['Ana'] } }),
          onProviderError: (e) => errors.push(e),
          log,
        });
      },
    };
  }

  it('should post a text message to /{version}/{phone-number-id}/messages with the Bearer token', async () => {
    const s = setup();
    const sender = await s.make();
    const result = await sender.send({ to: '18095550100', text: 'Hola *Ana*', conversationId: 'conv-1' });
    expect(result).toMatchObject({ usedTemplate: false, attempts: 1 });
    expect(result.providerMessageId).toMatch(/^wamid\./);
    expect(fake!.requests[0]).toMatchObject({
      method: 'POST',
      path: `/v21.0/${PHONE_ID}/messages`,
      authorization: 'Bearer tok',
      body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '18095550100', type: 'text', text: { preview_url: false, body: 'Hola *Ana*' } },
    });
  });

  it('should retry 130429 with backoff and record every provider error', async () => {
    const s = setup({ script: [graphReply.rateLimit(), graphReply.serverError()] });
    const sender = await s.make();
    const start = s.clock.now();
    const result = await sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' });
    expect(result.attempts).toBe(3);
    expect(s.errors.map((e) => [e.providerCode, e.httpStatus, e.retrying])).toEqual([
      ['130429', 400, true],
      ['131000', 500, true],
    ]);
    expect(s.clock.now() - start).toBeGreaterThanOrEqual(1000);
  });

  it('should give up on 130429 after the last attempt with a rate-limit code', async () => {
    const s = setup({ script: Array.from({ length: 4 }, () => graphReply.rateLimit()) });
    const sender = await s.make();
    await expect(sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_RATE_LIMITED' });
    expect(fake!.requests).toHaveLength(4);
    expect(s.errors.at(-1)).toMatchObject({ retrying: false, providerCode: '130429' });
  });

  it('should not retry 131026 (undeliverable) and say it was rejected', async () => {
    const s = setup({ script: [graphReply.undeliverable()] });
    const sender = await s.make();
    await expect(sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' })).rejects.toMatchObject({
      code: 'HILO_ERR_CHANNEL_SEND_REJECTED',
      details: { httpStatus: 400, providerCode: 131026 },
    });
    expect(fake!.requests).toHaveLength(1);
    expect(s.errors).toHaveLength(1);
  });

  it('should send the configured template when Meta answers 131047 and close the window', async () => {
    const s = setup({ script: [graphReply.reEngagement()] });
    const sender = await s.make();
    const result = await sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' });
    expect(result).toMatchObject({ usedTemplate: true, attempts: 2 });
    expect(fake!.requests[1]!.body).toMatchObject({
      type: 'template',
      template: { name: 'seguimiento_hilo', language: { code: 'es' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] },
    });
    expect(s.window.isOpen('conv-1')).toBe(false);
    expect(s.errors[0]).toMatchObject({ providerCode: '131047', retrying: false });
  });

  it('should send the template without trying free text once the 24-hour window has passed', async () => {
    const s = setup();
    const sender = await s.make();
    s.clock.advance(24 * 60 * 60 * 1000);
    const result = await sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' });
    expect(result.usedTemplate).toBe(true);
    expect(fake!.requests).toHaveLength(1);
    expect(fake!.requests[0]!.body).toMatchObject({ type: 'template' });
  });

  it('should fail with HILO_ERR_CHANNEL_WINDOW_CLOSED when the window is closed and no template is configured', async () => {
    const s = setup({ fallback: false });
    const sender = await s.make();
    await expect(sender.send({ to: '18095550100', text: 'Hola', conversationId: 'unknown-conv' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_WINDOW_CLOSED' });
    expect(fake!.requests).toHaveLength(0);
  });

  it('should treat a 200 without a message id as a failure', async () => {
    const s = setup({ script: [graphReply.raw(200, '{"messaging_product":"whatsapp"}')] });
    const sender = await s.make();
    await expect(sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_FAILED' });
  });

  it('should fail after retries when the Graph API is unreachable', async () => {
    const s = setup();
    const sender = await s.make();
    await fake!.close();
    await expect(sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_FAILED' });
    expect(s.errors).toHaveLength(4);
    expect(s.errors.every((e) => e.httpStatus === null)).toBe(true);
  });

  it('should pace 300 messages to 10 recipients within the throughput and pair limits: zero 130429 / 131056', async () => {
    const s = setup();
    // Burst + rate stay within the fake's sliding windows: 10 + 70/s ≤ 80 per second, 5 + 1 per 6 s ≤ 6.
    const sender = await (async () => {
      const clock = s.clock;
      fake = await startFakeGraph({ accessToken: 'tok', enforce: { clock, perSecond: 80, pairBurst: 6, pairWindowMs: 6000 } });
      for (let i = 0; i < 10; i++) s.window.recordInbound(`c${i}`, clock.now());
      return createWhatsAppSender({
        baseUrl: fake.baseUrl,
        phoneNumberId: PHONE_ID,
        accessToken: 'tok',
        clock,
        sleep: async (ms) => clock.advance(ms),
        pacer: createPacer({ clock, perNumberPerSecond: 70, perNumberBurst: 10, pairIntervalMs: 6000, pairBurst: 5 }),
        serviceWindow: s.window,
        onProviderError: (e) => s.errors.push(e),
        log,
      });
    })();
    for (let i = 0; i < 300; i++) {
      await sender.send({ to: `1809555${String(i % 10).padStart(4, '0')}`, text: `m${i}`, conversationId: `c${i % 10}` });
    }
    expect(fake!.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(s.errors).toEqual([]);
    expect(fake!.requests).toHaveLength(300);
  });

  it('should hit 130429 from the same fake when nothing paces the sends (the enforcer is real)', async () => {
    const clock = createManualClock();
    fake = await startFakeGraph({ accessToken: 'tok', enforce: { clock, perSecond: 80, pairBurst: 1000, pairWindowMs: 6000 } });
    const window = createServiceWindow({ clock });
    window.recordInbound('c', clock.now());
    const errors: ProviderErrorRecord[] = [];
    const sender = createWhatsAppSender({
      baseUrl: fake.baseUrl,
      phoneNumberId: PHONE_ID,
      accessToken: 'tok',
      clock,
      sleep: async (ms) => clock.advance(ms),
      pacer: createPacer({ clock, perNumberPerSecond: 1e9, perNumberBurst: 1e9, pairIntervalMs: 1, pairBurst: 1e9 }),
      serviceWindow: window,
      onProviderError: (e) => errors.push(e),
      log,
    });
    for (let i = 0; i < 100; i++) await sender.send({ to: '18095550100', text: `m${i}`, conversationId: 'c' });
    expect(errors.filter((e) => e.providerCode === '130429').length).toBeGreaterThan(0);
  });
});

describe('WhatsApp Cloud outbound formatting', () => {
  it('should turn **bold** into *bold*, keep two paragraphs and stay within 4096 characters', () => {
    expect(channel.formatOutbound('Precio: **RD$ 450**\n\nSegundo párrafo.\n\nTercero.')).toBe('Precio: *RD$ 450*\n\nSegundo párrafo.');
    const long = channel.formatOutbound('palabra '.repeat(2000));
    expect(Array.from(long).length).toBeLessThanOrEqual(4096);
    expect(long.endsWith('…')).toBe(true);
  });
});
