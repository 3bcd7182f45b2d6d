import { describe, expect, it } from 'vitest';
import { createLocalShardRouter, fnv1a32, shardOf } from '../../../src/runtime/shard-router.js';

describe('shard router', () => {
  it('should hash with FNV-1a 32 (known vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('should place a conversation on the same shard every time and within range', () => {
    const router = createLocalShardRouter({ shardCount: 256 });
    for (let i = 0; i < 1000; i++) {
      const s = router.shardOf('ferreteria', `c_${i}`);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(256);
      expect(router.shardOf('ferreteria', `c_${i}`)).toBe(s);
    }
  });

  it('should spread conversations evenly over shards', () => {
    const counts = new Array(16).fill(0) as number[];
    for (let i = 0; i < 16_000; i++) counts[shardOf('t', `conversation-${i}`, 16)]!++;
    for (const c of counts) {
      expect(c).toBeGreaterThan(800);
      expect(c).toBeLessThan(1200);
    }
  });

  it('should keep tenants apart: the same conversation id under two tenants is a different key', () => {
    const hits = new Set<number>();
    for (const t of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) hits.add(shardOf(t, 'same-id', 256));
    expect(hits.size).toBeGreaterThan(1);
  });

  it('should own every shard locally with epoch 0 in one process', () => {
    const router = createLocalShardRouter({ shardCount: 4 });
    expect(router.ownership(3)).toEqual({ epoch: 0 });
  });

  it('should reject a shard count out of range', () => {
    expect(() => createLocalShardRouter({ shardCount: 0 })).toThrow(RangeError);
    expect(() => createLocalShardRouter({ shardCount: 1.5 })).toThrow(RangeError);
  });
});
