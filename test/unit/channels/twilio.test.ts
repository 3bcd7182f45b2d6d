import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent, ProviderErrorRecord, WebhookRequest } from '../../../src/channels/channel.js';
import { createMemoryDeduplicator } from '../../../src/channels/dedupe.js';
import { createPacer } from '../../../src/channels/pacer.js';
import { readRawBody } from '../../../src/channels/raw-body.js';
import { createServiceWindow } from '../../../src/channels/service-window.js';
import { computeTwilioSignature, createTwilioChannel, createTwilioSender, EMPTY_TWIML, parseForm, urlVariants } from '../../../src/channels/twilio/index.js';
import { handleChannelWebhook } from '../../../src/channels/webhook-handler.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { startFakeTwilioApi, twilioInboundParams, twilioReply, type FakeTwilioApi } from '../../fakes/twilio-api.js';

const log = createSilentLogger();
const TOKEN = 'twilio-auth-token-test';
const TENANT = 'tenant-tw-1';
const URL_ = `https://hilo.example.com/webhooks/twilio/${TENANT}`;
const clock = createManualClock();
const channel = createTwilioChannel({ tenantId: TENANT, authToken: TOKEN, clock });

function formRequest(params: Record<string, string>, { url = URL_, token = TOKEN, signature }: { url?: string; token?: string; signature?: string | null } = {}): WebhookRequest {
  const sig = signature === undefined ? twilio.getExpectedTwilioSignature(token, url, params) : signature;
  return {
    method: 'POST',
    rawBody: Buffer.from(new URLSearchParams(params).toString(), 'utf8'),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(sig !== null ? { 'x-twilio-signature': sig } : {}) },
    url,
    query: {},
  };
}

function harness() {
  const written: InboundEvent[][] = [];
  const dedupe = createMemoryDeduplicator({ clock });
  return {
    written,
    handle: (req: WebhookRequest) =>
      handleChannelWebhook(
        {
          channel,
          log,
          dedupe,
          accept: async (events) => {
            written.push(events);
          },
        },
        req,
      ),
  };
}

