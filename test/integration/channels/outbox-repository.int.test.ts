import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository, type OutboxRepository } from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

describe.each(SQL_BACKENDS)('SQL outbox repository on $name', (backend) => {
  let opened: OpenedTestDatabase;
  let outbox: OutboxRepository;
  const clock = createManualClock();
  const tenantId = `outbox-${backend.name}-${process.pid}`;

  beforeAll(async () => {
    opened = await backend.open();
    outbox = createOutboxRepository({ db: opened.db, clock });
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it('should enqueue a key once and claim a due row once while its lease holds', async () => {
    const entry = { tenantId, conversationId: 'c1', kind: 'crm.lead', payload: { leadId: 'L-1' }, idempotencyKey: 'crm:L-1' };
    expect(await outbox.enqueue(entry)).toBe(true);
    expect(await outbox.enqueue(entry)).toBe(false);
    const [first, second] = await Promise.all([outbox.claimDue(10, 30_000), outbox.claimDue(10, 30_000)]);
    const claimed = [...(first ?? []), ...(second ?? [])].filter((r) => r.tenantId === tenantId);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ kind: 'crm.lead', payload: { leadId: 'L-1' }, attempts: 1 });
    expect((await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId)).toEqual([]);
    // The worker died: the lease expires and the row is claimed again.
    clock.advance(31_000);
    const again = (await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId);
    expect(again.map((r) => r.attempts)).toEqual([2]);
    await outbox.markDone(again[0]!.id, {});
    clock.advance(31_000);
    expect((await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId)).toEqual([]);
  });

  it('should retry a failed row only when its next attempt is due, and never after a final failure', async () => {
    await outbox.enqueue({ tenantId, conversationId: 'c2', kind: 'reply', payload: {}, idempotencyKey: 'r:2' });
    const [row] = (await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId);
    await outbox.markFailed(row!.id, 'HILO_ERR_CHANNEL_SEND_FAILED', clock.now() + 5_000);
    expect((await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId)).toEqual([]);
    clock.advance(5_000);
    const [retry] = (await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId);
    expect(retry?.attempts).toBe(2);
    await outbox.markFailed(retry!.id, 'HILO_ERR_CHANNEL_SEND_REJECTED', null);
    clock.advance(60_000);
    expect((await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId)).toEqual([]);
  });

  it('should record a delivery status on the row that sent the provider message', async () => {
    await outbox.enqueue({ tenantId, conversationId: 'c3', kind: 'reply', payload: {}, idempotencyKey: 'r:3' });
    const [row] = (await outbox.claimDue(10, 30_000)).filter((r) => r.tenantId === tenantId);
    await outbox.markDone(row!.id, { providerMessageId: 'wamid.X' });
    expect(await outbox.recordDeliveryStatus(tenantId, 'wamid.X', 'delivered', null)).toBe(true);
    expect(await outbox.recordDeliveryStatus(tenantId, 'wamid.unknown', 'read', null)).toBe(false);
    const rows = await opened.db.em().execute<{ delivery_status: string; status: string }[]>(`select delivery_status, status from outbox_entries where id = ?`, [row!.id]);
    expect(rows[0]).toEqual({ delivery_status: 'delivered', status: 'done' });
  });
});
