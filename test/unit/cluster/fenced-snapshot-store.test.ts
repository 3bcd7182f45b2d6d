import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemorySnapshotStore } from '../../../src/persistence/memory/memory-snapshot-store.js';
import type { FencedStore, FenceReason, ShardFence } from '../../../src/persistence/ports/shard-fence.js';
import type { SnapshotEnvelope, SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import { createClusterShardRouter, type HeldShard } from '../../../src/runtime/cluster/cluster-router.js';
import { createFencedSnapshotStore } from '../../../src/runtime/cluster/fenced-snapshot-store.js';

const key = { tenantId: 't', conversationId: 'c' };
const env = (seq: number, epoch: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch, seq, savedAt: '2026-12-03T12:00:00.000Z', snapshot: {} });

function setup() {
  const clock = createManualClock();
  const states: (HeldShard | undefined)[] = new Array<HeldShard | undefined>(4).fill(undefined);
  const router = createClusterShardRouter({ memberId: 'a:1', shardCount: 4, clock, states });
  const shard = router.shardOf(key.tenantId, key.conversationId);
  const refusals: { shard: number; store: FencedStore; reason: FenceReason }[] = [];
  const fence: ShardFence = {
    writer: (k) => {
      const s = router.shardOf(k.tenantId, k.conversationId);
      return { shard: s, epoch: router.ownership(s)?.epoch ?? null };
    },
    refused: (s, store, reason) => refusals.push({ shard: s, store, reason }),
  };
  const inner: SnapshotStore = createMemorySnapshotStore({ clock });
  const hold = (epoch: number, validFor = 1000, state: HeldShard['state'] = 'owned') => {
    states[shard] = { state, epoch, validUntil: clock.now() + validFor, ownership: { epoch } };
  };
  return { clock, router, shard, refusals, inner, store: createFencedSnapshotStore(inner, fence), hold, states };
}

describe('cluster shard router', () => {
  it('should own a shard only while the lease is valid by the member’s clock, and take work only while not handing it over', () => {
    const { clock, router, shard, hold } = setup();
    expect(router.ownership(shard)).toBeNull();
    hold(3);
    expect(router.ownership(shard)).toEqual({ epoch: 3 });
    expect(router.ownership(shard)).toBe(router.ownership(shard)); // no allocation per turn
    expect(router.accepts(shard)).toBe(true);
    hold(3, 1000, 'draining');
    expect(router.ownership(shard)).toEqual({ epoch: 3 }); // in-flight turns still commit
    expect(router.accepts(shard)).toBe(false);
    clock.advance(1000);
    expect(router.ownership(shard)).toBeNull();
    expect(router.held()).toEqual(new Map([[shard, { epoch: 3, state: 'draining' }]]));
  });
});

describe('fenced snapshot store', () => {
  it('should write under a valid lease, passing the envelope through', async () => {
    const { store, inner, hold } = setup();
    hold(2);
    expect(await store.put(key, env(1, 2))).toEqual({ ok: true });
    expect(await inner.get(key)).toMatchObject({ seq: 1, epoch: 2 });
  });

  it('should refuse without writing when the lease lapsed', async () => {
    const { store, inner, hold, clock, refusals, shard } = setup();
    hold(2);
    clock.advance(5000);
    await expect(store.put(key, env(1, 2))).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED' });
    expect(refusals).toEqual([{ shard, store: 'snapshot', reason: 'lease_lapsed' }]);
    expect(await inner.get(key)).toBeNull();
  });

  it('should turn a lower epoch refused by the store into HILO_ERR_SHARD_FENCED, and pass a stale seq through', async () => {
    const { store, inner, hold, refusals, shard } = setup();
    await inner.put(key, env(5, 7));
    hold(6);
    await expect(store.put(key, env(6, 6))).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED', details: { reason: 'epoch' } });
    expect(refusals).toEqual([{ shard, store: 'snapshot', reason: 'epoch' }]);
    hold(7);
    expect(await store.put(key, env(5, 7))).toEqual({ ok: false, reason: 'stale_seq', current: { seq: 5, epoch: 7 } });
    expect(refusals.length).toBe(1);
    expect(await inner.get(key)).toMatchObject({ seq: 5, epoch: 7 });
  });
});
