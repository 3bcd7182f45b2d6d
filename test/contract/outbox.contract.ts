import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/kernel/clock.js';
import type { NewOutboxEntry, OutboxClaimScope, OutboxEntry, OutboxRepository } from '../../src/persistence/ports/outbox.js';

export interface OutboxContractOptions<S extends OutboxRepository = OutboxRepository> {
  name: string;
  /** A store on `clock`; the suite shares one store, each test owns its tenants. */
  create: (clock: ReturnType<typeof createManualClock>) => Promise<S>;
  /** Closes the store and removes whatever it wrote. */
  destroy: (store: S) => Promise<void>;
}

const LEASE = 30_000;

/**
 * The one conformance suite every `OutboxRepository` passes (in memory, PGlite, PostgreSQL).
 * Each test uses fresh tenant ids and scoped claims, so rows other tests left behind never count.
 *
 * @example
 * runOutboxContract({ name: 'memory', create: async (clock) => createMemoryOutbox({ clock }), destroy: async () => undefined });
 */
export function runOutboxContract<S extends OutboxRepository>(options: OutboxContractOptions<S>): void {
  describe(`OutboxRepository contract: ${options.name}`, () => {
    const clock = createManualClock();
    let outbox: S;
    const tenant = (label: string) => `${label}-${randomUUID()}`;
    const row = (tenantId: string, key: string, extra: Partial<NewOutboxEntry> = {}): NewOutboxEntry => ({ tenantId, conversationId: 'c1', kind: 'reply', payload: { key }, idempotencyKey: key, ...extra });
    const claim = async (scope: OutboxClaimScope, limit = 10): Promise<OutboxEntry[]> => outbox.claimDue(limit, LEASE, scope);

    beforeAll(async () => {
      outbox = await options.create(clock);
    });

    afterAll(async () => {
      if (outbox) await options.destroy(outbox);
    });

    it('should store a key once per tenant and give the payload back as stored', async () => {
      const t1 = tenant('once');
      const t2 = tenant('once');
      const payload = { lead: { lead_id: 'L-1', contact_info: { name: 'Ana', email: 'ana@example.com' } }, text: 'ñandú "quoted" \\ back' };
      expect(await outbox.enqueue(row(t1, 'crm:L-1', { kind: 'crm.lead', payload, conversationId: '' }))).toBe(true);
      expect(await outbox.enqueue(row(t1, 'crm:L-1', { kind: 'crm.lead', payload: { other: true } }))).toBe(false);
      // The key is unique per tenant, not across tenants.
      expect(await outbox.enqueue(row(t2, 'crm:L-1'))).toBe(true);
      const [claimed] = await claim({ tenantId: t1 });
      expect(claimed).toMatchObject({ tenantId: t1, conversationId: '', kind: 'crm.lead', payload, attempts: 1, idempotencyKey: 'crm:L-1' });
      expect(typeof claimed?.id).toBe('string');
    });

    it('should claim a due row once while its lease holds, and again after the lease expires', async () => {
      const t = tenant('lease');
      await outbox.enqueue(row(t, 'k1'));
      const [first, second] = await Promise.all([claim({ tenantId: t }), claim({ tenantId: t })]);
      expect([...first!, ...second!]).toHaveLength(1);
      expect(await claim({ tenantId: t })).toEqual([]);
      // The worker died: the lease expires and the row is claimed again.
      clock.advance(LEASE + 1_000);
      const again = await claim({ tenantId: t });
      expect(again.map((r) => r.attempts)).toEqual([2]);
      await outbox.markDone(again[0]!.id, {});
      clock.advance(LEASE + 1_000);
      expect(await claim({ tenantId: t })).toEqual([]);
    });

    it('should claim oldest first, at most the limit', async () => {
      const t = tenant('order');
      for (const k of ['a', 'b', 'c', 'd']) await outbox.enqueue(row(t, k));
      const firstTwo = await claim({ tenantId: t }, 2);
      expect(firstTwo.map((r) => r.idempotencyKey)).toEqual(['a', 'b']);
      expect((await claim({ tenantId: t })).map((r) => r.idempotencyKey)).toEqual(['c', 'd']);
    });

    it('should retry a failed row only when its next attempt is due, and never after a final failure', async () => {
      const t = tenant('retry');
      await outbox.enqueue(row(t, 'r'));
      const [first] = await claim({ tenantId: t });
      await outbox.markFailed(first!.id, 'HILO_ERR_CHANNEL_SEND_FAILED', clock.now() + 5_000);
      expect(await claim({ tenantId: t })).toEqual([]);
      clock.advance(5_000);
      const [retry] = await claim({ tenantId: t });
      expect(retry?.attempts).toBe(2);
      await outbox.markFailed(retry!.id, 'HILO_ERR_CHANNEL_SEND_REJECTED', null);
      clock.advance(3_600_000);
      expect(await claim({ tenantId: t })).toEqual([]);
    });

    it('should record a delivery status on the row that sent the provider message, in its tenant only', async () => {
      const t = tenant('status');
      await outbox.enqueue(row(t, 's'));
      const [sent] = await claim({ tenantId: t });
      const providerId = `wamid.${randomUUID()}`;
      await outbox.markDone(sent!.id, { providerMessageId: providerId, note: 'template sent' });
      expect(await outbox.recordDeliveryStatus(t, providerId, 'delivered', null)).toBe(true);
      expect(await outbox.recordDeliveryStatus(t, 'wamid.unknown', 'read', null)).toBe(false);
      expect(await outbox.recordDeliveryStatus(tenant('other'), providerId, 'read', null)).toBe(false);
    });

    it('should scope claims to one lane, or leave busy lanes out', async () => {
      const a = tenant('lane-a');
      const b = tenant('lane-b');
      await outbox.enqueue(row(a, 'a1'));
      await outbox.enqueue(row(b, 'b1'));
      await outbox.enqueue(row(a, 'a2'));
      expect((await claim({ tenantId: b })).map((r) => [r.tenantId, r.idempotencyKey])).toEqual([[b, 'b1']]);
      await outbox.enqueue(row(b, 'b2'));
      // Everyone's due rows but lane a's: other tests' leftovers may come too, a's never.
      const others = await claim({ excludeTenants: [a] }, 1_000);
      expect(others.filter((r) => r.tenantId === a)).toEqual([]);
      expect(others.filter((r) => r.tenantId === b).map((r) => r.idempotencyKey)).toEqual(['b2']);
      expect((await claim({ tenantId: a })).map((r) => r.idempotencyKey)).toEqual(['a1', 'a2']);
    });
  });
}
