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
  post(route: Tenant, signer: Tenant, from: string, text: string): Promise<Response>;
  refused: { status: number; code: string };
  /** The replies `tenant`'s provider account sent to `from`, successful or not. */
  replies(tenant: Tenant, from: string): string[];
}

const ENTRIES: Entry[] = [
  {
    name: 'WhatsApp Cloud',
    post(route, signer, from, text) {
      const body = waMessage({ id: `wamid.mx.${process.pid}.${++seq}`, timestamp: String(Math.floor(systemClock.now() / 1000)), type: 'text', text: { body: text } }, { from, name: 'Rosa' });
      const entry = (body.entry as Array<{ changes: Array<{ value: Record<string, unknown> }> }>)[0]!;
      entry.changes[0]!.value.metadata = { display_phone_number: '18095550000', phone_number_id: CRED[route].wa.phone };
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
});
