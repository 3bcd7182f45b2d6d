import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { MIGRATIONS, openDatabase, type Database } from '../../../src/persistence/sql/index.js';
import { adminExecute, POSTGRES_URL } from './sql-backends.js';

/**
 * Issue 13: cluster members started together all open the same empty PostgreSQL database and
 * run the migrations at once. Each `openDatabase` has its own pool (its own sessions), exactly as
 * separate processes do; they must serialise on the migration lock, not race on `create table`.
 */
describe('migrations run by several members at once on one fresh PostgreSQL database', () => {
  const dropped: string[] = [];
  afterAll(async () => {
    for (const name of dropped) await adminExecute(`drop database if exists ${name} with (force)`);
  });

  it('should apply every migration exactly once while three migrators start at the same time', async () => {
    const dbName = `hilo_test_${randomBytes(6).toString('hex')}`;
    await adminExecute(`create database ${dbName}`);
    dropped.push(dbName);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${dbName}`;
    const started = Date.now();
    const results = await Promise.allSettled([0, 1, 2].map(() => openDatabase({ url: url.toString(), logger: createSilentLogger() })));
    const opened = results.filter((r): r is PromiseFulfilledResult<Database> => r.status === 'fulfilled').map((r) => r.value);
    try {
      const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
      console.log(`3 concurrent migrators: ${opened.length} opened, ${failures.length} failed, ${Date.now() - started} ms`);
      expect(failures).toEqual([]);
      const rows = await opened[0]!.em().execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      for (const db of opened) expect(await db.orm.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      for (const db of opened) await db.close();
    }
  });
});
