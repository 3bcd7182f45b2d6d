import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const PASSWORD = 'demo-console-pass-33';
const PUBLIC_URL = 'https://hilo.example.com';
const APP_SECRET = 'console33-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'console33-access-token';

interface Session {
  cookie: string;
  csrf: string;
}

/**
 * Console replies and notes sent twice (a retried request, a resend after a lost answer) reach the
 * customer once; an agent's text with a lone surrogate is replaced as a customer's is; notes by an
 * agent who does not hold the conversation are allowed, replies are not. Real HTTP on PostgreSQL
 * and Redis (where `Idempotency-Key` answers are kept), a fake WhatsApp Graph API counting sends.
 */
describe('console replies and notes, sent twice', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let wamids = 0;
  let demo: Session;
  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;
  const C = (id: string) => `/console/api/tenants/${TENANT}/conversations/${encodeURIComponent(id)}`;

  async function call(method: string, path: string, options: { session?: Session; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrf;
    }
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base()}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  async function login(username: string, password: string): Promise<Session> {
    const res = await call('POST', '/console/api/login', { body: { tenant: TENANT, username, password } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.body.csrfToken };
  }

  async function whatsAppSays(from: string, text: string): Promise<void> {
    const raw = metaJson(waMessage({ id: `wamid.c33.${process.pid}.${++wamids}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from, name: 'Ana' }));
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
  }

  const textsTo = (to: string): string[] => graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));

  /** A WhatsApp customer who asked for a person, taken by demo: the conversation id. */
  async function handoffTakenByDemo(phone: string): Promise<string> {
    await whatsAppSays(phone, 'necesito hablar con un agente por favor');
    const inbox = await call('GET', `/console/api/tenants/${TENANT}/inbox?view=waiting&q=${phone.slice(-4)}`, { session: demo });
    const item = inbox.body.items.find((i: { channel: string }) => i.channel === 'whatsapp');
    expect(item, JSON.stringify(inbox.body).slice(0, 600)).toBeDefined();
    expect((await call('POST', `${C(item.conversationId)}/take`, { session: demo })).status).toBe(200);
    return item.conversationId as string;
  }

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    environment = await createDurableEnvironment('postgres+redis');
    deployment = await startDeployment(environment, {
      HILO_DEMO_AGENT_PASSWORD: PASSWORD,
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'console33-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
    });
    demo = await login('demo', PASSWORD);
  });

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
  });

  it('should send a reply retried with the same Idempotency-Key once, answer the retry with the first answer, also after a restart', async () => {
    const phone = `1809556${String(process.pid % 10_000).padStart(4, '0')}`;
    const id = await handoffTakenByDemo(phone);
    const text = 'Hola Ana, te atiende Demo. ¿Qué necesitas?';
    const key = { 'idempotency-key': 'reply-7d1f0c2e-0001' };
    // Two at once (a double send) and one after (a retry of a lost answer).
    const [first, twin] = await Promise.all([call('POST', `${C(id)}/messages`, { session: demo, body: { text }, headers: key }), call('POST', `${C(id)}/messages`, { session: demo, body: { text }, headers: key })]);
    const retry = await call('POST', `${C(id)}/messages`, { session: demo, body: { text: `  ${text}  ` }, headers: key });
    for (const res of [first, twin, retry]) {
      expect(res.status).toBe(202);
      expect(res.body).toEqual(first.body);
    }
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone).filter((t) => t === text)).toHaveLength(1);

    // Kept in Redis: a restarted server still knows the key.
    await deployment.restart({ keepStorage: true });
    demo = await login('demo', PASSWORD);
    const afterRestart = await call('POST', `${C(id)}/messages`, { session: demo, body: { text }, headers: key });
    expect(afterRestart.status).toBe(202);
    expect(afterRestart.body).toEqual(first.body);
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone).filter((t) => t === text)).toHaveLength(1);

    // Another text under the key is refused and sends nothing; a new key sends it.
    const reused = await call('POST', `${C(id)}/messages`, { session: demo, body: { text: 'Otra cosa' }, headers: key });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
    const fresh = await call('POST', `${C(id)}/messages`, { session: demo, body: { text: 'Otra cosa' }, headers: { 'idempotency-key': 'reply-7d1f0c2e-0002' } });
    expect(fresh.status).toBe(202);
    expect(fresh.body.messageId).not.toBe(first.body.messageId);
    // Without a key every request is a message (the REST API's rule).
    expect((await call('POST', `${C(id)}/messages`, { session: demo, body: { text: 'Un momento.' } })).status).toBe(202);
    expect((await call('POST', `${C(id)}/messages`, { session: demo, body: { text: 'Un momento.' } })).status).toBe(202);
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone).filter((t) => t === 'Otra cosa')).toHaveLength(1);
    expect(textsTo(phone).filter((t) => t === 'Un momento.')).toHaveLength(2);
    // A bad key is a clear 400, and nothing is sent.
    const bad = await call('POST', `${C(id)}/messages`, { session: demo, body: { text: 'x' }, headers: { 'idempotency-key': 'ñ' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('header Idempotency-Key');
  });

  it('should keep one note for a note sent twice with the same key, and scope keys per agent', async () => {
    const phone = `1809557${String(process.pid % 10_000).padStart(4, '0')}`;
    const id = await handoffTakenByDemo(phone);
    const key = { 'idempotency-key': 'note-2b9e-0001' };
    const a = await call('POST', `${C(id)}/notes`, { session: demo, body: { text: 'Cliente de la constructora, pide precio por volumen.' }, headers: key });
    const b = await call('POST', `${C(id)}/notes`, { session: demo, body: { text: 'Cliente de la constructora, pide precio por volumen.' }, headers: key });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    const view = await call('GET', C(id), { session: demo });
    expect(view.body.notes.filter((n: { text: string }) => n.text.startsWith('Cliente de la constructora'))).toHaveLength(1);
    // The same key from another agent is that agent's own key.
    expect((await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, body: { username: 'luisa', displayName: 'Luisa', role: 'agent', password: 'luisa-password-1' } })).status).toBe(201);
    const luisa = await login('luisa', 'luisa-password-1');
    const hers = await call('POST', `${C(id)}/notes`, { session: luisa, body: { text: 'Lo conozco: paga a 30 días.' }, headers: key });
    expect(hers.status).toBe(201);
    expect(hers.body.author.displayName).toBe('Luisa');
  });

  it('should let an agent who does not hold the conversation add a note but not reply (the holder answers the customer)', async () => {
    const phone = `1809558${String(process.pid % 10_000).padStart(4, '0')}`;
    const id = await handoffTakenByDemo(phone);
    expect((await call('POST', `/console/api/tenants/${TENANT}/agents`, { session: demo, body: { username: 'nelson', displayName: 'Nelson', role: 'agent', password: 'nelson-password-1' } })).status).toBe(201);
    const nelson = await login('nelson', 'nelson-password-1');
    const note = await call('POST', `${C(id)}/notes`, { session: nelson, body: { text: 'Ojo: ya se le cambió un inodoro el mes pasado.' } });
    expect(note.status).toBe(201);
    expect(note.body.author.displayName).toBe('Nelson');
    const reply = await call('POST', `${C(id)}/messages`, { session: nelson, body: { text: 'Hola, soy Nelson.' } });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('HILO_ERR_CONSOLE_NOT_ASSIGNEE');
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone)).not.toContain('Hola, soy Nelson.');
  });

  it('should replace a lone surrogate in a reply or a note with U+FFFD, as in a customer\'s message, and send well-formed text', async () => {
    const phone = `1809559${String(process.pid % 10_000).padStart(4, '0')}`;
    const id = await handoffTakenByDemo(phone);
    const sent = await call('POST', `${C(id)}/messages`, { session: demo, body: { text: 'hola \ud800 ¿en qué te ayudo?' } });
    expect(sent.status).toBe(202);
    const note = await call('POST', `${C(id)}/notes`, { session: demo, body: { text: 'nota \udc00' } });
    expect(note.status).toBe(201);
    expect(note.body.text).toBe('nota \ufffd');
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone)).toContain('hola \ufffd ¿en qué te ayudo?');
    // The customer's own message with one is treated the same way (the channel boundary's rule).
    const rest = await fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${deployment.hilo.demoApiKey}` }, body: JSON.stringify({ sender: `c33-${process.pid}`, text: 'hola \ud800' }) });
    expect(rest.status).toBe(200);
    const view = await call('GET', C(id), { session: demo });
    const line = view.body.transcript.find((l: { author: string; text: string }) => l.author === 'agent' && l.text.startsWith('hola '));
    expect(line.text).toBe('hola \ufffd ¿en qué te ayudo?');
    expect(JSON.stringify(view.body).includes('\\ud800')).toBe(false);
  });
});
