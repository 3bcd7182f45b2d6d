import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import type { MediaReference } from '../../../src/domain/media.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

const T0 = Date.parse('2026-12-03T12:00:00.000Z');
const AT = new Date(T0).toISOString();

const PHOTO: MediaReference = { kind: 'image', id: '1479537139650973', mimeType: 'image/jpeg', caption: 'este' };
const DOC: MediaReference = { kind: 'document', url: 'https://api.twilio.com/m/1', mimeType: 'application/pdf', size: 2048, fileName: 'lista.pdf' };

function mediaTurn(seq: number, media: MediaReference[]): TurnRecord {
  return {
    seq,
    inboundMessageId: `in-${seq}`,
    entries: [
      { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel: 'whatsapp', text: media[0]?.caption ?? '', at: AT, media },
      { messageId: `out-${seq}`, direction: 'out', author: 'bot', channel: 'whatsapp', text: '¡Gracias por la foto!', at: AT, lang: 'es' },
    ],
    phase: 'triage',
    idleCloseAt: null,
  };
}

const envelope = (seq: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch: 0, seq, savedAt: AT, snapshot: { value: { triage: 'idle' }, context: {} } });

describe.each(SQL_BACKENDS)('media references in SQL on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  const newKey = () => ({ tenantId: `tenant-${randomUUID()}`, conversationId: `c-${randomUUID()}` });

  it('should keep a turn’s media through the journal, its recovery path and the transcript store', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    const first = await journal.commit(key, mediaTurn(1, [PHOTO, DOC]), envelope(1));
    expect(first[0]!.media).toEqual([PHOTO, DOC]);
    expect(first[1]!.media).toBeUndefined();
    // The same turn again is answered from what SQL stored (the recovery read).
    const again = await journal.commit(key, mediaTurn(1, [PHOTO, DOC]), envelope(1));
    expect(again).toEqual(first);
    const lines = await createSqlTranscriptStore(opened.db).list(key);
    expect(lines.map((l) => l.media ?? null)).toEqual([[PHOTO, DOC], null]);
  });

  it('should append media through the transcript store and clean a NUL from a file name', async () => {
    const store = createSqlTranscriptStore(opened.db);
    const key = newKey();
    await store.append(key, [{ messageId: 'in-a', direction: 'in', author: 'customer', channel: 'telegram', text: '', at: AT, media: [{ kind: 'document', id: 'BQAC', fileName: 'fac\u0000tura.pdf' }] }]);
    const [line] = await store.list(key);
    expect(line!.media).toEqual([{ kind: 'document', id: 'BQAC', fileName: 'factura.pdf' }]);
  });
});
