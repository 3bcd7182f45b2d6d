import { describe, expect, it } from 'vitest';
import { createMemorySnapshotStore } from '../../../src/persistence/memory/memory-snapshot-store.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/memory/memory-transcript-store.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { makeEnvelope, runSnapshotStoreContract, uniqueKey } from '../../contract/snapshot-store.contract.js';
import { runTranscriptStoreContract } from '../../contract/transcript-store.contract.js';

const clock = createManualClock();

runSnapshotStoreContract({
  name: 'memory',
  create: async () => createMemorySnapshotStore({ clock }),
  destroy: (store) => store.close(),
  clock,
});

runTranscriptStoreContract({
  name: 'memory',
  create: async () => createMemoryTranscriptStore(),
  destroy: (store) => store.close(),
});

describe('createMemorySnapshotStore', () => {
  it('should reject a non-positive or non-finite TTL', async () => {
    const store = createMemorySnapshotStore({ clock: createManualClock() });
    await expect(store.put(uniqueKey(), makeEnvelope(1), { ttlSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(store.put(uniqueKey(), makeEnvelope(1), { ttlSeconds: Number.POSITIVE_INFINITY })).rejects.toThrow(RangeError);
  });

  it('should keep separate stores independent', async () => {
    const a = createMemorySnapshotStore();
    const b = createMemorySnapshotStore();
    const key = uniqueKey();
    await a.put(key, makeEnvelope(1));
    expect(await b.get(key)).toBeNull();
  });
});

describe('createMemoryTranscriptStore', () => {
  it('should reject a negative or fractional limit', async () => {
    const store = createMemoryTranscriptStore();
    await expect(store.list(uniqueKey(), { limit: -1 })).rejects.toThrow(RangeError);
    await expect(store.list(uniqueKey(), { limit: 1.5 })).rejects.toThrow(RangeError);
  });
});
