import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, auditHash, type AuditEvent, type AuditLink, type AuditTrail } from '../../src/persistence/ports/audit-trail.js';
import { canonicalJson } from '../../src/kernel/canonical-json.js';
import type { Clock } from '../../src/kernel/clock.js';

/** What the suite needs from one implementation of the audit port. */
export interface AuditTrailHarness {
  trail: AuditTrail;
  /** The tenant's stored links, in seq order, as read back. */
  links(tenantId: string): Promise<AuditLink[]>;
  /** Overwrites one stored link (what a database writer could do). */
  rewrite(tenantId: string, seq: number, change: Partial<Pick<AuditLink, 'payload' | 'hash' | 'prevHash' | 'actor' | 'type'>>): Promise<void>;
  /** Deletes the newest links from `fromSeq` on. */
  deleteFrom(tenantId: string, fromSeq: number): Promise<void>;
  destroy(): Promise<void>;
}

export interface AuditTrailContractOptions {
  name: string;
  /**
   * A harness whose trail is keyed with `key` (null: unkeyed). Every harness of one suite reads
   * and writes the same store (one database; one shared memory store), as two processes would.
   */
  create(options: { key: string | null; clock: Clock }): Promise<AuditTrailHarness>;
  clock: () => Clock;
  tenant: () => string;
}

export const AUDIT_KEY = 'audit-key-for-tests-0123456789abcdef';

const events: AuditEvent[] = [
  { type: 'ticket.opened', conversationId: 'c_1', ticketId: 't-1', ticketNumber: 'T-000001', kind: 'handoff', reason: 'customer_request' },
  { type: 'agent.message', conversationId: 'c_1', ticketNumber: 'T-000001', chars: 42 },
  { type: 'agent.resolved', conversationId: 'c_1', ticketNumber: 'T-000001' },
  { type: 'lead.pushed', leadId: 'L-1', urgency: 'Alto', destination: 'embedded' },
  { type: 'tool.refused', conversationId: 'c_2', messageId: 'm-9', tool: 'account_status', outcome: 'verification_failed' },
  { type: 'security.prompt_injection', conversationId: 'c_3', messageId: 'm-3', stage: 'understand', category: 'override', score: 0.9, signals: ['override_instructions'] },
];

/** Recomputes a link's hash the way an attacker without the key would (plain SHA-256). */
function sha256Link(prevHash: string, link: AuditLink): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson({ seq: link.seq, type: link.type, actor: link.actor, at: link.at, payload: link.payload }))
    .digest('hex');
}

