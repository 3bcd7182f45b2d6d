import type { Database } from './database.js';

/** The part of a pooled `pg` client this file uses. */
export interface RawPgClient {
  query<R>(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: R[] }>;
  /** Set by knex when the connection broke; the pool drops such a connection on its next acquire. */
  __knex__disposed?: unknown;
}

/** The part of knex's client (`getKnex().client`) that lends out its pool's raw connections. */
interface KnexPool {
  acquireConnection(): Promise<RawPgClient>;
  releaseConnection(connection: RawPgClient): Promise<void>;
}

/**
 * A statement of the turn's hot path. On PostgreSQL it is a named prepared statement: each pooled
 * connection sends its text and PostgreSQL parses it once, every later execution sends only the
 * parameters. On PGlite it stays unnamed: PGlite is one session behind its socket server, so a
 * statement prepared by a connection the pool has since dropped would still exist there and the
 * next connection's `Parse` of the same name would fail.
 */
export interface HotStatement {
  readonly name: string;
  readonly text: string;
}

/** Declares a hot-path statement (`$n` placeholders). Names are `hilo_…` and unique per text. */
export function hotStatement(name: string, text: string): HotStatement {
  return { name: `hilo_${name}`, text };
}

function poolOf(db: Database): KnexPool {
  return db.orm.em.getConnection().getKnex().client as KnexPool;
}

function configOf(db: Database, statement: HotStatement | string, values: unknown[]): { text: string; values: unknown[]; name?: string } {
  if (typeof statement === 'string') return { text: statement, values };
  return db.kind === 'postgres' ? { name: statement.name, text: statement.text, values } : { text: statement.text, values };
}

/**
 * Runs one statement on a connection borrowed from the ORM's own pool, straight through the `pg`
 * driver: no EntityManager fork, identity map, query builder, ORM logging or `transactional()`
 * (whose AsyncLocalStorage context makes every promise of the turn pay a hook). The pool is the
 * same one MikroORM uses, so PGlite's single connection is shared, not doubled; a connection that
 * broke is dropped by the pool's own validation on its next acquire.
 *
 * @example
 * const rows = await queryRaw<{ seq: number }>(db, LAST_SEQ, [tenantId, conversationId]);
 */
export async function queryRaw<R>(db: Database, statement: HotStatement | string, values: unknown[]): Promise<R[]> {
  const pool = poolOf(db);
  const client = await pool.acquireConnection();
  try {
    return (await client.query<R>(configOf(db, statement, values))).rows;
  } finally {
    await pool.releaseConnection(client);
  }
}

/** One connection inside `withRawTransaction`: statements run in order on it. */
export type RawQuery = <R>(statement: HotStatement | string, values: unknown[]) => Promise<R[]>;

/**
 * Runs `fn` in one transaction on one borrowed connection (`begin` … `commit`, `rollback` on any
 * error), through the driver like `queryRaw`. A connection whose rollback fails is marked broken so
 * the pool never lends it out again mid-transaction.
 */
export async function withRawTransaction<T>(db: Database, fn: (query: RawQuery) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  const client = await pool.acquireConnection();
  const query: RawQuery = async <R>(statement: HotStatement | string, values: unknown[]) => (await client.query<R>(configOf(db, statement, values))).rows;
  try {
    await client.query({ text: 'begin', values: [] });
    let result: T;
    try {
      result = await fn(query);
    } catch (err) {
      try {
        await client.query({ text: 'rollback', values: [] });
      } catch (rollbackErr) {
        client.__knex__disposed = rollbackErr;
      }
      throw err;
    }
    await client.query({ text: 'commit', values: [] });
    return result;
  } finally {
    await pool.releaseConnection(client);
  }
}
