import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HiloError } from '../../../src/kernel/errors.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createResumeTokens, startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { connectWidget, conversationIdOf, createAssets, createFakeService, TENANT, type FakeService, type WidgetClient } from './fakes.js';

/** 22 random base64url characters, as the widget makes them. */
const VISITOR = 'Vq3xK9_mZ2pL7wR4tN8sYb';
const CONV = conversationIdOf('web', VISITOR);
const SECRET = Buffer.alloc(32, 7);
const TOKEN = createResumeTokens(SECRET).issue(TENANT, VISITOR);
const AT = '2026-11-22T12:00:00.000Z';

describe.each(['uws', 'node'] as const)('widget WebSocket on %s', (transport) => {
  let gateway: Gateway;
  let service: FakeService;
  let assets: ReturnType<typeof createAssets>;
  let clock: ReturnType<typeof createManualClock>;
  const clients: WidgetClient[] = [];

  const connect = async (tenant = TENANT): Promise<WidgetClient> => {
    const client = await connectWidget(gateway.port, tenant);
    clients.push(client);
    return client;
  };
  const hello = async (client: WidgetClient, extra: Record<string, unknown> = {}) => {
    client.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR, resumeToken: TOKEN, ...extra });
    return client.next();
  };

  beforeEach(async () => {
    service = createFakeService();
    assets = createAssets();
    clock = createManualClock();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service,
      apiKeys: createApiKeyRegistry(),
      logger: createSilentLogger(),
      clock,
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      limits: { maxFrameBytes: 4096, turnTimeoutMs: 2_000 },
      rateLimits: { perContactPerMinute: 3 },
      secret: SECRET,
    });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.ws.terminate();
    await gateway.close();
    assets.cleanup();
  });

  it('should welcome a new visitor with an empty history', async () => {
    const client = await connect();
    expect(await hello(client, { lang: 'en', resumeToken: undefined })).toEqual({ type: 'welcome', v: 1, conversationId: CONV, history: [], lang: 'en', resumeToken: TOKEN });
    expect(service.calls[0]).toEqual({ method: 'resolveConversation', args: [TENANT, 'web', VISITOR] });
    expect(service.listenerCount(CONV)).toBe(1);
  });

  it('should send the whole history, or only what is newer than lastSeq on resume', async () => {
    service.transcripts.set(CONV, []);
    service.record(CONV, { messageId: 'a', direction: 'in', author: 'customer', channel: 'web', text: 'Hola', at: AT });
    service.record(CONV, { messageId: 'b', direction: 'out', author: 'agent', channel: 'web', text: 'Soy Ana', at: AT, agentName: 'Ana' });
    const first = await connect();
    const welcome = await hello(first);
    expect(welcome).toMatchObject({
      type: 'welcome',
      lang: 'es',
      history: [
        { seq: 1, id: 'a', author: 'customer', text: 'Hola', at: AT },
        { seq: 2, id: 'b', author: 'agent', text: 'Soy Ana', at: AT, agentName: 'Ana' },
      ],
    });
    const resumed = await connect();
    expect(await hello(resumed, { lastSeq: 1 })).toMatchObject({ history: [{ seq: 2, id: 'b' }] });
    expect(service.calls.filter((c) => c.method === 'history').map((c) => c.args[2])).toEqual([0, 1]);
  });

  it('should run a turn per message, ack with the inbound seq and push typing and messages', async () => {
    const client = await connect();
    await hello(client);
    client.send({ type: 'message', clientMessageId: 'c1', text: '  Hola  ' });
    const frames = [await client.next(), await client.next(), await client.next(), await client.next(), await client.next()];
    expect(frames).toEqual([
      { type: 'typing', on: true },
      { type: 'message', message: { seq: 1, id: `web:${VISITOR}:c1`, author: 'customer', text: 'Hola', at: AT } },
      { type: 'message', message: { seq: 2, id: 'out-2', author: 'bot', text: 'Recibido: Hola', at: AT } },
      { type: 'typing', on: false },
      { type: 'ack', clientMessageId: 'c1', seq: 1 },
    ]);
    expect(service.calls.find((c) => c.method === 'handleMessage')?.args[0]).toEqual({
      tenantId: TENANT, channel: 'web', senderId: VISITOR, messageId: `web:${VISITOR}:c1`, text: 'Hola', clientIp: '127.0.0.1',
    });
  });

  it('should answer ping with pong', async () => {
    const client = await connect();
    await hello(client);
    client.send({ type: 'ping' });
    expect(await client.next()).toEqual({ type: 'pong' });
  });

  it.each([
    ['a non-hello first frame', { type: 'ping' }, 'HILO_ERR_WS_NOT_READY'],
    ['invalid JSON first', '{nope', 'HILO_ERR_WS_INVALID_FRAME'],
    ['a bad visitorId', { type: 'hello', v: 1, tenant: TENANT, visitorId: 'short' }, 'HILO_ERR_WS_INVALID_FRAME'],
    ['a wrong version', { type: 'hello', v: 2, tenant: TENANT, visitorId: VISITOR }, 'HILO_ERR_WS_INVALID_FRAME'],
    ['a weak new visitorId', { type: 'hello', v: 1, tenant: TENANT, visitorId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, 'HILO_ERR_WS_VISITOR_ID_WEAK'],
    ['a short new visitorId', { type: 'hello', v: 1, tenant: TENANT, visitorId: 'visitor_0001' }, 'HILO_ERR_WS_VISITOR_ID_WEAK'],
    ['a sequential new visitorId', { type: 'hello', v: 1, tenant: TENANT, visitorId: 'abcdefghijklmnopqrstuvwx' }, 'HILO_ERR_WS_VISITOR_ID_WEAK'],
  ])('should answer %s with an error and close 4400', async (_label, frame, code) => {
    const client = await connect();
    client.send(frame);
    expect(await client.next()).toMatchObject({ type: 'error', code });
    expect(await client.closed).toBe(4400);
    expect(service.calls.filter((c) => c.method === 'subscribe')).toHaveLength(0);
  });

  it('should refuse a hello whose tenant differs from the connection URL with 4404', async () => {
    const client = await connect('globex');
    client.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_TENANT_NOT_FOUND' });
    expect(await client.closed).toBe(4404);
  });

  it('should close an unknown tenant with 4404 (docs/protocol.md), not 4400', async () => {
    const client = await connect();
    client.send({ type: 'hello', v: 1, tenant: 'nobody', visitorId: VISITOR });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_TENANT_NOT_FOUND' });
    expect(await client.closed).toBe(4404);
    expect(service.calls.filter((c) => c.method === 'resolveConversation')).toHaveLength(0);
  });

  it('should never send a thread with messages to a hello without its resume token', async () => {
    service.transcripts.set(CONV, []);
    service.record(CONV, { messageId: 'a', direction: 'in', author: 'customer', channel: 'web', text: 'mi saldo secreto', at: AT });
    const otherToken = createResumeTokens(SECRET).issue(TENANT, 'Zr8pQ2_wLx5Nc7Vb3Mk9Ty');
    for (const resumeToken of [undefined, 'r1.forged', otherToken, createResumeTokens(Buffer.alloc(32, 8)).issue(TENANT, VISITOR)]) {
      const client = await connect();
      client.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR, ...(resumeToken !== undefined ? { resumeToken } : {}) });
      expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_RESUME_REFUSED' });
      expect(await client.closed).toBe(4401);
      expect(JSON.stringify(client.frames)).not.toContain('secreto');
    }
    expect(service.listenerCount(CONV)).toBe(0);
    // With the token: the history.
    const owner = await connect();
    expect(await hello(owner)).toMatchObject({ type: 'welcome', history: [{ seq: 1, text: 'mi saldo secreto' }], resumeToken: TOKEN });
  });

  it('should limit hello per client IP (each new visitor id creates a contact) and close 1013', async () => {
    await gateway.close();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service,
      apiKeys: createApiKeyRegistry(),
      logger: createSilentLogger(),
      clock,
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      rateLimits: { perIpPerMinute: 2 },
      secret: SECRET,
    });
    for (const id of ['Zr8pQ2_wLx5Nc7Vb3Mk9Ty', 'Hc4nW7_qPz2Lx9Rv5Tb8Ks']) {
      const ok = await connect();
      ok.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: id });
      expect(await ok.next()).toMatchObject({ type: 'welcome' });
    }
    const third = await connect();
    third.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: 'Mb6tY3_kRw9Qz2Nx7Lc4Pv' });
    expect(await third.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_RATE_LIMITED' });
    expect(await third.closed).toBe(1013);
    expect(service.calls.filter((c) => c.method === 'resolveConversation')).toHaveLength(2);
  });

  it('should give a new visitor a token that resumes its thread after messages', async () => {
    const client = await connect();
    const welcome = await hello(client, { resumeToken: undefined });
    expect(welcome).toMatchObject({ type: 'welcome', resumeToken: expect.stringMatching(/^r1\.[A-Za-z0-9_-]{43}$/) });
    client.send({ type: 'message', clientMessageId: 'c1', text: 'hola' });
    for (let i = 0; i < 5; i++) await client.next();
    const again = await connect();
    expect(await hello(again, { resumeToken: (welcome as { resumeToken: string }).resumeToken })).toMatchObject({ type: 'welcome', history: [{ seq: 1 }, { seq: 2 }] });
  });

  it('should answer invalid frames with an error, stay open, and close 4400 after ten', async () => {
    const client = await connect();
    await hello(client);
    client.send('not json');
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME' });
    client.send({ type: 'dance' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME' });
    client.send({ type: 'message', clientMessageId: 'c9', text: '   ' });
    expect(await client.next()).toEqual({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME', message: expect.any(String), clientMessageId: 'c9' });
    client.send({ type: 'message', clientMessageId: 'x'.repeat(65), text: 'hola' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME' });
    client.send({ type: 'message', clientMessageId: 'c10', text: 'y'.repeat(2001) });
    expect(await client.next()).toMatchObject({ type: 'error', clientMessageId: 'c10' });
    client.send({ type: 'ping' });
    expect(await client.next()).toEqual({ type: 'pong' });
    for (let i = 0; i < 4; i++) {
      client.send('[]');
      expect(await client.next()).toMatchObject({ type: 'error' });
    }
    client.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME' });
    expect(await client.closed).toBe(4400);
    expect(service.calls.filter((c) => c.method === 'handleMessage')).toHaveLength(0);
  });

  it('should turn a failed turn into an error frame for that message and keep the connection', async () => {
    const client = await connect();
    await hello(client);
    service.onHandleMessage = async () => {
      throw new HiloError('HILO_ERR_TURN_FAILED');
    };
    client.send({ type: 'message', clientMessageId: 'c1', text: 'hola' });
    expect(await client.next()).toEqual({ type: 'error', code: 'HILO_ERR_TURN_FAILED', message: expect.any(String), clientMessageId: 'c1' });
    service.onHandleMessage = async () => {
      throw new Error('boom with secrets');
    };
    client.send({ type: 'message', clientMessageId: 'c2', text: 'hola' });
    expect(await client.next()).toEqual({ type: 'error', code: 'HILO_ERR_INTERNAL', message: 'Internal error.', clientMessageId: 'c2' });
    client.send({ type: 'ping' });
    expect(await client.next()).toEqual({ type: 'pong' });
  });

  it('should rate-limit messages per visitor and let them through again as time passes', async () => {
    const client = await connect();
    await hello(client);
    service.onHandleMessage = async () => ({
      conversationId: CONV, duplicate: false, inbound: null, replies: [], state: { value: 'triage', tags: [], context: {}, machineVersion: 1, seq: 0 },
    });
    for (let i = 1; i <= 3; i++) {
      client.send({ type: 'message', clientMessageId: `c${i}`, text: 'hola' });
      expect(await client.next()).toMatchObject({ type: 'ack', clientMessageId: `c${i}` });
    }
    client.send({ type: 'message', clientMessageId: 'c4', text: 'hola' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_RATE_LIMITED', clientMessageId: 'c4' });
    clock.advance(20_000);
    client.send({ type: 'message', clientMessageId: 'c5', text: 'hola' });
    expect(await client.next()).toMatchObject({ type: 'ack', clientMessageId: 'c5' });
  });

  it('should not lose or duplicate updates recorded while the history is read', async () => {
    service.transcripts.set(CONV, []);
    service.record(CONV, { messageId: 'a', direction: 'in', author: 'customer', channel: 'web', text: 'uno', at: AT });
    let release!: () => void;
    service.historyGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const historyStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    service.onHistoryStart = started;
    const client = await connect();
    client.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR, resumeToken: TOKEN });
    await historyStarted;
    // Recorded after subscribing, before history reads the transcript: history will contain it too.
    service.record(CONV, { messageId: 'b', direction: 'out', author: 'bot', channel: 'web', text: 'dos', at: AT });
    service.emit(CONV, { type: 'typing', on: true });
    release();
    const welcome = await client.next();
    expect(welcome).toMatchObject({ type: 'welcome', history: [{ seq: 1 }, { seq: 2 }] });
    expect(await client.next()).toEqual({ type: 'typing', on: true });
    // Recorded after the welcome: pushed live, once.
    service.record(CONV, { messageId: 'c', direction: 'out', author: 'bot', channel: 'web', text: 'tres', at: AT });
    expect(await client.next()).toMatchObject({ type: 'message', message: { seq: 3, id: 'c' } });
    client.send({ type: 'ping' });
    expect(await client.next()).toEqual({ type: 'pong' });
    expect(client.frames.filter((f) => f.type === 'message')).toHaveLength(1);
  });

  it('should queue a message sent right after hello until the welcome is out', async () => {
    const client = await connect();
    client.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR, resumeToken: TOKEN });
    client.send({ type: 'message', clientMessageId: 'early', text: 'rápido' });
    expect(await client.next()).toMatchObject({ type: 'welcome' });
    const rest = [await client.next(), await client.next(), await client.next(), await client.next(), await client.next()];
    expect(rest.at(-1)).toEqual({ type: 'ack', clientMessageId: 'early', seq: 1 });
  });

  it('should unsubscribe when the client goes away', async () => {
    const client = await connect();
    await hello(client);
    expect(service.listenerCount(CONV)).toBe(1);
    client.ws.close(1000);
    await client.closed;
    for (let i = 0; i < 200 && service.listenerCount(CONV) > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(service.listenerCount(CONV)).toBe(0);
  });

  it('should answer a frame over the size limit with the documented error, then close 1009', async () => {
    const client = await connect();
    await hello(client);
    client.send({ type: 'message', clientMessageId: 'big', text: 'x'.repeat(5000) });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_FRAME_TOO_LARGE' });
    expect(await client.closed).toBe(1009);
    expect(service.calls.filter((c) => c.method === 'handleMessage')).toHaveLength(0);
  });

  it('should close connected widgets and unsubscribe them when the gateway closes', async () => {
    const client = await connect();
    await hello(client);
    await gateway.close();
    expect([1001, 1006]).toContain(await client.closed);
    expect(service.listenerCount(CONV)).toBe(0);
  });
});
