import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Gateway } from '../../../src/runtime/gateway/index.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import { createAssets, http, startHostGateway } from '../gateway/fakes.js';

/**
 * Header values Hilo keys on (the `Idempotency-Key`, the API key), sent as raw bytes over a real
 * socket to both transports (docs/rest-api.md, "Header values"). Bytes outside visible ASCII inside
 * a value are refused with 400 on both. At either end of a value, uWebSockets.js removes bytes over
 * 0x7f before any code of Hilo's runs (its parser trims them as it trims spaces): `é1` arrives as
 * `1`. node:http passes them, and Hilo refuses them there; on uWS the bytes are gone, which the last
 * test pins so that a uWS that starts passing them is noticed (Hilo then refuses them, as on node).
 */
const T = 'ferreteria';
const KEY = 'hilo_test_key_headers_a1';
/** UTF-8 bytes as a client puts them on the wire (Node's client writes a header string as Latin-1). */
const wire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe.each(['node', 'uws'] as const)('header values Hilo keys on (%s transport)', (transport) => {
  let made: ReturnType<typeof createMemoryHost>;
  let assets: ReturnType<typeof createAssets>;
  let gateway: Gateway;

  beforeEach(async () => {
    made = createMemoryHost({ tenant, brain });
    assets = createAssets();
    gateway = await startHostGateway({ made, assets, transport, tenantId: T, keys: [KEY] });
  });

  afterEach(async () => {
    await gateway.close();
    assets.cleanup();
  });

  const post = async (headers: Record<string, string>, body: Record<string, unknown> = { sender: 'h-809', text: 'hola' }) => {
    const res = await http(gateway.port, 'POST', `/api/tenants/${T}/messages`, {
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, replayed: res.headers['idempotent-replayed'], body: res.json() as Record<string, any> };
  };

  it.each([
    ['Idempotency-Key', { 'idempotency-key': wire('pedido-ñ-7') }, 'header Idempotency-Key'],
    ['API key', { authorization: wire(`Bearer ${KEY.slice(0, 8)}é${KEY.slice(8)}`) }, 'header Authorization'],
  ])('should refuse non-ASCII bytes inside the %s with 400 HILO_ERR_HTTP_VALIDATION and run nothing', async (_label, headers, path) => {
    const res = await post(headers);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('HILO_ERR_HTTP_VALIDATION');
    expect(res.body.error.details[0].path).toBe(path);
    expect(made.host.stats.turns).toBe(0);
  });

  it('should treat bytes over 0x7f at either end of the Idempotency-Key and the API key as the transport delivers them', async () => {
    const first = await post({ 'idempotency-key': '1' });
    expect(first.status).toBe(200);
    const edged = [await post({ 'idempotency-key': wire('é1') }), await post({ 'idempotency-key': wire('1é') })];
    const key = await post({ authorization: wire(`Bearer ${KEY}é`) }, { sender: 'h-829', text: 'hola' });
    if (transport === 'node') {
      // The bytes reach Hilo: refused, never taken for key "1" nor compared as an API key.
      for (const res of edged) expect([res.status, res.body.error.details[0].path]).toEqual([400, 'header Idempotency-Key']);
      expect([key.status, key.body.error.details[0].path]).toEqual([400, 'header Authorization']);
      expect(made.host.stats.turns).toBe(1);
    } else {
      // uWS removed them before Hilo read the header: `é1` is key "1" (the first answer, replayed),
      // and the API key with a trailing `é` is the API key. Documented; clients send visible ASCII.
      for (const res of edged) expect([res.status, res.replayed]).toEqual([200, 'true']);
      expect(key.status).toBe(200);
      expect(made.host.stats.turns).toBe(2);
    }
  });
});
