import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendClient, type BackendClientOptions } from '../../../src/actors/connectors/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { z } from '../../../src/kernel/schema.js';
import { createConnectorMetrics } from '../../../src/runtime/observability/connector-metrics.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A real HTTP server on loopback whose answers each test scripts, recording every request it got. */
let server: Server;
let baseUrl: string;
let handler: Handler;
let seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];

beforeEach(async () => {
  seen = [];
  handler = (_req, res) => res.end('{}');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const STOCK = z.object({ items: z.array(z.object({ sku: z.string(), stock: z.number().int().min(0) })) });
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function client(overrides: Partial<BackendClientOptions> = {}) {
  const clock = createManualClock();
  const sleeps: number[] = [];
  const registry = new Registry();
  const c = createBackendClient({
    tenantId: 'ferreteria',
    backend: 'business',
    baseUrl,
    clock,
    logger: createSilentLogger(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    observer: createConnectorMetrics(registry),
    ...overrides,
  });
  return { c, clock, sleeps, registry };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return isHiloError(err) ? err.code : `not coded: ${String(err)}`;
  }
  return 'resolved';
}

describe('createBackendClient', () => {
  it('should send the bearer token and return the answer checked by its schema', async () => {
    handler = (_req, res) => json(res, 200, { items: [{ sku: 'CEM-001', stock: 40 }], extra: 'ignored' });
    const { c } = client({ auth: { type: 'bearer', token: 'tok-123' } });
    const out = await c.request({ method: 'GET', path: '/stock', query: { sku: 'CEM-001', none: undefined }, schema: STOCK });
    expect(out).toEqual({ items: [{ sku: 'CEM-001', stock: 40 }] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/api/stock?sku=CEM-001');
    expect(seen[0]!.headers.authorization).toBe('Bearer tok-123');
  });

  it('should sign with HMAC over timestamp, method, path and body so the backend can verify it', async () => {
    handler = (_req, res) => json(res, 201, { items: [] });
    const { c, clock } = client({ auth: { type: 'hmac', secret: 's3cret', keyId: 'k1' } });
    await c.request({ method: 'POST', path: '/things', body: { a: 1 }, schema: STOCK, idempotencyKey: 'idem-1' });
    const h = seen[0]!.headers;
    const t = String(Math.floor(clock.now() / 1000));
    expect(h['x-hilo-timestamp']).toBe(t);
    expect(h['x-hilo-key-id']).toBe('k1');
    expect(h['idempotency-key']).toBe('idem-1');
    const expected = createHmac('sha256', 's3cret').update(`${t}.POST./api/things.{"a":1}`).digest('hex');
    expect(h['x-hilo-signature']).toBe(`v1=${expected}`);
  });

  it('should retry a read after 5xx with jittered backoff and succeed', async () => {
    let calls = 0;
    handler = (_req, res) => (++calls < 3 ? json(res, 503, { error: { code: 'busy' } }) : json(res, 200, { items: [] }));
    const { c, sleeps, registry } = client();
    await expect(c.request({ method: 'GET', path: '/stock', schema: STOCK })).resolves.toEqual({ items: [] });
    expect(seen).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 100 ms, then half of 200 ms.
    expect(sleeps).toEqual([50, 100]);
    const text = await registry.metrics();
    expect(text).toContain('hilo_backend_requests_total{tenant="ferreteria",backend="business",outcome="HILO_ERR_BACKEND_UNAVAILABLE"} 2');
    expect(text).toContain('hilo_backend_requests_total{tenant="ferreteria",backend="business",outcome="ok"} 1');
  });

  it('should give up after the bounded attempts with HILO_ERR_BACKEND_UNAVAILABLE', async () => {
    handler = (_req, res) => json(res, 500, {});
    const { c } = client({ retry: { maxAttempts: 3 } });
    expect(await codeOf(c.request({ method: 'GET', path: '/stock', schema: STOCK }))).toBe('HILO_ERR_BACKEND_UNAVAILABLE');
    expect(seen).toHaveLength(3);
  });

  it('should never retry a write without an idempotency key', async () => {
    handler = (_req, res) => json(res, 502, {});
    const { c } = client();
    expect(await codeOf(c.request({ method: 'POST', path: '/bookings', body: { slot: 'x' }, schema: STOCK }))).toBe('HILO_ERR_BACKEND_UNAVAILABLE');
    expect(seen).toHaveLength(1);
  });

  it('should time out a hanging backend with HILO_ERR_BACKEND_TIMEOUT on each attempt', async () => {
    handler = () => {
      /* never answers */
    };
    const { c } = client({ timeoutMs: 150, retry: { maxAttempts: 2 } });
    expect(await codeOf(c.request({ method: 'GET', path: '/stock', schema: STOCK }))).toBe('HILO_ERR_BACKEND_TIMEOUT');
    expect(seen).toHaveLength(2);
  });

  it('should refuse a malformed answer (not JSON, wrong shape) as HILO_ERR_BACKEND_BAD_RESPONSE without retrying', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>oops</html>');
    };
    const { c } = client();
    expect(await codeOf(c.request({ method: 'GET', path: '/stock', schema: STOCK }))).toBe('HILO_ERR_BACKEND_BAD_RESPONSE');
    handler = (_req, res) => json(res, 200, { items: [{ sku: 'A', stock: -3 }] });
    const err = await c.request({ method: 'GET', path: '/stock', schema: STOCK }).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_BACKEND_BAD_RESPONSE')).toBe(true);
    expect(JSON.stringify((err as { details: unknown }).details)).toContain('items[0].stock');
    expect(seen).toHaveLength(2);
  });

  it('should answer null for a 404 lookup and HILO_ERR_BACKEND_REJECTED (with the backend reason) for other 4xx', async () => {
    handler = (req, res) => (req.url?.includes('missing') ? json(res, 404, { error: { code: 'not_found' } }) : json(res, 409, { error: { code: 'slot_taken', message: 'x' } }));
    const { c } = client();
    await expect(c.request({ method: 'GET', path: '/accounts/missing', schema: STOCK, notFoundIsNull: true })).resolves.toBeNull();
    const err = await c.request({ method: 'POST', path: '/bookings', body: {}, schema: STOCK, idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_BACKEND_REJECTED')).toBe(true);
    expect((err as { details: unknown }).details).toEqual({ backend: 'business', status: 409, reason: 'slot_taken' });
    expect(seen).toHaveLength(2);
  });

  it('should open the circuit after consecutive failures, refuse without calling, then recover through one half-open trial', async () => {
    let healthy = false;
    handler = (_req, res) => (healthy ? json(res, 200, { items: [] }) : json(res, 503, {}));
    const { c, clock, registry } = client({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 3, openMs: 10_000 } });
    const read = () => c.request({ method: 'GET', path: '/stock', schema: STOCK });
    for (let i = 0; i < 3; i++) expect(await codeOf(read())).toBe('HILO_ERR_BACKEND_UNAVAILABLE');
    expect(c.breaker.state).toBe('open');
    expect(await registry.metrics()).toContain('hilo_backend_circuit_state{tenant="ferreteria",backend="business"} 2');
    // Open: refused at once, the backend is not called.
    expect(await codeOf(read())).toBe('HILO_ERR_BACKEND_CIRCUIT_OPEN');
    expect(seen).toHaveLength(3);
    // Cool-down over, still failing: the one trial fails and the circuit opens again.
    clock.advance(10_000);
    expect(c.breaker.state).toBe('half_open');
    expect(await codeOf(read())).toBe('HILO_ERR_BACKEND_UNAVAILABLE');
    expect(seen).toHaveLength(4);
    expect(c.breaker.state).toBe('open');
    expect(await codeOf(read())).toBe('HILO_ERR_BACKEND_CIRCUIT_OPEN');
    // Healthy again: after the cool-down the trial succeeds and closes the circuit.
    healthy = true;
    clock.advance(10_000);
    await expect(read()).resolves.toEqual({ items: [] });
    expect(c.breaker.state).toBe('closed');
    expect(await registry.metrics()).toContain('hilo_backend_circuit_state{tenant="ferreteria",backend="business"} 0');
    await expect(read()).resolves.toEqual({ items: [] });
    expect(seen).toHaveLength(6);
  });

  it('should let exactly one trial call through while half-open', async () => {
    let release: () => void = () => {};
    let failing = true;
    handler = (_req, res) => {
      if (failing) return json(res, 500, {});
      release = () => json(res, 200, { items: [] });
    };
    const { c, clock } = client({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 1, openMs: 1_000 } });
    const read = () => c.request({ method: 'GET', path: '/stock', schema: STOCK });
    expect(await codeOf(read())).toBe('HILO_ERR_BACKEND_UNAVAILABLE');
    failing = false;
    clock.advance(1_000);
    const trial = read();
    // The trial is in flight: a second caller is refused without a call.
    expect(await codeOf(read())).toBe('HILO_ERR_BACKEND_CIRCUIT_OPEN');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(2);
    release();
    await expect(trial).resolves.toEqual({ items: [] });
    expect(c.breaker.state).toBe('closed');
  });

  it('should map a refused connection to HILO_ERR_BACKEND_UNAVAILABLE', async () => {
    const { c } = client({ baseUrl: 'http://127.0.0.1:1', retry: { maxAttempts: 2 } });
    expect(await codeOf(c.request({ method: 'GET', path: '/stock', schema: STOCK }))).toBe('HILO_ERR_BACKEND_UNAVAILABLE');
  });
});
