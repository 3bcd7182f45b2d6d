import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sayOverRest, startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createTestDatabase } from '../durable/durable-harness.js';

/**
 * `GET /api/tenants/{t}/conversations`: newest activity first, paged with a stable cursor,
 * filterable by top-level state, authenticated like the rest of the tenant API — on all-in-memory
 * storage and on a real PostgreSQL (the `conversations` table the turn journal writes).
 */
const modes = [
  { name: 'memory', env: async () => ({ env: {}, drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    env: async () => {
      const db = await createTestDatabase();
      return { env: { HILO_STORAGE: 'durable', DATABASE_URL: db.url }, drop: db.drop };
    },
  },
] as const;

for (const mode of modes) {
  describe(`conversation list (${mode.name})`, () => {
    let server: TestServer;
    let drop: () => Promise<void> = async () => {};
    const get = async (path: string, key = server.apiKey) => {
      const res = await fetch(server.baseUrl + path, { headers: { authorization: `Bearer ${key}` } });
      return { status: res.status, json: (await res.json()) as any };
    };
    const say = (sender: string, text: string) => sayOverRest(server, sender, text);

    beforeAll(async () => {
      const made = await mode.env();
      drop = made.drop;
      server = await startHiloForTest({ env: { ...made.env } });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await drop();
    });

    it('should page through every conversation newest first and filter by state', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await say(`list-${mode.name}-${i}`, '¿A qué hora abren el domingo?')).conversation_id);
      const handoff = (await say(`list-${mode.name}-human`, 'quiero hablar con una persona')).conversation_id;

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await get(`/api/tenants/ferreteria/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.json.conversations.length).toBeLessThanOrEqual(2);
        seen.push(...page.json.conversations.map((c: { conversation_id: string }) => c.conversation_id));
        cursor = page.json.next;
        pages++;
      } while (cursor && pages < 10);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(0, 1)).toEqual([handoff]);
      expect([...seen].sort()).toEqual([...ids, handoff].sort());
      expect(pages).toBe(3);

      const inHandoff = await get('/api/tenants/ferreteria/conversations?state=handoff');
      expect(inHandoff.status).toBe(200);
      expect(inHandoff.json.conversations.map((c: { conversation_id: string }) => c.conversation_id)).toEqual([handoff]);
      expect(inHandoff.json.conversations[0]).toMatchObject({ state: 'handoff' });
      expect(inHandoff.json.conversations[0].messages).toBeGreaterThanOrEqual(2);
      expect(inHandoff.json.next).toBeNull();
    });

    it('should refuse bad parameters and wrong keys with coded errors', async () => {
      expect((await get('/api/tenants/ferreteria/conversations?limit=0')).json.error.code).toBe('HILO_ERR_HTTP_VALIDATION');
      expect((await get('/api/tenants/ferreteria/conversations?cursor=nonsense')).json.error.code).toBe('HILO_ERR_HTTP_VALIDATION');
      expect((await get('/api/tenants/ferreteria/conversations?state=a%20b')).status).toBe(400);
      const wrong = await get('/api/tenants/ferreteria/conversations', 'not-the-key-at-all-123');
      expect(wrong.status).toBe(403);
      expect(wrong.json.error.code).toBe('HILO_ERR_AUTH_INVALID');
      expect((await get('/api/tenants/nope/conversations')).status).toBe(404);
    });
  });
}
