import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, InboundEvent, WebhookRequest } from '../../../src/channels/channel.js';
import { createMemoryDeduplicator } from '../../../src/channels/dedupe.js';
import { readRawBody } from '../../../src/channels/raw-body.js';
import { createTelegramChannel } from '../../../src/channels/telegram/index.js';
import { createTwilioChannel } from '../../../src/channels/twilio/index.js';
import { handleChannelWebhook } from '../../../src/channels/webhook-handler.js';
import { createWhatsAppCloudChannel } from '../../../src/channels/whatsapp-cloud/index.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { twilioInboundParams } from '../../fakes/twilio-api.js';
import { telegramTextUpdate } from '../../fakes/telegram-bot-api.js';
import { metaJson, metaSignature, waMessage, waStatus } from '../../fakes/whatsapp-graph.js';

const log = createSilentLogger();
const clock = createManualClock();
const URL_ = 'https://hilo.example.com/webhooks/x/tenant-fuzz';
const MAX = 16 * 1024;

interface Subject {
  name: string;
  channel: Channel;
  contentType: string;
  /** Headers that make these exact bytes authentic for the channel. */
  sign(raw: Buffer): Record<string, string>;
  valid: () => Buffer;
}

const subjects: Subject[] = [
  {
    name: 'whatsapp',
    channel: createWhatsAppCloudChannel({ tenantId: 'tenant-fuzz', appSecret: 's3cret', verifyToken: 'v', maxBodyBytes: MAX }),
    contentType: 'application/json',
    sign: (raw) => ({ 'x-hub-signature-256': metaSignature('s3cret', raw) }),
    valid: () => metaJson(waMessage({ type: 'text', text: { body: 'Hola, ¿cuánto cuesta el cemento? 🙂' } })),
  },
  {
    name: 'telegram',
    channel: createTelegramChannel({ tenantId: 'tenant-fuzz', secretToken: 'tg-secret', clock, maxBodyBytes: MAX }),
    contentType: 'application/json',
    sign: () => ({ 'x-telegram-bot-api-secret-token': 'tg-secret' }),
    valid: () => Buffer.from(JSON.stringify(telegramTextUpdate(77, 'Hola, ¿cuánto cuesta el cemento? 🙂'))),
  },
  {
    name: 'twilio',
    channel: createTwilioChannel({ tenantId: 'tenant-fuzz', authToken: 'tw-token', clock, maxBodyBytes: MAX }),
    contentType: 'application/x-www-form-urlencoded',
    sign: (raw) => {
      // Sign what a correct parser reads from these bytes; unparseable bytes get some signature.
      let params: Record<string, string> = {};
      try {
        params = Object.fromEntries(new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
      } catch {
        params = {};
      }
      return { 'x-twilio-signature': twilio.getExpectedTwilioSignature('tw-token', URL_, params) };
    },
    valid: () => Buffer.from(new URLSearchParams(twilioInboundParams({ Body: 'Hola, ¿cuánto cuesta el cemento? 🙂' })).toString()),
  },
];

async function run(subject: Subject, raw: Buffer, headers?: Record<string, string>) {
  const written: InboundEvent[][] = [];
  const req: WebhookRequest = { method: 'POST', rawBody: raw, headers: { 'content-type': subject.contentType, ...(headers ?? subject.sign(raw)) }, url: URL_, query: {} };
  const res = await handleChannelWebhook({ channel: subject.channel, log, dedupe: createMemoryDeduplicator({ clock }), accept: async (e) => void written.push(e) }, req);
  return { res, written };
}

function expectWellFormed(events: InboundEvent[]): void {
  for (const e of events) {
    expect(e.tenantId).toBe('tenant-fuzz');
    if (e.type === 'message') {
      expect(typeof e.senderId).toBe('string');
      expect(e.senderId.length).toBeGreaterThan(0);
      expect(typeof e.messageId).toBe('string');
      expect(typeof e.text).toBe('string');
      expect(Number.isFinite(e.timestamp)).toBe(true);
    } else {
      expect(typeof e.providerMessageId).toBe('string');
    }
  }
}

/** The property every webhook must hold: a 200 with well-formed events, or a coded 4xx and nothing written. */
async function expectAnswered(subject: Subject, raw: Buffer, headers?: Record<string, string>): Promise<number> {
  const { res, written } = await run(subject, raw, headers);
  if (res.status === 200) {
    expectWellFormed(written.flat());
  } else {
    expect(res.status, res.body).toBeGreaterThanOrEqual(400);
    expect(res.status, res.body).toBeLessThan(500);
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toMatch(/^HILO_ERR_/);
    expect(written).toEqual([]);
  }
  return res.status;
}

/** Replaces one node of a JSON value (chosen by `pick`) with `replacement`. */
function mutateJson(value: unknown, pick: number, replacement: unknown): unknown {
  let counter = 0;
  const walk = (v: unknown): unknown => {
    if (counter++ === pick) return replacement;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

describe.each(subjects)('$name webhook fuzzing', (subject) => {
  it('should answer random authentic bytes with 200 or a coded 4xx, never a crash', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => void (await expectAnswered(subject, Buffer.from(bytes)))), { numRuns: 200 });
  });

  it('should answer random authentic JSON and text with 200 or a coded 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 300 })), async (text) => {
        await expectAnswered(subject, Buffer.from(text, 'utf8'));
      }),
      { numRuns: 200 },
    );
  });

  it('should survive any single node of a valid payload replaced by random JSON', async () => {
    const valid = subject.valid();
    if (subject.name === 'twilio') {
      const params = Object.fromEntries(new URLSearchParams(valid.toString('utf8')));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(params)), fc.string({ unit: 'binary', maxLength: 80 }), async (key, value) => {
          await expectAnswered(subject, Buffer.from(new URLSearchParams({ ...params, [key]: value }).toString()));
        }),
        { numRuns: 200 },
      );
      return;
    }
    const parsed: unknown = JSON.parse(valid.toString('utf8'));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 40 }), fc.jsonValue({ maxDepth: 2 }), async (pick, replacement) => {
        await expectAnswered(subject, Buffer.from(JSON.stringify(mutateJson(parsed, pick, replacement))));
      }),
      { numRuns: 300 },
    );
  });

  it('should refuse broken UTF-8 inside an authentic body with HILO_ERR_CHANNEL_INVALID_BODY', async () => {
    const valid = subject.valid();
    const broken = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf0, 0x9f, 0x99])];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...broken), async (at, bad) => {
        // Insert after an ASCII letter so the bad sequence is not completed by the bytes around it.
        const pos = valid.indexOf('H'.charCodeAt(0), at % valid.length);
        const where = pos === -1 ? valid.indexOf('H'.charCodeAt(0)) : pos;
        const raw = Buffer.concat([valid.subarray(0, where), bad, valid.subarray(where)]);
        const { res, written } = await run(subject, raw);
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'HILO_ERR_CHANNEL_INVALID_BODY' } });
        expect(written).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('should refuse oversized bodies with 413 before reading them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: MAX + 1, max: MAX * 4 }), async (size) => {
        const raw = Buffer.alloc(size, 0x61);
        const { res, written } = await run(subject, raw);
        expect(res.status).toBe(413);
        expect(written).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('should refuse every authentic body with a wrong signature or secret, whatever the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), fc.string({ minLength: 1, maxLength: 80 }), async (bytes, sig) => {
        const raw = Buffer.concat([subject.valid(), Buffer.from(bytes)]);
        const header = Object.keys(subject.sign(raw))[0]!;
        const status = await expectAnswered(subject, raw, { [header]: sig });
        expect([400, 401, 403]).toContain(status);
      }),
      { numRuns: 100 },
    );
  });

  it('should assemble a body split into many chunks (across multi-byte characters) into the same bytes and result', async () => {
    const valid = subject.valid();
    const expected = await run(subject, valid);
    expect(expected.res.status).toBe(200);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: valid.length - 1 }), { maxLength: 60 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), valid.length];
        const chunks = points.slice(1).map((end, i) => new Uint8Array(valid.subarray(points[i]!, end)));
        const assembled = await readRawBody((async function* () { yield* chunks; })(), MAX);
        expect(assembled.equals(valid)).toBe(true);
        const again = await run(subject, assembled);
        expect(again.res.status).toBe(200);
        expect(again.written).toEqual(expected.written);
      }),
      { numRuns: 100 },
    );
  });
});

