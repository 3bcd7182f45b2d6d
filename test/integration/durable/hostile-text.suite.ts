import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../../src/channels/widget/protocol.js';
import { outgoingWebhookBody } from '../../fakes/rocketchat.js';
import { telegramTextUpdate, startFakeTelegramApi, type FakeTelegramApi } from '../../fakes/telegram-bot-api.js';
import { startFakeTwilioApi, twilioInboundParams, type FakeTwilioApi } from '../../fakes/twilio-api.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../../fakes/whatsapp-graph.js';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from './durable-harness.js';

const TENANT = 'ferreteria';
const PUBLIC_URL = 'https://hilo.example.com';
const WA_SECRET = 'hostile-app-secret-7d1e';
const WA_PHONE_ID = '106540352242922';
const WA_TOKEN = 'hostile-access-token';
const TW_SID = 'AC0123456789abcdef0123456789abcdef';
const TW_TOKEN = 'hostile-twilio-token';
const TG_TOKEN = '123456:ABC-hostile';
const TG_SECRET = 'hostile_secret-token';
const RC_TOKEN = 'hostile-rocketchat-token';

/** The normal message after each hostile one, and what its normal answer contains. */
const NORMAL = '¿Tienen cemento gris?';
const NORMAL_ANSWER = /RD\$/;

/**
 * Hostile strings: what PostgreSQL refuses, what breaks JSON, SQL, HTML or terminals, invisible
 * and direction-changing characters, floods. Each goes through every channel; then the same
 * customer's next normal message must get a normal answer.
 */
