import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { HiloError } from '../../../src/kernel/errors.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import type { RedisClient } from '../../../src/persistence/redis/redis-connection.js';
import { ClusterService, createClusterKeys, type InboxEntry, type InboxWork } from '../../../src/runtime/cluster/index.js';
import type { ClusterShardRouter } from '../../../src/runtime/cluster/cluster-router.js';

/**
 * Two members on one fake Redis: XADDs are kept for the test to hand to the owner, PUBLISH
 * reaches every subscriber of the channel. Enough for the request → owner → reply round trip.
 */
function createBus() {
  const subscribers: { channels: Set<string>; emitter: EventEmitter }[] = [];
  const appended: { shard: string; fields: string[] }[] = [];
  const commands = {
    xadd: async (key: string, _id: string, ...fields: string[]) => {
      appended.push({ shard: key, fields });
      return `${appended.length}-0`;
    },
    publish: async (channel: string, text: string) => {
      for (const s of subscribers) if (s.channels.has(channel)) queueMicrotask(() => s.emitter.emit('message', channel, text));
      return 1;
    },
    isCluster: false,
  };
  const subscriber = () => {
    const emitter = new EventEmitter();
    const s = { channels: new Set<string>(), emitter };
    subscribers.push(s);
    return Object.assign(emitter, {
      subscribe: async (...channels: string[]) => channels.forEach((c) => s.channels.add(c)),
      unsubscribe: async (...channels: string[]) => channels.forEach((c) => s.channels.delete(c)),
    });
  };
  return { redis: commands as unknown as RedisClient, subscriber: () => subscriber() as unknown as RedisClient, appended };
}

const router = { shardOf: () => 3, ownership: () => ({ epoch: 1 }) } as unknown as ClusterShardRouter;

function member(memberId: string, bus: ReturnType<typeof createBus>, host: Partial<ConversationHost>): ClusterService {
  return new ClusterService({
    host: { hasTenant: () => true, resolveConversation: async () => 'conv-1', ...host } as ConversationHost,
    router,
    memberId,
    keys: createClusterKeys('hilo-unit', 'test'),
    redis: bus.redis,
    subscriber: bus.subscriber(),
    answerTimeoutMs: 5_000,
    logger: createSilentLogger(),
  });
}

/** The entry the owner's inbox would read back from the last append. */
function lastEntry(bus: ReturnType<typeof createBus>): InboxEntry {
  const fields = bus.appended.at(-1)!.fields;
  const get = (name: string) => fields[fields.indexOf(name) + 1]!;
  return { id: '1-0', shard: 3, work: JSON.parse(get('w')) as InboxWork, requestId: get('r'), replyTo: get('m'), claimed: false };
}

describe('ClusterService › an error answered by the shard owner', () => {
  it('should reach the member that took the request with its code, status and details (the idempotency conflict’s seq)', async () => {
    const bus = createBus();
    const caller = member('a', bus, {});
    const owner = member('b', bus, {
      handleMessage: async () => {
        throw new HiloError('HILO_ERR_IDEMPOTENCY_CONFLICT', undefined, { details: { seq: 7 } });
      },
    });
    await caller.start();
    await owner.start();
    const answer = caller.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 's1', text: 'otra cosa', messageId: 'rest:m1' });
    answer.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    expect(await owner.run(lastEntry(bus))).toBe('ack');
    await expect(answer).rejects.toMatchObject({ code: 'HILO_ERR_IDEMPOTENCY_CONFLICT', status: 409, details: { seq: 7 } });
    expect(JSON.parse(JSON.stringify(await answer.catch((e: HiloError) => e)))).toEqual({ error: expect.objectContaining({ code: 'HILO_ERR_IDEMPOTENCY_CONFLICT', details: { seq: 7 } }) });
  });

  it('should forward an agent action’s refusal with its details, and still hide what is not a HiloError', async () => {
    const bus = createBus();
    const caller = member('a', bus, {});
    let fail: () => never = () => {
      throw new HiloError('HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', 'No handoff.', { details: { state: 'triage' } });
    };
    const owner = member('b', bus, { resolveHandoff: async () => fail() });
    await caller.start();
    await owner.start();
    const refused = caller.resolveHandoff('ferreteria', 'conv-1', 'Ana', 'listo');
    refused.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await owner.run(lastEntry(bus));
    await expect(refused).rejects.toMatchObject({ code: 'HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', message: 'No handoff.', details: { state: 'triage' } });

    fail = () => {
      throw Object.assign(new Error('secret connection string postgres://u:p@h'), { details: { leaked: true } });
    };
    const broken = caller.resolveHandoff('ferreteria', 'conv-1', 'Ana', 'listo');
    broken.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await owner.run(lastEntry(bus));
    const err = (await broken.catch((e: unknown) => e)) as HiloError;
    expect(err).toMatchObject({ code: 'HILO_ERR_INTERNAL', message: 'Internal error.', details: undefined });
  });
});
