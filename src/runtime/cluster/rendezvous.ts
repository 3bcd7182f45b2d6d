import { fnv1a32 } from '../shard-router.js';

/** Murmur3's 32-bit finaliser: spreads FNV's weak low bits, so similar member ids weigh unrelated. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The member's hash, computed once per member (the per-shard weight only mixes in the shard). */
export function memberSeed(memberId: string): number {
  return fmix32(fnv1a32(memberId));
}

/** Rendezvous (highest-random-weight) weight of a member for a shard: stable on every member and process. */
export function rendezvousWeight(seed: number, shard: number): number {
  return fmix32((seed ^ Math.imul(shard + 1, 0x9e3779b1)) >>> 0);
}

/**
 * The member a shard belongs to among `members`: the one with the highest weight (ties: the
 * smaller id). When a member joins, only the shards it now weighs highest move — to it; when one
 * leaves, only its shards move, each to its own runner-up. So every member computes the same
 * assignment from the same member list, and a change moves the fewest shards possible.
 */
export function rendezvousOwner(shard: number, members: readonly { id: string; seed: number }[]): string | null {
  let best: string | null = null;
  let bestWeight = -1;
  for (const m of members) {
    const w = rendezvousWeight(m.seed, shard);
    if (w > bestWeight || (w === bestWeight && best !== null && m.id < best)) {
      best = m.id;
      bestWeight = w;
    }
  }
  return best;
}

/**
 * The whole assignment: shard → member id, for shards `0..shardCount-1`.
 *
 * @example
 * assignShards(256, ['10.0.0.1:8080', '10.0.0.2:8080'])[17] // the member that should own shard 17
 */
export function assignShards(shardCount: number, memberIds: readonly string[]): (string | null)[] {
  const members = [...new Set(memberIds)].map((id) => ({ id, seed: memberSeed(id) }));
  const out: (string | null)[] = new Array<string | null>(shardCount);
  for (let shard = 0; shard < shardCount; shard++) out[shard] = rendezvousOwner(shard, members);
  return out;
}
