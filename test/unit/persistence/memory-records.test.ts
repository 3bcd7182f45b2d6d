import { describe, expect, it } from 'vitest';
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

describe('memory contact directory', () => {
  it('should still know a thread after its only identity was linked to another thread', async () => {
    const directory = createMemoryContactDirectory();
    const first = await directory.resolve('t1', 'whatsapp', '18095550101');
    const second = await directory.resolve('t1', 'web', 'visitor-a');
    expect(await directory.linkIdentity!('t1', second, 'whatsapp', '18095550101')).toBe(true);
    expect(await directory.resolve('t1', 'whatsapp', '18095550101')).toBe(second);
    // No identity points at `first` now, yet it was created here: it can take a linked identity.
    expect(await directory.linkIdentity!('t1', first, 'telegram', 'tg-1')).toBe(true);
    expect(await directory.resolve('t1', 'telegram', 'tg-1')).toBe(first);
    // Another tenant never knows it.
    expect(await directory.linkIdentity!('t2', first, 'telegram', 'tg-2')).toBe(false);
  });

  it('should name the first identity seen for a thread when none can carry a code', async () => {
    const directory = createMemoryContactDirectory();
    const thread = await directory.resolve('t1', 'web', 'visitor-a');
    expect(await directory.linkIdentity!('t1', thread, 'web', 'visitor-b')).toBe(true);
    await directory.rememberFacts!('t1', thread, { email: 'ana@example.com' });
    const other = await directory.resolve('t1', 'web', 'visitor-c');
    expect(await directory.findOtherThread!('t1', other, { email: 'ANA@example.com' })).toEqual({ conversationId: thread, channel: 'web', externalId: 'visitor-a' });
  });
});
