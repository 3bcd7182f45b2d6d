import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const AT = '2026-12-03T12:00:00.000Z';
const OPTIONS = [
  { label: 'Cemento gris', text: 'cemento gris' },
  { label: 'Cemento blanco "extra"', text: 'cemento blanco' },
];

function turn(seq: number, channel: string): TurnRecord {
  return {
    seq,
    inboundMessageId: `in-${seq}`,
    entries: [
      { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel, text: 'quiero cemento', at: AT },
      { messageId: `out-${seq}-a`, direction: 'out', author: 'bot', channel, text: '¿Cuál de estos?', at: AT, lang: 'en', options: OPTIONS },
      { messageId: `out-${seq}-b`, direction: 'out', author: 'bot', channel, text: 'Sin opciones', at: AT, lang: 'es' },
    ],
    phase: 'triage',
    idleCloseAt: null,
  };
}

const envelope = (seq: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch: 0, seq, savedAt: AT, snapshot: { value: { triage: 'idle' }, context: {} } });

describe.each(SQL_BACKENDS)('reply options and language on SQL transcript lines on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  const newKey = () => ({ tenantId: `tenant-${randomUUID()}`, conversationId: `c-${randomUUID()}` });

  it('should store them with the turn, read them back, and answer a repeated commit with them', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    const stored = await journal.commit(key, turn(1, 'web'), envelope(1));
    expect(stored[1]).toMatchObject({ lang: 'en', options: OPTIONS });
    const listed = await createSqlTranscriptStore(opened.db).list(key);
    expect(listed).toEqual(stored);
    expect(listed[0]).not.toHaveProperty('options');
    expect(listed[0]).not.toHaveProperty('lang');
    expect(listed[2]).not.toHaveProperty('options');
    // The recovery path (SQL already holds the turn) reads the same lines.
    expect(await journal.commit(key, turn(1, 'web'), envelope(1))).toEqual(stored);
  });

  it('should put the options in the reply\'s outbox row for sender channels', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    await journal.commit(key, turn(1, 'whatsapp'), envelope(1));
    const rows = await opened.db.em().execute<{ payload: Record<string, unknown> | string }[]>(
      `select payload from outbox_entries where tenant_id = ? and kind = 'reply' order by id`,
      [key.tenantId],
    );
    const payloads = rows.map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload));
    expect(payloads).toHaveLength(2);
    expect(payloads[0]).toMatchObject({ messageId: 'out-1-a', text: '¿Cuál de estos?', options: OPTIONS });
    expect(payloads[1]).not.toHaveProperty('options');
  });

  it('should keep them through the transcript store\'s own append', async () => {
    const transcripts = createSqlTranscriptStore(opened.db);
    const key = newKey();
    const stored = await transcripts.append(key, turn(1, 'rest').entries);
    expect(await transcripts.list(key)).toEqual(stored);
    expect(stored[1]).toMatchObject({ lang: 'en', options: OPTIONS });
  });
});
