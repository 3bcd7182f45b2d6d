import { describe, expect, it } from 'vitest';
import { HiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryOutbox, createOutboxWorker } from '../../../src/runtime/outbox-worker.js';

const entry = (key: string, kind = 'reply') => ({ tenantId: 't1', conversationId: 'c1', kind, payload: { key }, idempotencyKey: key });

describe('outbox worker', () => {
  it('should deliver rows in order and record the provider message id', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const sent: string[] = [];
    const worker = createOutboxWorker({ outbox, clock, logger: createSilentLogger(), handlers: { reply: async (e) => (sent.push(String(e.payload.key)), { providerMessageId: `p-${String(e.payload.key)}` }) } });
    await outbox.enqueue(entry('a'));
    await outbox.enqueue(entry('b'));
    await outbox.enqueue(entry('a'));
    expect(await worker.drain()).toBe(2);
    expect(sent).toEqual(['a', 'b']);
    expect(outbox.rows().map((r) => [r.status, r.providerMessageId])).toEqual([['done', 'p-a'], ['done', 'p-b']]);
    await worker.close();
  });

  it('should retry a failing row with backoff and stop at a final error', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const errors = [new HiloError('HILO_ERR_CHANNEL_SEND_FAILED'), new HiloError('HILO_ERR_CHANNEL_SEND_REJECTED')];
    let calls = 0;
    const worker = createOutboxWorker({
      outbox,
      clock,
      logger: createSilentLogger(),
      retryBaseMs: 1_000,
      handlers: {
        reply: async () => {
          calls++;
          throw errors.shift();
        },
      },
    });
    await outbox.enqueue(entry('x'));
    await worker.drain();
    expect(outbox.rows()[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HILO_ERR_CHANNEL_SEND_FAILED') });
    await worker.drain();
    expect(calls).toBe(1);
    clock.advance(1_000);
    await worker.drain();
    expect(outbox.rows()[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('HILO_ERR_CHANNEL_SEND_REJECTED') });
    clock.advance(3_600_000);
    await worker.drain();
    expect(calls).toBe(2);
    await worker.close();
  });

  it('should tell the final-failure hook once per row that failed for good, and count rows by kind', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const finals: Array<[string, string]> = [];
    const worker = createOutboxWorker({
      outbox,
      clock,
      logger: createSilentLogger(),
      maxAttempts: 2,
      retryBaseMs: 1_000,
      onFinalFailure: (e, reason) => {
        finals.push([String(e.payload.key), reason]);
        throw new Error('the hook itself failed');
      },
      handlers: {
        reply: async () => ({}),
        'crm.lead': async () => {
          throw new HiloError('HILO_ERR_CRM_FAILED');
        },
      },
    });
    await outbox.enqueue(entry('ok'));
    await outbox.enqueue(entry('lead', 'crm.lead'));
    await worker.drain();
    expect(finals).toEqual([]);
    clock.advance(1_000);
    await worker.drain();
    clock.advance(3_600_000);
    await worker.drain();
    // Retryable errors become final after maxAttempts; the hook's own failure is only logged.
    expect(finals).toEqual([['lead', expect.stringContaining('HILO_ERR_CRM_FAILED')]]);
    expect(worker.stats).toEqual({ delivered: { reply: 1 }, skipped: {}, failed: { 'crm.lead': 1 } });
    await worker.close();
  });

  it('should count a row whose destination is not configured as skipped, not delivered, and finish it', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const worker = createOutboxWorker({
      outbox,
      clock,
      logger: createSilentLogger(),
      handlers: { 'handoff.notify': async () => ({ note: 'Rocket.Chat not configured', skipped: 'not_configured' }), reply: async () => ({}) },
    });
    await outbox.enqueue(entry('h', 'handoff.notify'));
    await outbox.enqueue(entry('r'));
    await worker.drain();
    expect(worker.stats).toEqual({ delivered: { reply: 1 }, skipped: { 'handoff.notify': 1 }, failed: {} });
    expect(outbox.rows().map((r) => [r.kind, r.status])).toEqual([['handoff.notify', 'done'], ['reply', 'done']]);
    await worker.close();
  });

  it('should fail a row of an unknown kind for good', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const worker = createOutboxWorker({ outbox, clock, logger: createSilentLogger(), handlers: {} });
    await outbox.enqueue(entry('y', 'mystery'));
    await worker.drain();
    expect(outbox.rows()[0]?.status).toBe('failed');
    await worker.close();
  });
});
