import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { loadConfig, type HiloConfig } from '../../../src/runtime/config.js';
import { openStorage, startHilo, type Hilo, type HiloStorage } from '../../../src/runtime/hilo.js';
import { enableIdentityCache } from '../../../src/persistence/sql/index.js';
import { createLogger, createSilentLogger } from '../../../src/kernel/logger.js';

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Runs one statement on the server's maintenance database; throws (never skips) when PostgreSQL is down. */
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

/** Creates a fresh database; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hilo_durable_${randomBytes(6).toString('hex')}`;
  await adminExecute(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminExecute(`drop database if exists ${name} with (force)`) };
}

/** Deletes every key under a prefix; throws when Redis is down. */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3_000, retryStrategy: () => null });
  try {
    await admin.connect();
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', createRedisKeys(prefix).allPattern(), 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await admin.del(...keys);
    } while (cursor !== '0');
  } finally {
    admin.disconnect();
  }
}

export type DurableMode = 'postgres+redis' | 'pglite+memory';

/**
 * The stores of one test file: a fresh PostgreSQL database and Redis prefix, or a fresh PGlite
 * directory (in-memory snapshots). Tests inside use their own senders (conversations).
 */
export interface DurableEnvironment {
  readonly mode: DurableMode;
  readonly env: Record<string, string>;
  /** Removes the database / directory and the Redis keys. */
  destroy(): Promise<void>;
}

export async function createDurableEnvironment(mode: DurableMode): Promise<DurableEnvironment> {
  if (mode === 'postgres+redis') {
    const db = await createTestDatabase();
    const prefix = `hilo-test-${randomBytes(6).toString('hex')}`;
    return {
      mode,
      env: { DATABASE_URL: db.url, REDIS_URL, HILO_REDIS_PREFIX: prefix },
      async destroy() {
        await db.drop();
        await deleteRedisPrefix(prefix);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'hilo-durable-'));
  return { mode, env: { HILO_DATA_DIR: dir }, destroy: () => rm(dir, { recursive: true, force: true }) };
}

/** A runtime on a durable environment, on a manual clock, that can be restarted on the same stores. */
export interface DurableDeployment {
  readonly mode: DurableMode;
  readonly clock: ReturnType<typeof createManualClock>;
  readonly config: HiloConfig;
  hilo: Hilo;
  storage: HiloStorage;
  /** Closes the runtime and (unless `keepStorage`) the stores, then starts both again. */
  restart(options?: { keepStorage?: boolean; wrap?: (storage: HiloStorage) => HiloStorage }): Promise<Hilo>;
  /** Closes the runtime and the stores. */
  close(): Promise<void>;
}

export async function startDeployment(environment: DurableEnvironment, env: Record<string, string> = {}): Promise<DurableDeployment> {
  const clock = createManualClock();
  const logger = process.env.HILO_TEST_LOGS ? createLogger({ level: 'debug' }) : createSilentLogger();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
    HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
    // Team hours off unless a test turns them on: its clock may be moved into closed hours.
    HILO_TEAM_HOURS: 'off',
    // New PGlite folders start from the suite's cached empty cluster (vitest.config.ts).
    ...(process.env.HILO_PGLITE_INITDB_CACHE ? { HILO_PGLITE_INITDB_CACHE: process.env.HILO_PGLITE_INITDB_CACHE } : {}),
    // Trained classifiers from the suite's model cache (vitest.config.ts), not ./data/models.
    ...(process.env.HILO_MODEL_CACHE ? { HILO_MODEL_CACHE: process.env.HILO_MODEL_CACHE } : {}),
    ...environment.env,
    ...env,
  });
  const storage = await openStorage(config, { clock, logger });
  // As startHilo does for stores it opens itself in one process: resolved identities are remembered.
  if (storage.db) enableIdentityCache(storage.db);
  let hilo: Hilo;
  try {
    hilo = await startHilo({ config, clock, logger, storage });
  } catch (err) {
    await storage.close();
    throw err;
  }
  const deployment: DurableDeployment = {
    mode: environment.mode,
    clock,
    config,
    hilo,
    storage,
    async restart(options = {}) {
      await deployment.hilo.close();
      let next = deployment.storage;
      if (!options.keepStorage) {
        await deployment.storage.close();
        next = await openStorage(config, { clock, logger });
        if (next.db) enableIdentityCache(next.db);
        deployment.storage = next;
      }
      deployment.hilo = await startHilo({ config, clock, logger, storage: options.wrap ? options.wrap(next) : next });
      return deployment.hilo;
    },
    async close() {
      await deployment.hilo.close();
      await deployment.storage.close();
    },
  };
  return deployment;
}

let senders = 0;
/** A sender id no other test uses. */
export function newSender(label: string): string {
  return `${label}-${process.pid}-${++senders}-${randomBytes(3).toString('hex')}`;
}
