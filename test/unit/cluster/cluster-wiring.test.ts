import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { describeHolders, InboxWork, shardRanges } from '../../../src/runtime/cluster/index.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo } from '../../../src/runtime/hilo.js';

describe('cluster wiring', () => {
  it('refuses to start a member without REDIS_URL and a PostgreSQL DATABASE_URL (coded error)', async () => {
    const cluster = { cluster: 'default', memberId: 'm1', leaseMs: 1500 };
    for (const env of [{ HILO_STORAGE: 'memory' }, { REDIS_URL: 'redis://127.0.0.1:6379' }, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }]) {
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
      await expect(startHilo({ config, logger: createSilentLogger(), cluster })).rejects.toMatchObject({ code: 'HILO_ERR_CLUSTER_STORES_REQUIRED' });
    }
  });

  it('summarises shards as ranges, by member, with epochs', () => {
    expect(shardRanges([5, 0, 1, 2, 7, 8, 10])).toBe('0-2,5,7-8,10');
    expect(shardRanges([])).toBe('');
    const view = describeHolders(
      new Map([
        [0, { holder: 'a#x', epoch: 3 }],
        [1, { holder: 'a#x', epoch: 5 }],
        [2, { holder: null, epoch: 2 }],
        [3, { holder: 'b#y', epoch: 1 }],
      ]),
      ['a', 'b'],
      Date.now(),
    );
    const s = view.summary('a', new Map([[0, { epoch: 3, state: 'owned' }], [1, { epoch: 5, state: 'draining' }]]), false) as Record<string, any>;
    expect(s.shardsByMember).toEqual({ a: { live: true, shards: 2, ranges: '0-1', epochs: { min: 3, max: 5 } }, b: { live: true, shards: 1, ranges: '3', epochs: { min: 1, max: 1 } } });
    expect(s.unheld).toEqual({ shards: 1, ranges: '2' });
    expect(s.held).toEqual({ shards: 2, ranges: '0-1', draining: 1 });
    expect(s.shards).toBeUndefined();
    expect((view.summary('a', new Map(), true) as Record<string, any>).shards).toContainEqual({ shard: 3, holder: 'b', epoch: 1 });
  });

  it('validates inbox entries: a message needs its id, agent work its name, timers their seq', () => {
    const key = { tenantId: 't', conversationId: 'c' };
    expect(InboxWork.safeParse({ k: 'msg', ...key, message: { tenantId: 't', channel: 'rest', senderId: 's', messageId: 'm1', text: 'hola' } }).success).toBe(true);
    expect(InboxWork.safeParse({ k: 'msg', ...key, message: { tenantId: 't', channel: 'rest', senderId: 's', text: 'hola' } }).success).toBe(false);
    expect(InboxWork.safeParse({ k: 'agent', ...key, op: 'message', agentName: '', text: 'x' }).success).toBe(false);
    expect(InboxWork.safeParse({ k: 'idle', ...key, seq: -1 }).success).toBe(false);
    expect(InboxWork.safeParse({ k: 'other', ...key }).success).toBe(false);
  });
});
