import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';

const T0 = Date.parse('2026-12-06T12:00:00.000Z');

const turnOf = (seq: number): TurnRecord => ({
  seq,
  inboundMessageId: `in-${seq}`,
  entries: [
    { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel: 'rest', text: `pregunta ${seq}`, at: new Date(T0 + seq * 1000).toISOString() },
    { messageId: `out-${seq}`, direction: 'out', author: 'bot', channel: 'rest', text: `respuesta ${seq}`, at: new Date(T0 + seq * 1000).toISOString() },
  ],
  phase: 'triage',
  idleCloseAt: null,
});
const envelopeOf = (seq: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch: 0, seq, savedAt: new Date(T0 + seq * 1000).toISOString(), snapshot: { context: { seq } } });

/**
 * The journal's own PostgreSQL connection (database.ts `journalConnection`): the group commit's
 * statements run on it, and when PostgreSQL drops it the next commit opens a new one.
 */
describe('SQL turn journal on its own PostgreSQL connection', () => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await postgresBackend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  /** Backends of this database other than the ORM connection asking. */
  const otherBackends = async (): Promise<number[]> =>
    (await opened.db.em().execute<{ pid: number }[]>(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)).map((r) => r.pid);

  it('should commit on a connection of its own and commit again after PostgreSQL terminated it', async () => {
    expect(opened.db.journalConnection).toBeDefined();
    const journal = createSqlTurnJournal(opened.db);
    const key = { tenantId: 'ferreteria', conversationId: `c-${randomUUID()}` };
    const before = new Set(await otherBackends());
    expect((await journal.commit(key, turnOf(1), envelopeOf(1))).map((l) => l.seq)).toEqual([1, 2]);
    // The journal's connection is a backend the ORM's pool did not have before the commit.
    const journalBackends = (await otherBackends()).filter((pid) => !before.has(pid));
    expect(journalBackends.length).toBe(1);

    await opened.db.em().execute(`select pg_terminate_backend(${journalBackends[0]})`);
    // The driver learns of the termination when the server's notice arrives; a commit sent before
    // that fails like any commit on a broken connection (the host answers HILO_ERR_TURN_FAILED, the retry completes it).
    let failures = 0;
    for (;;) {
      try {
        expect((await journal.commit(key, turnOf(2), envelopeOf(2))).map((l) => l.seq)).toEqual([3, 4]);
        break;
      } catch (err) {
        failures++;
        if (failures > 1) throw err;
      }
    }
    expect(await journal.lastCommitted(key)).toEqual({ seq: 2, envelope: envelopeOf(2) });
    expect((await otherBackends()).includes(journalBackends[0] as number)).toBe(false);
  });
});
