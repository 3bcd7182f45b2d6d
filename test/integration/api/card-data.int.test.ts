import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createTestDatabase } from '../durable/durable-harness.js';

/**
 * A card number typed into the chat never reaches storage: one real turn over REST on a real
 * PostgreSQL, then every row of every table is read back as text and searched for the number,
 * its expiry and its security code. The transcript row holds the masked text and the customer got
 * the warning before the answer.
 */
const CARD = '4111 1111 1111 1111';
const TEXT = `quiero pagar mi cuenta con la tarjeta ${CARD} vence 08/27 cvv 737`;

describe('card numbers never stored (PostgreSQL)', () => {
  let server: TestServer;
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startHiloForTest({ env: { HILO_STORAGE: 'durable', DATABASE_URL: db.url } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('should store, answer and journal only the masked text, and warn the customer first', async () => {
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: 'card-int-1', text: TEXT }),
    });
    const body = (await res.json()) as { conversation_id: string; messages: { author: string; text: string; direction?: string }[] };
    expect(res.status, JSON.stringify(body)).toBe(200);
    // Random ids (conversation, message UUIDs) are hex and may hold "737" or "4111" by chance: left out.
    const raw = JSON.stringify(body).replace(/c_[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    expect(raw).not.toContain('4111');
    expect(raw).not.toContain('737');
    const bot = body.messages.filter((m) => m.author === 'bot');
    expect(bot[0]?.text).toContain('oculté el número de tarjeta');

    const orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: db.url, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true, logger: () => undefined, pool: { min: 0, max: 1 } });
    try {
      const conn = orm.em.getConnection();
      const transcript = (await conn.execute("select * from messages where direction = 'in'", [], 'all')) as Record<string, unknown>[];
      expect(transcript.map((r) => r.text)).toEqual([`quiero pagar mi cuenta con la tarjeta **** **** **** 1111 vence **/** cvv ***`]);
      const tables = (await conn.execute("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'", [], 'all')) as { table_name: string }[];
      expect(tables.length).toBeGreaterThan(10);
      let rows = 0;
      for (const { table_name } of tables) {
        const dump = (await conn.execute(`select t::text as row from "${table_name}" t`, [], 'all')) as { row: string }[];
        rows += dump.length;
        for (const { row } of dump) {
          expect(row.replace(/\D/g, ''), table_name).not.toContain('4111111111111111');
          expect(row, table_name).not.toMatch(/08\/27|cvv 737/);
        }
      }
      expect(rows).toBeGreaterThan(3);
    } finally {
      await orm.close(true);
    }
  });
});
