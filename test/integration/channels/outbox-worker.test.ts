import { describe, expect, it } from 'vitest';
import { HiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryOutbox } from '../../../src/persistence/memory/memory-outbox.js';
import type { NewOutboxEntry } from '../../../src/persistence/ports/outbox.js';
import { createOutboxHandlerRegistry, createOutboxWorker, type OutboxDelivery } from '../../../src/runtime/outbox/index.js';

/** A valid row of `kind` whose payload names `key` (reply text, lead id, ticket number). */
function entry(key: string, kind = 'reply'): NewOutboxEntry {
  const payloads: Record<string, object> = {
    reply: { messageId: key, seq: 1, channel: 'whatsapp', text: key },
    'crm.lead': { lead: { lead_id: key, contact_info: { name: 'Ana', phone_or_username: null, email: 'ana@example.com' } } },
    'handoff.notify': { ticketNumber: key, priority: 'new', customer: { displayName: 'Ana', channel: 'whatsapp' }, summary: 's', lastMessages: [] },
  };
  return { tenantId: 't1', conversationId: 'c1', kind, payload: payloads[kind] ?? { key }, idempotencyKey: key };
}

/** The key a row was built from (see `entry`). */
function keyOf(d: OutboxDelivery | null): string {
  if (d?.kind === 'reply') return d.payload.text;
  if (d?.kind === 'crm.lead') return d.payload.lead.lead_id;
  return '?';
}

describe('outbox worker', () => {
  it('should deliver rows in order and record the provider message id', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const sent: string[] = [];
    const worker = createOutboxWorker({ outbox, clock, logger: createSilentLogger(), handlers: createOutboxHandlerRegistry().register('reply', async (e) => (sent.push(e.payload.text), { providerMessageId: `p-${e.payload.text}` })) });
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
      handlers: createOutboxHandlerRegistry().register('reply', async () => {
        calls++;
        throw errors.shift();
      }),
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
      onFinalFailure: (_e, reason, delivery) => {
        finals.push([keyOf(delivery), reason]);
        throw new Error('the hook itself failed');
      },
      handlers: createOutboxHandlerRegistry()
        .register('reply', async () => ({}))
        .register('crm.lead', async () => {
          throw new HiloError('HILO_ERR_CRM_FAILED');
        }),
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
      handlers: createOutboxHandlerRegistry()
        .register('handoff.notify', async () => ({ note: 'Rocket.Chat not configured', skipped: 'not_configured' }))
        .register('reply', async () => ({})),
    });
    await outbox.enqueue(entry('h', 'handoff.notify'));
    await outbox.enqueue(entry('r'));
    await worker.drain();
    expect(worker.stats).toEqual({ delivered: { reply: 1 }, skipped: { 'handoff.notify': 1 }, failed: {} });
    expect(outbox.rows().map((r) => [r.kind, r.status])).toEqual([['handoff.notify', 'done'], ['reply', 'done']]);
    await worker.close();
  });

  it('should fail for good a row of an unknown kind, of a kind without handler, or with an invalid payload', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    const finals: Array<[string, string, boolean]> = [];
    let sent = 0;
    const worker = createOutboxWorker({
      outbox,
      clock,
      logger: createSilentLogger(),
      handlers: createOutboxHandlerRegistry().register('reply', async () => (sent++, {})),
      onFinalFailure: (e, reason, delivery) => void finals.push([e.kind, reason, delivery !== null]),
    });
    await outbox.enqueue(entry('y', 'mystery'));
    await outbox.enqueue(entry('L-9', 'crm.lead'));
    await outbox.enqueue({ ...entry('broken'), payload: { messageId: 'm', channel: 'whatsapp' } });
    await worker.drain();
    expect(outbox.rows().map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(finals).toEqual([
      ['mystery', 'no handler for kind mystery', false],
      ['crm.lead', 'no handler for kind crm.lead', true],
      ['reply', 'invalid reply payload', false],
    ]);
    expect(sent).toBe(0);
    await worker.close();
  });
});
