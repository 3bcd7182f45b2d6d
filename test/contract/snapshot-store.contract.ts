import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationKey, SnapshotEnvelope, SnapshotStore } from '../../src/persistence/ports/snapshot-store.js';
import { SNAPSHOT_FORMAT_VERSION } from '../../src/persistence/ports/snapshot-store.js';

export interface SnapshotStoreContractOptions<S extends SnapshotStore = SnapshotStore> {
  name: string;
  create: () => Promise<S>;
  /** Closes the store and removes whatever it wrote. */
  destroy: (store: S) => Promise<void>;
  /**
   * Capability flag for TTL: with a manual clock the suite expires entries by advancing it (the
   * store must have been created with this clock); without one it uses a short real TTL and
   * polls until the backend (e.g. Redis `PX`) has dropped the entry.
   */
  clock?: { advance(ms: number): void };
}

/** A fresh key per call: each test owns its tenant and conversation. */
export function uniqueKey(label = 'conv'): ConversationKey {
  return { tenantId: `tenant-${randomUUID()}`, conversationId: `${label}-${randomUUID()}` };
}

export function makeEnvelope(seq: number, epoch = 1, snapshot: unknown = { value: `state-${seq}` }): SnapshotEnvelope {
  return {
    v: SNAPSHOT_FORMAT_VERSION,
    machineVersion: 3,
    epoch,
    seq,
    savedAt: `2026-11-22T12:00:00.${String(Math.abs(Math.trunc(seq)) % 1000).padStart(3, '0')}Z`,
    snapshot,
  };
}

