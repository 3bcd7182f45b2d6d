import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { runRecordsContract } from '../../contract/records.contract.js';

/** The embedded in-memory records: the same contract as SQL (test/integration/sql/records.int.test.ts). */
runRecordsContract({
  name: 'memory',
  create: async (clock) => ({
    tickets: createMemoryTicketStore({ clock }),
    leads: createMemoryLeadStore({ clock }),
    directory: createMemoryContactDirectory(),
  }),
});
