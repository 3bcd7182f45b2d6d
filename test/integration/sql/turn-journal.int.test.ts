import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DurableSnapshotEnvelope, TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { runTurnJournalContract } from '../../contract/turn-journal.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

// PostgreSQL must be running (DATABASE_URL, default 127.0.0.1:5432): opening it throws otherwise, never skips.
describe.each(SQL_BACKENDS)('SQL turn journal on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  // Every test uses its own random tenants; the database goes away in afterAll.
  runTurnJournalContract({
    name: backend.name,
    create: async () => ({ journal: createSqlTurnJournal(opened.db), transcripts: createSqlTranscriptStore(opened.db) }),
    destroy: async () => {},
  });
});

describe.each(SQL_BACKENDS)('SQL turn journal reply rows on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  const at = '2026-12-03T12:00:00.000Z';
  const turn = (seq: number, recipient: TurnRecord['recipient']): TurnRecord => ({
    seq,
    inboundMessageId: `wamid.${seq}`,
    phase: 'answering',
    idleCloseAt: null,
    recipient,
    entries: [
      { messageId: `wamid.${seq}`, direction: 'in', author: 'customer', channel: 'whatsapp', text: 'hola', at },
      { messageId: `out:${seq}-wa`, direction: 'out', author: 'bot', channel: 'whatsapp', text: '¡Hola!', at },
      { messageId: `out:${seq}-tg`, direction: 'out', author: 'bot', channel: 'telegram', text: 'relay', at },
    ],
  });
  const payloads = async (tenantId: string) =>
    (await opened.db.em().execute<{ payload: Record<string, unknown> | string }[]>(`select payload from outbox_entries where tenant_id = ? order by id`, [tenantId])).map((r) =>
      typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    );

  it("should put the customer's address into the reply rows of its channel, so the sender needs no lookup", async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = { tenantId: `rcpt-${randomUUID()}`, conversationId: `c-${randomUUID()}` };
    const t = turn(1, { channel: 'whatsapp', to: '18095550101' });
    await journal.commit(key, t, { v: 1, machineVersion: 1, epoch: 0, seq: 1, savedAt: at, snapshot: {}, turn: t } as DurableSnapshotEnvelope);
    const rows = await payloads(key.tenantId);
    expect(rows.map((p) => [p.channel, p.recipient ?? null])).toEqual([
      ['whatsapp', '18095550101'],
      ['telegram', null],
    ]);
  });

  it('should leave the recipient out when the host does not know it (agent and timer turns, older snapshots)', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = { tenantId: `rcpt-${randomUUID()}`, conversationId: `c-${randomUUID()}` };
    const t = turn(1, null);
    await journal.commit(key, t, { v: 1, machineVersion: 1, epoch: 0, seq: 1, savedAt: at, snapshot: {}, turn: t } as DurableSnapshotEnvelope);
    expect((await payloads(key.tenantId)).map((p) => 'recipient' in p)).toEqual([false, false]);
  });
});
