import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSqlAgentStores } from '../../../src/persistence/sql/agent-accounts.repository.js';
import { createSqlAgentNotes } from '../../../src/persistence/sql/agent-notes.repository.js';
import { createSqlConversationAssignments } from '../../../src/persistence/sql/conversation-assignments.repository.js';
import { createSqlTicketStore } from '../../../src/persistence/sql/sql-records.js';
import { runAgentAccountsContract } from '../../contract/agent-accounts.contract.js';
import { runAgentNotesContract } from '../../contract/agent-notes.contract.js';
import { runConsoleActivityContract } from '../../contract/console-activity.contract.js';
import { createSqlConsoleActivity } from '../../../src/persistence/sql/console-activity.repository.js';
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
  runConsoleActivityContract(backend.name, async () => createSqlConsoleActivity({ db: await database() }));

  it('should store a handoff ticket\'s 1–5 rating with the ticket, per tenant', async () => {
    const tickets = createSqlTicketStore({ db: await database(), clock: createManualClock() });
    const tenantId = `t_rating_${backend.name}`;
    const ticket = await tickets.open({ tenantId, conversationId: 'c1', kind: 'handoff', reason: 'customer_request', summary: 's', idempotencyKey: 'k1' });
    expect((await tickets.list(tenantId))[0]?.rating).toBeNull();
    expect(await tickets.rate!(tenantId, ticket.ticketId, 4)).toBe(true);
    expect(await tickets.rate!(tenantId, ticket.ticketId, 5)).toBe(true);
    expect(await tickets.rate!('other-tenant', ticket.ticketId, 1)).toBe(false);
    expect(await tickets.rate!(tenantId, ticket.ticketId, 9)).toBe(false);
    expect((await tickets.list(tenantId))[0]?.rating).toBe(5);
  });
});
