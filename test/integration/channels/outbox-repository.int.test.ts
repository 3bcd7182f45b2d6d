import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createOutboxRepository, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { OUTBOX_KEYS, parseOutboxEntry } from '../../../src/runtime/outbox/index.js';
import { runOutboxContract } from '../../contract/outbox.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

describe.each(SQL_BACKENDS)('SQL outbox on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  // Every test of the suite uses its own random tenants; the database goes away in afterAll.
  runOutboxContract({
    name: backend.name,
    create: async (clock) => createOutboxRepository({ db: opened.db, clock }),
    destroy: async () => undefined,
  });

  it('should write reply rows from the turn journal under the typed reply key, parseable without a recipient', async () => {
    const clock = createManualClock();
    const key = { tenantId: `journal-${randomUUID()}`, conversationId: `c_${randomUUID().replace(/-/g, '')}` };
    const at = new Date(clock.now()).toISOString();
    await createSqlTurnJournal(opened.db).commit(
      key,
      {
        seq: 1,
        inboundMessageId: 'wamid.in-1',
        entries: [
          { messageId: 'wamid.in-1', direction: 'in', author: 'customer', channel: 'whatsapp', text: 'hola', at },
          { messageId: 'out-1', direction: 'out', author: 'bot', channel: 'whatsapp', text: '¿Qué buscas?', at, options: [{ label: '1', text: 'Cemento' }] },
        ],
        phase: 'triage',
        idleCloseAt: null,
      },
      { v: 1, machineVersion: 1, epoch: 0, seq: 1, savedAt: at, snapshot: { value: { triage: 'idle' }, context: {} } },
    );
    const [row] = await createOutboxRepository({ db: opened.db, clock }).claimDue(10, 30_000, { tenantId: key.tenantId });
    const parsed = row ? parseOutboxEntry(row) : null;
    expect(parsed?.ok).toBe(true);
    if (!parsed?.ok || parsed.delivery.kind !== 'reply') throw new Error('expected a reply row');
    expect(parsed.delivery.payload).toEqual({ messageId: 'out-1', seq: 2, channel: 'whatsapp', text: '¿Qué buscas?', options: [{ label: '1', text: 'Cemento' }] });
    // The SQL statement builds the key itself: it must be the typed builder's key, byte for byte.
    expect(row!.idempotencyKey).toBe(OUTBOX_KEYS.reply({ kind: 'reply', tenantId: key.tenantId, conversationId: key.conversationId, payload: parsed.delivery.payload }));
    expect(row!.idempotencyKey).toBe(`reply:${key.conversationId}:out-1`);
  });
});
