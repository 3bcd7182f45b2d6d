import { encodeKeyPart } from '../../persistence/redis/keys.js';

/**
 * Every Redis key of the cluster, built in one place (next to `persistence/redis/keys.ts`, same
 * prefix). Membership keys share one hash tag per cluster; each shard's lease and epoch share the
 * shard's own tag, so in Redis Cluster the acquisition script (lease + epoch) stays in one slot
 * while the shards spread over every node.
 *
 * @example
 * createClusterKeys('hilo', 'default').lease(17) // 'hilo:{c:default:s:17}:lease'
 */
export function createClusterKeys(prefix: string, cluster: string) {
  const c = encodeKeyPart(cluster);
  const shardTag = (shard: number): string => `{c:${c}:s:${shard}}`;
  return {
    /** Sorted set: member id → heartbeat expiry (ms, Redis server clock). */
    members: `${prefix}:{c:${c}}:members`,
    /** Hash: member id → the JSON the member describes itself with. */
    memberInfo: `${prefix}:{c:${c}}:member-info`,
    /** String: the holder's token, with the lease TTL. */
    lease: (shard: number): string => `${prefix}:${shardTag(shard)}:lease`,
    /** Integer: the shard's epoch counter (the current holder's epoch), never expires. */
    epoch: (shard: number): string => `${prefix}:${shardTag(shard)}:epoch`,
    /** Stream: the shard's accepted, not yet committed work (durable routing), read by its owner's consumer group. */
    inbox: (shard: number): string => `${prefix}:${shardTag(shard)}:inbox`,
    /** Pub/sub channel: "work was appended to shard N" (the message), waking the owner's per-slot reads. */
    inboxKick: `${prefix}:{c:${c}}:inbox-kick`,
    /** Pub/sub channel: "a turn of this conversation committed, in this state" (agent consoles on every member). */
    consoleTurns: `${prefix}:{c:${c}}:console-turns`,
    /** Pub/sub channel: answers to the requests a member is waiting for. */
    replies: (memberId: string): string => `${prefix}:{c:${c}}:replies:${encodeKeyPart(memberId)}`,
    /** Pub/sub channel: live updates of the shard's conversations, for members holding their sockets. */
    updates: (shard: number): string => `${prefix}:{c:${c}}:updates:${shard}`,
    /** Pub/sub channel: "outbox rows were written", for the member running the outbox worker. */
    outboxKick: `${prefix}:{c:${c}}:outbox-kick`,
  };
}

export type ClusterKeys = ReturnType<typeof createClusterKeys>;
