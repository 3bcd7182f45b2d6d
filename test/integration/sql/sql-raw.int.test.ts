import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotStatement, queryRaw, withRawTransaction } from '../../../src/persistence/sql/sql-raw.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const COUNTER = hotStatement('test_counter', `select value from tenant_counters where tenant_id = $1 and name = $2`);

/** The driver path of the hot statements (sql-raw.ts) on PGlite and PostgreSQL. */
describe.each(SQL_BACKENDS)('raw SQL path on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  const counter = async (tenantId: string): Promise<number | null> => (await queryRaw<{ value: number }>(opened.db, COUNTER, [tenantId, 'n']))[0]?.value ?? null;

  it('should prepare a named statement once per connection on PostgreSQL and leave it unnamed on PGlite', async () => {
    const tenant = `t-${randomUUID()}`;
    await queryRaw(opened.db, `insert into tenant_counters (tenant_id, name, value) values ($1, 'n', 7)`, [tenant]);
    // Many executions, several at once: the pool lends different connections, each parses it once.
    const values = await Promise.all(Array.from({ length: 12 }, () => counter(tenant)));
    expect(values).toEqual(Array.from({ length: 12 }, () => 7));
    // On one connection: the statement run, then that session's prepared statements.
    const prepared = await withRawTransaction(opened.db, async (query) => {
      expect((await query<{ value: number }>(COUNTER, [tenant, 'n']))[0]?.value).toBe(7);
      return query<{ name: string }>(`select name from pg_prepared_statements where name = $1`, [COUNTER.name]);
    });
    expect(prepared.length).toBe(opened.db.kind === 'postgres' ? 1 : 0);
  });

  it('should commit a raw transaction as a whole and roll one back as a whole, leaving the connection usable', async () => {
    const tenant = `t-${randomUUID()}`;
    await withRawTransaction(opened.db, async (query) => {
      await query(`insert into tenant_counters (tenant_id, name, value) values ($1, 'n', 1)`, [tenant]);
      await query(`update tenant_counters set value = value + 1 where tenant_id = $1 and name = 'n'`, [tenant]);
    });
    expect(await counter(tenant)).toBe(2);

    const failing = withRawTransaction(opened.db, async (query) => {
      await query(`update tenant_counters set value = 100 where tenant_id = $1 and name = 'n'`, [tenant]);
      await query(`insert into tenant_counters (tenant_id, name, value) values ($1, 'n', 1)`, [tenant]); // duplicate key
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await counter(tenant)).toBe(2);
    // The connection went back to the pool outside any transaction: an ORM query after it still works.
    const rows = await opened.db.em().execute<{ value: number }[]>(`select value from tenant_counters where tenant_id = ? and name = 'n'`, [tenant]);
    expect(rows[0]?.value).toBe(2);
  });
});
