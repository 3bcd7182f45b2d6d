import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createOutboxRepository, createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const AT = '2026-11-22T12:00:00.000Z';

/**
 * PostgreSQL refuses NUL in `text` and `\u0000` or an unpaired surrogate escape in `jsonb`. The
 * journal is the last line of defence behind the channel normalisation (a turn record written by
 * an older version, a tool result, an agent line): it must store such a turn, never throw on it.
 */
describe.each(SQL_BACKENDS)('SQL turn journal with hostile text on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('should commit a turn whose lines and snapshot carry NUL and unpaired surrogates', async () => {
    const key = { tenantId: `tenant-${randomUUID()}`, conversationId: `c-${randomUUID()}` };
    const journal = createSqlTurnJournal(opened.db);
    const turn: TurnRecord = {
      seq: 1,
      inboundMessageId: 'in\u0000-1',
      entries: [
        { messageId: 'in\u0000-1', direction: 'in', author: 'customer', channel: 'rest', text: 'hola\u0000 precio\ud800 \udc00fin', at: AT },
        { messageId: 'out-1', direction: 'out', author: 'agent', channel: 'whatsapp', text: 'respuesta\u0000', at: AT, agentName: 'Mar\u0000ía\ud83d', intent: 'greet\u0000ing' },
      ],
      phase: 'triage',
      idleCloseAt: null,
    };
    const envelope: SnapshotEnvelope = {
      v: 1,
      machineVersion: 1,
      epoch: 0,
      seq: 1,
      savedAt: AT,
      snapshot: { value: { triage: 'idle' }, context: { lastText: 'hola\u0000 precio\ud800', 'k\u0000ey': ['\udfff', { deep: 'a\u0000b' }], ok: '😀 intact' } },
    };
    const stored = await journal.commit(key, turn, envelope);
    expect(stored.map((l) => l.seq)).toEqual([1, 2]);
    expect(stored[0]?.text).toBe('hola precio\ufffd \ufffdfin');

    const lines = await createSqlTranscriptStore(opened.db).list(key, {});
    expect(lines.map((l) => l.text)).toEqual(['hola precio\ufffd \ufffdfin', 'respuesta']);
    expect(lines[1]?.agentName).toBe('María\ufffd');
    // The stored message id is the one de-duplication will look up (the same cleaning applies).
    expect(lines[0]?.messageId).toBe('in-1');

    const committed = await journal.lastCommitted(key);
    expect(committed.seq).toBe(1);
    const context = (committed.envelope?.snapshot as { context: Record<string, unknown> }).context;
    expect(context).toEqual({ lastText: 'hola precio\ufffd', key: ['\ufffd', { deep: 'ab' }], ok: '😀 intact' });

    // Idempotent as ever: the same turn again writes nothing and answers the stored lines.
    const again = await journal.commit(key, turn, envelope);
    expect(again.map((l) => l.seq)).toEqual([1, 2]);
  });

  it('should append transcript lines and enqueue outbox payloads carrying NUL and unpaired surrogates', async () => {
    const key = { tenantId: `tenant-${randomUUID()}`, conversationId: `c-${randomUUID()}` };
    const transcripts = createSqlTranscriptStore(opened.db);
    const stored = await transcripts.append(key, [{ messageId: 'm\u0000-1', direction: 'in', author: 'customer', channel: 'rest', text: 'a\u0000b\ud800', at: AT }]);
    expect(stored).toHaveLength(1);
    expect((await transcripts.list(key, {})).map((l) => [l.messageId, l.text])).toEqual([['m-1', 'ab\ufffd']]);
    const outbox = createOutboxRepository({ db: opened.db, clock: createManualClock() });
    expect(await outbox.enqueue({ tenantId: key.tenantId, conversationId: key.conversationId, kind: 'handoff.relay', payload: { text: 'hola\u0000\udc00', 'k\u0000': 1 }, idempotencyKey: 'relay:\u0000x' })).toBe(true);
    const rows = await opened.db.em().execute<{ payload: unknown }[]>(`select payload from outbox_entries where tenant_id = ?`, [key.tenantId]);
    const payload = typeof rows[0]?.payload === 'string' ? JSON.parse(rows[0].payload) : rows[0]?.payload;
    expect(payload).toEqual({ text: 'hola\ufffd', k: 1 });
  });
});
