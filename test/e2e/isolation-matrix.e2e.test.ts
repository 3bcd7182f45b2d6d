import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { computeTwilioSignature } from '../../src/channels/twilio/signature.js';
import type { ServerFrame } from '../../src/channels/widget/protocol.js';
import { systemClock } from '../../src/kernel/clock.js';
import { startFakeCrmReceiver, type FakeCrmReceiver } from '../fakes/crm-receiver.js';
import { startLoopbackServer, type LoopbackServer } from '../fakes/loopback-server.js';
import { outgoingWebhookBody, startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack.js';
import { startFakeTelegramApi, telegramTextUpdate, type FakeTelegramApi } from '../fakes/telegram-bot-api.js';
import { startFakeTwilioApi, twilioInboundParams, type FakeTwilioApi } from '../fakes/twilio-api.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * Issue 17 item 7, the cross-tenant matrix: both demo tenants on one durable runtime, each with its
 * OWN API key, WhatsApp Cloud number and app secret, Twilio account, Telegram bot, Rocket.Chat,
 * Slack and CRM (the store's from the global variables, the studio's from its tenant.json
 * `integrations`). For every webhook: the other tenant's signature or token on a tenant's route is
 * refused with its documented code and writes nothing (no conversation, no outbox row, no provider
 * call); each tenant's own call lands in its own data and is answered from its own account only.
 * For every read: one tenant's key reads nothing of the other's (REST, NLU, analytics, exports,
 * governance, console API, WebSocket resume tokens).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PUBLIC_URL = 'https://hilo.example.com';
const TENANTS = ['ferreteria', 'estudio'] as const;
type Tenant = (typeof TENANTS)[number];
const other = (t: Tenant): Tenant => (t === 'ferreteria' ? 'estudio' : 'ferreteria');
const BRAND: Record<Tenant, string> = { ferreteria: 'Ferretería La Romana', estudio: 'Estudio Bella Vida' };
const hex = (n: number) => randomBytes(n).toString('hex');

interface Credentials {
  key: string;
  wa: { secret: string; verify: string; phone: string; token: string };
  tw: { sid: string; token: string; from: string };
  tg: { bot: string; secret: string };
  rc: string;
}
const CRED: Record<Tenant, Credentials> = {
  ferreteria: { key: `mx_f_${hex(12)}`, wa: { secret: `wa-f-${hex(8)}`, verify: 'verify-ferreteria', phone: '106540352242922', token: 'wa-token-ferreteria' }, tw: { sid: `AC${hex(16)}`, token: `tw-f-${hex(8)}`, from: 'whatsapp:+14155238886' }, tg: { bot: '111111:FERRETERIA', secret: 'tg_secret_ferreteria' }, rc: 'rc-token-ferreteria' },
  estudio: { key: `mx_e_${hex(12)}`, wa: { secret: `wa-e-${hex(8)}`, verify: 'verify-estudio', phone: '209876543210987', token: 'wa-token-estudio' }, tw: { sid: `AC${hex(16)}`, token: `tw-e-${hex(8)}`, from: 'whatsapp:+18095550999' }, tg: { bot: '222222:ESTUDIO', secret: 'tg_secret_estudio' }, rc: 'rc-token-estudio' },
};
const ENV = { HILO_TEST_MX_RC_URL: '', HILO_TEST_MX_RC_TOKEN: CRED.estudio.rc, HILO_TEST_MX_SLACK_URL: '', HILO_TEST_MX_CRM_SECRET: 'estudio-crm-secret-0123456789' };
const GLOBAL_CRM_SECRET = 'ferreteria-crm-secret-0123456789';

interface Fakes {
  graph: Record<Tenant, FakeGraph>;
  twilio: Record<Tenant, FakeTwilioApi>;
  telegram: Record<Tenant, FakeTelegramApi>;
  rc: Record<Tenant, FakeRocketChat>;
  slack: Record<Tenant, FakeSlack>;
  crm: Record<Tenant, FakeCrmReceiver>;
}
let fakes: Fakes;
const routers: Array<LoopbackServer & { stray: string[] }> = [];
let server: TestServer;
let tenantsDir: string;

/**
 * The provider base URLs are global (one Graph, Twilio and Telegram API per runtime), so a router on
 * loopback hands each request to the fake of the account named in its path (phone number id,
 * account SID, bot token); a request naming no configured account is kept as stray.
 */
async function startRouter(routes: Array<[fragment: string, origin: string]>): Promise<LoopbackServer & { stray: string[] }> {
  const stray: string[] = [];
  const server = await startLoopbackServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = req.url ?? '';
    const target = routes.find(([fragment]) => url.includes(fragment));
    if (!target) {
      stray.push(url);
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'authorization']) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
    const answer = await fetch(`${target[1]}${url}`, { method: req.method ?? 'POST', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  });
  const router = Object.assign(server, { stray });
  routers.push(router);
  return router;
}

