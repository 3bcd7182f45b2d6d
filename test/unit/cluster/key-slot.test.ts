import { describe, expect, it } from 'vitest';
import { createClusterKeys } from '../../../src/runtime/cluster/cluster-keys.js';
import { keySlot } from '../../../src/runtime/cluster/key-slot.js';

describe('keySlot', () => {
  it('should give the slots Redis Cluster gives (CLUSTER KEYSLOT)', () => {
    // Values from the Redis documentation and the CRC16-XMODEM check value (0x31C3 for "123456789").
    expect(keySlot('123456789')).toBe(0x31c3 % 16384);
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('hello')).toBe(866);
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
  });

  it('should hash the whole key when the braces are empty or unclosed, as Redis does', () => {
    expect(keySlot('foo{}{bar}')).toBe(keySlot('foo{}{bar}'));
    expect(keySlot('foo{}{bar}')).not.toBe(keySlot('bar'));
    expect(keySlot('foo{{bar}}zap')).toBe(keySlot('{bar'));
    expect(keySlot('foo{bar}{zap}')).toBe(keySlot('bar'));
    expect(keySlot('x{y')).toBe(keySlot('x{y'));
  });

  it('should put every key of one shard in one slot', () => {
    const keys = createClusterKeys('hilo', 'default');
    for (const shard of [0, 17, 255]) expect(new Set([keys.lease(shard), keys.epoch(shard), keys.inbox(shard)].map(keySlot)).size).toBe(1);
    expect(keySlot(keys.members)).toBe(keySlot(keys.memberInfo));
  });
});
