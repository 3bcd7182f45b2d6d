import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryAgentStores } from '../../../src/persistence/memory/memory-agent-accounts.js';
import { createMemoryAgentNotes } from '../../../src/persistence/memory/memory-agent-notes.js';
import { createMemoryConversationAssignments } from '../../../src/persistence/memory/memory-conversation-assignments.js';
import { runAgentAccountsContract } from '../../contract/agent-accounts.contract.js';
import { runAgentNotesContract } from '../../contract/agent-notes.contract.js';
import { runConsoleActivityContract } from '../../contract/console-activity.contract.js';
import { createMemoryConsoleActivity } from '../../../src/persistence/memory/memory-console-activity.js';
import { runConversationAssignmentsContract } from '../../contract/conversation-assignments.contract.js';

runAgentAccountsContract('memory', async () => createMemoryAgentStores({ clock: createManualClock() }));
runConversationAssignmentsContract('memory', async () => createMemoryConversationAssignments());
runAgentNotesContract('memory', async () => createMemoryAgentNotes());
runConsoleActivityContract('memory', async () => createMemoryConsoleActivity());
