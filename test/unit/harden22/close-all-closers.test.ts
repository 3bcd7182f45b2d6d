import { describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { createMemorySnapshotStore } from '../../../src/persistence/memory/memory-snapshot-store.js';
import { startHiloForTest } from '../../helpers/hilo-server.js';

describe('shutdown runs every closer even when one fails', () => {
  it('should close the stores and the gateway after a brain whose close rejects, and report that failure', async () => {
    const inner = createMemorySnapshotStore();
    let snapshotsClosed = 0;
    const snapshots = { ...inner, close: async () => { snapshotsClosed++; await inner.close(); } };
    const server = await startHiloForTest({
      snapshots,
      createBrain: async (data, context) => ({ brain: createRuleBrain({ tenant: data, ...(context?.classifier ? { classifier: context.classifier } : {}) }), close: async () => { throw new Error('the LLM pool would not close'); } }),
    });
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(200);
    await health.text();
    await expect(server.hilo.close()).rejects.toThrow(/the LLM pool would not close|resources failed to close/);
    // The snapshot store is closed after the brains (it was opened before them).
    expect(snapshotsClosed).toBe(1);
    await expect(fetch(`${server.baseUrl}/health`)).rejects.toThrow();
  });
});
