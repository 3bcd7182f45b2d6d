import { readFileSync } from 'node:fs';
import type { RedisClient } from '../../persistence/redis/redis-connection.js';
import type { ClusterKeys } from './cluster-keys.js';

/** The `.lua` files sit next to this module both in `src/` and in `dist/` (copy-assets). */
function script(name: string): string {
  return readFileSync(new URL(`./scripts/${name}`, import.meta.url), 'utf8');
}

const COMMANDS = {
  hiloLeaseAcquire2: { numberOfKeys: 2, file: 'acquire-lease-2.lua' },
  hiloLeaseRenew1: { numberOfKeys: 1, file: 'renew-lease-1.lua' },
  hiloLeaseRelease1: { numberOfKeys: 1, file: 'release-lease-1.lua' },
  hiloHeartbeat2: { numberOfKeys: 2, file: 'heartbeat-2.lua' },
  hiloLeave2: { numberOfKeys: 2, file: 'leave-2.lua' },
} as const;

let sources: Record<keyof typeof COMMANDS, string> | undefined;

type Call = (...args: (string | number)[]) => Promise<unknown>;

/** What one lease acquisition found: acquired (this token holds it now) or the current holder. */
export interface AcquireResult {
  acquired: boolean;
  /** The holder's token ('' when the lease was free but the answer raced its expiry). */
  holder: string;
  epoch: number;
}

/**
 * The cluster's Redis side: membership heartbeats and the shard leases, each one Lua script
 * (`scripts/*.lua`). A batch of shards is one command per shard, all sent at once (one round
 * trip per reconcile step) — not one pipeline, which Redis Cluster clients refuse across slots.
 * The client belongs to the caller; each member has its own connection.
 */
export interface ClusterRedis {
  heartbeat(memberId: string, ttlMs: number, info: string): Promise<string[]>;
  /** The live members without heartbeating. */
  liveMembers(): Promise<string[]>;
  leave(memberId: string): Promise<void>;
  acquire(shards: readonly { shard: number; floor: number }[], token: string, ttlMs: number): Promise<Map<number, AcquireResult>>;
  /** Shard → renewed (still this token's). */
  renew(shards: readonly number[], token: string, ttlMs: number): Promise<Map<number, boolean>>;
  release(shards: readonly number[], token: string): Promise<Map<number, boolean>>;
  /** Each shard's holder token (null: free) and epoch, for `/health` and tests. */
  holders(shards: readonly number[]): Promise<Map<number, { holder: string | null; epoch: number }>>;
}

export function createClusterRedis(redis: RedisClient, keys: ClusterKeys): ClusterRedis {
  sources ??= Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, script(c.file)])) as Record<keyof typeof COMMANDS, string>;
  for (const [name, c] of Object.entries(COMMANDS)) {
    redis.defineCommand(name, { numberOfKeys: c.numberOfKeys, lua: sources[name as keyof typeof COMMANDS] });
  }
  const call = (name: keyof typeof COMMANDS): Call => ((redis as unknown as Record<string, Call>)[name] as Call).bind(redis);

  return {
    async heartbeat(memberId, ttlMs, info) {
      return (await call('hiloHeartbeat2')(keys.members, keys.memberInfo, memberId, ttlMs, info)) as string[];
    },
    async liveMembers() {
      return (await call('hiloHeartbeat2')(keys.members, keys.memberInfo, '', 0, '')) as string[];
    },
    async leave(memberId) {
      await call('hiloLeave2')(keys.members, keys.memberInfo, memberId);
    },
    async acquire(shards, token, ttlMs) {
      const out = new Map<number, AcquireResult>();
      if (shards.length === 0) return out;
      const replies = await Promise.all(shards.map((s) => call('hiloLeaseAcquire2')(keys.lease(s.shard), keys.epoch(s.shard), token, ttlMs, s.floor)));
      shards.forEach((s, i) => {
        const [ok, holder, epoch] = replies[i] as [number, string, string];
        out.set(s.shard, { acquired: ok === 1, holder, epoch: Number(epoch) });
      });
      return out;
    },
    async renew(shards, token, ttlMs) {
      const out = new Map<number, boolean>();
      if (shards.length === 0) return out;
      const replies = await Promise.all(shards.map((shard) => call('hiloLeaseRenew1')(keys.lease(shard), token, ttlMs)));
      shards.forEach((shard, i) => out.set(shard, replies[i] === 1));
      return out;
    },
    async release(shards, token) {
      const out = new Map<number, boolean>();
      if (shards.length === 0) return out;
      const replies = await Promise.all(shards.map((shard) => call('hiloLeaseRelease1')(keys.lease(shard), token)));
      shards.forEach((shard, i) => out.set(shard, replies[i] === 1));
      return out;
    },
    async holders(shards) {
      const out = new Map<number, { holder: string | null; epoch: number }>();
      if (shards.length === 0) return out;
      // Lease and epoch share the shard's slot: one MGET per shard.
      const replies = (await Promise.all(shards.map((shard) => redis.mget(keys.lease(shard), keys.epoch(shard))))).flat();
      shards.forEach((shard, i) => out.set(shard, { holder: (replies[2 * i] as string | null) ?? null, epoch: Number(replies[2 * i + 1] ?? 0) }));
      return out;
    },
  };
}
