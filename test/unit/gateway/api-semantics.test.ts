import WebSocket from 'ws';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import { connectWidget, createAssets, http, type WidgetClient } from './fakes.js';

/**
 * What an integrator relies on, over real HTTP and WebSocket against a real host (machine, rule
 * brain, in-memory stores): an idempotency key reused for another text is an error, a resolve sent
 * twice says it was already resolved, a widget socket names its tenant in the URL.
 */
const KEY = 'hilo_test_key_ferreteria';
const T = 'ferreteria';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('API semantics against a real host', () => {
  let gateway: Gateway;
  let assets: ReturnType<typeof createAssets>;
  let made: ReturnType<typeof createMemoryHost>;
  const clients: WidgetClient[] = [];

  beforeEach(async () => {
    made = createMemoryHost({ tenant, brain });
    assets = createAssets();
    const apiKeys = createApiKeyRegistry();
    apiKeys.add(T, KEY);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport: 'node',
      service: made.host,
      clock: made.clock,
      apiKeys,
      logger: createSilentLogger(),
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      limits: { turnTimeoutMs: 10_000 },
      secret: Buffer.alloc(32, 3),
    });
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await gateway.close();
    assets.cleanup();
  });

  const post = async (path: string, body: unknown) => {
    const res = await http(gateway.port, 'POST', path, { headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: res.json() as Record<string, any> };
  };
  const say = (sender: string, text: string, messageId?: string) => post(`/api/tenants/${T}/messages`, { sender, text, ...(messageId !== undefined ? { message_id: messageId } : {}) });
  const transcript = async (id: string) => ((await http(gateway.port, 'GET', `/api/tenants/${T}/conversations/${id}`, { headers: { authorization: `Bearer ${KEY}` } })).json() as { transcript: { author: string; text: string }[] }).transcript;

  describe('REST message_id reused', () => {
    it('should answer a true retry with the first replies, and refuse another text under the same id with 409, recording nothing', async () => {
      const first = await say('idem-1', '¿tienen cemento gris?', 'order-77');
      expect([first.status, first.body.duplicate]).toEqual([200, false]);
      const retry = await say('idem-1', '¿tienen cemento gris?', 'order-77');
      expect([retry.status, retry.body.duplicate]).toEqual([200, true]);
      expect(retry.body.messages).toEqual(first.body.messages);

      const other = await say('idem-1', 'quiero 10 varillas de 3/8', 'order-77');
      expect(other.status).toBe(409);
      expect(other.body.error).toMatchObject({ code: 'HILO_ERR_IDEMPOTENCY_CONFLICT', details: { seq: 1 } });
      const lines = await transcript(first.body.conversation_id);
      expect(lines.filter((l) => l.author === 'customer').map((l) => l.text)).toEqual(['¿tienen cemento gris?']);
      // A new id carries the new text as usual.
      expect((await say('idem-1', 'quiero 10 varillas de 3/8', 'order-78')).body.duplicate).toBe(false);
    });

    it('should compare the text as recorded: a retry that differs only by what the channel strips or masks is still a retry', async () => {
      const first = await say('idem-2', 'mi tarjeta es 4111 1111 1111 1111 cobren ahi', 'pay-1');
      expect(first.status).toBe(200);
      // NUL and a bidi override never reach the conversation; the card number is masked the same way.
      const again = await say('idem-2', 'mi tarjeta es 4111 1111 1111 1111\u0000 cobren ahi\u202e', 'pay-1');
      expect([again.status, again.body.duplicate]).toEqual([200, true]);
      const trimmed = await say('idem-2', '  mi tarjeta es 4111 1111 1111 1111 cobren ahi  ', 'pay-1');
      expect([trimmed.status, trimmed.body.duplicate]).toEqual([200, true]);
      // Another card under the same id is another message.
      expect((await say('idem-2', 'mi tarjeta es 5500 0000 0000 0004 cobren ahi', 'pay-1')).status).toBe(409);
    });
  });

  describe('widget clientMessageId reused', () => {
    it('should ack a resend with the same seq, and answer another text under the same id with an error frame naming it', async () => {
      const client = await connectWidget(gateway.port, T);
      clients.push(client);
      const frames: Record<string, any>[] = [];
      const until = async (pred: (f: Record<string, any>) => boolean): Promise<Record<string, any>> => {
        for (;;) {
          const f = (await client.next()) as Record<string, any>;
          frames.push(f);
          if (pred(f)) return f;
        }
      };
      client.send({ type: 'hello', v: 1, tenant: T, visitorId: 'Qw7xK2_mZ9pL4wR8tN3sYc', lang: 'es' });
      await until((f) => f.type === 'welcome');
      client.send({ type: 'message', clientMessageId: 'c1', text: 'hola, tienen pintura?' });
      const ack = await until((f) => f.type === 'ack');
      client.send({ type: 'message', clientMessageId: 'c1', text: 'hola, tienen pintura?' });
      expect(await until((f) => f.type === 'ack' || f.type === 'error')).toEqual({ type: 'ack', clientMessageId: 'c1', seq: ack.seq });
      client.send({ type: 'message', clientMessageId: 'c1', text: 'y cemento?' });
      expect(await until((f) => f.type === 'ack' || f.type === 'error')).toMatchObject({ type: 'error', code: 'HILO_ERR_IDEMPOTENCY_CONFLICT', clientMessageId: 'c1' });
      // The socket stays usable.
      client.send({ type: 'message', clientMessageId: 'c2', text: 'y cemento?' });
      expect(await until((f) => f.type === 'ack' || f.type === 'error')).toMatchObject({ type: 'ack', clientMessageId: 'c2' });
    });
  });

  describe('widget socket without ?tenant=', () => {
    it('should refuse the hello with HILO_ERR_WS_TENANT_REQUIRED and close 4400, opening no conversation', async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/ws`);
      const frames: Record<string, unknown>[] = [];
      ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: T, visitorId: 'Zr5xK2_mQ9pL4wR8tN3sYd', lang: 'es' }));
      expect(await closed).toBe(4400);
      expect(frames).toEqual([expect.objectContaining({ type: 'error', code: 'HILO_ERR_WS_TENANT_REQUIRED' })]);
      expect(made.host.stats.activations).toBe(0);
    });
  });

  describe('resolve sent twice', () => {
    it('should resolve once, then answer 200 already_resolved with the standing resolution and change nothing', async () => {
      const opened = await say('res-1', 'quiero hablar con una persona');
      const id = opened.body.conversation_id as string;
      let state = opened.body.state.value as string;
      for (const text of ['Ana Pérez', '8095550123', 'sí']) {
        if (state === 'handoff.withHuman') break;
        state = (await say('res-1', text)).body.state.value as string;
      }
      expect(state).toBe('handoff.withHuman');
      const first = await post(`/api/tenants/${T}/conversations/${id}/resolve`, { agent: 'Ana', outcome: 'solved' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ already_resolved: false, resolution: { agent: 'Ana', outcome: 'solved' } });
      expect(first.body.messages.length).toBeGreaterThan(0);
      const linesAfter = (await transcript(id)).length;

      const second = await post(`/api/tenants/${T}/conversations/${id}/resolve`, { agent: 'Luis', outcome: 'other' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ already_resolved: true, resolution: { agent: 'Ana', outcome: 'solved' }, messages: [] });
      expect((await transcript(id)).length).toBe(linesAfter);
    });

    it('should resolve once when two resolves arrive at the same instant: one already_resolved false, the other true with the first one’s resolution', async () => {
      const opened = await say('res-race', 'quiero hablar con una persona');
      const id = opened.body.conversation_id as string;
      let state = opened.body.state.value as string;
      for (const text of ['Ana Pérez', '8095550123', 'sí']) {
        if (state === 'handoff.withHuman') break;
        state = (await say('res-race', text)).body.state.value as string;
      }
      expect(state).toBe('handoff.withHuman');
      // Both requests read the conversation before either resolve runs (what two agents clicking
      // at once on two members, or a slow read, give): the reads wait for each other.
      const read = made.host.getConversation.bind(made.host);
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothRead = new Promise<void>((r) => (release = r));
      made.host.getConversation = async (t, c) => {
        const view = await read(t, c);
        if (++arrived === 2) release();
        await bothRead;
        return view;
      };
      const both = await Promise.all([
        post(`/api/tenants/${T}/conversations/${id}/resolve`, { agent: 'Ana', outcome: 'solved' }),
        post(`/api/tenants/${T}/conversations/${id}/resolve`, { agent: 'Luis', outcome: 'other' }),
      ]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect(both.map((r) => r.body.already_resolved).sort()).toEqual([false, true]);
      const [winner, loser] = both[0]!.body.already_resolved ? [both[1]!, both[0]!] : [both[0]!, both[1]!];
      expect(loser.body.resolution).toEqual(winner.body.resolution);
      expect(loser.body.messages).toEqual([]);
    });

    it('should refuse with 409 HILO_ERR_CONVERSATION_NOT_IN_HANDOFF a resolve for a conversation that was never handed off', async () => {
      const opened = await say('res-2', '¿tienen cemento?');
      const res = await post(`/api/tenants/${T}/conversations/${opened.body.conversation_id}/resolve`, { agent: 'Ana', outcome: 'solved' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', details: { state: opened.body.state.value } });
    });
  });
});
