import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/runtime/shard-router.js';
import { connectRedis } from '../cluster/cluster-harness.js';
import { createMemberSet, freshDatabase, sendMessage, type Member } from '../cluster/member-processes.js';

/**
 * An agent answering through the REST agent route on one cluster member while another member owns
 * the conversation's shard (and runs its turn): the console must still call her "María (API)".
 * Before, the origin was a hint kept in the receiving process, and the owner labelled her
 * "María (Rocket.Chat)". Real member processes, real Redis and PostgreSQL.
 */
const SHARDS = 8;

describe('agent40: the REST agent route across cluster members', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let admin: Redis;
  let set: ReturnType<typeof createMemberSet>;
  let m1: Member;
  let m2: Member;

  beforeAll(async () => {
    admin = await connectRedis();
    database = await freshDatabase();
    set = createMemberSet({ databaseUrl: database.url, leaseMs: 1500, shards: SHARDS, basePort: 25_000 + Math.floor(Math.random() * 4_000) * 2 });
    m1 = await set.start('m1', 0);
    m2 = await set.start('m2', 1);
    // Wait until both members hold shards and the split has settled (unchanged for 3 s).
    let last = '';
    let since = Date.now();
    for (let i = 0; i < 2400; i++) {
      const holders = await set.holders(admin);
      const now = JSON.stringify(holders);
      if (now !== last) [last, since] = [now, Date.now()];
      if (holders.every((h) => h !== null) && holders.includes('m1') && holders.includes('m2') && Date.now() - since > 3_000) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  }, 150_000);

  afterAll(async () => {
    await set?.stopAll();
    if (set && admin) await set.cleanRedis(admin);
    await database?.dispose();
    admin?.disconnect();
  }, 60_000);

  const api = async (port: number, method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { authorization: `Bearer ${set.apiKey}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('should label the holder "María (API)" when the member that runs her line is not the one that received it', async () => {
    const ownerOf = async (id: string) => (await set.holders(admin))[shardOf('ferreteria', id, SHARDS)];
    const view = async (port: number, id: string) => (await api(port, 'GET', `/console/api/tenants/ferreteria/conversations/${id}`)).body as { assignee: { displayName: string } | null; activity: { kind: string; by: string }[] };
    // A customer who asks for a person in a conversation whose shard m2 owns; the agent answers
    // through m1. Shards may still move between members: a try whose shard moved is tried again.
    let proved = 0;
    for (let n = 0; n < 60 && proved < 1; n++) {
      const sender = `agent40-${n}-${Date.now()}`;
      const res = await sendMessage(() => m1.port, set.apiKey, sender, `${sender}-0`, 'quiero hablar con una persona', Date.now() + 30_000);
      expect(res.status).toBe(200);
      const id = (res.body as { conversation_id: string }).conversation_id;
      if ((await ownerOf(id)) !== 'm2') continue;
      const answer = await api(m1.port, 'POST', `/api/tenants/ferreteria/conversations/${id}/agent-messages`, { agent: 'María', text: 'Hola, soy María. ¿En qué le ayudo?' });
      expect(answer.status).toBe(200);
      // The line ran on m2, not on m1 where the route received it (else this try proves nothing).
      if ((await ownerOf(id)) !== 'm2') continue;
      await expect.poll(async () => (await view(m1.port, id)).assignee?.displayName, { timeout: 10_000 }).toBe('María (API)');
      expect((await view(m1.port, id)).activity).toMatchObject([{ kind: 'took', by: 'María (API)' }]);
      // Read on the owner too: the same holder, one line.
      expect((await view(m2.port, id)).activity).toHaveLength(1);
      proved++;
    }
    expect(proved, 'no conversation stayed on m2 while its agent line ran').toBe(1);
  }, 120_000);
});