/** The conformance suite every audit trail (SQL, memory) passes. */
export function runAuditTrailContract(options: AuditTrailContractOptions): void {
  describe(`audit trail contract: ${options.name}`, () => {
    const withHarness = async (key: string | null, body: (h: AuditTrailHarness, tenantId: string) => Promise<void>) => {
      const h = await options.create({ key, clock: options.clock() });
      try {
        await body(h, options.tenant());
      } finally {
        await h.destroy();
      }
    };

    it('should chain every event kind with ids only and verify it', async () => {
      await withHarness(null, async (h, tenantId) => {
        for (const e of events) await h.trail.record(tenantId, e);
        await h.trail.append(tenantId, 'identity.code_sent', 'system:identity-link', { conversationId: 'c_4', handleKey: 'hk-1' });
        const links = await h.links(tenantId);
        expect(links.map((l) => [l.seq, l.type])).toEqual([...events.map((e, i) => [i + 1, e.type]), [7, 'identity.code_sent']]);
        expect(links[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
        expect(links[0]?.payload).toEqual({ conversationId: 'c_1', ticketId: 't-1', ticketNumber: 'T-000001', kind: 'handoff', reason: 'customer_request' });
        expect(links[5]?.actor).toBe('system');
        for (let i = 1; i < links.length; i++) expect(links[i]?.prevHash).toBe(links[i - 1]?.hash);
        expect(h.trail.keyed).toBe(false);
        expect(await h.trail.verify(tenantId)).toEqual({ ok: true, count: 7 });
      });
    });

    it('should refuse a payload with personal data without throwing, and record nothing', async () => {
      await withHarness(null, async (h, tenantId) => {
        await h.trail.append(tenantId, 'test.event', 'system', { email: 'ana@example.com' });
        await h.trail.append(tenantId, 'test.event', 'system', { nested: [{ phone: '+18095550101' }] });
        expect(await h.links(tenantId)).toEqual([]);
        expect(await h.trail.verify(tenantId)).toEqual({ ok: true, count: 0 });
      });
    });

    it('should find the first altered link, a deleted tail and a broken link order', async () => {
      await withHarness(null, async (h, tenantId) => {
        for (const e of events) await h.trail.record(tenantId, e);
        await h.rewrite(tenantId, 4, { payload: { leadId: 'L-2', urgency: 'Alto', destination: 'embedded' } });
        expect(await h.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 4 });
      });
      await withHarness(null, async (h, tenantId) => {
        for (const e of events) await h.trail.record(tenantId, e);
        await h.deleteFrom(tenantId, 5);
        expect(await h.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 5 });
      });
      await withHarness(null, async (h, tenantId) => {
        for (const e of events) await h.trail.record(tenantId, e);
        await h.rewrite(tenantId, 3, { prevHash: AUDIT_GENESIS_HASH });
        expect(await h.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
      });
    });

    it('should key links with HMAC-SHA256 so that an edit re-hashed without the key is found', async () => {
      await withHarness(AUDIT_KEY, async (h, tenantId) => {
        for (const e of events) await h.trail.record(tenantId, e);
        expect(h.trail.keyed).toBe(true);
        const links = await h.links(tenantId);
        for (const l of links) expect(l.hash).toMatch(/^hmac:[0-9a-f]{64}$/);
        expect(links[0]?.hash).toBe(auditHash(AUDIT_GENESIS_HASH, links[0] as AuditLink, AUDIT_KEY));
        expect(await h.trail.verify(tenantId)).toEqual({ ok: true, count: events.length });

        // A database writer edits link 2 and recomputes the rest of the chain: with plain SHA-256
        // (no key), and with the `hmac:` form but a guessed key. Both are found at link 2.
        const edited = { ...(links[1] as AuditLink), payload: { conversationId: 'c_1', ticketNumber: 'T-000001', chars: 1 } };
        await h.rewrite(tenantId, 2, { payload: edited.payload, hash: sha256Link(edited.prevHash, edited) });
        expect(await h.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 2 });
        await h.rewrite(tenantId, 2, { hash: auditHash(edited.prevHash, edited, 'a-guessed-key-that-is-not-the-server-secret') });
        expect(await h.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 2 });
      });
    });

    it('should accept a plain prefix written before the key was set, and refuse a plain link after a keyed one', async () => {
      const clock = options.clock();
      const tenantId = options.tenant();
      const plain = await options.create({ key: null, clock });
      const keyed = await options.create({ key: AUDIT_KEY, clock });
      try {
        // Both harnesses see the same store (same database, or the same memory through `create`).
        await plain.trail.record(tenantId, events[0] as AuditEvent);
        await plain.trail.record(tenantId, events[1] as AuditEvent);
        await keyed.trail.record(tenantId, events[2] as AuditEvent);
        expect((await keyed.links(tenantId)).map((l) => l.hash.startsWith('hmac:'))).toEqual([false, false, true]);
        expect(await keyed.trail.verify(tenantId)).toEqual({ ok: true, count: 3 });
        // Without the key, a keyed link cannot be checked: the chain does not verify.
        expect(await plain.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
        await plain.trail.record(tenantId, events[3] as AuditEvent);
        expect(await keyed.trail.verify(tenantId)).toEqual({ ok: false, brokenAt: 4 });
      } finally {
        await keyed.destroy();
        await plain.destroy();
      }
    });
  });
}
