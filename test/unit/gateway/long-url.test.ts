import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createAssets, createFakeService, http, TENANT } from './fakes.js';

const KEY = 'hilo_test_key_acme';

/**
 * A long URL gets Hilo's JSON error on both transports. uWS used to answer anything past its
 * 4 KiB header default with its own HTML 431 (a 4 KB query string included) before a route ran.
 */
describe.each(['uws', 'node'] as const)('long request URLs on %s', (transport) => {
  let gateway: Gateway;
  let assets: ReturnType<typeof createAssets>;

  beforeEach(async () => {
    assets = createAssets();
    const apiKeys = createApiKeyRegistry();
    apiKeys.add(TENANT, KEY);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service: createFakeService(),
      apiKeys,
      logger: createSilentLogger(),
      clock: createManualClock(),
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      limits: { turnTimeoutMs: 2_000 },
    });
    expect(gateway.transport).toBe(transport);
  });

  afterEach(async () => {
    await gateway.close();
    assets.cleanup();
  });

  const get = (path: string) => http(gateway.port, 'GET', path, { headers: { authorization: `Bearer ${KEY}` } });

  it('should serve a route whose query is 6 KB (over uWS’s old 4 KiB header limit)', async () => {
    const res = await get(`/api/tenants/${TENANT}/conversations?state=closed&x=${'a'.repeat(6_000)}`);
    expect(res.status, res.body.toString().slice(0, 200)).not.toBe(431);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it('should refuse a 10 KB query string with 414 HILO_ERR_HTTP_URI_TOO_LONG in JSON, on an API route and on an unknown one', async () => {
    for (const path of [`/api/tenants/${TENANT}/conversations?x=${'a'.repeat(10_240)}`, `/nowhere?x=${'b'.repeat(10_240)}`]) {
      const res = await get(path);
      expect(res.status).toBe(414);
      expect(res.json()).toMatchObject({ error: { code: 'HILO_ERR_HTTP_URI_TOO_LONG' } });
    }
  });

  it('should answer header fields over 16 KiB with the JSON 431 (the transport’s own page before harden21), and keep serving', async () => {
    const res = await http(gateway.port, 'GET', '/health', { headers: { 'x-filler': 'f'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.json()).toMatchObject({ error: { code: 'HILO_ERR_HTTP_HEADERS_TOO_LARGE' } });
    expect((await http(gateway.port, 'GET', '/health')).status).toBe(200);
  });
});
