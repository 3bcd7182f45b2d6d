import { randomBytes } from 'node:crypto';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { openDatabase, type Database } from '../../../src/persistence/sql/index.js';

/** The server the integration tests use; a fresh database is created on it per suite. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface OpenedTestDatabase {
  db: Database;
  /** Closes the database and removes everything the suite wrote. */
  dispose(): Promise<void>;
}

export interface SqlBackend {
  name: 'postgres' | 'pglite';
  open(): Promise<OpenedTestDatabase>;
}

/**
 * Runs `sql` on the server's maintenance connection (the database named in `POSTGRES_URL`).
 * Throws when PostgreSQL is unreachable: these tests must fail loudly, never skip.
 */
export async function adminExecute(sql: string): Promise<void> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: POSTGRES_URL,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    ensureDatabase: false,
    allowGlobalContext: true,
    logger: () => undefined,
    pool: { min: 0, max: 1 },
  });
  try {
    const check = await orm.checkConnection();
    if (!check.ok) throw new Error(`PostgreSQL at ${POSTGRES_URL} is unreachable: ${check.reason}`, { cause: check.error });
    await orm.em.getConnection().execute(sql, [], 'run');
  } finally {
    await orm.close(true);
  }
}

export const postgresBackend: SqlBackend = {
  name: 'postgres',
  async open() {
    const dbName = `hilo_test_${randomBytes(6).toString('hex')}`;
    await adminExecute(`create database ${dbName}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${dbName}`;
    try {
      const db = await openDatabase({ url: url.toString(), logger: createSilentLogger() });
      return {
        db,
        async dispose() {
          await db.close();
          await adminExecute(`drop database if exists ${dbName} with (force)`);
        },
      };
    } catch (err) {
      await adminExecute(`drop database if exists ${dbName} with (force)`);
      throw err;
    }
  },
};

export const pgliteBackend: SqlBackend = {
  name: 'pglite',
  async open() {
    const cache = process.env.HILO_PGLITE_INITDB_CACHE;
    const db = await openDatabase({ dataDir: 'memory://', logger: createSilentLogger(), ...(cache ? { initdbCacheDir: cache } : {}) });
    return { db, dispose: () => db.close() };
  },
};

/** Both backends: every SQL integration test runs `describe.each(SQL_BACKENDS)`. */
export const SQL_BACKENDS: SqlBackend[] = [postgresBackend, pgliteBackend];
