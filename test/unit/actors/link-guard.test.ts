import { describe, expect, it } from 'vitest';
import { createMemoryAccessCounters } from '../../../src/persistence/ports/access-counters.js';
import { createLinkGuard, ipKey, type IdentityAuditEvent } from '../../../src/actors/identity/link-guard.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

const target = { conversationId: 'c-wa', channel: 'whatsapp', externalId: '18095550101' };

function guard(options: { codes?: string[] } = {}) {
  const clock = createManualClock();
  const audit: IdentityAuditEvent[] = [];
  const codes = [...(options.codes ?? [])];
  const g = createLinkGuard({
    counters: createMemoryAccessCounters({ clock }),
    clock,
    logger: createSilentLogger(),
    audit: (e) => void audit.push(e),
    ...(options.codes ? { createCode: () => codes.shift() ?? '000000' } : {}),
  });
  return { g, clock, audit };
}

describe('createLinkGuard', () => {
  it('should refuse codes shorter than 6 digits', () => {
    expect(() => createLinkGuard({ counters: createMemoryAccessCounters({ clock: createManualClock() }), clock: createManualClock(), logger: createSilentLogger(), limits: { codeDigits: 4 } })).toThrow(RangeError);
  });

  it('should make 6-digit codes, zero-padded, different each time', async () => {
    const { g } = guard();
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      await g.issue({ tenantId: 't', conversationId: `c${i}`, conversation: `k${i}`, handleKey: `h${i}`, target, send: async (code) => (sent.push(code), true) });
    }
    expect(sent.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(sent).size).toBe(3);
  });

  it('should forget codes nobody typed once they expire', async () => {
    const { g, clock } = guard({ codes: ['123456', '654321'] });
    await g.issue({ tenantId: 't', conversationId: 'c1', conversation: 'k1', handleKey: 'h1', target, send: async () => true });
    expect(g.pendingCount).toBe(1);
    clock.advance(11 * 60_000);
    await g.issue({ tenantId: 't', conversationId: 'c2', conversation: 'k2', handleKey: 'h2', target, send: async () => true });
    expect(g.pendingCount).toBe(1);
    expect(g.hasPending('k1')).toBe(false);
  });

  it('should not treat a code that was not sent as pending, nor count it', async () => {
    const { g, audit } = guard();
    expect(await g.issue({ tenantId: 't', conversationId: 'c1', conversation: 'k1', handleKey: 'h1', target, send: async () => false })).toBe(false);
    expect(await g.issue({ tenantId: 't', conversationId: 'c1', conversation: 'k1', handleKey: 'h1', target, send: async () => { throw new Error('provider down'); } })).toBe(false);
    expect(g.hasPending('k1')).toBe(false);
    expect(audit).toEqual([]);
  });

  it('should hash the client IP per tenant', () => {
    expect(ipKey('t', '192.0.2.1')).toMatch(/^[0-9a-f]{20}$/);
    expect(ipKey('t', '192.0.2.1')).not.toBe(ipKey('u', '192.0.2.1'));
  });
});