/** Polls `check` until it returns true; fails loudly when the deadline passes. */
async function eventually(check: () => Promise<boolean>, what: string, deadlineMs = 10_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - start > deadlineMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The one conformance suite every `SnapshotStore` passes (in-memory, Redis, ...).
 *
 * @example
 * runSnapshotStoreContract({ name: 'memory', create: async () => createMemorySnapshotStore({ clock }), destroy: (s) => s.close(), clock });
 */
export function runSnapshotStoreContract<S extends SnapshotStore>(options: SnapshotStoreContractOptions<S>): void {
  describe(`SnapshotStore contract: ${options.name}`, () => {
    let store: S;

    beforeEach(async () => {
      store = await options.create();
    });

    afterEach(async () => {
      await options.destroy(store);
    });

    it('should return null for a key that was never written', async () => {
      expect(await store.get(uniqueKey())).toBeNull();
    });

    it('should round-trip an envelope as a deep-equal copy, not the same object', async () => {
      const key = uniqueKey();
      const envelope = makeEnvelope(1, 1, { value: 'triage', context: { tags: ['a', 'b'], n: 1.5, flag: null } });
      expect(await store.put(key, envelope)).toEqual({ ok: true });

      const loaded = await store.get(key);
      expect(loaded).toEqual(envelope);
      expect(loaded).not.toBe(envelope);
      expect(loaded?.snapshot).not.toBe(envelope.snapshot);
    });

    it('should not let later mutation of the caller object change what is stored', async () => {
      const key = uniqueKey();
      const snapshot = { value: 'triage', context: { count: 1 } };
      await store.put(key, makeEnvelope(1, 1, snapshot));
      snapshot.context.count = 99;

      const first = await store.get(key);
      expect(first?.snapshot).toEqual({ value: 'triage', context: { count: 1 } });
      (first?.snapshot as { context: { count: number } }).context.count = 42;
      expect((await store.get(key))?.snapshot).toEqual({ value: 'triage', context: { count: 1 } });
    });

    it('should accept growing seqs and keep the latest envelope', async () => {
      const key = uniqueKey();
      expect(await store.put(key, makeEnvelope(1))).toEqual({ ok: true });
      expect(await store.put(key, makeEnvelope(2))).toEqual({ ok: true });
      expect(await store.put(key, makeEnvelope(7))).toEqual({ ok: true });
      expect(await store.get(key)).toEqual(makeEnvelope(7));
    });

    it('should reject an equal or lower seq with stale_seq and the current values', async () => {
      const key = uniqueKey();
      await store.put(key, makeEnvelope(5, 2));

      expect(await store.put(key, makeEnvelope(5, 2, { value: 'retry' }))).toEqual({
        ok: false,
        reason: 'stale_seq',
        current: { seq: 5, epoch: 2 },
      });
      expect(await store.put(key, makeEnvelope(4, 2))).toEqual({ ok: false, reason: 'stale_seq', current: { seq: 5, epoch: 2 } });
      // A higher epoch does not excuse a seq that does not grow.
      expect(await store.put(key, makeEnvelope(3, 9))).toEqual({ ok: false, reason: 'stale_seq', current: { seq: 5, epoch: 2 } });
      expect(await store.get(key)).toEqual(makeEnvelope(5, 2));
    });

    it('should reject a lower epoch with stale_epoch even when its seq is higher', async () => {
      const key = uniqueKey();
      await store.put(key, makeEnvelope(5, 3));

      expect(await store.put(key, makeEnvelope(6, 2))).toEqual({ ok: false, reason: 'stale_epoch', current: { seq: 5, epoch: 3 } });
      expect(await store.put(key, makeEnvelope(100, 0))).toEqual({ ok: false, reason: 'stale_epoch', current: { seq: 5, epoch: 3 } });
      expect(await store.get(key)).toEqual(makeEnvelope(5, 3));
    });

    it('should accept a higher epoch with a higher seq and then fence off the old epoch', async () => {
      const key = uniqueKey();
      await store.put(key, makeEnvelope(5, 1));
      expect(await store.put(key, makeEnvelope(6, 2))).toEqual({ ok: true });
      expect(await store.get(key)).toEqual(makeEnvelope(6, 2));
      expect(await store.put(key, makeEnvelope(7, 1))).toEqual({ ok: false, reason: 'stale_epoch', current: { seq: 6, epoch: 2 } });
      expect(await store.put(key, makeEnvelope(7, 2))).toEqual({ ok: true });
    });

    it('should keep the same conversation id apart under two tenants', async () => {
      const conversationId = `shared-${randomUUID()}`;
      const a: ConversationKey = { tenantId: `tenant-a-${randomUUID()}`, conversationId };
      const b: ConversationKey = { tenantId: `tenant-b-${randomUUID()}`, conversationId };

      await store.put(a, makeEnvelope(10, 1, { owner: 'a' }));
      expect(await store.get(b)).toBeNull();
      // b's history starts from scratch: a's seq 10 must not make b's seq 1 stale.
      expect(await store.put(b, makeEnvelope(1, 1, { owner: 'b' }))).toEqual({ ok: true });

      expect((await store.get(a))?.snapshot).toEqual({ owner: 'a' });
      expect((await store.get(b))?.snapshot).toEqual({ owner: 'b' });
      await store.delete(a);
      expect(await store.get(a)).toBeNull();
      expect((await store.get(b))?.snapshot).toEqual({ owner: 'b' });
    });

    it('should keep conversations of one tenant apart', async () => {
      const tenantId = `tenant-${randomUUID()}`;
      const one: ConversationKey = { tenantId, conversationId: 'c-1' };
      const two: ConversationKey = { tenantId, conversationId: 'c-2' };
      await store.put(one, makeEnvelope(3, 1, { who: 1 }));
      expect(await store.get(two)).toBeNull();
      await store.put(two, makeEnvelope(1, 1, { who: 2 }));
      expect((await store.get(one))?.snapshot).toEqual({ who: 1 });
      expect((await store.get(two))?.snapshot).toEqual({ who: 2 });
    });

    it('should not confuse ids that only differ in where a separator falls', async () => {
      const suffix = randomUUID();
      const left: ConversationKey = { tenantId: `a:${suffix}`, conversationId: 'b:c' };
      const right: ConversationKey = { tenantId: `a:${suffix}:b`, conversationId: 'c' };
      await store.put(left, makeEnvelope(2, 1, { side: 'left' }));
      expect(await store.get(right)).toBeNull();
      expect(await store.put(right, makeEnvelope(1, 1, { side: 'right' }))).toEqual({ ok: true });
      expect((await store.get(left))?.snapshot).toEqual({ side: 'left' });
      await store.delete(left);
      await store.delete(right);
    });

    it('should delete an envelope so that the next put starts a new history', async () => {
      const key = uniqueKey();
      await store.put(key, makeEnvelope(4, 2));
      await store.delete(key);
      expect(await store.get(key)).toBeNull();
      expect(await store.put(key, makeEnvelope(1, 1))).toEqual({ ok: true });
      expect(await store.get(key)).toEqual(makeEnvelope(1, 1));
    });

    it('should treat deleting a missing key as a no-op', async () => {
      await expect(store.delete(uniqueKey())).resolves.toBeUndefined();
    });

    it('should let exactly one of many concurrent puts with the same seq win', async () => {
      const key = uniqueKey();
      await store.put(key, makeEnvelope(1));
      const writers = Array.from({ length: 12 }, (_, i) => store.put(key, makeEnvelope(2, 1, { writer: i })));
      const results = await Promise.all(writers);

      const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const result of results) {
        if (!result.ok) expect(result).toEqual({ ok: false, reason: 'stale_seq', current: { seq: 2, epoch: 1 } });
      }
      expect((await store.get(key))?.snapshot).toEqual({ writer: winners[0] });
    });

    it('should round-trip a 200 KB snapshot', async () => {
      const key = uniqueKey();
      const messages = Array.from({ length: 2_000 }, (_, i) => ({ i, text: `mensaje ${i} `.padEnd(100, 'x') }));
      const envelope = makeEnvelope(1, 1, { value: 'answering', context: { messages } });
      expect(JSON.stringify(envelope).length).toBeGreaterThan(200_000);

      await store.put(key, envelope);
      expect(await store.get(key)).toEqual(envelope);
    });

    it('should round-trip unicode text and ids unchanged', async () => {
      const key: ConversationKey = { tenantId: `tienda-ñandú-${randomUUID()}`, conversationId: `conversación-💬-{x}-${randomUUID()}` };
      const snapshot = {
        text: '¡Hola! ¿Cómo estás? Te escribo desde Santo Domingo 🇩🇴 — café ☕, 日本語, עברית, emoji 👩🏽‍💻',
        lone: 'tab\tnewline\nquote"backslash\\',
      };
      await store.put(key, makeEnvelope(1, 1, snapshot));
      expect((await store.get(key))?.snapshot).toEqual(snapshot);
      await store.delete(key);
    });

    it('should allow close() to be called more than once', async () => {
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('should throw on a seq or epoch that is not a non-negative integer', async () => {
      const key = uniqueKey();
      await expect(store.put(key, makeEnvelope(Number.NaN))).rejects.toThrow(RangeError);
      await expect(store.put(key, makeEnvelope(1.5))).rejects.toThrow(RangeError);
      await expect(store.put(key, makeEnvelope(1, -1))).rejects.toThrow(RangeError);
      expect(await store.get(key)).toBeNull();
    });

    const clock = options.clock;
    if (clock !== undefined) {
      it('should expire an envelope when its TTL has passed on the clock', async () => {
        const key = uniqueKey();
        const kept = uniqueKey();
        await store.put(key, makeEnvelope(1), { ttlSeconds: 60 });
        await store.put(kept, makeEnvelope(1));

        clock.advance(59_000);
        expect(await store.get(key)).toEqual(makeEnvelope(1));
        clock.advance(1_000);
        expect(await store.get(key)).toBeNull();
        expect(await store.get(kept)).toEqual(makeEnvelope(1));
        // An expired envelope no longer fences: the history starts again.
        expect(await store.put(key, makeEnvelope(1))).toEqual({ ok: true });
      });

      it('should renew the TTL on each put and drop it when a put has none', async () => {
        const key = uniqueKey();
        await store.put(key, makeEnvelope(1), { ttlSeconds: 60 });
        clock.advance(50_000);
        await store.put(key, makeEnvelope(2), { ttlSeconds: 60 });
        clock.advance(50_000);
        expect((await store.get(key))?.seq).toBe(2);
        await store.put(key, makeEnvelope(3));
        clock.advance(3_600_000);
        expect((await store.get(key))?.seq).toBe(3);
      });
    } else {
      it('should expire an envelope after its (short, real) TTL', async () => {
        const key = uniqueKey();
        const long = uniqueKey();
        const kept = uniqueKey();
        await store.put(key, makeEnvelope(1), { ttlSeconds: 0.2 });
        await store.put(long, makeEnvelope(1), { ttlSeconds: 3_600 });
        await store.put(kept, makeEnvelope(1));

        await eventually(async () => (await store.get(key)) === null, 'the 200 ms TTL to expire');
        expect(await store.get(long)).toEqual(makeEnvelope(1));
        expect(await store.get(kept)).toEqual(makeEnvelope(1));
        expect(await store.put(key, makeEnvelope(1))).toEqual({ ok: true });
        await store.delete(key);
        await store.delete(long);
        await store.delete(kept);
      });

      it('should drop the TTL when a later put has none', async () => {
        const key = uniqueKey();
        await store.put(key, makeEnvelope(1), { ttlSeconds: 0.2 });
        await store.put(key, makeEnvelope(2));
        // Outlive the first TTL by a wide margin: a correct store still has seq 2.
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect((await store.get(key))?.seq).toBe(2);
        await store.delete(key);
      });
    }
  });
}
