import { describe, expect, it } from 'vitest';
import { assignShards, memberSeed, rendezvousOwner } from '../../../src/runtime/cluster/rendezvous.js';

const SHARDS = 256;
const members = (n: number): string[] => Array.from({ length: n }, (_, i) => `10.0.0.${i + 1}:8080`);

function counts(assignment: (string | null)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of assignment) if (m !== null) out.set(m, (out.get(m) ?? 0) + 1);
  return out;
}

describe('rendezvous hashing', () => {
  it('should give every shard to exactly one live member, the same whatever the order of the list', () => {
    const ids = members(3);
    const a = assignShards(SHARDS, ids);
    const b = assignShards(SHARDS, [...ids].reverse());
    expect(a).toEqual(b);
    expect(a.every((m) => m !== null && ids.includes(m))).toBe(true);
  });

  it('should give nothing when there is no member, everything to a lone member', () => {
    expect(assignShards(4, [])).toEqual([null, null, null, null]);
    expect(assignShards(4, ['a:1'])).toEqual(['a:1', 'a:1', 'a:1', 'a:1']);
  });

  it('should move, when a member joins, only the shards the newcomer now owns', () => {
    for (const n of [1, 2, 3, 5, 8]) {
      const before = assignShards(SHARDS, members(n));
      const newcomer = `10.0.1.${n}:9090`;
      const after = assignShards(SHARDS, [...members(n), newcomer]);
      const moved = before.map((m, s) => (m !== after[s] ? s : -1)).filter((s) => s >= 0);
      // Every moved shard went to the newcomer, and the newcomer got nothing that did not move.
      expect(moved.every((s) => after[s] === newcomer)).toBe(true);
      expect(after.filter((m) => m === newcomer).length).toBe(moved.length);
      // About 1/(n+1) of the shards, not a reshuffle.
      console.log(`join ${n}→${n + 1}: ${moved.length}/${SHARDS} shards moved (ideal ${(SHARDS / (n + 1)).toFixed(1)})`);
      expect(moved.length).toBeGreaterThan((SHARDS / (n + 1)) * 0.5);
      expect(moved.length).toBeLessThan((SHARDS / (n + 1)) * 1.5);
    }
  });

  it('should move, when a member leaves, only that member’s shards', () => {
    const ids = members(4);
    const before = assignShards(SHARDS, ids);
    const leaving = ids[2]!;
    const after = assignShards(SHARDS, ids.filter((m) => m !== leaving));
    for (let s = 0; s < SHARDS; s++) {
      if (before[s] === leaving) expect(after[s]).not.toBe(leaving);
      else expect(after[s]).toBe(before[s]);
    }
  });

  it('should spread shards evenly over members whose ids differ in one character', () => {
    for (const n of [2, 3, 4, 8]) {
      const per = counts(assignShards(SHARDS, members(n)));
      const ideal = SHARDS / n;
      const spread = [...per.values()];
      console.log(`${n} members: ${spread.join(', ')} shards (ideal ${ideal.toFixed(1)})`);
      expect(per.size).toBe(n);
      for (const c of spread) {
        expect(c).toBeGreaterThan(ideal * 0.6);
        expect(c).toBeLessThan(ideal * 1.4);
      }
    }
  });

  it('should be stable across processes (fixed weights, no randomness)', () => {
    const ms = ['a:1', 'b:2', 'c:3'].map((id) => ({ id, seed: memberSeed(id) }));
    const pinned = [0, 1, 2, 17, 255].map((s) => rendezvousOwner(s, ms));
    expect(pinned).toEqual([0, 1, 2, 17, 255].map((s) => rendezvousOwner(s, [...ms].reverse())));
    expect(memberSeed('a:1')).toBe(memberSeed('a:1'));
    expect(pinned).toMatchInlineSnapshot(`
      [
        "a:1",
        "c:3",
        "a:1",
        "a:1",
        "c:3",
      ]
    `);
  });
});