const both = async <T>(start: (t: Tenant) => Promise<T>): Promise<Record<Tenant, T>> => ({ ferreteria: await start('ferreteria'), estudio: await start('estudio') });

beforeAll(async () => {
  fakes = {
    graph: await both((t) => startFakeGraph({ accessToken: CRED[t].wa.token, phoneNumberId: CRED[t].wa.phone })),
    twilio: await both((t) => startFakeTwilioApi({ accountSid: CRED[t].tw.sid, authToken: CRED[t].tw.token })),
    telegram: await both((t) => startFakeTelegramApi({ botToken: CRED[t].tg.bot })),
    rc: await both((t) => startFakeRocketChat(t === 'estudio' ? { integrationId: 'estudioInt01', token: 'EstudioTok9' } : {})),
    slack: await both((t) => startFakeSlack(t === 'estudio' ? { path: '/services/TESTUDIO/BESTUDIO/estudio' } : {})),
    crm: await both((t) => startFakeCrmReceiver({ secret: t === 'estudio' ? ENV.HILO_TEST_MX_CRM_SECRET : GLOBAL_CRM_SECRET, clock: systemClock, ...(t === 'estudio' ? { path: '/estudio/leads' } : {}) })),
  };
  const graph = await startRouter(TENANTS.map((t) => [`/${CRED[t].wa.phone}/`, fakes.graph[t].baseUrl]));
  const twilio = await startRouter(TENANTS.map((t) => [`/Accounts/${CRED[t].tw.sid}/`, fakes.twilio[t].baseUrl]));
  const telegram = await startRouter(TENANTS.map((t) => [`/bot${CRED[t].tg.bot}/`, fakes.telegram[t].baseUrl]));

  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-isolation-'));
  for (const t of TENANTS) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
  const file = join(tenantsDir, 'estudio', 'tenant.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  settings.integrations = {
    rocketChat: { webhookUrlEnv: 'HILO_TEST_MX_RC_URL', outgoingTokenEnv: 'HILO_TEST_MX_RC_TOKEN' },
    slack: { webhookUrlEnv: 'HILO_TEST_MX_SLACK_URL' },
    crm: { url: fakes.crm.estudio.url, secretEnv: 'HILO_TEST_MX_CRM_SECRET' },
  };
  await writeFile(file, JSON.stringify(settings, null, 2));
  Object.assign(process.env, { ...ENV, HILO_TEST_MX_RC_URL: fakes.rc.estudio.webhookUrl, HILO_TEST_MX_SLACK_URL: fakes.slack.estudio.webhookUrl });

  const channelEnv: Record<string, string> = {};
  for (const t of TENANTS) {
    const T = t.toUpperCase();
    const c = CRED[t];
    Object.assign(channelEnv, {
      [`HILO_WHATSAPP_APP_SECRET_${T}`]: c.wa.secret,
      [`HILO_WHATSAPP_VERIFY_TOKEN_${T}`]: c.wa.verify,
      [`HILO_WHATSAPP_PHONE_NUMBER_ID_${T}`]: c.wa.phone,
      [`HILO_WHATSAPP_ACCESS_TOKEN_${T}`]: c.wa.token,
      [`HILO_TWILIO_AUTH_TOKEN_${T}`]: c.tw.token,
      [`HILO_TWILIO_ACCOUNT_SID_${T}`]: c.tw.sid,
      [`HILO_TWILIO_FROM_${T}`]: c.tw.from,
      [`HILO_TELEGRAM_BOT_TOKEN_${T}`]: c.tg.bot,
      [`HILO_TELEGRAM_SECRET_TOKEN_${T}`]: c.tg.secret,
    });
  }
  server = await startHiloForTest({
    env: {
      ...channelEnv,
      HILO_STORAGE: 'durable',
      HILO_DATA_DIR: join(tenantsDir, 'data'),
      HILO_TENANTS_DIR: tenantsDir,
      HILO_API_KEYS: TENANTS.map((t) => `${t}:${CRED[t].key}`).join(','),
      HILO_DEMO_AGENT_PASSWORD: 'matrix-agent-password-1',
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_WHATSAPP_GRAPH_URL: graph.origin,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_TWILIO_API_URL: twilio.origin,
      HILO_TELEGRAM_API_URL: telegram.origin,
      HILO_ROCKETCHAT_WEBHOOK_URL: fakes.rc.ferreteria.webhookUrl,
      HILO_ROCKETCHAT_OUTGOING_TOKEN: CRED.ferreteria.rc,
      HILO_SLACK_WEBHOOK_URL: fakes.slack.ferreteria.webhookUrl,
      HILO_CRM_WEBHOOK_URL: fakes.crm.ferreteria.url,
      HILO_CRM_WEBHOOK_SECRET: GLOBAL_CRM_SECRET,
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  for (const r of routers) await r.close();
  if (fakes) for (const group of Object.values(fakes) as Array<Record<Tenant, { close(): Promise<void> }>>) for (const t of TENANTS) await group[t].close();
  for (const name of Object.keys(ENV)) delete process.env[name];
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

async function api(method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

const conversationIds = async (t: Tenant): Promise<string[]> => {
  const res = await api('GET', `/api/tenants/${t}/conversations?limit=100`, CRED[t].key);
  expect(res.status, res.text).toBe(200);
  return (res.json.conversations as Array<{ conversation_id: string }>).map((c) => c.conversation_id);
};

/** Everything a request could have written or sent: conversations of both tenants, every provider call, every agent chat, Slack and CRM post. */
async function footprint(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of TENANTS) {
    out[`${t}.conversations`] = (await conversationIds(t)).sort();
    out[`${t}.graph`] = fakes.graph[t].requests.length;
    out[`${t}.twilio`] = fakes.twilio[t].requests.length;
    out[`${t}.telegram`] = fakes.telegram[t].requests.length;
    out[`${t}.rc`] = fakes.rc[t].messages.length;
    out[`${t}.slack`] = fakes.slack[t].messages.length;
    out[`${t}.crm`] = fakes.crm[t].applied.length;
  }
  out.stray = routers.map((r) => r.stray.length);
  return out;
}

// ---- The webhook entry points, each able to sign as either tenant ----

let seq = 0;
interface Entry {
  name: string;
  /** Posts one customer text to `route`'s webhook, signed with `signer`'s secret. */
  post(route: Tenant, signer: Tenant, from: string, text: string, number?: Tenant): Promise<Response>;
  refused: { status: number; code: string };
  /** The replies `tenant`'s provider account sent to `from`, successful or not. */
  replies(tenant: Tenant, from: string): string[];
}

const ENTRIES: Entry[] = [
  {
    name: 'WhatsApp Cloud',
    post(route, signer, from, text, number = route) {
      const body = waMessage({ id: `wamid.mx.${process.pid}.${++seq}`, timestamp: String(Math.floor(systemClock.now() / 1000)), type: 'text', text: { body: text } }, { from, name: 'Rosa' });
      const entry = (body.entry as Array<{ changes: Array<{ value: Record<string, unknown> }> }>)[0]!;
      entry.changes[0]!.value.metadata = { display_phone_number: '18095550000', phone_number_id: CRED[number].wa.phone };
      const raw = metaJson(body);
      return fetch(`${server.baseUrl}/webhooks/whatsapp/${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(CRED[signer].wa.secret, raw) }, body: new Uint8Array(raw) });
    },
    refused: { status: 403, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' },
    replies: (t, from) => fakes.graph[t].requests.filter((r) => r.body?.to === from).map((r) => JSON.stringify(r.body)),
  },
  {
    name: 'Twilio WhatsApp',
    post(route, signer, from, text) {
      const sid = `SM${hex(16)}`;
      const params = twilioInboundParams({ MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, AccountSid: CRED[route].tw.sid, To: CRED[route].tw.from, From: `whatsapp:+${from}`, WaId: from, Body: text });
      const path = `/webhooks/twilio/${route}`;
      const signature = computeTwilioSignature(CRED[signer].tw.token, `${PUBLIC_URL}${path}`, params);
      return fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
    },
    refused: { status: 403, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' },
    replies: (t, from) => fakes.twilio[t].requests.filter((r) => r.form.To === `whatsapp:+${from}`).map((r) => r.form.Body ?? ''),
  },
  {
    name: 'Telegram',
    post(route, signer, from, text) {
      return fetch(`${server.baseUrl}/webhooks/telegram/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': CRED[signer].tg.secret },
        body: JSON.stringify(telegramTextUpdate(700_000 + ++seq, text, Number(from))),
      });
    },
    refused: { status: 403, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' },
    replies: (t, from) => fakes.telegram[t].requests.filter((r) => r.method === 'sendMessage' && String(r.body?.chat_id) === from).map((r) => String(r.body?.text)),
  },
];

const sender = (): string => `1809${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(4, '0')}`;

describe.each(ENTRIES)('the $name webhook across tenants', (entry) => {
  it.each(TENANTS)("should refuse %s's route signed with the other tenant's secret, writing and sending nothing", async (route) => {
    await server.hilo.drainOutbox();
    const before = await footprint();
    const from = sender();
    const res = await entry.post(route, other(route), from, 'hola buenas, quiero información');
    expect(res.status).toBe(entry.refused.status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(entry.refused.code);
    expect(await server.hilo.drainOutbox()).toBe(0);
    expect(await footprint()).toEqual(before);
  });

  it.each(TENANTS)("should answer %s's own signed message from its own account only, in its own data only", async (route) => {
    await server.hilo.drainOutbox();
    const [mine, theirs] = [await conversationIds(route), await conversationIds(other(route))];
    const from = sender();
    const res = await entry.post(route, route, from, 'hola buenas');
    expect(res.status, await res.text()).toBe(200);
    await server.hilo.drainOutbox();
    const replies = entry.replies(route, from).join('\n');
    expect(replies).toContain(BRAND[route]);
    expect(replies).not.toContain(BRAND[other(route)]);
    expect(entry.replies(other(route), from)).toEqual([]);
    const fresh = (await conversationIds(route)).filter((id) => !mine.includes(id));
    expect(fresh).toHaveLength(1);
    expect(await conversationIds(other(route))).toEqual(theirs);
    // The other tenant's key cannot read it; the own key can, with the customer's words in it.
    expect((await api('GET', `/api/tenants/${route}/conversations/${fresh[0]}`, CRED[other(route)].key)).status).toBe(403);
    expect((await api('GET', `/api/tenants/${other(route)}/conversations/${fresh[0]}`, CRED[other(route)].key)).status).toBe(404);
    const own = await api('GET', `/api/tenants/${route}/conversations/${fresh[0]}`, CRED[route].key);
    expect(JSON.stringify(own.json.transcript)).toContain('hola buenas');
  });
});

describe('the WhatsApp verification handshake across tenants', () => {
  it.each(TENANTS)("should answer %s's challenge for its own verify token only", async (route) => {
    const verify = (token: string) => fetch(`${server.baseUrl}/webhooks/whatsapp/${route}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=4711`);
    const crossed = await verify(CRED[other(route)].wa.verify);
    expect(crossed.status).toBe(403);
    expect(((await crossed.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_CHANNEL_VERIFY_FAILED');
    const own = await verify(CRED[route].wa.verify);
    expect([own.status, await own.text()]).toEqual([200, '4711']);
  });

  it.each(TENANTS)("should take nothing from a body signed for %s that names the other tenant's number (one Meta app, two numbers)", async (route) => {
    await server.hilo.drainOutbox();
    const before = await footprint();
    const res = await ENTRIES[0]!.post(route, route, sender(), 'hola buenas', other(route));
    expect(res.status).toBe(200);
    expect(await server.hilo.drainOutbox()).toBe(0);
    expect(await footprint()).toEqual(before);
  });
});

describe('provider ids that repeat across tenants', () => {
  it('should take the same Telegram update id and chat id on both bots as two messages, one per tenant', async () => {
    // Update ids count per bot, so two tenants' bots do send the same one; de-duplication is per tenant.
    const chat = 880_000_000 + (process.pid % 1000) * 100 + ++seq;
    const update = telegramTextUpdate(990_000 + seq, 'hola buenas', chat);
    const before = await both(conversationIds);
    for (const t of TENANTS) {
      const res = await fetch(`${server.baseUrl}/webhooks/telegram/${t}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': CRED[t].tg.secret }, body: JSON.stringify(update) });
      expect(res.status).toBe(200);
    }
    await server.hilo.drainOutbox();
    for (const t of TENANTS) {
      expect((await conversationIds(t)).filter((id) => !before[t].includes(id))).toHaveLength(1);
      expect(ENTRIES[2]!.replies(t, String(chat)).join('\n')).toContain(BRAND[t]);
    }
  });
});

describe("Rocket.Chat's agent webhook across tenants", () => {
  const post = (route: Tenant, token: string, text: string) =>
    fetch(`${server.baseUrl}/webhooks/rocketchat/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(outgoingWebhookBody({ token, text, userName: 'maria', messageId: `rc-${++seq}` })) });

  it.each(TENANTS)("should refuse %s's route with the other tenant's outgoing token, writing and sending nothing", async (route) => {
    await server.hilo.drainOutbox();
    const before = await footprint();
    const res = await post(route, CRED[other(route)].rc, '#T-000001 hola, soy María');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_HANDOFF_TOKEN_INVALID');
    expect(await server.hilo.drainOutbox()).toBe(0);
    expect(await footprint()).toEqual(before);
  });

  it.each(TENANTS)("should send %s's handoff notice to its own agent chat only and take its own agents' replies to its own customer only", async (route) => {
    const from = `mx-handoff-${route}-${++seq}`;
    const asked = await api('POST', `/api/tenants/${route}/messages`, CRED[route].key, { sender: from, text: 'quiero hablar con una persona' });
    expect(asked.status, asked.text).toBe(200);
    const conversationId = asked.json.conversation_id as string;
    await server.hilo.drainOutbox();
    const ticket = (await server.hilo.storage.tickets.list(route)).find((t) => t.conversationId === conversationId);
    expect(ticket, JSON.stringify(asked.json.messages)).toBeDefined();
    const mentions = (t: Tenant) => fakes.rc[t].messages.filter((m) => JSON.stringify(m).includes(conversationId) || JSON.stringify(m).includes(from));
    expect(mentions(route).length).toBeGreaterThan(0);
    expect(mentions(other(route))).toEqual([]);
    // Ticket numbers repeat across tenants; the number reaches the ticket of the route's tenant only.
    const theirs = await conversationIds(other(route));
    const reply = `Hola, le atiende María ${hex(4)}`;
    expect((await post(route, CRED[route].rc, `#${ticket!.number} ${reply}`)).status).toBe(200);
    const own = await api('GET', `/api/tenants/${route}/conversations/${conversationId}`, CRED[route].key);
    expect(JSON.stringify(own.json.transcript)).toContain(reply);
    expect(await conversationIds(other(route))).toEqual(theirs);
    for (const id of theirs) expect(JSON.stringify((await api('GET', `/api/tenants/${other(route)}/conversations/${id}`, CRED[other(route)].key)).json)).not.toContain(reply);
  });
});

describe('Slack critical alerts across tenants', () => {
  it.each(TENANTS)("should alert %s's own Slack only about its critical case", async (route) => {
    const marker = `MX-${hex(3)}`;
    const text = `Me quemé con un producto de ustedes y estoy herido en el hospital, es urgente. Referencia ${marker}`;
    const res = await api('POST', `/api/tenants/${route}/messages`, CRED[route].key, { sender: `mx-critical-${route}-${++seq}`, text });
    expect(res.status, res.text).toBe(200);
    await server.hilo.drainOutbox();
    const alerts = (t: Tenant) => fakes.slack[t].messages.filter((m) => JSON.stringify(m).includes(marker));
    expect(alerts(route)).toHaveLength(1);
    expect(alerts(other(route))).toEqual([]);
  });
});

describe("one tenant's key reads nothing of the other's", () => {
  const seeded = {} as Record<Tenant, string>;
  beforeAll(async () => {
    for (const t of TENANTS) {
      const res = await api('POST', `/api/tenants/${t}/messages`, CRED[t].key, { sender: `mx-read-${t}-${process.pid}`, text: 'hola buenas, mi correo es rosa.matrix@example.com' });
      expect(res.status, res.text).toBe(200);
      seeded[t] = res.json.conversation_id as string;
    }
  });

  /** Every tenant-scoped read and admin entry point, as [method, path under /api/tenants/:t or /console/api/tenants/:t, body]. */
  const ENTRY_POINTS = (t: Tenant): Array<[string, string, unknown?]> => [
    ['GET', `/api/tenants/${t}/conversations`],
    ['GET', `/api/tenants/${t}/conversations/${seeded[t]}`],
    ['POST', `/api/tenants/${t}/messages`, { sender: 'mx-intruder', text: 'hola' }],
    ['POST', `/api/tenants/${t}/nlu/parse`, { text: 'quiero agendar una cita' }],
    ['POST', `/api/tenants/${t}/conversations/${seeded[t]}/agent-messages`, { agent: 'Intruso', text: 'hola' }],
    ['POST', `/api/tenants/${t}/conversations/${seeded[t]}/resolve`, { agent: 'Intruso', outcome: 'resuelto' }],
    ...['summary', 'funnel', 'intents', 'daily', 'errors', 'unmet', 'faq-candidates'].map((v): [string, string] => ['GET', `/api/tenants/${t}/analytics/${v}`]),
    ['GET', `/console/api/tenants/${t}/analytics/summary`],
    ['POST', `/api/tenants/${t}/analytics/intent-corrections`, { conversation_id: seeded[t], message_id: 1, intent: 'saludo' }],
    ['GET', `/api/tenants/${t}/exports/training.jsonl`],
    ['GET', `/api/tenants/${t}/contacts/mx-read-${t}-${process.pid}/export`],
    ['DELETE', `/api/tenants/${t}/contacts/mx-read-${t}-${process.pid}`],
    ['GET', `/api/tenants/${t}/audit/verify`],
    ['POST', `/api/tenants/${t}/retention/run`, { older_than_days: 1 }],
    ['GET', `/console/api/tenants/${t}/inbox`],
    ['GET', `/console/api/tenants/${t}/agents`],
    ['GET', `/console/api/tenants/${t}/canned-replies`],
    ['GET', `/console/api/tenants/${t}/conversations/${seeded[t]}`],
  ];

  it.each(TENANTS)("should refuse every %s entry point to the other tenant's key with HILO_ERR_AUTH_INVALID, changing nothing", async (t) => {
    await server.hilo.drainOutbox();
    const before = await footprint();
    const transcript = (await api('GET', `/api/tenants/${t}/conversations/${seeded[t]}`, CRED[t].key)).json.transcript;
    const answers: string[] = [];
    for (const [method, path, body] of ENTRY_POINTS(t)) {
      const res = await api(method, path, CRED[other(t)].key, body);
      answers.push(`${method} ${path} → ${res.status} ${res.json?.error?.code ?? res.text.slice(0, 80)}`);
    }
    expect(answers).toEqual(ENTRY_POINTS(t).map(([method, path]) => `${method} ${path} → 403 HILO_ERR_AUTH_INVALID`));
    expect(await server.hilo.drainOutbox()).toBe(0);
    expect(await footprint()).toEqual(before);
    expect((await api('GET', `/api/tenants/${t}/conversations/${seeded[t]}`, CRED[t].key)).json.transcript).toEqual(transcript);
  });

  it.each(TENANTS)("should let %s's own key read its analytics and export, holding none of the other tenant's conversations", async (t) => {
    for (const [method, path] of ENTRY_POINTS(t).filter(([m, p]) => m === 'GET' && (p.includes('/analytics/') || p.includes('/exports/') || p.endsWith('/conversations') || p.endsWith('/canned-replies')))) {
      expect((await api(method, path, CRED[t].key)).status, path).toBe(200);
    }
    const exported = (await api('GET', `/api/tenants/${t}/exports/training.jsonl`, CRED[t].key)).text;
    expect(exported).toContain(seeded[t]);
    expect(exported).not.toContain(seeded[other(t)]);
    const listed = await conversationIds(t);
    expect(listed).toContain(seeded[t]);
    expect(listed).not.toContain(seeded[other(t)]);
    // The own key on the own path with the other tenant's conversation id finds nothing.
    expect((await api('GET', `/api/tenants/${t}/conversations/${seeded[other(t)]}`, CRED[t].key)).json?.error?.code).toBe('HILO_ERR_CONVERSATION_NOT_FOUND');
    expect((await api('GET', `/console/api/tenants/${t}/conversations/${seeded[other(t)]}`, CRED[t].key)).status).toBe(404);
    expect((await api('POST', `/api/tenants/${t}/conversations/${seeded[other(t)]}/agent-messages`, CRED[t].key, { agent: 'María', text: 'hola' })).status).toBe(404);
  });

  it("should keep a console session of the store's agent out of the studio's console, analytics and conversations", async () => {
    const login = await fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'ferreteria', username: 'demo', password: 'matrix-agent-password-1' }) });
    expect(login.status).toBe(200);
    const cookie = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
    expect((await api('GET', '/console/api/tenants/ferreteria/inbox', null, undefined, cookie)).status).toBe(200);
    for (const path of ['/console/api/tenants/estudio/inbox', `/console/api/tenants/estudio/conversations/${seeded.estudio}`, '/console/api/tenants/estudio/analytics/summary']) {
      const res = await api('GET', path, null, undefined, cookie);
      expect([path, res.status, res.json?.error?.code]).toEqual([path, 404, 'HILO_ERR_TENANT_NOT_FOUND']);
    }
    expect((await api('GET', `/console/api/tenants/ferreteria/conversations/${seeded.estudio}`, null, undefined, cookie)).status).toBe(404);
  });
});

/** Connects a widget socket to `tenant` and says hello as `visitorId`. */
async function hello(tenant: Tenant, visitorId: string, resumeToken?: string, socketTenant = tenant): Promise<{ ws: WebSocket; frames: ServerFrame[]; welcome: Extract<ServerFrame, { type: 'welcome' }> }> {
  const ws = new WebSocket(`${server.wsUrl}?tenant=${socketTenant}`);
  const frames: ServerFrame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as ServerFrame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', v: 1, tenant, visitorId, lang: 'es', lastSeq: 0, ...(resumeToken ? { resumeToken } : {}) }));
  for (let i = 0; i < 200 && !frames.some((f) => f.type === 'welcome' || f.type === 'error'); i++) await new Promise((r) => setTimeout(r, 50));
  const welcome = frames.find((f) => f.type === 'welcome' || f.type === 'error');
  if (socketTenant !== tenant) return { ws, frames, welcome: welcome as never };
  expect(welcome?.type, JSON.stringify(frames)).toBe('welcome');
  return { ws, frames, welcome: welcome as Extract<ServerFrame, { type: 'welcome' }> };
}

describe('widget WebSocket resume tokens across tenants', () => {
  it.each(TENANTS)("should not resume %s's conversation with its token on the other tenant's socket", async (t) => {
    const visitor = `mx_${randomBytes(16).toString('base64url')}`;
    const mine = await hello(t, visitor);
    mine.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'm1', text: 'hola buenas' }));
    for (let i = 0; i < 200 && !mine.frames.some((f) => f.type === 'message' && f.message.author === 'bot'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(JSON.stringify(mine.frames)).toContain(BRAND[t]);
    mine.ws.close();
    // The same visitor id and the token, presented to the other tenant: a fresh conversation there.
    const elsewhere = await hello(other(t), visitor, mine.welcome.resumeToken);
    expect(elsewhere.welcome.conversationId).not.toBe(mine.welcome.conversationId);
    expect(JSON.stringify(elsewhere.welcome.history)).not.toContain(BRAND[t]);
    elsewhere.ws.close();
    // Its hello on a socket opened for the other tenant is refused outright.
    const crossed = await hello(t, visitor, mine.welcome.resumeToken, other(t));
    expect(crossed.frames.find((f) => f.type === 'error')).toMatchObject({ code: 'HILO_ERR_TENANT_NOT_FOUND' });
    expect(crossed.frames.some((f) => f.type === 'welcome')).toBe(false);
    crossed.ws.close();
    // The token still resumes on its own tenant.
    const back = await hello(t, visitor, mine.welcome.resumeToken);
    expect(back.welcome.conversationId).toBe(mine.welcome.conversationId);
    back.ws.close();
  });
});
