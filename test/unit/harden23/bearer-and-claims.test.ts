import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createMemoryAccessCounters } from '../../../src/persistence/ports/access-counters.js';
import { createCountedDeduplicator } from '../../../src/runtime/channels/index.js';
import { bearerKey, createRouter } from '../../../src/runtime/gateway/index.js';

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (err) {
    return isHiloError(err) ? err.code : 'not a HiloError';
  }
};

describe('bearerKey', () => {
  it('should read one Bearer key, whatever the case of the scheme and the spaces around it', () => {
    expect(bearerKey('Bearer k_123')).toBe('k_123');
    expect(bearerKey('bearer   k_123  ')).toBe('k_123');
    // A comma inside a key (visible ASCII is allowed) is part of the key, not a second header.
    expect(bearerKey('Bearer ab,cd_0123456789')).toBe('ab,cd_0123456789');
  });

  it('should find no key without a header, with an empty one or with another scheme', () => {
    expect(bearerKey(undefined)).toBeNull();
    expect(bearerKey('')).toBeNull();
    expect(bearerKey('   ')).toBeNull();
    expect(bearerKey('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerKey('Bearer')).toBeNull();
  });

  it('should refuse a repeated header as the transports join it, not read it as missing or as the first', () => {
    for (const joined of ['Bearer a_key, Bearer b_key', 'Bearer a_key, Basic x', 'Basic x, Bearer a_key', 'Bearer a_key, ', 'Bearer a_key,', ', Bearer a_key']) {
      expect(codeOf(() => bearerKey(joined)), joined).toBe('HILO_ERR_AUTH_REPEATED');
    }
  });
});

describe('router paths that cannot be decoded', () => {
  const route = createRouter([
    { method: 'GET', path: '/api/tenants/:tenant/conversations/:id', handler: async () => ({ status: 200, headers: {}, body: '' }) },
    { method: 'GET', path: '/widget.js', handler: async () => ({ status: 200, headers: {}, body: '' }) },
  ]);

  it('should call a malformed escape anywhere in the path a bad path, not an unknown route', () => {
    for (const path of ['/api/tenants/t/conversations/%ZZ', '/api/tenants/t/conversations/%', '/api/tenants/t/conversations/%C3%28', '/wid%get.js', '/nothing/%E2%82']) {
      expect(route('GET', path).kind, path).toBe('bad_path');
    }
  });

  it('should call a control character in a parameter a bad path, and still decode good escapes', () => {
    expect(route('GET', '/api/tenants/t/conversations/a%00b').kind).toBe('bad_path');
    expect(route('GET', '/api/tenants/t/conversations/a%7Fb').kind).toBe('bad_path');
    expect(route('GET', '/api/tenants/t/conversations/caf%C3%A9')).toMatchObject({ kind: 'found', params: { tenant: 't', id: 'café' } });
    expect(route('GET', '/api/tenants/t/nothing/x').kind).toBe('not_found');
    expect(route('POST', '/api/tenants/t/conversations/x').kind).toBe('method_not_allowed');
  });
});

describe('createCountedDeduplicator', () => {
  it('should claim a key once while it runs, again after a release, and never after a confirm', async () => {
    const clock = createManualClock();
    const dedupe = createCountedDeduplicator({ counters: createMemoryAccessCounters({ clock }), ttlMs: 10_000, runningTtlMs: 1_000 });
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(true);
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(false);
    expect(await dedupe.claim('rocketchat:t:m2')).toBe(true);
    // Refused retries leave nothing behind: after the release the next one is claimed, once.
    await dedupe.release('rocketchat:t:m1');
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(true);
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(false);
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(false);
    await dedupe.confirm?.('rocketchat:t:m1');
    clock.advance(1_001);
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(false);
    clock.advance(9_000);
    expect(await dedupe.claim('rocketchat:t:m1')).toBe(true);
  });

  it('should let the retry through once a claim that was never confirmed nor released (the process died) runs out', async () => {
    const clock = createManualClock();
    const dedupe = createCountedDeduplicator({ counters: createMemoryAccessCounters({ clock }), ttlMs: 10_000, runningTtlMs: 1_000 });
    expect(await dedupe.claim('k')).toBe(true);
    clock.advance(999);
    expect(await dedupe.claim('k')).toBe(false);
    clock.advance(2);
    expect(await dedupe.claim('k')).toBe(true);
  });

  it('should keep its claims in the counters it is given, so a second instance on the same store sees them', async () => {
    const clock = createManualClock();
    const counters = createMemoryAccessCounters({ clock });
    const first = createCountedDeduplicator({ counters });
    expect(await first.claim('rocketchat:t:m1')).toBe(true);
    await first.confirm?.('rocketchat:t:m1');
    expect(await createCountedDeduplicator({ counters }).claim('rocketchat:t:m1')).toBe(false);
    // Under its own prefix: an identity limit's key of the same text is another key.
    expect(await counters.count('rocketchat:t:m1')).toBe(0);
  });

  it('should not shut a message out when its release lands after the running window ended', async () => {
    const clock = createManualClock();
    const dedupe = createCountedDeduplicator({ counters: createMemoryAccessCounters({ clock }), runningTtlMs: 1_000 });
    expect(await dedupe.claim('k')).toBe(true);
    clock.advance(1_001);
    await dedupe.release('k');
    expect(await dedupe.claim('k')).toBe(true);
  });
});
