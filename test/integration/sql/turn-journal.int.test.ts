import { afterAll, beforeAll, describe } from 'vitest';
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
