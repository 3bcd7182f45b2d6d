import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HiloError } from '../../../src/kernel/errors.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { startGateway, type Gateway, type GatewayOptions } from '../../../src/runtime/gateway/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { conversationIdOf, createAssets, createFakeService, http, OTHER_TENANT, TENANT, type FakeService } from './fakes.js';

const KEY = 'hilo_test_key_acme';
const OTHER_KEY = 'hilo_test_key_globex';

describe.each(['uws', 'node'] as const)('gateway HTTP API on %s', (transport) => {
  let gateway: Gateway;
  let service: FakeService;
  let assets: ReturnType<typeof createAssets>;
  let clock: ReturnType<typeof createManualClock>;

  const start = async (overrides: Partial<GatewayOptions> = {}): Promise<Gateway> => {
    const apiKeys = createApiKeyRegistry();
    apiKeys.add(TENANT, KEY);
    apiKeys.add(OTHER_TENANT, OTHER_KEY);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service,
      apiKeys,
      logger: createSilentLogger(),
      clock,
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      limits: { maxBodyBytes: 8192, turnTimeoutMs: 2_000 },
      health: () => ({ tenants: [TENANT, OTHER_TENANT] }),
      ...overrides,
    });
    return gateway;
  };

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    http(gateway.port, 'POST', path, {
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) => http(gateway.port, 'GET', path, { headers });

  beforeEach(() => {
    service = createFakeService();
    assets = createAssets();
    clock = createManualClock();
  });

  afterEach(async () => {
    await gateway?.close();
    assets.cleanup();
  });

  describe('static routes', () => {
    beforeEach(async () => {
      await start();
    });

    it('should report the transport it runs on and serve the demo page', async () => {
      expect(gateway.transport).toBe(transport);
      const res = await http(gateway.port, 'GET', '/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body.toString()).toContain('Hilo demo');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('should serve the widget bundle with an ETag and cache headers, plain or gzip', async () => {
      const plain = await http(gateway.port, 'GET', '/widget.js');
      expect(plain.status).toBe(200);
      expect(plain.headers['content-type']).toMatch(/^application\/javascript/);
      expect(plain.headers['cache-control']).toBe('public, max-age=300');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(assets.widgetJs);
      const etag = plain.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);

      const gz = await http(gateway.port, 'GET', '/widget.js', { headers: { 'accept-encoding': 'br, gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers.etag).toBe(etag);
      expect(gz.body.byteLength).toBeLessThan(plain.body.byteLength);
      expect(gunzipSync(gz.body).toString()).toBe(assets.widgetJs);

      const refused = await http(gateway.port, 'GET', '/widget.js', { headers: { 'accept-encoding': 'gzip;q=0' } });
      expect(refused.headers['content-encoding']).toBeUndefined();
    });

    it('should answer 304 when If-None-Match carries the current ETag', async () => {
      const etag = (await http(gateway.port, 'GET', '/widget.js')).headers.etag as string;
      const res = await http(gateway.port, 'GET', '/widget.js', { headers: { 'if-none-match': `"other", ${etag}` } });
      expect(res.status).toBe(304);
      expect(res.body.byteLength).toBe(0);
      const stale = await http(gateway.port, 'GET', '/widget.js', { headers: { 'if-none-match': '"stale"' } });
      expect(stale.status).toBe(200);
    });

    it('should answer /health to anyone, but name tenants only to a caller with their API key', async () => {
      const anonymous = await http(gateway.port, 'GET', '/health');
      expect(anonymous.status).toBe(200);
      expect(anonymous.json()).toEqual({ status: 'ok', transport });
      expect((await http(gateway.port, 'GET', '/health', { headers: { authorization: 'Bearer wrong-key-0000000000' } })).json()).toEqual({ status: 'ok', transport });
      const acme = await http(gateway.port, 'GET', '/health', { headers: { authorization: `Bearer ${KEY}` } });
      expect(acme.json()).toEqual({ status: 'ok', transport, tenants: [TENANT] });
    });

    it('should answer 404 to unknown routes and 405 with Allow to a wrong method', async () => {
      const missing = await http(gateway.port, 'GET', '/nope');
      expect(missing.status).toBe(404);
      expect((missing.json() as { error: { code: string } }).error.code).toBe('HILO_ERR_HTTP_NOT_FOUND');
      const wrong = await http(gateway.port, 'GET', `/api/tenants/${TENANT}/messages`);
      expect(wrong.status).toBe(405);
      expect(wrong.headers.allow).toBe('POST');
      expect((wrong.json() as { error: { code: string } }).error.code).toBe('HILO_ERR_HTTP_METHOD_NOT_ALLOWED');
    });
  });

  it('should show every tenant on /health and protect /metrics with the metrics token when one is set', async () => {
    const token = 'metrics-token-0123456789';
    await start({
      metricsToken: token,
      extraRoutes: [
        { method: 'GET', path: '/metrics', handler: async () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'hilo_up 1\n' }) },
        { method: 'GET', path: '/metrics.json', handler: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }) },
      ],
    });
    const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
    for (const path of ['/metrics', '/metrics.json']) {
      const open = await http(gateway.port, 'GET', path);
      expect([open.status, code(open)]).toEqual([401, 'HILO_ERR_AUTH_MISSING']);
      const wrong = await http(gateway.port, 'GET', path, { headers: { authorization: `Bearer ${KEY}` } });
      expect([wrong.status, code(wrong)]).toEqual([403, 'HILO_ERR_AUTH_INVALID']);
      expect((await http(gateway.port, 'GET', path, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    }
    const health = await http(gateway.port, 'GET', '/health', { headers: { authorization: `Bearer ${token}` } });
    expect(health.json()).toEqual({ status: 'ok', transport, tenants: [TENANT, OTHER_TENANT] });
  });

  it('should serve extra routes given at start', async () => {
    await start({ extraRoutes: [{ method: 'GET', path: '/metrics', handler: async () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'hilo_up 1\n' }) }] });
    const res = await http(gateway.port, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hilo_up 1\n');
  });

  it('should fail to start when the widget bundle is missing', async () => {
    await expect(startGateway({
      port: 0, host: '127.0.0.1', transport, service, apiKeys: createApiKeyRegistry(), logger: createSilentLogger(), clock,
      assets: { widgetJsPath: `${assets.dir}/missing.js`, demoHtmlPath: assets.demoHtmlPath },
    })).rejects.toMatchObject({ code: 'HILO_ERR_CONFIG_INVALID' });
  });

  describe('POST /api/tenants/:tenant/messages', () => {
    beforeEach(async () => {
      await start();
    });

    it('should run a turn on the rest channel and answer the replies and state', async () => {
      const res = await post(`/api/tenants/${TENANT}/messages`, { sender: 'crm-42', text: '  Hola  ', message_id: 'ext-1' });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        conversation_id: conversationIdOf('rest', 'crm-42'),
        duplicate: false,
        messages: [{ seq: 2, id: 'out-2', author: 'bot', text: 'Recibido: Hola', at: '2026-11-22T12:00:00.000Z' }],
        state: { value: 'triage', tags: ['awaitingInput'], context: { lang: 'es' } },
      });
      expect(service.calls.find((c) => c.method === 'handleMessage')?.args[0]).toEqual({
        tenantId: TENANT, channel: 'rest', senderId: 'crm-42', messageId: 'ext-1', text: 'Hola',
      });
    });

    it('should report a duplicate message id without replies', async () => {
      await post(`/api/tenants/${TENANT}/messages`, { sender: 'crm-42', text: 'Hola', message_id: 'ext-1' });
      const res = await post(`/api/tenants/${TENANT}/messages`, { sender: 'crm-42', text: 'Hola', message_id: 'ext-1' });
      expect(res.json()).toMatchObject({ duplicate: true, messages: [] });
    });

    it('should answer 401 without a bearer key, 403 with a wrong or foreign key, 404 for an unknown tenant', async () => {
      const path = `/api/tenants/${TENANT}/messages`;
      const body = { sender: 's', text: 'hola' };
      const missing = await post(path, body, { authorization: '' });
      expect([missing.status, (missing.json() as { error: { code: string } }).error.code]).toEqual([401, 'HILO_ERR_AUTH_MISSING']);
      const basic = await post(path, body, { authorization: 'Basic abc' });
      expect(basic.status).toBe(401);
      const wrong = await post(path, body, { authorization: 'Bearer nope' });
      expect([wrong.status, (wrong.json() as { error: { code: string } }).error.code]).toEqual([403, 'HILO_ERR_AUTH_INVALID']);
      const foreign = await post(path, body, { authorization: `Bearer ${OTHER_KEY}` });
      expect(foreign.status).toBe(403);
      const unknown = await post('/api/tenants/nobody/messages', body);
      expect([unknown.status, (unknown.json() as { error: { code: string } }).error.code]).toEqual([404, 'HILO_ERR_TENANT_NOT_FOUND']);
      expect(service.calls.filter((c) => c.method === 'handleMessage')).toHaveLength(0);
    });

    it('should answer 415 without a JSON content type and 400 to invalid JSON', async () => {
      const path = `/api/tenants/${TENANT}/messages`;
      const text = await post(path, 'sender=a', { 'content-type': 'application/x-www-form-urlencoded' });
      expect([text.status, (text.json() as { error: { code: string } }).error.code]).toEqual([415, 'HILO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE']);
      const withCharset = await post(path, { sender: 's', text: 'hola' }, { 'content-type': 'Application/JSON; charset=utf-8' });
      expect(withCharset.status).toBe(200);
      const broken = await post(path, '{"sender": ');
      expect([broken.status, (broken.json() as { error: { code: string } }).error.code]).toEqual([400, 'HILO_ERR_HTTP_INVALID_JSON']);
    });

    it('should answer 400 HILO_ERR_HTTP_INVALID_JSON to a body that is not valid UTF-8, running nothing', async () => {
      const path = `/api/tenants/${TENANT}/messages`;
      for (const bad of [Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xff])]) {
        const body = Buffer.concat([Buffer.from('{"sender":"s","text":"hola '), bad, Buffer.from('"}')]);
        const res = await http(gateway.port, 'POST', path, { headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body });
        expect([res.status, (res.json() as { error: { code: string } }).error.code]).toEqual([400, 'HILO_ERR_HTTP_INVALID_JSON']);
      }
      expect(service.calls.filter((c) => c.method === 'handleMessage')).toHaveLength(0);
    });

    it('should answer 400 with every validation problem', async () => {
      const path = `/api/tenants/${TENANT}/messages`;
      const res = await post(path, { text: '   ', message_id: '', extra: 1 });
      expect(res.status).toBe(400);
      const { error } = res.json() as { error: { code: string; details: { path: string; problem: string }[] } };
      expect(error.code).toBe('HILO_ERR_HTTP_VALIDATION');
      expect(error.details.map((d) => d.path).sort()).toEqual(['extra', 'message_id', 'sender', 'text']);
      const tooLong = await post(path, { sender: 'x'.repeat(129), text: 'ñ'.repeat(2001) });
      expect((tooLong.json() as { error: { details: unknown[] } }).error.details).toHaveLength(2);
      const notObject = await post(path, [1, 2]);
      expect(notObject.status).toBe(400);
      expect(service.calls.filter((c) => c.method === 'handleMessage')).toHaveLength(0);
    });

    it('should answer 413 to a body over the limit without running a turn', async () => {
      const res = await post(`/api/tenants/${TENANT}/messages`, { sender: 's', text: 'x'.repeat(9000) });
      expect(res.status).toBe(413);
      expect((res.json() as { error: { code: string } }).error.code).toBe('HILO_ERR_HTTP_BODY_TOO_LARGE');
      expect(service.calls).toHaveLength(0);
    });

    it('should pass coded service errors through and hide unexpected ones', async () => {
      service.onHandleMessage = async () => {
        throw new HiloError('HILO_ERR_TURN_FAILED');
      };
      const failed = await post(`/api/tenants/${TENANT}/messages`, { sender: 's', text: 'hola' });
      expect([failed.status, (failed.json() as { error: { code: string } }).error.code]).toEqual([500, 'HILO_ERR_TURN_FAILED']);
      service.onHandleMessage = async () => {
        throw new Error('db password=hunter2 at Object.<anonymous> (file.ts:1:1)');
      };
      const crashed = await post(`/api/tenants/${TENANT}/messages`, { sender: 's', text: 'hola' });
      expect(crashed.status).toBe(500);
      expect(crashed.json()).toEqual({ error: { code: 'HILO_ERR_INTERNAL', message: 'Internal error.' } });
    });

    it('should answer 504 when the turn does not finish in time', async () => {
      await gateway.close();
      await start({ limits: { turnTimeoutMs: 50 } });
      service.onHandleMessage = () => new Promise(() => undefined);
      const res = await post(`/api/tenants/${TENANT}/messages`, { sender: 's', text: 'hola' });
      expect([res.status, (res.json() as { error: { code: string } }).error.code]).toEqual([504, 'HILO_ERR_TURN_TIMEOUT']);
    });
  });

  describe('rate limits', () => {
    it('should limit messages per contact with Retry-After and refill with time', async () => {
      await start({ rateLimits: { perContactPerMinute: 2, perIpPerMinute: 100 } });
      const path = `/api/tenants/${TENANT}/messages`;
      expect((await post(path, { sender: 'a', text: '1' })).status).toBe(200);
      expect((await post(path, { sender: 'a', text: '2' })).status).toBe(200);
      const limited = await post(path, { sender: 'a', text: '3' });
      expect(limited.status).toBe(429);
      expect((limited.json() as { error: { code: string } }).error.code).toBe('HILO_ERR_RATE_LIMITED');
      expect(limited.headers['retry-after']).toBe('30');
      expect((await post(path, { sender: 'b', text: 'other contact' })).status).toBe(200);
      clock.advance(30_000);
      expect((await post(path, { sender: 'a', text: '4' })).status).toBe(200);
    });

    it('should limit every /api request per IP before authenticating', async () => {
      await start({ rateLimits: { perIpPerMinute: 3, perContactPerMinute: 100 } });
      for (let i = 0; i < 3; i++) expect((await get(`/api/tenants/${TENANT}/conversations/none`)).status).toBe(404);
      const limited = await get(`/api/tenants/${TENANT}/conversations/none`, {});
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await http(gateway.port, 'GET', '/health')).status).toBe(200);
      clock.advance(60_000);
      expect((await get(`/api/tenants/${TENANT}/conversations/none`)).status).toBe(404);
    });

    it('should count per client behind a trusted proxy (X-Forwarded-For), and ignore the header otherwise', async () => {
      const asClient = (ip: string) => get(`/api/tenants/${TENANT}/conversations/none`, { authorization: `Bearer ${KEY}`, 'x-forwarded-for': `6.6.6.6, ${ip}` });
      await start({ rateLimits: { perIpPerMinute: 2, perContactPerMinute: 100 }, trustProxy: true });
      for (let i = 0; i < 2; i++) expect((await asClient('198.51.100.1')).status).toBe(404);
      expect((await asClient('198.51.100.1')).status).toBe(429);
      // Another client behind the same proxy has its own budget; the first (client-written) entry is not trusted.
      expect((await asClient('198.51.100.2')).status).toBe(404);
      await gateway.close();
      await start({ rateLimits: { perIpPerMinute: 2, perContactPerMinute: 100 } });
      for (let i = 0; i < 2; i++) expect((await asClient(`203.0.113.${i}`)).status).toBe(404);
      expect((await asClient('203.0.113.9')).status).toBe(429);
    });

    it('should apply the per-IP limit to extra /api routes (governance) too', async () => {
      let served = 0;
      await start({
        rateLimits: { perIpPerMinute: 3, perContactPerMinute: 100 },
        extraRoutes: [{ method: 'GET', path: '/api/tenants/:tenant/contacts/:id/export', handler: async () => ({ status: 200, headers: {}, body: String(++served) }) }],
      });
      for (let i = 0; i < 3; i++) expect((await get(`/api/tenants/${TENANT}/contacts/x/export`)).status).toBe(200);
      const limited = await get(`/api/tenants/${TENANT}/contacts/x/export`);
      expect(limited.status).toBe(429);
      expect(served).toBe(3);
    });
  });

  describe('other API routes', () => {
    beforeEach(async () => {
      await start();
    });

    it('should parse text with the tenant NLU', async () => {
      const res = await post(`/api/tenants/${TENANT}/nlu/parse`, { text: 'hola' });
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ intent: { name: 'greeting' }, lang: 'es' });
      expect(service.calls.at(-1)).toEqual({ method: 'parse', args: [TENANT, 'hola'] });
      expect((await post(`/api/tenants/${TENANT}/nlu/parse`, {})).status).toBe(400);
    });

    it('should return a conversation with its state and transcript, or 404', async () => {
      await post(`/api/tenants/${TENANT}/messages`, { sender: 'v1', text: 'Hola' });
      const id = conversationIdOf('rest', 'v1');
      const res = await get(`/api/tenants/${TENANT}/conversations/${encodeURIComponent(id)}`);
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        tenant: TENANT,
        conversation_id: id,
        state: { value: 'triage', tags: ['awaitingInput'], context: { slots: {} } },
        transcript: [
          { seq: 1, id: 'm-1', direction: 'in', author: 'customer', channel: 'rest', text: 'Hola', at: '2026-11-22T12:00:00.000Z' },
          { seq: 2, id: 'out-2', direction: 'out', author: 'bot', channel: 'rest', text: 'Recibido: Hola', at: '2026-11-22T12:00:00.000Z', intent: 'greeting' },
        ],
      });
      const missing = await get(`/api/tenants/${TENANT}/conversations/nope`);
      expect([missing.status, (missing.json() as { error: { code: string } }).error.code]).toEqual([404, 'HILO_ERR_CONVERSATION_NOT_FOUND']);
    });

    it('should relay agent messages and resolve handoffs, validating input', async () => {
      await post(`/api/tenants/${TENANT}/messages`, { sender: 'v1', text: 'Hola' });
      const id = conversationIdOf('rest', 'v1');
      const agent = await post(`/api/tenants/${TENANT}/conversations/${id}/agent-messages`, { agent: 'Ana', text: 'Hola, soy Ana.' });
      expect(agent.status).toBe(200);
      expect(agent.json()).toMatchObject({ conversation_id: id, messages: [{ author: 'agent', text: 'Hola, soy Ana.' }], state: { value: 'handoff.withHuman' } });
      expect(service.calls.find((c) => c.method === 'handleAgentMessage')?.args).toEqual([TENANT, id, 'Ana', 'Hola, soy Ana.']);

      const resolved = await post(`/api/tenants/${TENANT}/conversations/${id}/resolve`, { agent: 'Ana', outcome: 'solved' });
      expect(resolved.json()).toMatchObject({ state: { value: 'handoff.resolved' }, messages: [] });
      expect(service.calls.find((c) => c.method === 'resolveHandoff')?.args).toEqual([TENANT, id, 'Ana', 'solved']);

      const invalid = await post(`/api/tenants/${TENANT}/conversations/${id}/resolve`, { agent: 'Ana' });
      expect((invalid.json() as { error: { details: unknown } }).error.details).toEqual([{ path: 'outcome', problem: 'is required' }]);
      const unknown = await post(`/api/tenants/${TENANT}/conversations/nope/agent-messages`, { agent: 'Ana', text: 'x' });
      expect(unknown.status).toBe(404);
    });

    it('should refuse an agent message no person can carry (the handoff was resolved) instead of a 200 that lost it', async () => {
      await post(`/api/tenants/${TENANT}/messages`, { sender: 'v2', text: 'Hola' });
      const id = conversationIdOf('rest', 'v2');
      await post(`/api/tenants/${TENANT}/conversations/${id}/resolve`, { agent: 'Ana', outcome: 'solved' });
      // Found over real HTTP: 200 {"messages": []} and the text was in no transcript.
      const late = await post(`/api/tenants/${TENANT}/conversations/${id}/agent-messages`, { agent: 'Ana', text: 'sigo aquí' });
      expect(late.status).toBe(409);
      expect(late.json()).toMatchObject({ error: { code: 'HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', details: { state: 'triage.idle' } } });
    });
  });
});
