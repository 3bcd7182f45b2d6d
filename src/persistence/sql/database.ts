import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { HiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { ALL_ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { migratedTemplate, needsInitdb } from './pglite-template.js';

export interface OpenDatabaseOptions {
  /** `postgres://…`: a real PostgreSQL server. Absent: embedded PGlite. */
  url?: string;
  /** PGlite data directory (default `./data/pglite`); `memory://` keeps everything in memory. */
  dataDir?: string;
  logger: Logger;
  /** Log every SQL statement at debug level. */
  debug?: boolean;
  /**
   * PGlite only: a folder holding tarballs of an empty cluster and of that cluster migrated, so a
   * new data directory starts from the migrated one instead of running `initdb` and every
   * migration (see `pglite-template.ts`). Absent: `initdb` and the migrations as usual.
   */
  initdbCacheDir?: string;
}

/** An open, migrated database. */
export interface Database {
  readonly orm: MikroORM;
  /** A fresh forked EntityManager (its own identity map); take one per unit of work. */
  em(): EntityManager;
  readonly kind: 'postgres' | 'pglite';
  /**
   * Makes deleted rows physically unreadable in the data folder (after an erasure or a retention
   * run). Embedded PGlite: `VACUUM FULL` rewrites every table without the dead tuples, then two WAL
   * switches with checkpoints delete the segments that still held the original inserts (PGlite
   * runs with `wal_recycle = off`, so an old segment is removed, not renamed and reused with its
   * bytes intact). A PostgreSQL server: nothing — autovacuum, WAL archiving and backups are the
   * operator's retention policy (docs/architecture.md §7).
   */
  scrubDeleted(): Promise<void>;
  /** Closes the ORM, then the PGlite socket server and PGlite. Idempotent. */
  close(): Promise<void>;
}

export const DEFAULT_PGLITE_DATA_DIR = './data/pglite';

/**
 * Opens PostgreSQL (with `url`) or an embedded PGlite served on an ephemeral loopback port, then
 * runs the checked-in migrations. Never `schema:update` at run time.
 *
 * @example
 * const db = await openDatabase({ url: process.env.DATABASE_URL, logger });
 * const transcripts = createSqlTranscriptStore(db);
 * // …
 * await db.close();
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const log = options.logger.child({ component: 'sql' });
  let pglite: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  let orm: MikroORM | undefined;

  const shutdown = async (): Promise<void> => {
    // Order matters: the ORM's pool talks to the socket server, which talks to PGlite.
    if (orm !== undefined) await orm.close(true);
    if (server !== undefined) await server.stop();
    if (pglite !== undefined && !pglite.closed) await pglite.close();
  };

  try {
    const base: Options = {
      driver: PostgreSqlDriver,
      entities: ALL_ENTITIES,
      extensions: [Migrator],
      // The schema comes from migrations only; never create databases behind the operator's back.
      ensureDatabase: false,
      debug: options.debug ?? false,
      logger: (message: string) => log.debug(message),
      // Knex's own warnings ("Connection Error: …" when PostgreSQL goes away) went to console.log.
      driverOptions: { log: { warn: (m: unknown) => log.warn({ knex: String(m) }, 'sql pool warning'), error: (m: unknown) => log.error({ knex: String(m) }, 'sql pool error'), deprecate: () => undefined, debug: () => undefined } },
      migrations: {
        migrationsList: MIGRATIONS,
        transactional: true,
        allOrNothing: true,
        snapshot: false,
        silent: true,
      },
    };

    let kind: Database['kind'];
    let target: string;
    if (options.url !== undefined && options.url !== '') {
      kind = 'postgres';
      const parsed = new URL(options.url);
      target = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
      orm = await MikroORM.init({ ...base, clientUrl: options.url });
    } else {
      kind = 'pglite';
      const dataDir = options.dataDir ?? DEFAULT_PGLITE_DATA_DIR;
      if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
      // wal_recycle = off: see `scrubDeleted` — erased data must not survive in a recycled WAL segment.
      const postgresqlconf = ['wal_recycle = off'];
      // A new data folder starts from the cached cluster with every migration applied, made once by
      // this same migrator (pglite-template.ts); the migrator below then finds nothing pending.
      const migrate = async (fresh: PGlite): Promise<void> => {
        const served = await servePglite(fresh, base);
        try {
          await served.orm.getMigrator().up();
        } finally {
          await served.orm.close(true);
          await served.server.stop();
        }
      };
      const template = options.initdbCacheDir && (await needsInitdb(dataDir)) ? await migratedTemplate(options.initdbCacheDir, postgresqlconf, migrate) : undefined;
      pglite = await PGlite.create(dataDir, { postgresqlconf, ...(template ? { loadDataDir: template } : {}) });
      const served = await servePglite(pglite, base);
      ({ server, orm } = served);
      target = `pglite ${dataDir} via ${served.address}`;
    }

    const check = await orm.checkConnection();
    if (!check.ok) {
      throw new HiloError('HILO_ERR_INTERNAL', `Database unreachable (${target}): ${check.reason}`, { cause: check.error });
    }
    const migrator = orm.getMigrator();
    const applied = kind === 'postgres' ? await withMigrationLock(orm, () => migrator.up()) : await migrator.up();
    log.info({ kind, target, applied: applied.map((m) => m.name) }, 'database ready');

    const ready = orm;
    let closing: Promise<void> | undefined;
    return {
      orm: ready,
      kind,
      em: () => ready.em.fork(),
      scrubDeleted: async () => {
        if (kind !== 'pglite') return;
        const started = Date.now();
        const em = ready.em.fork();
        // Outside any transaction: VACUUM refuses to run in one. The pool has one connection, so
        // turns wait for it rather than interleave.
        await em.execute('vacuum full', [], 'run');
        for (let i = 0; i < 2; i++) {
          await em.execute('select pg_switch_wal()', [], 'all');
          await em.execute('checkpoint', [], 'run');
        }
        log.info({ ms: Date.now() - started }, 'deleted rows scrubbed from the embedded data folder');
      },
      close: () => {
        closing ??= shutdown().then(() => log.info({ kind }, 'database closed'));
        return closing;
      },
    };
  } catch (err) {
    await shutdown().catch((closeErr: unknown) => log.warn({ err: closeErr }, 'cleanup after a failed open failed'));
    throw err;
  }
}

/**
 * Key of the PostgreSQL advisory lock every member takes around the migrator (an arbitrary
 * constant, "hilo-mig" in ASCII): members started together on one database migrate one after the
 * other, and the later ones find nothing pending.
 */
const MIGRATION_LOCK_KEY = 0x68696c6f2d6d6967n;

/**
 * Runs `fn` while holding the migration lock. The lock is transaction-scoped, in a transaction of
 * its own on its own pool connection (the migrator uses others), so it is released on commit, on
 * error, and by the server when the process dies — never left behind. PGlite is one process with
 * one session: it never takes it.
 */
async function withMigrationLock<T>(orm: MikroORM, fn: () => Promise<T>): Promise<T> {
  const knex = orm.em.getConnection().getKnex();
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?::bigint)', [MIGRATION_LOCK_KEY.toString()]);
    return fn();
  });
}

/** PGlite on an ephemeral loopback port, and the ORM on it (PGlite is single-session: one socket connection, a pool of one). */
async function servePglite(pglite: PGlite, base: Options): Promise<{ server: PGLiteSocketServer; orm: MikroORM; address: string }> {
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  try {
    const [host, port] = splitHostPort(server.getServerConn());
    const orm = await MikroORM.init({ ...base, host, port, user: 'postgres', dbName: 'postgres', pool: { min: 0, max: 1 } });
    return { server, orm, address: `${host}:${port}` };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function splitHostPort(conn: string): [string, number] {
  const at = conn.lastIndexOf(':');
  const port = Number(conn.slice(at + 1));
  if (at < 0 || !Number.isInteger(port) || port <= 0) throw new Error(`unexpected PGlite socket address: ${conn}`);
  return [conn.slice(0, at), port];
}
