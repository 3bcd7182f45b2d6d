import { afterAll, beforeAll, describe } from 'vitest';
import { createSqlContactDirectory, createSqlLeadStore, createSqlTicketStore } from '../../../src/persistence/sql/sql-records.js';
import { runRecordsContract } from '../../contract/records.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

/**
 * The records ports on real PostgreSQL and on PGlite: the same contract as the memory records
 * (test/unit/persistence/memory-records.test.ts). PostgreSQL unreachable fails the suite loudly.
 */
describe.each(SQL_BACKENDS)('SQL records on $name', (backend) => {
  let opened: OpenedTestDatabase | undefined;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  runRecordsContract({
    name: backend.name,
    create: async (clock) => {
      if (opened === undefined) throw new Error(`${backend.name} database did not open`);
      const { db } = opened;
      return { tickets: createSqlTicketStore({ db, clock }), leads: createSqlLeadStore({ db, clock }), directory: createSqlContactDirectory({ db, clock }) };
    },
  });
});
