import { describe, expect, it } from 'vitest';
import { createMemoryOutbox } from '../../../src/runtime/outbox-worker.js';
import { createManualClock } from '../../../src/kernel/clock.js';

const entry = (i: number) => ({ tenantId: 't', conversationId: 'c', kind: 'reply', payload: { i }, idempotencyKey: `k${i}` });

describe('in-memory outbox', () => {
  it('should enqueue once per idempotency key, claim in order and keep finished rows bounded', async () => {
    const outbox = createMemoryOutbox({ clock: createManualClock(), maxFinishedRows: 3 });
    for (let i = 0; i < 10; i++) expect(await outbox.enqueue(entry(i))).toBe(true);
    expect(await outbox.enqueue(entry(3))).toBe(false);
    const claimed = await outbox.claimDue(10, 60_000);
    expect(claimed.map((c) => c.idempotencyKey)).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    for (const c of claimed) await outbox.markDone(c.id, { providerMessageId: `p${c.id}` });
    // Only the last three finished rows are kept; nothing is pending any more.
    expect(outbox.rows().map((r) => r.idempotencyKey)).toEqual(['k7', 'k8', 'k9']);
    expect(await outbox.claimDue(10, 60_000)).toEqual([]);
    // De-duplication outlives the evicted rows.
    expect(await outbox.enqueue(entry(0))).toBe(false);
    expect(await outbox.recordDeliveryStatus('t', 'p9', 'read', null)).toBe(true);
    expect(await outbox.recordDeliveryStatus('t', 'p1', 'read', null)).toBe(false);
  });

  it('should retry a failed row at its time and drop it when the failure is final', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    await outbox.enqueue(entry(1));
    const [row] = await outbox.claimDue(1, 60_000);
    await outbox.markFailed(row!.id, 'busy', clock.now() + 1_000);
    expect(await outbox.claimDue(1, 60_000)).toEqual([]);
    clock.advance(1_000);
    const [again] = await outbox.claimDue(1, 60_000);
    expect(again!.attempts).toBe(2);
    await outbox.markFailed(again!.id, 'refused', null);
    clock.advance(120_000);
    expect(await outbox.claimDue(1, 60_000)).toEqual([]);
  });
});
