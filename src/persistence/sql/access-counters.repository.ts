import type { AccessCounters } from '../ports/access-counters.js';
import type { Database } from './database.js';

/**
 * `AccessCounters` on the `access_counters` table: one upsert per hit, so the limits survive a
 * restart in embedded and PostgreSQL mode. Expired rows are reset by the next hit and swept now
 * and then.
 */
export function createSqlAccessCounters(options: { db: Database; clock: { now(): number } }): AccessCounters {
  const { db, clock } = options;
  let hits = 0;
  return {
    async hit(key, windowMs, by = 1) {
      const now = new Date(clock.now());
      const expires = new Date(clock.now() + windowMs);
      const rows = await db.em().execute<{ count: number }[]>(
        `insert into access_counters (key, count, expires_at) values (?, ?, ?)
         on conflict (key) do update set
           count = case when access_counters.expires_at <= ? then excluded.count else access_counters.count + excluded.count end,
           expires_at = case when access_counters.expires_at <= ? then excluded.expires_at else access_counters.expires_at end
         returning count`,
        [key, by, expires, now, now],
      );
      if (++hits % 500 === 0) await db.em().execute(`delete from access_counters where expires_at <= ?`, [now], 'run');
      return Number(rows[0]?.count ?? by);
    },
    async count(key) {
      const rows = await db.em().execute<{ count: number }[]>(`select count from access_counters where key = ? and expires_at > ?`, [key, new Date(clock.now())]);
      return Number(rows[0]?.count ?? 0);
    },
  };
}
