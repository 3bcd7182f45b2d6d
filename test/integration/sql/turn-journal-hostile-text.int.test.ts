import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src/actors/conversation-host.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import type { SnapshotEnvelope } from '../../../src/persistence/snapshot-store.js';
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
});
