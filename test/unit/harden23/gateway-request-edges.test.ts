import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createAssets, createFakeService, TENANT } from '../gateway/fakes.js';
import { rawRequest } from '../../helpers/raw-http.js';

const KEY = 'hilo_test_key_acme_h23';
const OTHER_KEY = 'hilo_test_key_acme_h23_b';

const raw = (port: number, request: string) => rawRequest(port, request);

const codeOf = (body: string): string | undefined => (JSON.parse(body) as { error?: { code?: string } }).error?.code;

const get = (path: string, ...headers: string[]): string => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`;

const upgrade = (path: string, headers: Record<string, string | null>): string => {
  const all: Record<string, string | null> = { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13', ...headers };
  const lines = Object.entries(all).filter((e): e is [string, string] => e[1] !== null).map(([n, v]) => `${n}: ${v}\r\n`);
  return `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${lines.join('')}\r\n`;
};

/**
 * harden21's open points that JavaScript can answer, on both transports: two Authorization
 * headers (uWS joined them and answered "missing"; node:http silently used the first), a
 * malformed percent-escape in the path (a 404 that said the route did not exist), and a
 * WebSocket upgrade of another protocol version (uWS completed it).
 */
describe.each(['uws', 'node'] as const)('request edges on %s (real sockets)', (transport) => {
  let gateway: Gateway;
  let assets: ReturnType<typeof createAssets>;

  beforeAll(async () => {
    assets = createAssets();
    const apiKeys = createApiKeyRegistry();
    apiKeys.add(TENANT, KEY);
    apiKeys.add(TENANT, OTHER_KEY);
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
  });

  afterAll(async () => {
    await gateway?.close();
    assets?.cleanup();
  });

  const path = `/api/tenants/${TENANT}/conversations/nope`;

  it('should refuse two Authorization headers with 400 HILO_ERR_AUTH_REPEATED, valid keys or not', async () => {
    for (const pair of [[KEY, OTHER_KEY], [KEY, 'wrong_key_0000000000'], ['wrong_key_0000000000', KEY], [KEY, KEY]]) {
      const res = await raw(gateway.port, get(path, ...pair.map((k) => `Authorization: Bearer ${k}`)));
      expect(res.status, pair.join(' + ')).toBe(400);
      expect(res.head.toLowerCase()).toContain('content-type: application/json');
      expect(codeOf(res.body)).toBe('HILO_ERR_AUTH_REPEATED');
    }
    // A second, empty header is still a second header.
    const empty = await raw(gateway.port, get(path, `Authorization: Bearer ${KEY}`, 'Authorization: '));
    expect(codeOf(empty.body)).toBe('HILO_ERR_AUTH_REPEATED');
  });

  it('should still read one key as before: valid, wrong and missing', async () => {
    const one = await raw(gateway.port, get(path, `Authorization: Bearer ${KEY}`));
    expect(one.status).toBe(404);
    expect(codeOf(one.body)).toBe('HILO_ERR_CONVERSATION_NOT_FOUND');
    const wrong = await raw(gateway.port, get(path, 'Authorization: Bearer wrong_key_0000000000'));
    expect(codeOf(wrong.body)).toBe('HILO_ERR_AUTH_INVALID');
    const none = await raw(gateway.port, get(path));
    expect(codeOf(none.body)).toBe('HILO_ERR_AUTH_MISSING');
    const basic = await raw(gateway.port, get(path, 'Authorization: Basic dXNlcjpwYXNz'));
    expect(codeOf(basic.body)).toBe('HILO_ERR_AUTH_MISSING');
  });

  it('should answer a malformed percent-escape or a control character in a path value with 400 HILO_ERR_HTTP_PATH_INVALID', async () => {
    for (const bad of [`/api/tenants/${TENANT}/contacts/%ZZ/export`, `/api/tenants/${TENANT}/conversations/%`, `/api/tenants/${TENANT}/conversations/%C3%28`, `/api/tenants/%E0%A4%A/messages`, '/%ZZ', `/api/tenants/${TENANT}/conversations/a%00b`, `/api/tenants/${TENANT}/conversations/a%0Ab`]) {
      const res = await raw(gateway.port, get(bad, `Authorization: Bearer ${KEY}`));
      expect(res.status, bad).toBe(400);
      expect(codeOf(res.body), bad).toBe('HILO_ERR_HTTP_PATH_INVALID');
    }
    // Well-formed escapes are still decoded and looked up; an unknown route is still 404.
    const encoded = await raw(gateway.port, get(`/api/tenants/${TENANT}/conversations/caf%C3%A9`, `Authorization: Bearer ${KEY}`));
    expect(codeOf(encoded.body)).toBe('HILO_ERR_CONVERSATION_NOT_FOUND');
    const unknown = await raw(gateway.port, get('/no/such/route'));
    expect(codeOf(unknown.body)).toBe('HILO_ERR_HTTP_NOT_FOUND');
  });

  it('should answer a WebSocket upgrade of another version 426 with Sec-WebSocket-Version: 13, and a missing key 400', async () => {
    for (const version of ['8', '7', '14', null, '13, 8']) {
      const res = await raw(gateway.port, upgrade(`/ws?tenant=${TENANT}`, { 'Sec-WebSocket-Version': version }));
      expect(res.status, String(version)).toBe(426);
      expect(res.head.toLowerCase()).toContain('sec-websocket-version: 13');
      expect(codeOf(res.body)).toBe('HILO_ERR_WS_VERSION_UNSUPPORTED');
    }
    // A key of 24 characters that is not base64: refused before the handshake on both.
    const notBase64 = await raw(gateway.port, upgrade(`/ws?tenant=${TENANT}`, { 'Sec-WebSocket-Key': 'not*base64*key*at*all*==' }));
    expect(notBase64.status).toBe(400);
    expect(codeOf(notBase64.body)).toBe('HILO_ERR_WS_HANDSHAKE_INVALID');
    // Without a key of 24 characters uWS does not see an upgrade and routes the request as plain
    // HTTP, where it is answered the same (was 404 HILO_ERR_HTTP_NOT_FOUND).
    for (const key of [null, '', 'short', 'dGhlIHNhbXBsZSBub25jZQ', 'dGhlIHNhbXBsZSBub25jZQ==x']) {
      const res = await raw(gateway.port, upgrade(`/ws?tenant=${TENANT}`, { 'Sec-WebSocket-Key': key }));
      expect(res.status, String(key)).toBe(400);
      expect(codeOf(res.body)).toBe('HILO_ERR_WS_HANDSHAKE_INVALID');
    }
    const keylessV8 = await raw(gateway.port, upgrade(`/ws?tenant=${TENANT}`, { 'Sec-WebSocket-Key': null, 'Sec-WebSocket-Version': '8' }));
    expect(keylessV8.status).toBe(426);
    // A plain GET of the socket's path (no Upgrade) is still no route.
    const plain = await raw(gateway.port, get(`/ws?tenant=${TENANT}`));
    expect(codeOf(plain.body)).toBe('HILO_ERR_HTTP_NOT_FOUND');
    const ok = await raw(gateway.port, upgrade(`/ws?tenant=${TENANT}`, {}));
    expect(ok.status).toBe(101);
    expect(ok.head).toContain('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
});
