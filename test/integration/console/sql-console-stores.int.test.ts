import { afterAll, describe } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSqlAgentStores } from '../../../src/persistence/sql/agent-accounts.repository.js';
import { createSqlAgentNotes } from '../../../src/persistence/sql/agent-notes.repository.js';
import { createSqlConversationAssignments } from '../../../src/persistence/sql/conversation-assignments.repository.js';
import { runAgentAccountsContract } from '../../contract/agent-accounts.contract.js';
import { runAgentNotesContract } from '../../contract/agent-notes.contract.js';
import { runConversationAssignmentsContract } from '../../contract/conversation-assignments.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

describe.each(SQL_BACKENDS)('SQL console stores on $name', (backend) => {
  let shared: Promise<OpenedTestDatabase> | null = null;
  afterAll(async () => {
    if (shared) await (await shared).dispose();
  });
  const database = async () => (await (shared ??= backend.open())).db;
  runAgentAccountsContract(backend.name, async () => createSqlAgentStores({ db: await database(), clock: createManualClock() }));
  runConversationAssignmentsContract(backend.name, async () => createSqlConversationAssignments({ db: await database() }));
  runAgentNotesContract(backend.name, async () => createSqlAgentNotes({ db: await database() }));
});
