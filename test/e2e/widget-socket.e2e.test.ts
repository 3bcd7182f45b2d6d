import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import type { ServerFrame, WireMessage } from '../../src/channels/widget/protocol.js';

let server: TestServer;

/** A tiny protocol client that records every frame. */
class Client {
  frames: ServerFrame[] = [];
  ws: WebSocket;
  #waiters: { pred: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  opened: Promise<void>;
  closed: Promise<number>;
  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
    this.ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      this.#waiters = this.#waiters.filter((w) => {
        if (w.pred(frame)) {
          w.resolve(frame);
          return false;
        }
        return true;
      });
    });
  }
  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  next<T extends ServerFrame>(pred: (f: ServerFrame) => boolean, timeoutMs = 10_000): Promise<T> {
    const found = this.frames.find(pred);
    if (found) return Promise.resolve(found as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame; got ${JSON.stringify(this.frames.map((f) => f.type))}`)), timeoutMs);
      this.#waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f as T);
        },
      });
    });
  }
  messages(): WireMessage[] {
    return this.frames.flatMap((f) => (f.type === 'message' ? [f.message] : f.type === 'welcome' ? f.history : []));
  }
  close() {
    this.ws.close();
  }
}

/** A visitor id as the widget makes them: readable prefix, 128 random bits. */
const vid = (name: string) => `${name}_${randomBytes(16).toString('base64url')}`;
/** Resume tokens the server gave, by visitor id (what the widget keeps in localStorage). */
const tokens = new Map<string, string>();

async function connect(visitorId: string, lastSeq = 0): Promise<{ client: Client; welcome: Extract<ServerFrame, { type: 'welcome' }> }> {
  const client = new Client(`${server.wsUrl}?tenant=ferreteria`);
  await client.opened;
  const resumeToken = tokens.get(visitorId);
  client.send({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId, lang: 'es', lastSeq, ...(resumeToken ? { resumeToken } : {}) });
  const welcome = await client.next<Extract<ServerFrame, { type: 'welcome' }>>((f) => f.type === 'welcome' || f.type === 'error');
  expect(welcome.type).toBe('welcome');
  if (welcome.resumeToken) tokens.set(visitorId, welcome.resumeToken);
  return { client, welcome };
}

beforeAll(async () => {
  server = await startHiloForTest();
});
afterAll(async () => {
  await server?.close();
});

describe('widget WebSocket', () => {
  it('should run a turn: customer message echoed, bot reply, ack with the seq (no typing frames for a turn answered at once)', async () => {
    const { client, welcome } = await connect(vid('visitor_ws_test_1'));
    expect(welcome.history).toEqual([]);
    client.send({ type: 'message', clientMessageId: 'm1', text: '¿Tienen varilla de 3/8?' });
    const ack = await client.next<Extract<ServerFrame, { type: 'ack' }>>((f) => f.type === 'ack');
    expect(ack).toMatchObject({ clientMessageId: 'm1', seq: 1 });
    const msgs = client.messages();
    expect(msgs[0]).toMatchObject({ seq: 1, author: 'customer', text: '¿Tienen varilla de 3/8?' });
    expect(msgs.some((m) => m.author === 'bot' && /RD\$/.test(m.text))).toBe(true);
    // "typing…" is for turns that take a while (typing-indicator.ts); the rule brain answers at once.
    expect(client.frames.some((f) => f.type === 'typing')).toBe(false);
    client.close();
  });

  it('should resume the same conversation after a reconnect and send only newer history', async () => {
    const visitor = vid('visitor_ws_test_2');
    const first = await connect(visitor);
    first.client.send({ type: 'message', clientMessageId: 'a', text: 'hola' });
    await first.client.next((f) => f.type === 'ack');
    const seen = Math.max(...first.client.messages().map((m) => m.seq));
    first.client.close();

    const again = await connect(visitor);
    expect(again.welcome.conversationId).toBe(first.welcome.conversationId);
    expect(again.welcome.history.map((m) => m.seq)).toEqual(first.client.messages().map((m) => m.seq).sort((x, y) => x - y));
    again.client.send({ type: 'message', clientMessageId: 'b', text: 'gracias' });
    await again.client.next((f) => f.type === 'ack');
    again.client.close();

    const partial = await connect(visitor, seen);
    expect(partial.welcome.history.length).toBeGreaterThan(0);
    expect(partial.welcome.history.every((m) => m.seq > seen)).toBe(true);
    partial.client.close();
  });

  it('should not process a resent clientMessageId twice', async () => {
    const { client } = await connect(vid('visitor_ws_test_3'));
    client.send({ type: 'message', clientMessageId: 'dup', text: 'hola' });
    await client.next((f) => f.type === 'ack');
    const count = client.messages().length;
    client.send({ type: 'message', clientMessageId: 'dup', text: 'hola' });
    await client.next((f) => f.type === 'ack' && client.frames.filter((x) => x.type === 'ack').length === 2);
    expect(client.messages().length).toBe(count);
    client.close();
  });

  it('should answer bad frames with a coded error and keep the connection', async () => {
    const { client } = await connect(vid('visitor_ws_test_4'));
    client.send('this is not json');
    const err = await client.next<Extract<ServerFrame, { type: 'error' }>>((f) => f.type === 'error');
    expect(err.code).toBe('HILO_ERR_WS_INVALID_FRAME');
    client.send({ type: 'message', clientMessageId: 'x', text: '' });
    await client.next((f) => f.type === 'error' && f.clientMessageId === 'x');
    client.send({ type: 'ping' });
    await client.next((f) => f.type === 'pong');
    client.close();
  });

  it('should refuse frames before hello and an unknown tenant', async () => {
    const c = new Client(`${server.wsUrl}?tenant=ferreteria`);
    await c.opened;
    c.send({ type: 'message', clientMessageId: 'early', text: 'hola' });
    const err = await c.next<Extract<ServerFrame, { type: 'error' }>>((f) => f.type === 'error');
    expect(err.code).toMatch(/HILO_ERR_WS_/);
    c.close();
    const u = new Client(`${server.wsUrl}?tenant=nobody`);
    await u.opened;
    u.send({ type: 'hello', v: 1, tenant: 'nobody', visitorId: vid('visitor_ws_test_5') });
    expect(await u.closed).toBe(4404);
  });

  it('should not replay a thread to a hello without its resume token, nor accept a weak new visitor id', async () => {
    const visitor = vid('visitor_ws_test_7');
    const first = await connect(visitor);
    first.client.send({ type: 'message', clientMessageId: 'p', text: 'mi cuenta es la 10587' });
    await first.client.next((f) => f.type === 'ack');
    first.client.close();
    const thief = new Client(`${server.wsUrl}?tenant=ferreteria`);
    await thief.opened;
    thief.send({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: visitor, lang: 'es' });
    const refused = await thief.next<Extract<ServerFrame, { type: 'error' }>>((f) => f.type === 'error');
    expect(refused.code).toBe('HILO_ERR_WS_RESUME_REFUSED');
    expect(await thief.closed).toBe(4401);
    expect(JSON.stringify(thief.frames)).not.toContain('10587');
    const weak = new Client(`${server.wsUrl}?tenant=ferreteria`);
    await weak.opened;
    weak.send({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: 'aaaaaaaa', lang: 'es' });
    expect((await weak.next<Extract<ServerFrame, { type: 'error' }>>((f) => f.type === 'error')).code).toBe('HILO_ERR_WS_VISITOR_ID_WEAK');
    expect(await weak.closed).toBe(4400);
    // The owner, with the token from the first welcome, gets the thread back.
    const owner = await connect(visitor);
    expect(owner.welcome.history.some((m) => m.text.includes('10587'))).toBe(true);
    owner.client.close();
  });

  it('should push a human agent reply to the widget', async () => {
    const { client, welcome } = await connect(vid('visitor_ws_test_6'));
    client.send({ type: 'message', clientMessageId: 'h', text: 'necesito hablar con un agente humano' });
    await client.next((f) => f.type === 'ack');
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/conversations/${welcome.conversationId}/agent-messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agent: 'Luis', text: 'Hola, soy Luis de la tienda.' }),
    });
    expect(res.status).toBe(200);
    const pushed = await client.next<Extract<ServerFrame, { type: 'message' }>>((f) => f.type === 'message' && f.message.author === 'agent');
    expect(pushed.message).toMatchObject({ text: 'Hola, soy Luis de la tienda.', agentName: 'Luis' });
    client.close();
  });
});
