import { createMemoryTranscriptStore } from '../../../src/persistence/memory/memory-transcript-store.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import { runTurnJournalContract } from '../../contract/turn-journal.contract.js';

// The in-memory journal (HILO_STORAGE=memory, and the test hosts) over the in-memory transcript store.
runTurnJournalContract({
  name: 'memory',
  create: async () => {
    const transcripts = createMemoryTranscriptStore();
    return { journal: createTranscriptTurnJournal(transcripts), transcripts };
  },
  destroy: ({ transcripts }) => transcripts.close(),
});