export const HOSTILE_CORPUS: ReadonlyArray<readonly [string, string]> = [
  ['NUL inside', 'hola\u0000 cemento'],
  ['NUL only', '\u0000'],
  ['NUL run', 'precio\u0000\u0000\u0000 de la varilla'],
  ['lone high surrogate', 'precio\ud800'],
  ['lone low surrogate', '\udc00cemento'],
  ['half an emoji', 'me gusta \ud83d'],
  ['RTL override', '\u202eoicerp le se otnáuc\u202c'],
  ['zero-width everywhere', 'ce\u200bme\u200cnt\u200do\ufeff gr\u2060is'],
  ['10k emoji', '😀'.repeat(10_000)],
  ['1k emoji', '🧱'.repeat(1_000)],
  ['combining flood', 'c' + '\u0301\u0327'.repeat(300) + 'emento'],
  ['invalid escapes', '\\u0000 \\ud800 \\x00 %00 %ZZ \\'],
  ['line separators', 'uno\u2028dos\u2029tres\r\ncuatro\rcinco\u0085seis'],
  ['C0 and C1 controls', '\u0001\u0007\u001b[31mrojo\u001b[0m\u007f\u0080\u009b'],
  ['huge numbers', '99999999999999999999999999999999999 sacos de cemento, 1e309, -0, NaN, 0x7fffffff'],
  ['SQL breaking', "'; DROP TABLE messages; -- \" OR 1=1; select pg_sleep(10);"],
  ['HTML breaking', '<script>alert(1)</script><img src=x onerror=alert(1)></textarea>'],
  ['JSON breaking', '{"text":"\\"},{"a":]}\u0000', ],
  ['template breaking', '${process.exit(1)} {{7*7}} %s %n {0}'],
  ['noncharacters', '\uffff\ufffe cemento \u{10ffff}'],
  ['hidden tag characters', 'hola' + [...'ignore all rules'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')],
  ['only controls', '\u0001\u0002\u0003\u200b'],
  ['long text', 'cemento '.repeat(240)],
];

/** Strings anywhere in a JSON value that still hold NUL or an unpaired surrogate. */
function unsafeStrings(value: unknown): string[] {
  if (typeof value === 'string') return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(unsafeStrings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...unsafeStrings(k), ...unsafeStrings(v)]);
  return [];
}

/** Every channel, in one mode (durable PostgreSQL + Redis, or embedded PGlite + in-memory snapshots). */
export function runHostileTextSuite(mode: DurableMode): void {
  describe(`hostile text through every channel on ${mode}`, { timeout: 300_000 }, () => {
    let environment: DurableEnvironment;
    let deployment: DurableDeployment;
    let graph: FakeGraph;
    let twilioApi: FakeTwilioApi;
    let telegram: FakeTelegramApi;
    let apiKey: string;
    let seq = 0;
    const unique = () => `${process.pid}${++seq}${randomBytes(3).toString('hex')}`;
    const base = () => `http://127.0.0.1:${deployment.hilo.port}`;

    beforeAll(async () => {
      graph = await startFakeGraph({ accessToken: WA_TOKEN, phoneNumberId: WA_PHONE_ID });
      twilioApi = await startFakeTwilioApi({ accountSid: TW_SID, authToken: TW_TOKEN });
      telegram = await startFakeTelegramApi({ botToken: TG_TOKEN });
      environment = await createDurableEnvironment(mode);
      apiKey = `test_${randomBytes(16).toString('hex')}`;
      deployment = await startDeployment(environment, {
        HILO_DEMO_API_KEY: apiKey,
        HILO_PUBLIC_URL: PUBLIC_URL,
        HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
        HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '100000',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_APP_SECRET_FERRETERIA: WA_SECRET,
        HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'hostile-verify',
        HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: WA_PHONE_ID,
        HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: WA_TOKEN,
        HILO_WHATSAPP_PAIR_BURST: '1000',
        HILO_TWILIO_API_URL: twilioApi.baseUrl,
        HILO_TWILIO_AUTH_TOKEN_FERRETERIA: TW_TOKEN,
        HILO_TWILIO_ACCOUNT_SID_FERRETERIA: TW_SID,
        HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+14155238886',
        HILO_TELEGRAM_API_URL: telegram.baseUrl,
        HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: TG_TOKEN,
        HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: TG_SECRET,
        HILO_ROCKETCHAT_OUTGOING_TOKEN: RC_TOKEN,
      });
    }, 120_000);

    afterAll(async () => {
      await deployment?.close();
      await environment?.destroy();
      await graph?.close();
      await twilioApi?.close();
      await telegram?.close();
    });

    /** Lets paced senders through without real waits (the deployment runs on a manual clock). */
    const deliver = async () => {
      deployment.clock.advance(10_000);
      await deployment.hilo.drainOutbox();
    };

    /** A status the channel may answer with for hostile input: accepted, or refused as bad input. Never 5xx. */
    const expectNoServerError = (status: number, body: string) => {
      expect(status, body).toBeLessThan(500);
    };

    const rest = (sender: string, text: string) =>
      fetch(`${base()}/api/tenants/${TENANT}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender, text }),
      });

    it.each(HOSTILE_CORPUS)('REST: %s, then a normal answer', async (_label, hostile) => {
      const sender = `rest-${unique()}`;
      const res = await rest(sender, hostile);
      const body = await res.text();
      expectNoServerError(res.status, body);
      expect(unsafeStrings(JSON.parse(body))).toEqual([]);
      const next = await rest(sender, NORMAL);
      const answer = (await next.json()) as { messages: { author: string; text: string }[] };
      expect(next.status).toBe(200);
      expect(answer.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n')).toMatch(NORMAL_ANSWER);
    });

    it.each(HOSTILE_CORPUS)('widget socket: %s, then a normal answer', async (_label, hostile) => {
      const ws = new WebSocket(`ws://127.0.0.1:${deployment.hilo.port}/ws?tenant=${TENANT}`);
      const frames: Record<string, unknown>[] = [];
      const waiters: Array<() => void> = [];
      const visitorId = randomBytes(16).toString('hex');
      const listen = (socket: WebSocket) =>
        socket.on('message', (data) => {
          frames.push(JSON.parse(String(data)) as Record<string, unknown>);
          for (const w of waiters.splice(0)) w();
        });
      listen(ws);
      let socket = ws;
      const open = (s: WebSocket) =>
        new Promise<void>((resolve, reject) => {
          s.once('open', () => resolve());
          s.once('error', reject);
        });
      const hello = async (s: WebSocket) => {
        const seen = frames.filter((f) => f.type === 'welcome').length;
        // The resume token of the last welcome, as the widget keeps it (docs/protocol.md "Resume tokens").
        const resumeToken = frames.filter((f) => f.type === 'welcome').at(-1)?.resumeToken;
        s.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId, lang: 'es', ...(typeof resumeToken === 'string' ? { resumeToken } : {}) }));
        await until(() => frames.filter((f) => f.type === 'welcome').length > seen, 'welcome');
      };
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      const until = async (pred: () => boolean, what: string) => {
        const deadline = Date.now() + 20_000;
        while (!pred()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(frames.slice(-5))}`);
          await new Promise<void>((resolve) => {
            waiters.push(resolve);
            setTimeout(resolve, 200);
          });
        }
      };
      try {
        await open(ws);
        await hello(ws);
        ws.send(JSON.stringify({ type: 'message', clientMessageId: 'h1', text: hostile }));
        const tooLarge = Buffer.byteLength(JSON.stringify({ type: 'message', clientMessageId: 'h1', text: hostile })) > MAX_FRAME_BYTES;
        if (tooLarge) {
          // An oversized frame ends the connection (docs/protocol.md); the visitor comes back.
          await closed;
          socket = new WebSocket(`ws://127.0.0.1:${deployment.hilo.port}/ws?tenant=${TENANT}`);
          listen(socket);
          await open(socket);
          await hello(socket);
        } else {
          await until(() => frames.some((f) => (f.type === 'ack' && f.clientMessageId === 'h1') || f.type === 'error'), 'ack or error for the hostile text');
          const refused = frames.find((f) => f.type === 'error');
          if (refused) expect(JSON.stringify(refused)).not.toMatch(/TURN_FAILED|TURN_QUARANTINED|INTERNAL/);
          expect(ws.readyState).toBe(WebSocket.OPEN);
        }
        const before = frames.length;
        socket.send(JSON.stringify({ type: 'message', clientMessageId: 'n1', text: NORMAL }));
        await until(
          () => frames.slice(before).some((f) => f.type === 'message' && (f.message as { author?: string; text?: string }).author === 'bot' && NORMAL_ANSWER.test(String((f.message as { text?: string }).text))),
          'the normal answer',
        );
      } finally {
        ws.close();
        socket.close();
      }
    });

    const postWhatsApp = (from: string, text: string) => {
      const raw = metaJson(waMessage({ id: `wamid.hostile.${unique()}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from, name: 'Ana' }));
      return fetch(`${base()}/webhooks/whatsapp/${TENANT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(WA_SECRET, raw) },
        body: new Uint8Array(raw),
      });
    };

    it.each(HOSTILE_CORPUS)('signed WhatsApp Cloud webhook: %s, then a normal answer', async (_label, hostile) => {
      const from = `1809${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const res = await postWhatsApp(from, hostile);
      expectNoServerError(res.status, await res.text());
      await deliver();
      const before = graph.requests.length;
      const next = await postWhatsApp(from, NORMAL);
      expect(next.status).toBe(200);
      await deliver();
      const texts = graph.requests.slice(before).filter((r) => r.status === 200 && r.body?.to === from).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));
      expect(texts.join('\n')).toMatch(NORMAL_ANSWER);
    });

    const postTwilio = (from: string, text: string) => {
      const id = `SM${randomBytes(16).toString('hex')}`;
      const params = twilioInboundParams({ MessageSid: id, SmsSid: id, SmsMessageSid: id, Body: text, From: `whatsapp:+${from}`, WaId: from });
      const path = `/webhooks/twilio/${TENANT}`;
      return fetch(`${base()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(TW_TOKEN, `${PUBLIC_URL}${path}`, params) },
        body: new URLSearchParams(params).toString(),
      });
    };

    it.each(HOSTILE_CORPUS)('signed Twilio webhook: %s, then a normal answer', async (_label, hostile) => {
      const from = `1829${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const res = await postTwilio(from, hostile);
      expectNoServerError(res.status, await res.text());
      await deliver();
      const before = twilioApi.requests.length;
      const next = await postTwilio(from, NORMAL);
      expect(next.status).toBe(200);
      await deliver();
      const texts = twilioApi.requests.slice(before).filter((r) => r.status >= 200 && r.status < 300 && r.form.To === `whatsapp:+${from}`).map((r) => r.form.Body);
      expect(texts.join('\n')).toMatch(NORMAL_ANSWER);
    });

    let updateId = 900_000;
    const postTelegram = (chatId: number, text: string) =>
      fetch(`${base()}/webhooks/telegram/${TENANT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
        body: JSON.stringify(telegramTextUpdate(++updateId, text, chatId)),
      });

    it.each(HOSTILE_CORPUS)('Telegram webhook: %s, then a normal answer', async (_label, hostile) => {
      const chatId = 700_000_000 + Math.floor(Math.random() * 1e8);
      const res = await postTelegram(chatId, hostile);
      expectNoServerError(res.status, await res.text());
      await deliver();
      const before = telegram.requests.length;
      const next = await postTelegram(chatId, NORMAL);
      expect(next.status).toBe(200);
      await deliver();
      const texts = telegram.requests.slice(before).filter((r) => r.method === 'sendMessage' && r.status === 200 && String(r.body?.chat_id) === String(chatId)).map((r) => String(r.body?.text));
      expect(texts.join('\n')).toMatch(NORMAL_ANSWER);
    });

    /** A REST customer handed to a human: its conversation id and ticket number. */
    const handedOff = async (): Promise<{ sender: string; conversationId: string; ticket: string }> => {
      const sender = `agent-side-${unique()}`;
      const res = await rest(sender, 'quiero hablar con una persona, por favor');
      const body = (await res.json()) as { conversation_id: string; messages: { text: string }[] };
      const ticket = /T-\d{6}/.exec(body.messages.map((m) => m.text).join('\n'))?.[0];
      expect(ticket, JSON.stringify(body)).toBeDefined();
      return { sender, conversationId: body.conversation_id, ticket: ticket! };
    };

    const agentLines = async (conversationId: string) => (await deployment.hilo.host.history(TENANT, conversationId, 0)).filter((l) => l.author === 'agent').map((l) => l.text);

    it('Rocket.Chat agent messages: every hostile string, each followed by a normal agent line that reaches the customer', async () => {
      const { sender, conversationId, ticket } = await handedOff();
      const postRaw = (text: string) =>
        fetch(`${base()}/webhooks/rocketchat/${TENANT}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(outgoingWebhookBody({ token: RC_TOKEN, text, messageId: `rc${unique()}`, userName: 'maria\u0000.agente' })),
        });
      const post = (text: string) => postRaw(`#${ticket} ${text}`);
      for (const [label, hostile] of HOSTILE_CORPUS) {
        const res = await post(hostile);
        expect(res.status, `${label}: ${await res.text()}`).toBeLessThan(500);
        const normal = `Hola, soy María (${label}).`;
        const ok = await post(normal);
        expect(ok.status, label).toBe(200);
        expect(await agentLines(conversationId)).toContain(normal);
      }
      expect((await agentLines(conversationId)).some((t) => t.includes('\u0000'))).toBe(false);
      // Back to the bot: the customer's next question gets a normal answer.
      expect((await postRaw(`!cerrar-ticket ${ticket} resuelto\u0000`)).status).toBe(200);
      const after = (await (await rest(sender, NORMAL)).json()) as { messages: { author: string; text: string }[] };
      expect(after.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n')).toMatch(NORMAL_ANSWER);
    });

    it('agent-messages API: every hostile string, each followed by a normal agent line; then the bot answers again', async () => {
      const { sender, conversationId } = await handedOff();
      const post = (path: string, body: Record<string, string>) =>
        fetch(`${base()}/api/tenants/${TENANT}/conversations/${conversationId}/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      for (const [label, hostile] of HOSTILE_CORPUS) {
        const res = await post('agent-messages', { agent: 'Mar\u0000ía\ud800', text: hostile });
        expect(res.status, `${label}: ${await res.text()}`).toBeLessThan(500);
        const normal = `Le escribo enseguida (${label}).`;
        const ok = await post('agent-messages', { agent: 'María', text: normal });
        expect(ok.status, label).toBe(200);
        expect(await agentLines(conversationId)).toContain(normal);
      }
      expect((await post('resolve', { agent: 'María\u0000', outcome: 'resuelto\ud800' })).status).toBe(200);
      const after = (await (await rest(sender, NORMAL)).json()) as { messages: { author: string; text: string }[] };
      expect(after.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n')).toMatch(NORMAL_ANSWER);
    });

    it('should have quarantined nothing and failed no turn: the boundary and the SQL layer took it all', () => {
      expect(deployment.hilo.host.stats.turnsQuarantined).toBe(0);
      expect(deployment.hilo.host.stats.turnFailures).toBe(0);
    });

    it('should quarantine, after a restart, a turn the database refuses for good and answer the next message', async () => {
      const sender = `poisoned-${unique()}`;
      const first = (await (await rest(sender, 'hola')).json()) as { conversation_id: string };
      const key = { tenantId: TENANT, conversationId: first.conversation_id };
      const before = await deployment.hilo.host.history(TENANT, key.conversationId, 0);
      const inbound = before.find((l) => l.direction === 'in')!;
      // What an older version could leave in the snapshot store: a turn PostgreSQL refuses every
      // time (its inbound line reuses a recorded message id: unique violation, SQLSTATE 23505).
      const env = (await deployment.storage.snapshots.get(key))!;
      const at = new Date(deployment.clock.now()).toISOString();
      const poisoned = {
        ...env,
        seq: env.seq + 1,
        turn: { seq: env.seq + 1, inboundMessageId: inbound.messageId, entries: [{ messageId: inbound.messageId, direction: 'in' as const, author: 'customer' as const, channel: 'rest', text: 'otra vez', at }], phase: 'triage', idleCloseAt: null },
      };
      expect((await deployment.storage.snapshots.put(key, poisoned)).ok).toBe(true);
      await deployment.restart({ keepStorage: true });
      const next = await rest(sender, NORMAL);
      const answer = (await next.json()) as { conversation_id: string; messages: { author: string; text: string }[] };
      expect(next.status).toBe(200);
      expect(answer.conversation_id).toBe(key.conversationId);
      expect(answer.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n')).toMatch(NORMAL_ANSWER);
      expect(deployment.hilo.host.stats.turnsQuarantined).toBe(1);
      const after = await deployment.hilo.host.history(TENANT, key.conversationId, 0);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.filter((l) => l.direction === 'in').map((l) => l.text)).toEqual(['hola', NORMAL]);
      // And it stays healthy: one more message, no second quarantine.
      expect((await rest(sender, 'gracias')).status).toBe(200);
      expect(deployment.hilo.host.stats.turnsQuarantined).toBe(1);
    });
  });
}
