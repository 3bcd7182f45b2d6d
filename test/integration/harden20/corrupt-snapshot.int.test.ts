import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createDurableEnvironment, newSender, REDIS_URL, startDeployment, type DurableDeployment, type DurableEnvironment } from '../durable/durable-harness.js';

/**
 * A conversation's snapshot in Redis overwritten by something no Hilo store wrote (an operator's
 * SET, a bad restore, a half-migrated key). Before harden20 every later message of that customer
 * answered `500 HILO_ERR_SNAPSHOT_CORRUPT`, for good, though PostgreSQL's journal held the last
 * committed state; now the conversation goes on from that copy (nothing committed is lost, a
 * warn log without customer words) and another conversation is untouched.
 */
const TENANT = 'ferreteria';

describe('a corrupt conversation snapshot in Redis (real Redis + PostgreSQL)', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let admin: Redis;

  beforeAll(async () => {
    environment = await createDurableEnvironment('postgres+redis');
    deployment = await startDeployment(environment);
    admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  }, 90_000);
  afterAll(async () => {
    await deployment?.close();
    admin?.disconnect();
    await environment?.destroy();
  }, 60_000);

  const post = async (sender: string, text: string) => {
    const res = await fetch(`http://127.0.0.1:${deployment.hilo.port}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { authorization: `Bearer ${deployment.config.demoApiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    return { status: res.status, body: (await res.json()) as { conversation_id?: string; messages?: { author: string; text: string }[]; error?: { code: string } } };
  };

  type Corrupt = (redis: Redis, key: string) => Promise<unknown>;
  it.each<[string, Corrupt]>([
    ['a string key, not a hash', (r, k) => r.set(k, 'garbage{{{')],
    ['a hash whose env is not JSON', (r, k) => r.hset(k, 'env', 'garbage{{{')],
    ['a hash lacking its seq', (r, k) => r.hdel(k, 'seq')],
    ['a hash whose env is JSON of another shape', (r, k) => r.hset(k, 'env', JSON.stringify({ hello: 'world' }))],
  ])('should go on from the journal’s copy when the snapshot is %s', async (_label, corrupt) => {
    const sender = newSender('h20-corrupt');
    const bystander = newSender('h20-bystander');
    const first = await post(sender, 'Somos una constructora y queremos comprar al por mayor');
    expect(first.status).toBe(200);
    expect((await post(bystander, 'hola')).status).toBe(200);
    const key = { tenantId: TENANT, conversationId: first.body.conversation_id! };
    const snapshotKey = createRedisKeys(deployment.config.redisPrefix).snapshot(key);
    expect(await admin.exists(snapshotKey)).toBe(1);
    await corrupt(admin, snapshotKey);
    await deployment.hilo.host.evict(TENANT, key.conversationId);
    const next = await post(sender, 'Me llamo Wilfredo Canario');
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.conversation_id).toBe(key.conversationId);
    // The lead the first turn started is still there: the reply asks for what is missing, not the business again.
    const transcript = (await (await fetch(`http://127.0.0.1:${deployment.hilo.port}/api/tenants/${TENANT}/conversations/${key.conversationId}`, { headers: { authorization: `Bearer ${deployment.config.demoApiKey}` } })).json()) as { transcript: { author: string }[] };
    expect(transcript.transcript.filter((l) => l.author === 'customer').length).toBe(2);
    expect((await post(bystander, 'tienen cemento?')).status).toBe(200);
  }, 60_000);
});
