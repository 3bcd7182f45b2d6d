import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const PASSWORD = 'demo-console-pass-91';
const PUBLIC_URL = 'https://hilo.example.com';
const APP_SECRET = 'console-e2e-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'console-e2e-access-token';

interface Session {
  cookie: string;
  csrf: string;
  agent: { id: string; username: string; displayName: string; role: string };
}

/** A socket that records JSON frames and waits for one that matches. */
class Frames {
  list: Record<string, unknown>[] = [];
  #waiters: { pred: (f: Record<string, unknown>) => boolean; resolve: (f: Record<string, unknown>) => void }[] = [];
  closed: number | null = null;
  constructor(readonly ws: WebSocket) {
    ws.on('close', (code) => (this.closed = code));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      this.list.push(frame);
      this.#waiters = this.#waiters.filter((w) => (w.pred(frame) ? (w.resolve(frame), false) : true));
    });
  }
  next(pred: (f: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>> {
    const found = this.list.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what}; got ${JSON.stringify(this.list.map((f) => f.type))}; closed ${this.closed}; state ${this.ws.readyState}`)), 10_000);
      this.#waiters.push({ pred, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }
  send(frame: unknown) {
    this.ws.send(JSON.stringify(frame));
  }
}

function open(url: string, headers: Record<string, string> = {}): Promise<Frames> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const frames = new Frames(ws);
    ws.once('open', () => resolve(frames));
    ws.once('error', reject);
  });
}

function refusedUpgrade(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('console socket opened')));
    ws.once('error', () => undefined);
  });
}

/**
 * The agent console's API over real sockets on a durable deployment (PGlite, SQL console stores,
 * manual clock): login and its refusals, sessions, CSRF, tenant isolation, the take race, replies
 * that reach a widget socket and the (fake) WhatsApp Graph API, the live inbox socket.
 */
describe('agent console API, end to end', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let rocket: FakeRocketChat;
  let wamids = 0;
  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;
  const wsBase = () => `ws://127.0.0.1:${deployment.hilo.port}`;

  async function call(method: string, path: string, options: { session?: Session; body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.session) headers.cookie = options.session.cookie;
    const csrf = options.csrf === undefined ? options.session?.csrf : options.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base()}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  async function login(username: string, password: string): Promise<Session> {
    const res = await call('POST', '/console/api/login', { body: { tenant: TENANT, username, password } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { cookie, csrf: res.body.csrfToken, agent: res.body.agent };
  }

  async function whatsAppSays(from: string, text: string): Promise<void> {
    const raw = metaJson(waMessage({ id: `wamid.console.${process.pid}.${++wamids}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from, name: 'Ana' }));
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
  }

  const textsTo = (to: string): string[] => graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));

  let demo: Session;

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    rocket = await startFakeRocketChat();
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment, {
      HILO_DEMO_AGENT_PASSWORD: PASSWORD,
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'console-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl,
    });
    demo = await login('demo', PASSWORD);
  });

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
    await rocket?.close();
  });

  it('should log the demo admin in with an HttpOnly, SameSite=Strict, Secure session cookie and a CSRF token', async () => {
    const res = await call('POST', '/console/api/login', { body: { tenant: TENANT, username: 'demo', password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.agent).toEqual({ id: expect.any(String), tenant: TENANT, username: 'demo', displayName: 'Demo', role: 'admin', lang: 'es' });
    expect(res.body.csrfToken).toMatch(/^[\w-]{43}$/);
    // The store's time zone (tenant.json): the page shows every time in it.
    expect(res.body.timeZone).toBe('America/Santo_Domingo');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hilo_console=[\w-]{43}; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=604800; Secure$/);
    const session = await call('GET', '/console/api/session', { session: { cookie: cookie.split(';')[0]!, csrf: '', agent: res.body.agent } });
    expect(session.status).toBe(200);
    // The hardware store files quotes (it sells from a catalog): its agents get the quotes tab.
    expect(session.body).toEqual({ agent: res.body.agent, csrfToken: res.body.csrfToken, timeZone: 'America/Santo_Domingo', filesQuotes: true });
  });

  it('should refuse a wrong password and an unknown user with the same answer, and no session without a cookie', async () => {
    const wrong = await call('POST', '/console/api/login', { body: { tenant: TENANT, username: 'demo', password: 'not-the-password' } });
    const unknown = await call('POST', '/console/api/login', { body: { tenant: TENANT, username: 'nobody-here', password: 'not-the-password' } });
    const otherTenant = await call('POST', '/console/api/login', { body: { tenant: 'otra', username: 'demo', password: PASSWORD } });
    for (const res of [wrong, unknown, otherTenant]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'HILO_ERR_CONSOLE_LOGIN_INVALID', message: 'Wrong username or password.' } });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await call('GET', '/console/api/session')).body.error.code).toBe('HILO_ERR_AUTH_MISSING');
    expect((await call('GET', '/console/api/session', { headers: { cookie: 'hilo_console=forged' } })).status).toBe(401);
  });

  it('should rate-limit failed logins per username (5 per 15 minutes) with Retry-After, the right password included', async () => {
    const created = await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, body: { username: 'rosa', displayName: 'Rosa', role: 'agent', password: 'rosa-password-1' } });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await call('POST', '/console/api/login', { body: { tenant: TENANT, username: 'rosa', password: `wrong-${i}` } })).status).toBe(401);
    const limited = await call('POST', '/console/api/login', { body: { tenant: TENANT, username: 'rosa', password: 'rosa-password-1' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('HILO_ERR_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBe(900);
    // Another username from the same address still gets in; after the window, so does rosa.
    expect((await call('POST', '/console/api/login', { body: { tenant: TENANT, username: 'demo', password: PASSWORD } })).status).toBe(200);
    deployment.clock.advance(15 * 60 * 1000 + 1);
    await login('rosa', 'rosa-password-1');
  });

  it('should end a session after 12 hours idle and on logout', async () => {
    const created = await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, body: { username: 'pedro', displayName: 'Pedro', role: 'agent', password: 'pedro-password-1' } });
    expect(created.status).toBe(201);
    const pedro = await login('pedro', 'pedro-password-1');
    deployment.clock.advance(12 * 60 * 60 * 1000 + 1);
    expect((await call('GET', '/console/api/session', { session: pedro })).status).toBe(401);
    const again = await login('pedro', 'pedro-password-1');
    const out = await call('POST', '/console/api/logout', { session: again });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^hilo_console=; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=0/);
    expect((await call('GET', '/console/api/session', { session: again })).status).toBe(401);
    demo = await login('demo', PASSWORD);
  });

  it('should refuse a mutating request without the CSRF token or from another origin, other tenants, and agents doing admin work', async () => {
    const noCsrf = await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, csrf: null, body: { username: 'x1', displayName: 'X', role: 'agent', password: 'xxxxxxxxxx1' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('HILO_ERR_CONSOLE_CSRF');
    const wrongCsrf = await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, csrf: 'x'.repeat(43), body: { username: 'x1', displayName: 'X', role: 'agent', password: 'xxxxxxxxxx1' } });
    expect(wrongCsrf.body.error.code).toBe('HILO_ERR_CONSOLE_CSRF');
    const crossSite = await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, headers: { origin: 'https://evil.example' }, body: { username: 'x1', displayName: 'X', role: 'agent', password: 'xxxxxxxxxx1' } });
    expect(crossSite.body.error.code).toBe('HILO_ERR_CONSOLE_CSRF');
    const crossSiteLogin = await call('POST', '/console/api/login', { headers: { origin: 'https://evil.example' }, body: { tenant: TENANT, username: 'demo', password: PASSWORD } });
    expect(crossSiteLogin.status).toBe(403);
    expect((await call('GET', `/console/api/tenants/${TENANT}/agents`, { session: demo })).body.agents.map((a: { username: string }) => a.username)).not.toContain('x1');
    const other = await call('GET', '/console/api/tenants/otra/inbox', { session: demo });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('HILO_ERR_TENANT_NOT_FOUND');
    const rosa = await login('rosa', 'rosa-password-1');
    expect((await call('GET', `/console/api/tenants/${TENANT}/agents`, { session: rosa })).body.error.code).toBe('HILO_ERR_CONSOLE_FORBIDDEN');
    expect((await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: rosa, body: { username: 'x2', displayName: 'X', role: 'admin', password: 'xxxxxxxxxx1' } })).status).toBe(403);
    // The tenant's API key acts as an admin without a cookie or CSRF token; a wrong key is refused.
    const key = { authorization: `Bearer ${deployment.hilo.demoApiKey}` };
    expect((await call('GET', `/console/api/tenants/${TENANT}/inbox?view=open`, { headers: key })).status).toBe(200);
    expect((await call('GET', `/console/api/tenants/${TENANT}/inbox`, { headers: { authorization: 'Bearer wrong-key-000000000' } })).status).toBe(403);
  });

  it('should serve the tenant\'s canned replies', async () => {
    const res = await call('GET', `/console/api/tenants/${TENANT}/canned-replies`, { session: demo });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(8);
    for (const r of res.body) expect(r).toEqual({ id: expect.any(String), title: expect.any(String), text: { es: expect.any(String), en: expect.any(String) } });
  });

  it('should push a widget handoff to the live console, give it to exactly one of two racing agents, and carry the reply to the widget', async () => {
    expect(await refusedUpgrade(`${wsBase()}/console/ws`, { origin: PUBLIC_URL })).toBe(401);
    expect(await refusedUpgrade(`${wsBase()}/console/ws`, { origin: 'https://evil.example', cookie: demo.cookie })).toBe(403);
    // A cookie that names no session: the socket opens, says why and closes with 4401, and the
    // frame sent meanwhile is not answered.
    const forged = await open(`${wsBase()}/console/ws`, { origin: PUBLIC_URL, cookie: 'hilo_console=forged-session-id' });
    forged.send({ type: 'ping' });
    expect(await forged.next((f) => f.type === 'error', 'session error')).toMatchObject({ code: 'HILO_ERR_AUTH_MISSING' });
    await expect.poll(() => forged.closed).toBe(4401);
    expect(forged.list.map((f) => f.type)).toEqual(['error']);

    // Many sockets at once, each after a refused upgrade, every one answers: a uWS build here used
    // to drop a fresh socket (1006) when the upgrade completed after an await (see WsRoute.upgrade).
    const many = await Promise.all(
      Array.from({ length: 40 }, async () => {
        expect(await refusedUpgrade(`${wsBase()}/console/ws`, { origin: PUBLIC_URL })).toBe(401);
        const socket = await open(`${wsBase()}/console/ws`, { origin: PUBLIC_URL, cookie: demo.cookie });
        socket.send({ type: 'ping' });
        await socket.next((f) => f.type === 'pong', 'pong');
        socket.ws.close();
        return socket;
      }),
    );
    expect(many.every((socket) => socket.list.some((f) => f.type === 'pong'))).toBe(true);

    // Frames sent before the session is confirmed are held, then answered in order.
    const live = await open(`${wsBase()}/console/ws`, { origin: PUBLIC_URL, cookie: demo.cookie });
    live.send({ type: 'ping' });
    await live.next((f) => f.type === 'pong', 'pong');

    const widget = await open(`${wsBase()}/ws?tenant=${TENANT}`);
    widget.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: `console_e2e_${randomBytes(16).toString('base64url')}`, lang: 'es', lastSeq: 0 });
    const welcome = await widget.next((f) => f.type === 'welcome', 'welcome');
    const conversationId = welcome.conversationId as string;
    widget.send({ type: 'message', clientMessageId: 'h1', text: 'quiero hablar con una persona' });
    await widget.next((f) => f.type === 'ack', 'ack');

    const pushed = await live.next((f) => f.type === 'inbox' && (f.item as { conversationId?: string }).conversationId === conversationId, 'inbox item');
    expect(pushed.item).toMatchObject({ conversationId, channel: 'web', assignee: null, priority: 'new', ticketNumber: expect.stringMatching(/^T-\d{6}$/), state: expect.stringMatching(/^handoff/) });
    const waiting = await call('GET', `/console/api/tenants/${TENANT}/inbox?view=waiting`, { session: demo });
    expect(waiting.body.items.map((i: { conversationId: string }) => i.conversationId)).toContain(conversationId);

    const rosa = await login('rosa', 'rosa-password-1');
    const [a, b] = await Promise.all([call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/take`, { session: demo }), call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/take`, { session: rosa })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [demo, rosa] : [rosa, demo];
    const lost = a.status === 409 ? a : b;
    expect(lost.body.error).toMatchObject({ code: 'HILO_ERR_CONSOLE_ALREADY_TAKEN', details: { assignee: { id: winner.agent.id, displayName: winner.agent.displayName } } });
    await live.next((f) => f.type === 'inbox' && (f.item as { assignee?: { id?: string } | null }).assignee?.id === winner.agent.id, 'taken item');
    // Rocket.Chat's room is told who owns it, once.
    await deployment.hilo.drainOutbox();
    const ticketNumber = (pushed.item as { ticketNumber: string }).ticketNumber;
    expect(rocket.messages.filter((m) => String(m.text).includes(`#${ticketNumber}*`) && String(m.text).includes('tomado por')).map((m) => m.text)).toEqual([`*#${ticketNumber}* · tomado por *${winner.agent.displayName}* en la consola de Hilo`]);
    const mine = await call('GET', `/console/api/tenants/${TENANT}/inbox?view=mine`, { session: winner });
    expect(mine.body.items.map((i: { conversationId: string }) => i.conversationId)).toEqual([conversationId]);

    // Only the holder (or an admin) replies: an agent who does not hold it is refused.
    if (loser.agent.role !== 'admin') {
      const refused = await call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/messages`, { session: loser, body: { text: 'yo también' } });
      expect(refused.body.error.code).toBe('HILO_ERR_CONSOLE_NOT_ASSIGNEE');
    }
    live.send({ type: 'watch', conversationId });
    const sent = await call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/messages`, { session: winner, body: { text: 'Hola, soy del equipo. ¿En qué te ayudo?' } });
    expect(sent.status).toBe(202);
    expect(sent.body.messageId).toEqual(expect.any(String));
    const shown = await widget.next((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Hola, soy del equipo. ¿En qué te ayudo?', 'agent line on the widget');
    expect(shown.message).toMatchObject({ author: 'agent' });
    await live.next((f) => f.type === 'message' && f.conversationId === conversationId && (f.entry as { author?: string }).author === 'agent', 'watched transcript line');

    const note = await call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/notes`, { session: winner, body: { text: 'Cliente pide entrega el sábado' } });
    expect(note.status).toBe(201);
    await live.next((f) => f.type === 'note' && f.conversationId === conversationId, 'note frame');
    const view = await call('GET', `/console/api/tenants/${TENANT}/conversations/${conversationId}`, { session: winner });
    expect(view.body).toMatchObject({ conversationId, channel: 'web', assignee: { id: winner.agent.id }, ticket: { status: 'open', rating: null }, notes: [{ text: 'Cliente pide entrega el sábado' }] });
    expect(view.body.transcript.some((l: { author: string; text: string }) => l.author === 'agent' && l.text.startsWith('Hola, soy del equipo'))).toBe(true);
    expect(widget.list.some((f) => JSON.stringify(f).includes('entrega el sábado'))).toBe(false);

    const resolved = await call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/resolve`, { session: winner, body: { outcome: 'resuelto' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.state).not.toMatch(/^handoff/);
    await live.next((f) => f.type === 'inbox.removed' && f.conversationId === conversationId, 'removed frame');
    const after = await call('GET', `/console/api/tenants/${TENANT}/conversations/${conversationId}`, { session: winner });
    expect(after.body).toMatchObject({ assignee: null, ticket: { status: 'closed', rating: null } });
    // The bot is back and asks the customer for a 1–5 rating; "⭐⭐⭐⭐" is stored with the ticket.
    await widget.next((f) => f.type === 'message' && /del 1 al 5/.test(String((f.message as { text?: string }).text)), 'rating question');
    widget.send({ type: 'message', clientMessageId: 'r1', text: '⭐⭐⭐⭐' });
    await widget.next((f) => f.type === 'message' && /Gracias por tu calificación/.test(String((f.message as { text?: string }).text)), 'thanks for the rating');
    const rated = await call('GET', `/console/api/tenants/${TENANT}/conversations/${conversationId}`, { session: winner });
    expect(rated.body.ticket).toMatchObject({ status: 'closed', rating: 4 });
    live.ws.close();
    widget.ws.close();
  });

  it('should show a handoff answered outside the console (Rocket.Chat, REST) as taken by that agent, and free it when resolved there', async () => {
    const key = { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json' };
    const api = (path: string, body: unknown) => fetch(`${base()}/api/tenants/${TENANT}${path}`, { method: 'POST', headers: key, body: JSON.stringify(body) });
    const turn = (await (await api('/messages', { sender: `rest-${randomBytes(4).toString('hex')}`, text: 'quiero hablar con una persona' })).json()) as { conversation_id: string };
    const conversationId = turn.conversation_id;
    expect((await api(`/conversations/${conversationId}/agent-messages`, { agent: 'María', text: 'Hola, soy María.' })).status).toBe(200);
    const item = async () => (await call('GET', `/console/api/tenants/${TENANT}/inbox?view=open&q=${conversationId}`, { session: demo })).body.items[0];
    await expect.poll(async () => (await item())?.assignee, { timeout: 5_000 }).toEqual({ id: 'api:María', displayName: 'María (API)' });
    // The thread says so, as for a take in the console (session 37: the REST route's agent is "(API)", was "(Rocket.Chat)").
    await expect.poll(async () => (await call('GET', `/console/api/tenants/${TENANT}/conversations/${conversationId}`, { session: demo })).body.activity, { timeout: 5_000 }).toMatchObject([{ kind: 'took', by: 'María (API)', to: null }]);
    const take = await call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/take`, { session: demo });
    expect(take.status).toBe(409);
    expect(take.body.error.details.assignee.displayName).toBe('María (API)');
    expect((await api(`/conversations/${conversationId}/resolve`, { agent: 'María', outcome: 'listo' })).status).toBe(200);
    await expect.poll(async () => (await item())?.assignee ?? null, { timeout: 5_000 }).toBeNull();
  });

  it('should refuse a resolve outcome over 500 characters, from the console and from the REST API, with a 400 that names the field, and keep the handoff open', async () => {
    const key = { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json' };
    const api = (path: string, body: unknown) => fetch(`${base()}/api/tenants/${TENANT}${path}`, { method: 'POST', headers: key, body: JSON.stringify(body) });
    const turn = (await (await api('/messages', { sender: `rest-${randomBytes(4).toString('hex')}`, text: 'quiero hablar con una persona, el pedido llegó incompleto' })).json()) as { conversation_id: string };
    const conversationId = turn.conversation_id;
    const resolvePath = `/console/api/tenants/${TENANT}/conversations/${conversationId}/resolve`;
    expect((await call('POST', `/console/api/tenants/${TENANT}/conversations/${conversationId}/take`, { session: demo })).status).toBe(200);
    for (const outcome of ['x'.repeat(501), `resuelto ${'y'.repeat(3_000)}`]) {
      const refused = await call('POST', resolvePath, { session: demo, body: { outcome } });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'HILO_ERR_HTTP_VALIDATION', details: [{ path: 'outcome', problem: expect.stringMatching(/500/) }] });
      const rest = await api(`/conversations/${conversationId}/resolve`, { agent: 'María', outcome });
      expect(rest.status).toBe(400);
      expect(((await rest.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('outcome');
    }
    // A body past the console's size limit does not reach the check: 413.
    expect((await call('POST', resolvePath, { session: demo, body: { outcome: 'x'.repeat(100_000) } })).status).toBe(413);
    for (const outcome of ['', '   ', '\u200b\u200b']) expect((await call('POST', resolvePath, { session: demo, body: { outcome } })).status, JSON.stringify(outcome)).toBe(400);
    const view = await call('GET', `/console/api/tenants/${TENANT}/conversations/${conversationId}`, { session: demo });
    expect(view.body).toMatchObject({ assignee: { id: demo.agent.id }, ticket: { status: 'open' } });
    // 500 characters is the cap the console's outcome field also holds (maxLength 500): taken.
    const resolved = await call('POST', resolvePath, { session: demo, body: { outcome: `Pedido completado: ${'se repusieron los sacos. '.repeat(19)}`.slice(0, 500) } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
  });

  it('should announce a handoff again in Rocket.Chat once per SLA period while no agent answers', async () => {
    const key = { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json' };
    const res = await fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: key, body: JSON.stringify({ sender: `sla-${randomBytes(4).toString('hex')}`, text: 'quiero hablar con una persona' }) });
    const turn = (await res.json()) as { conversation_id: string; state: { context: { ticket: { number: string } } } };
    const number = turn.state.context.ticket.number;
    await deployment.hilo.drainOutbox();
    const notices = () => rocket.messages.filter((m) => String(m.text).includes(`#${number}*`) && !String(m.text).includes("tomado por")).map((m) => String(m.text));
    expect(notices()).toHaveLength(1);
    // (The console's own 30-second scan may run too: the notices, not the return values, are checked.)
    await deployment.hilo.agentConsole.slaTick();
    await deployment.hilo.drainOutbox();
    expect(notices()).toHaveLength(1);
    deployment.clock.advance(301_000);
    await deployment.hilo.agentConsole.slaTick();
    await deployment.hilo.agentConsole.slaTick();
    for (let tries = 0; tries < 50 && notices().length < 2; tries++) {
      await deployment.hilo.drainOutbox();
      if (notices().length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(notices()).toHaveLength(2);
    expect(notices()[1]).toMatch(/🟡.*pendiente/);
    deployment.clock.advance(300_000);
    await deployment.hilo.agentConsole.slaTick();
    // The console's own 30-second scan may have claimed this period a moment before the tick above and
    // still be sending its notice: drain until it lands (or fail after 5 s).
    for (let tries = 0; tries < 50 && notices().length < 3; tries++) {
      await deployment.hilo.drainOutbox();
      if (notices().length < 3) await new Promise((r) => setTimeout(r, 100));
    }
    expect(notices()).toHaveLength(3);
    // Once an agent answers, the SLA no longer applies.
    demo = await login('demo', PASSWORD);
    expect((await call('POST', `/console/api/tenants/${TENANT}/conversations/${turn.conversation_id}/take`, { session: demo })).status).toBe(200);
    expect((await call('POST', `/console/api/tenants/${TENANT}/conversations/${turn.conversation_id}/messages`, { session: demo, body: { text: 'Ya te atiendo.' } })).status).toBe(202);
    deployment.clock.advance(900_000);
    await deployment.hilo.agentConsole.slaTick();
    await deployment.hilo.drainOutbox();
    expect(notices()).toHaveLength(3);
  });

  it('should drop a handoff the customer called off from the live inbox and tell the Rocket.Chat room, once', async () => {
    demo = await login('demo', PASSWORD);
    const live = await open(`${wsBase()}/console/ws`, { origin: PUBLIC_URL, cookie: demo.cookie });
    live.send({ type: 'ping' });
    await live.next((f) => f.type === 'pong', 'pong');
    const widget = await open(`${wsBase()}/ws?tenant=${TENANT}`);
    widget.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: `console_off_${randomBytes(16).toString('base64url')}`, lang: 'es', lastSeq: 0 });
    const conversationId = (await widget.next((f) => f.type === 'welcome', 'welcome')).conversationId as string;
    widget.send({ type: 'message', clientMessageId: 'off1', text: 'quiero hablar con una persona' });
    await widget.next((f) => f.type === 'ack' && f.clientMessageId === 'off1', 'ack');
    const pushed = await live.next((f) => f.type === 'inbox' && (f.item as { conversationId?: string }).conversationId === conversationId, 'inbox item');
    const ticketNumber = (pushed.item as { ticketNumber: string }).ticketNumber;

    widget.send({ type: 'message', clientMessageId: 'off2', text: 'olvídalo, ya no hace falta' });
    await widget.next((f) => f.type === 'message' && /cancel/i.test(String((f.message as { text?: string }).text)), 'called-off reply');
    await live.next((f) => f.type === 'inbox.removed' && f.conversationId === conversationId, 'inbox.removed');
    const view = await call('GET', `/console/api/tenants/${TENANT}/conversations/${conversationId}`, { session: demo });
    expect(view.body.ticket).toMatchObject({ number: ticketNumber, status: 'closed' });

    await deployment.hilo.drainOutbox();
    const cancelled = () => rocket.messages.filter((m) => String(m.text).includes(`#${ticketNumber}*`) && String(m.text).includes('cancelado por el cliente')).map((m) => String(m.text));
    expect(cancelled()).toEqual([`*#${ticketNumber}* · cancelado por el cliente antes de que un agente respondiera; ticket cerrado, Hilo retoma la conversación`]);
    // Talking to the bot again neither re-announces the closed ticket nor repeats the notice.
    widget.send({ type: 'message', clientMessageId: 'off3', text: '¿a qué hora cierran?' });
    await widget.next((f) => f.type === 'ack' && f.clientMessageId === 'off3', 'ack');
    await deployment.hilo.drainOutbox();
    expect(cancelled()).toHaveLength(1);
    expect(rocket.messages.filter((m) => String(m.text).includes(`#${ticketNumber}*`) && /pendiente/.test(String(m.text)))).toEqual([]);
    widget.ws.close();
    live.ws.close();
  });

  it('should send a console reply to a WhatsApp customer through the Graph API, and refuse it once the 24-hour window closed', async () => {
    const phone = `1809555${String(process.pid % 10_000).padStart(4, '0')}`;
    await whatsAppSays(phone, 'necesito hablar con un agente por favor');
    const inbox = await call('GET', `/console/api/tenants/${TENANT}/inbox?view=waiting&q=${phone.slice(-4)}`, { session: demo });
    const item = inbox.body.items.find((i: { channel: string }) => i.channel === 'whatsapp');
    expect(item).toMatchObject({ customer: { phoneMasked: `•••• ${phone.slice(-4)}` } });
    expect((await call('POST', `/console/api/tenants/${TENANT}/conversations/${item.conversationId}/take`, { session: demo })).status).toBe(200);
    const sent = await call('POST', `/console/api/tenants/${TENANT}/conversations/${item.conversationId}/messages`, { session: demo, body: { text: 'Hola Ana, te atiende Demo desde la consola.' } });
    expect(sent.status).toBe(202);
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone)).toContain('Hola Ana, te atiende Demo desde la consola.');

    deployment.clock.advance(25 * 60 * 60 * 1000);
    demo = await login('demo', PASSWORD);
    const late = await call('POST', `/console/api/tenants/${TENANT}/conversations/${item.conversationId}/messages`, { session: demo, body: { text: '¿Sigues ahí?' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('HILO_ERR_CHANNEL_WINDOW_CLOSED');
  });
});
