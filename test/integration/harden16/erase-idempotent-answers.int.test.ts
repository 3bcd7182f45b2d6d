import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createDurableEnvironment, newSender, REDIS_URL, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from '../durable/durable-harness.js';

/**
 * A REST answer kept for an `Idempotency-Key` holds the bot's replies (personal data) for 24 hours.
 * Before: erasing a contact left them in Redis (and in the embedded process's memory), and the same
 * key sent again replayed the erased conversation's replies. After: the erasure drops every kept
 * answer of the contact's conversations, in both stores; another contact's answers stay.
 */
async function redisValuesUnder(prefix: string): Promise<Map<string, string>> {
  const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await admin.connect(); // throws when Redis is down: never skipped
  try {
    const found = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', createRedisKeys(prefix).allPattern(), 'COUNT', 500);
      cursor = next;
      for (const k of keys) {
        const type = await admin.type(k);
        if (type === 'string') found.set(k, (await admin.get(k)) ?? '');
        else if (type === 'set') found.set(k, (await admin.smembers(k)).join('\n'));
        else if (type === 'hash') found.set(k, JSON.stringify(await admin.hgetall(k)));
      }
    } while (cursor !== '0');
    return found;
  } finally {
    admin.disconnect();
  }
}

describe.each<DurableMode>(['postgres+redis', 'pglite+memory'])('contact erasure with kept Idempotency-Key answers (%s)', (mode) => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  beforeAll(async () => {
    environment = await createDurableEnvironment(mode);
    deployment = await startDeployment(environment);
  }, 60_000);
  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  const post = (sender: string, text: string, key: string) =>
    fetch(`http://127.0.0.1:${deployment.hilo.port}/api/tenants/ferreteria/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ sender, text }),
    });

  it('should drop the erased contact\'s kept answers and keep everyone else\'s', async () => {
    const erased = newSender('erase-idem');
    const kept = newSender('keep-idem');
    const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await post(erased, 'Somos una constructora y queremos comprar al por mayor', k1);
    expect(first.status).toBe(200);
    const { conversation_id: erasedId } = (await first.json()) as { conversation_id: string };
    expect((await post(erased, 'wilfredo.canarioxq@example.do', k2)).status).toBe(200);
    const other = await post(kept, '¿Tienen cemento gris?', k3);
    const { conversation_id: keptId } = (await other.json()) as { conversation_id: string };
    // Kept: the same key and body replays.
    expect((await post(erased, 'wilfredo.canarioxq@example.do', k2)).headers.get('idempotent-replayed')).toBe('true');
    const prefix = environment.env.HILO_REDIS_PREFIX;
    if (prefix) expect([...(await redisValuesUnder(prefix)).values()].filter((v) => v.includes(erasedId)).length).toBeGreaterThan(0);

    const res = await fetch(`http://127.0.0.1:${deployment.hilo.port}/api/tenants/ferreteria/contacts/${erasedId}`, { method: 'DELETE', headers: { authorization: `Bearer ${deployment.hilo.demoApiKey}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { counts: { storedAnswers: number } }).counts.storedAnswers).toBe(2);

    if (prefix) {
      const left = await redisValuesUnder(prefix);
      expect([...left].filter(([, v]) => v.includes(erasedId) || v.includes('canarioxq'))).toEqual([]);
      expect([...left.values()].some((v) => v.includes(keptId))).toBe(true);
    }
    // The erased key is new again (its turn runs, in a new conversation); the other contact's still replays.
    const again = await post(erased, 'wilfredo.canarioxq@example.do', k2);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(((await again.json()) as { conversation_id: string }).conversation_id).not.toBe(erasedId);
    const otherAgain = await post(kept, '¿Tienen cemento gris?', k3);
    expect(otherAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(((await otherAgain.json()) as { conversation_id: string }).conversation_id).toBe(keptId);
  }, 60_000);
});
