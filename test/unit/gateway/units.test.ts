import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiKeyRegistry, hashApiKey } from '../../../src/runtime/api-keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createTransport } from '../../../src/runtime/gateway/select-transport.js';
import { createRouter } from '../../../src/runtime/gateway/router.js';
import { createWidgetSocketHandler, WS_CLOSE } from '../../../src/runtime/gateway/widget-socket.js';
import { createResumeTokens, isStrongVisitorId } from '../../../src/runtime/gateway/resume-token.js';
import { clientIp } from '../../../src/runtime/gateway/transport-shared.js';
import type { WsConnection } from '../../../src/runtime/gateway/transport.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createRateLimiter } from '../../../src/runtime/rate-limiter.js';
import { createFakeService, TENANT } from './fakes.js';

describe('api keys', () => {
  it('should verify a key only for the tenant it was added to', () => {
    const keys = createApiKeyRegistry();
    const key = keys.generate();
    keys.add('acme', key);
    expect(keys.verify('acme', key)).toBe(true);
    expect(keys.verify('globex', key)).toBe(false);
    expect(keys.verify('acme', `${key}x`)).toBe(false);
    expect(keys.verify('acme', '')).toBe(false);
  });

  it('should accept every key of a tenant (rotation) and generate distinct url-safe keys', () => {
    const keys = createApiKeyRegistry();
    const a = keys.generate();
    const b = keys.generate();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^hilo_[A-Za-z0-9_-]{32}$/);
    keys.add('acme', a);
    keys.add('acme', b);
    expect(keys.verify('acme', a) && keys.verify('acme', b)).toBe(true);
  });

  it('should compare SHA-256 digests, so a key registered only by its digest verifies', () => {
    const keys = createApiKeyRegistry();
    const key = 'hilo_plaintext_secret_value';
    expect(hashApiKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
    keys.addHashed('acme', hashApiKey(key));
    expect(keys.verify('acme', key)).toBe(true);
    expect(keys.verify('acme', hashApiKey(key))).toBe(false);
    expect(() => keys.addHashed('acme', 'not-a-digest')).toThrow(RangeError);
    expect(() => keys.add('acme', '')).toThrow(RangeError);
  });
});

describe('rate limiter', () => {
  it('should allow a burst of capacity, refuse the next with the wait, and refill continuously', () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ capacity: 3, refillPerMinute: 6, clock });
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('k');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 10_000 });
    clock.advance(9_999);
    expect(limiter.take('k').allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('other').allowed).toBe(true);
  });

  it('should never hold more than capacity after a long idle time', () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ capacity: 2, refillPerMinute: 60, clock });
    limiter.take('k');
    clock.advance(3_600_000);
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')].map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('should evict buckets that have refilled and cap memory at maxBuckets', () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ capacity: 2, refillPerMinute: 60, clock, maxBuckets: 100 });
    for (let i = 0; i < 50; i++) limiter.take(`ip-${i}`);
    expect(limiter.size).toBe(50);
    clock.advance(2_000);
    limiter.take('fresh');
    expect(limiter.size).toBe(1);
    for (let i = 0; i < 500; i++) limiter.take(`burst-${i}`);
    expect(limiter.size).toBe(100);
  });

  it('should reject nonsensical settings', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerMinute: 1, clock: createManualClock() })).toThrow(RangeError);
  });
});

describe('router', () => {
  const noop = async () => ({ status: 200, headers: {}, body: '' });
  const route = createRouter([
    { method: 'GET', path: '/api/tenants/:tenant/conversations/:id', handler: noop },
    { method: 'POST', path: '/api/tenants/:tenant/messages', handler: noop },
  ]);

  it('should match parameters URI-decoded and tell 404 from 405', () => {
    expect(route('GET', '/api/tenants/acme/conversations/c%3A1')).toMatchObject({ kind: 'found', params: { tenant: 'acme', id: 'c:1' } });
    expect(route('DELETE', '/api/tenants/acme/conversations/c1')).toEqual({ kind: 'method_not_allowed', allow: ['GET'] });
    expect(route('GET', '/api/tenants/acme')).toEqual({ kind: 'not_found' });
    // A malformed escape is a bad path (400) since harden23, not an unknown route.
    expect(route('GET', '/api/tenants/%E0%A4%A/conversations/x')).toEqual({ kind: 'bad_path' });
  });
});

describe('createTransport', () => {
  it('should pick uWebSockets.js on auto where its binary loads, and node when asked', async () => {
    const auto = await createTransport('auto', createSilentLogger());
    expect(auto.kind).toBe('uws');
    await auto.close();
    const node = await createTransport('node', createSilentLogger());
    expect(node.kind).toBe('node');
    await node.close();
  });
});