describe("Twilio X-Twilio-Signature with Twilio's published examples", () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const vectors: Array<[Record<string, string>, string]> = [
    [{ CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' }, 'GvWf1cFY/Q7PnoempGyD5oXAezc='],
    [{ CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' }, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
    [{ CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' }, '0/KCTR6DLpKmkAf8muzZqo1nDgQ='],
  ];

  it('should compute the published signatures for the form examples', () => {
    for (const [params, signature] of vectors) {
      expect(computeTwilioSignature('12345', url, params)).toBe(signature);
      const ch = createTwilioChannel({ tenantId: 't', authToken: '12345', clock });
      expect(ch.verifyRequest(formRequest(params, { url, token: '12345', signature }))).toEqual({ ok: true });
    }
  });

  it('should verify the published bodySHA256 example for JSON bodies', () => {
    const body = '{"property": "value", "boolean": true}';
    const jsonUrl = `${url}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620`;
    const ch = createTwilioChannel({ tenantId: 't', authToken: '12345', clock });
    const req: WebhookRequest = { method: 'POST', rawBody: Buffer.from(body), headers: { 'content-type': 'application/json', 'x-twilio-signature': 'a9nBmqA0ju/hNViExpshrM61xv4=' }, url: jsonUrl, query: {} };
    expect(ch.verifyRequest(req)).toEqual({ ok: true });
    expect(ch.verifyRequest({ ...req, rawBody: Buffer.from(body.replace('value', 'valuf')) })).toMatchObject({ ok: false, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' });
    expect(ch.verifyRequest({ ...req, url: url })).toMatchObject({ ok: false, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' });
  });

  it('should reject every mutation of the published example: each value, each name, an extra or a missing parameter, the URL, the token', () => {
    const [params, signature] = vectors[0]!;
    const ch = createTwilioChannel({ tenantId: 't', authToken: '12345', clock });
    const check = (p: Record<string, string>, o: { url?: string; token?: string } = {}) => ch.verifyRequest(formRequest(p, { url: o.url ?? url, token: '12345', signature: o.token ? computeTwilioSignature(o.token, url, params) : signature })).ok;
    for (const key of Object.keys(params)) {
      expect(check({ ...params, [key]: `${params[key]}0` }), `value of ${key}`).toBe(false);
      const { [key]: value, ...rest } = params;
      expect(check(rest), `without ${key}`).toBe(false);
      expect(check({ ...rest, [key.toLowerCase()]: value! }), `name case of ${key}`).toBe(false);
    }
    expect(check({ ...params, Extra: '' })).toBe(false);
    for (const other of ['http://mycompany.com/myapp.php?foo=1&bar=2', 'https://mycompany.com/myapp.php?foo=1&bar=3', 'https://mycompany.com/myapp.php?bar=2&foo=1', 'https://mycompany.com/myapp.php', 'https://evil.com/myapp.php?foo=1&bar=2']) {
      expect(check(params, { url: other }), other).toBe(false);
    }
    expect(check(params, { token: '12346' })).toBe(false);
  });

  it('should accept the URL signed with or without the default port, and nothing else', () => {
    expect(urlVariants('https://a.example/x?y=1')).toEqual(['https://a.example/x?y=1', 'https://a.example:443/x?y=1']);
    expect(urlVariants('https://a.example:443/x')).toEqual(['https://a.example:443/x', 'https://a.example/x']);
    expect(urlVariants('https://a.example:8443/x')).toEqual(['https://a.example:8443/x']);
    const params = twilioInboundParams();
    const signedWithPort = twilio.getExpectedTwilioSignature(TOKEN, 'https://hilo.example.com:443/webhooks/twilio/tenant-tw-1', params);
    expect(channel.verifyRequest(formRequest(params, { signature: signedWithPort })).ok).toBe(true);
    const signedOtherPort = twilio.getExpectedTwilioSignature(TOKEN, 'https://hilo.example.com:8443/webhooks/twilio/tenant-tw-1', params);
    expect(channel.verifyRequest(formRequest(params, { signature: signedOtherPort })).ok).toBe(false);
  });
});

describe('Twilio signatures cross-checked against the twilio package', () => {
  const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !k.includes('\u0000'));
  const params = fc.dictionary(key, fc.string({ maxLength: 40 }), { maxKeys: 12 });
  const urls = fc.tuple(fc.constantFrom('https://hilo.example.com', 'https://h.example.org:8443', 'http://127.0.0.1:3000'), fc.webPath(), fc.option(fc.webQueryParameters())).map(([origin, path, q]) => `${origin}${path}${q ? `?${q}` : ''}`);

  it('should compute the same signature as getExpectedTwilioSignature for any URL and parameters', () => {
    fc.assert(
      fc.property(urls, params, fc.string({ minLength: 1, maxLength: 40 }), (url, p, token) => {
        expect(computeTwilioSignature(token, url, p)).toBe(twilio.getExpectedTwilioSignature(token, url, p));
      }),
      { numRuns: 300 },
    );
  });

  it('should agree with validateRequest: accept what it signs, reject any changed value', () => {
    fc.assert(
      fc.property(urls, params.filter((p) => Object.keys(p).length > 0), fc.nat(), (url, p, pick) => {
        const ch = createTwilioChannel({ tenantId: 't', authToken: TOKEN, clock });
        const sig = twilio.getExpectedTwilioSignature(TOKEN, url, p);
        expect(ch.verifyRequest(formRequest(p, { url, signature: sig })).ok).toBe(true);
        const keys = Object.keys(p);
        const k = keys[pick % keys.length]!;
        const mutated = { ...p, [k]: `${p[k]}x` };
        expect(twilio.validateRequest(TOKEN, sig, url, mutated)).toBe(false);
        expect(ch.verifyRequest(formRequest(mutated, { url, signature: sig })).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('should sign repeated parameters like the twilio package (each distinct value, sorted)', () => {
    const raw = Buffer.from('MediaUrl=b&MediaUrl=a&MediaUrl=b&Body=hola');
    const sig = twilio.getExpectedTwilioSignature(TOKEN, URL_, { MediaUrl: ['b', 'a', 'b'], Body: 'hola' } as unknown as Record<string, string>);
    expect(computeTwilioSignature(TOKEN, URL_, parseForm(raw))).toBe(sig);
  });
});

describe('Twilio webhook requests', () => {
  it('should reject a missing or wrong signature and write nothing', async () => {
    const { handle, written } = harness();
    const params = twilioInboundParams();
    const missing = await handle(formRequest(params, { signature: null }));
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'HILO_ERR_CHANNEL_SIGNATURE_MISSING' } });
    const wrong = await handle(formRequest(params, { signature: twilio.getExpectedTwilioSignature('other-token', URL_, params) }));
    expect(wrong.status).toBe(403);
    const tampered = formRequest(params);
    tampered.rawBody = Buffer.from(tampered.rawBody.toString().replace('varilla', 'cemento'));
    expect((await handle(tampered)).status).toBe(403);
    expect(written).toEqual([]);
  });

  it('should refuse broken form encodings and unexpected content types with a 4xx', async () => {
    const { handle, written } = harness();
    const sign = (body: string): WebhookRequest => ({
      method: 'POST',
      rawBody: Buffer.from(body, 'latin1'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
      url: URL_,
      query: {},
    });
    expect((await handle(sign('Body=%E0%A4%A'))).status).toBe(400);
    expect((await handle(sign('Body=%FF'))).status).toBe(400);
    expect((await handle(sign('Body=\xff\xfe'))).status).toBe(400);
    const xml = sign('Body=x');
    xml.headers['content-type'] = 'text/xml';
    expect((await handle(xml)).status).toBe(415);
    expect(written).toEqual([]);
  });

  it('should answer 200 with empty TwiML and normalise a text message', async () => {
    const { handle, written } = harness();
    const res = await handle(formRequest(twilioInboundParams()));
    expect(res).toEqual({ status: 200, headers: { 'content-type': 'text/xml' }, body: EMPTY_TWIML });
    expect(written[0]).toEqual([
      {
        type: 'message',
        channel: 'twilio-whatsapp',
        tenantId: TENANT,
        senderId: '18095550100',
        messageId: 'SM0123456789abcdef0123456789abcdef',
        text: 'Hola, ¿tienen varilla de 3/8?',
        kind: 'text',
        timestamp: clock.now(),
        profileName: 'Ana',
        meta: {},
      },
    ]);
  });

  it('should de-duplicate redeliveries by MessageSid', async () => {
    const { handle, written } = harness();
    const params = twilioInboundParams({ MessageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', SmsMessageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect((await handle(formRequest(params))).status).toBe(200);
    expect((await handle(formRequest(params))).status).toBe(200);
    expect(written).toHaveLength(1);
  });

  it('should read buttons, locations and media, and refuse a message without a valid MessageSid', () => {
    const parse = (o: Record<string, string>) => channel.parseInbound(Buffer.from(new URLSearchParams(twilioInboundParams(o)).toString()), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(parse({ ButtonText: 'Sí', ButtonPayload: 'CONFIRM', MessageType: 'button' })[0]).toMatchObject({ kind: 'button', text: 'Sí', meta: { replyId: 'CONFIRM' } });
    expect(parse({ Latitude: '18.4861', Longitude: '-69.9312', Address: 'Av. Duarte 12', Body: '', MessageType: 'location' })[0]).toMatchObject({
      kind: 'location',
      text: 'Av. Duarte 12',
      meta: { latitude: 18.4861, longitude: -69.9312 },
    });
    expect(parse({ NumMedia: '1', MediaContentType0: 'image/jpeg', MediaUrl0: 'https://api.twilio.com/x', Body: '' })[0]).toMatchObject({ kind: 'media', meta: { mediaCount: 1, mimeType: 'image/jpeg' } });
    expect(parse({ NumMedia: '1', MediaContentType0: 'text/vcard', Body: '' })[0]).toMatchObject({ kind: 'contacts' });
    expect(() => parse({ MessageSid: 'not-a-sid', SmsMessageSid: 'x' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
    expect(() => parse({ Latitude: 'north', Longitude: '1' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
  });

  it('should refuse a plain SMS (From or To without whatsapp:) with a 400 naming the field, and write nothing', async () => {
    const { handle, written } = harness();
    const smses: Record<string, string>[] = [{ From: '+18095550100' }, { To: '+14155238886' }, { From: '18095550100', To: '+14155238886' }];
    for (const sms of smses) {
      const res = await handle(formRequest(twilioInboundParams(sms)));
      expect(res.status).toBe(400);
      const error = (JSON.parse(res.body) as { error: { code: string; details: { path: string; problem: string }[] } }).error;
      expect(error.code).toBe('HILO_ERR_CHANNEL_VALIDATION');
      expect(error.details.map((d) => d.path)).toEqual(Object.keys(sms));
      expect(error.details[0]!.problem).toMatch(/not a WhatsApp address/);
    }
    expect(written).toEqual([]);
    // The same message from WhatsApp is taken.
    expect((await handle(formRequest(twilioInboundParams()))).status).toBe(200);
    expect(written).toHaveLength(1);
  });

  it('should read status callbacks with their error code', () => {
    const parse = (o: Record<string, string>) => channel.parseInbound(Buffer.from(new URLSearchParams(o).toString()), {});
    const base = { MessageSid: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', AccountSid: 'AC0123456789abcdef0123456789abcdef', To: 'whatsapp:+18095550100', From: 'whatsapp:+14155238886' };
    expect(parse({ ...base, MessageStatus: 'delivered' })[0]).toMatchObject({ type: 'status', providerMessageId: base.MessageSid, status: 'delivered', recipientId: '18095550100' });
    expect(parse({ ...base, MessageStatus: 'undelivered', ErrorCode: '63016', ErrorMessage: 'outside window' })[0]).toMatchObject({ status: 'failed', error: { code: '63016' } });
    expect(() => parse({ ...base, MessageStatus: 'exploded' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
  });

  it('should acknowledge and drop the statuses Twilio documents that are not a reply delivery', () => {
    const parse = (o: Record<string, string>) => channel.parseInbound(Buffer.from(new URLSearchParams(o).toString()), {});
    const base = { MessageSid: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', AccountSid: 'AC0123456789abcdef0123456789abcdef', To: 'whatsapp:+18095550100', From: 'whatsapp:+14155238886' };
    // Found by hardening over real HTTP: these answered 400 HILO_ERR_CHANNEL_VALIDATION.
    expect(parse({ ...base, MessageStatus: 'receiving' })).toEqual([]);
    expect(parse({ ...base, MessageStatus: 'partially_delivered' })).toEqual([]);
    // Still a validated callback: a broken SID is refused whatever the status.
    expect(() => parse({ ...base, MessageSid: 'nope', MessageStatus: 'receiving' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CHANNEL_VALIDATION' }));
  });
});

describe('Twilio sender against a fake Messages API', () => {
  const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
  let fake: FakeTwilioApi | undefined;
  let hook: Server | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    await new Promise<void>((r) => (hook ? hook.close(() => r()) : r()));
    hook = undefined;
  });

  async function setup(script: ReturnType<typeof twilioReply.ok>[] = [], statusCallbackUrl?: string) {
    const c = createManualClock();
    const errors: ProviderErrorRecord[] = [];
    const window = createServiceWindow({ clock: c });
    window.recordInbound('conv-1', c.now());
    fake = await startFakeTwilioApi({ accountSid: ACCOUNT, authToken: TOKEN, script });
    const sender = createTwilioSender({
      baseUrl: fake.baseUrl,
      accountSid: ACCOUNT,
      authToken: TOKEN,
      from: 'whatsapp:+14155238886',
      ...(statusCallbackUrl ? { statusCallbackUrl } : {}),
      clock: c,
      sleep: async (ms) => c.advance(ms),
      random: () => 0.5,
      pacer: createPacer({ clock: c }),
      serviceWindow: window,
      fallbackTemplate: { name: 'HX0123456789abcdef0123456789abcdef', language: 'es', parameters: ['Ana'] },
      onProviderError: (e) => errors.push(e),
      log,
    });
    return { sender, errors, c, window };
  }

  it('should post the form with basic auth and return the Message sid', async () => {
    const { sender } = await setup();
    const result = await sender.send({ to: '18095550100', text: 'Hola *Ana*', conversationId: 'conv-1' });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake!.requests[0]).toMatchObject({
      path: `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`,
      authorization: `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
      form: { To: 'whatsapp:+18095550100', From: 'whatsapp:+14155238886', Body: 'Hola *Ana*' },
      status: 201,
    });
  });

  it('should honour Retry-After on 429 and record the error', async () => {
    const { sender, errors, c } = await setup([twilioReply.tooManyRequests('3')]);
    const start = c.now();
    const result = await sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' });
    expect(result.attempts).toBe(2);
    expect(c.now() - start).toBeGreaterThanOrEqual(3000);
    expect(errors).toMatchObject([{ channel: 'twilio-whatsapp', httpStatus: 429, providerCode: '20429', retrying: true }]);
  });

  it('should not wait out a Retry-After beyond the cap: the error carries it for the outbox to reschedule', async () => {
    const { sender, errors, c } = await setup([twilioReply.tooManyRequests('120')]);
    const start = c.now();
    await expect(sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_RATE_LIMITED', details: { retryAfterMs: 120_000 } });
    expect(fake!.requests).toHaveLength(1);
    expect(c.now() - start).toBeLessThan(120_000);
    expect(errors).toMatchObject([{ httpStatus: 429, retrying: false }]);
  });

  it('should switch to the Content API template on 63016 and not retry 21211', async () => {
    const first = await setup([twilioReply.outsideWindow()]);
    const r = await first.sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' });
    expect(r.usedTemplate).toBe(true);
    expect(fake!.requests[1]!.form).toMatchObject({ ContentSid: 'HX0123456789abcdef0123456789abcdef', ContentVariables: '{"1":"Ana"}' });
    expect(fake!.requests[1]!.form.Body).toBeUndefined();
    expect(first.window.isOpen('conv-1')).toBe(false);
    await fake!.close();
    const second = await setup([twilioReply.invalidTo()]);
    await expect(second.sender.send({ to: '1', text: 'Hola', conversationId: 'conv-1' })).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_REJECTED', details: { providerCode: 21211 } });
    expect(fake!.requests).toHaveLength(1);
  });

  it('should receive signed status callbacks on the configured URL and record them once', async () => {
    const written: InboundEvent[][] = [];
    const dedupe = createMemoryDeduplicator({ clock });
    let publicUrl = '';
    hook = createServer((req, res) => {
      void (async () => {
        const rawBody = await readRawBody(req, 64 * 1024);
        const result = await handleChannelWebhook(
          { channel, log, dedupe, accept: async (events) => void written.push(events) },
          { method: req.method ?? '', rawBody, headers: req.headers, url: `${publicUrl}${req.url ?? ''}`, query: {} },
        );
        res.writeHead(result.status, result.headers);
        res.end(result.body);
      })();
    });
    await new Promise<void>((r) => hook!.listen(0, '127.0.0.1', r));
    publicUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
    const { sender } = await setup([], `${publicUrl}/webhooks/twilio/${TENANT}/status`);
    const { providerMessageId } = await sender.send({ to: '18095550100', text: 'Hola', conversationId: 'conv-1' });
    expect(await fake!.sendStatusCallback(providerMessageId, 'sent')).toBe(200);
    expect(await fake!.sendStatusCallback(providerMessageId, 'delivered')).toBe(200);
    expect(await fake!.sendStatusCallback(providerMessageId, 'delivered')).toBe(200);
    expect(written.flat()).toMatchObject([
      { type: 'status', providerMessageId, status: 'sent' },
      { type: 'status', providerMessageId, status: 'delivered' },
    ]);
  });
});