describe('body assembly', () => {
  it('should stop reading as soon as the limit is crossed, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 4096 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 32 * 1024 }), async (sizes, limit) => {
        let pulled = 0;
        const total = sizes.reduce((a, b) => a + b, 0);
        const source = (function* () {
          for (const s of sizes) {
            pulled++;
            yield new Uint8Array(s);
          }
        })();
        try {
          const body = await readRawBody(source, limit);
          expect(total).toBeLessThanOrEqual(limit);
          expect(body.length).toBe(total);
        } catch (err) {
          expect(isHiloError(err, 'HILO_ERR_CHANNEL_BODY_TOO_LARGE')).toBe(true);
          expect(total).toBeGreaterThan(limit);
          // The chunk that crossed the limit is the last one read.
          let acc = 0;
          let crossing = 0;
          for (const s of sizes) {
            crossing++;
            acc += s;
            if (acc > limit) break;
          }
          expect(pulled).toBe(crossing);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('over a real socket', () => {
    let server: Server | undefined;
    afterEach(async () => {
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = undefined;
    });

    it('should answer 413 to an oversized chunked upload, 200 to a valid one sent byte by byte, and keep serving', async () => {
      const subject = subjects[0]!;
      const written: InboundEvent[][] = [];
      const dedupe = createMemoryDeduplicator({ clock });
      server = createServer((req, res) => {
        void (async () => {
          try {
            const rawBody = await readRawBody(req, MAX);
            const r = await handleChannelWebhook({ channel: subject.channel, log, dedupe, accept: async (e) => void written.push(e) }, { method: 'POST', rawBody, headers: req.headers, url: URL_, query: {} });
            res.writeHead(r.status, r.headers);
            res.end(r.body);
          } catch (err) {
            const status = isHiloError(err) ? err.status : 500;
            res.writeHead(status, { connection: 'close' });
            res.end();
            req.destroy();
          }
        })();
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      const send = (chunks: Buffer[], headers: Record<string, string>) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
          void (async () => {
            for (const c of chunks) {
              if (req.destroyed) return;
              req.write(c);
              await new Promise((r) => setImmediate(r));
            }
            req.end();
          })();
        });
      const big = Array.from({ length: 40 }, () => Buffer.alloc(1024, 0x20));
      expect(await send(big, { 'x-hub-signature-256': 'sha256=00' })).toBe(413);
      const valid = subject.valid();
      expect(await send([...valid].map((b) => Buffer.from([b])), subject.sign(valid))).toBe(200);
      expect(written).toHaveLength(1);
    });
  });
});