describe('widget socket handler', () => {
  function fakeConnection(buffered: { bytes: number }): WsConnection & { sent: string[]; closedWith: number | null } {
    const conn = {
      id: 'f1',
      ip: '127.0.0.1',
      query: new URLSearchParams('tenant=acme'),
      sent: [] as string[],
      closedWith: null as number | null,
      send(text: string) {
        conn.sent.push(text);
        return true;
      },
      close(code: number) {
        conn.closedWith = code;
      },
      bufferedAmount: () => buffered.bytes,
    };
    return conn;
  }

  it('should close a slow consumer with 4408 and stop pushing updates to it', async () => {
    const service = createFakeService();
    const handler = createWidgetSocketHandler({
      service,
      logger: createSilentLogger(),
      rateLimiter: createRateLimiter({ capacity: 10, refillPerMinute: 10, clock: createManualClock() }),
      turnTimeoutMs: 1_000,
      resumeTokens: createResumeTokens(Buffer.alloc(32, 1)),
    });
    const buffered = { bytes: 0 };
    const conn = fakeConnection(buffered);
    handler.open(conn);
    handler.message(conn, JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId: 'visitor_slow_Q7mZ2pL9xKw4' }));
    for (let i = 0; i < 50 && !conn.sent.some((f) => f.includes('welcome')); i++) await new Promise((r) => setTimeout(r, 5));
    expect(JSON.parse(conn.sent[0]!)).toMatchObject({ type: 'welcome' });
    const conversationId = 'c-web-visitor_slow_Q7mZ2pL9xKw4';
    expect(service.listenerCount(conversationId)).toBe(1);

    buffered.bytes = 1024 * 1024 + 1;
    service.emit(conversationId, { type: 'typing', on: true });
    expect(conn.closedWith).toBe(WS_CLOSE.SLOW_CONSUMER);
    expect(service.listenerCount(conversationId)).toBe(0);
    const count = conn.sent.length;
    service.emit(conversationId, { type: 'typing', on: false });
    expect(conn.sent.length).toBe(count);
    handler.close(conn, 4408);
    expect(handler.openSessions).toBe(0);
  });
});

describe('resume tokens', () => {
  const tokens = createResumeTokens(Buffer.alloc(32, 3));

  it('should verify only the token of the same tenant and visitor, signed with the same secret', () => {
    const token = tokens.issue('acme', 'Vq3xK9_mZ2pL7wR4tN8sYb');
    expect(tokens.verify('acme', 'Vq3xK9_mZ2pL7wR4tN8sYb', token)).toBe(true);
    expect(tokens.verify('globex', 'Vq3xK9_mZ2pL7wR4tN8sYb', token)).toBe(false);
    expect(tokens.verify('acme', 'Vq3xK9_mZ2pL7wR4tN8sYc', token)).toBe(false);
    expect(createResumeTokens(Buffer.alloc(32, 4)).verify('acme', 'Vq3xK9_mZ2pL7wR4tN8sYb', token)).toBe(false);
    expect(tokens.verify('acme', 'Vq3xK9_mZ2pL7wR4tN8sYb', `${token}x`)).toBe(false);
    expect(tokens.verify('acme', 'Vq3xK9_mZ2pL7wR4tN8sYb', undefined)).toBe(false);
    expect(tokens.verify('acme', 'Vq3xK9_mZ2pL7wR4tN8sYb', 42)).toBe(false);
  });

  it('should refuse a secret shorter than 32 bytes', () => {
    expect(() => createResumeTokens(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('isStrongVisitorId', () => {
  it.each(['aaaaaaaaaaaaaaaaaaaaaaaa', 'abcdefghijklmnopqrstuvwx', '0123456789012345678901234', 'visitor_0001', 'visitor-000000000000001', 'Vq3xK9_mZ00000000000aaaaaaaaa', 'xyzxyzxyzxyzxyzxyzxyzxyzxyz', 'abababababababababababab'])('should refuse %s', (id) => {
    expect(isStrongVisitorId(id)).toBe(false);
  });

  it('should accept the ids the widget makes (16 random bytes, base64url) and UUIDs', async () => {
    const { createHash, randomUUID } = await import('node:crypto');
    // 16 bytes that look random but are the same on every run (a hash of the index), so that a miss
    // names its id and can be replayed instead of failing once in a while on fresh random bytes.
    const bytes = (i: number): Buffer => createHash('sha256').update(`visitor-${i}`).digest().subarray(0, 16);
    for (let i = 0; i < 2_000; i++) {
      const id = bytes(i).toString('base64url');
      expect(isStrongVisitorId(id), id).toBe(true);
    }
    for (let i = 0; i < 2_000; i++) {
      const id = bytes(i).toString('hex');
      expect(isStrongVisitorId(id), id).toBe(true);
    }
    expect(isStrongVisitorId(randomUUID())).toBe(true);
  });
});

describe('clientIp', () => {
  it('should take the peer unless a trusted proxy is configured, then the last X-Forwarded-For entry', () => {
    expect(clientIp('::ffff:10.0.0.5', '1.2.3.4', false)).toBe('10.0.0.5');
    expect(clientIp('10.0.0.5', '9.9.9.9, 1.2.3.4', true)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.5', '::ffff:1.2.3.4', true)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.5', 'not an address', true)).toBe('10.0.0.5');
    expect(clientIp('10.0.0.5', undefined, true)).toBe('10.0.0.5');
  });
});
