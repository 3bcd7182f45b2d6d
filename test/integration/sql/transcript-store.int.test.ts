import { afterAll, beforeAll, describe } from 'vitest';
import { createSqlTranscriptStore } from '../../../src/persistence/sql/index.js';
import { runTranscriptStoreContract } from '../../contract/transcript-store.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

describe.each(SQL_BACKENDS)('SQL transcript store on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  // Every test of the suite uses its own random tenant; the database goes away in afterAll.
  runTranscriptStoreContract({
    name: backend.name,
    create: async () => createSqlTranscriptStore(opened.db),
    destroy: (store) => store.close(),
  });
});
