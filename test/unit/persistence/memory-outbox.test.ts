import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryOutbox } from '../../../src/persistence/memory/memory-outbox.js';
import { runOutboxContract } from '../../contract/outbox.contract.js';

runOutboxContract({
  name: 'memory',
  create: async (clock) => createMemoryOutbox({ clock }),
  destroy: async () => undefined,
});

const entry = (i: number) => ({ tenantId: 't', conversationId: 'c', kind: 'reply', payload: { i }, idempotencyKey: `k${i}` });

describe('createMemoryOutbox', () => {
  it('should keep finished rows bounded while de-duplication outlives them', async () => {
    const outbox = createMemoryOutbox({ clock: createManualClock(), maxFinishedRows: 3 });
    for (let i = 0; i < 10; i++) expect(await outbox.enqueue(entry(i))).toBe(true);
    const claimed = await outbox.claimDue(10, 60_000);
    for (const c of claimed) await outbox.markDone(c.id, { providerMessageId: `p${c.id}` });
    // Only the last three finished rows are kept; nothing is pending any more.
    expect(outbox.rows().map((r) => r.idempotencyKey)).toEqual(['k7', 'k8', 'k9']);
    expect(await outbox.claimDue(10, 60_000)).toEqual([]);
    expect(await outbox.enqueue(entry(0))).toBe(false);
    // A delivery status finds a kept row, not an evicted one.
    expect(await outbox.recordDeliveryStatus('t', 'p9', 'read', null)).toBe(true);
    expect(await outbox.recordDeliveryStatus('t', 'p1', 'read', null)).toBe(false);
  });
});
