import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createOutboxRepository } from '../../../src/persistence/sql/index.js';
import { createOutboxHandlerRegistry, createOutboxQueue, createOutboxWorker } from '../../../src/runtime/outbox/index.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

/** Resolves when `check` holds, polling; fails the test after `ms`. */
async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(SQL_BACKENDS)('outbox lanes on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it("should deliver tenant B's replies while tenant A's sender is blocked, each conversation in order", async () => {
    const clock = createManualClock();
    const outbox = createOutboxRepository({ db: opened.db, clock });
    const a = `lane-a-${randomUUID()}`;
    const b = `lane-b-${randomUUID()}`;
    let unblockA: () => void = () => undefined;
    const aBlocked = new Promise<void>((resolve) => (unblockA = resolve));
    const sent: Record<string, string[]> = {};
    const handlers = createOutboxHandlerRegistry().register('reply', async ({ tenantId, conversationId, payload }) => {
      // A throttled number: tenant A's provider does not answer until the test lets it.
      if (tenantId === a) await aBlocked;
      (sent[`${tenantId === a ? 'A' : 'B'}/${conversationId}`] ??= []).push(payload.text);
      return { providerMessageId: `p-${payload.messageId}` };
    });
    const worker = createOutboxWorker({ outbox, handlers, clock, logger: createSilentLogger(), batchSize: 2 });
    const queue = createOutboxQueue({ outbox });
    queue.onEnqueued(() => worker.kick());
    const reply = (tenantId: string, conversationId: string, text: string) =>
      queue.enqueue({ kind: 'reply', tenantId, conversationId, payload: { messageId: `${conversationId}-${text}`, seq: 1, channel: 'whatsapp', text, recipient: '18095550101' } });
    try {
      await reply(a, 'ca', 'a1');
      await reply(b, 'cb1', 'b1');
      await reply(a, 'ca', 'a2');
      await reply(b, 'cb1', 'b2');
      await reply(b, 'cb2', 'b3');
      await eventually(() => (sent['B/cb1']?.length ?? 0) === 2 && (sent['B/cb2']?.length ?? 0) === 1);
      expect(sent['B/cb1']).toEqual(['b1', 'b2']);
      expect(sent['A/ca']).toBeUndefined();
      // A row written while A is still stuck goes out too: a later scan serves the idle lanes.
      await reply(b, 'cb2', 'b4');
      await eventually(() => sent['B/cb2']?.length === 2);
      expect(sent['B/cb2']).toEqual(['b3', 'b4']);
      expect(sent['A/ca']).toBeUndefined();
      unblockA();
      await worker.drain();
      expect(sent['A/ca']).toEqual(['a1', 'a2']);
      expect(worker.stats.delivered).toEqual({ reply: 6 });
      const rows = await opened.db.em().execute<{ status: string }[]>(`select status from outbox_entries where tenant_id in (?, ?)`, [a, b]);
      expect(rows.map((r) => r.status)).toEqual(Array(6).fill('done'));
    } finally {
      unblockA();
      await worker.close();
    }
  });
});
