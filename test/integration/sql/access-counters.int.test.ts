import { afterAll, describe } from 'vitest';
import { createSqlAccessCounters } from '../../../src/persistence/sql/access-counters.repository.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { runAccessCountersContract } from '../../contract/access-counters.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

describe.each(SQL_BACKENDS)('SQL access counters on $name', (backend) => {
  const opened: OpenedTestDatabase[] = [];
  afterAll(async () => {
    for (const o of opened) await o.dispose();
  });
  let shared: Promise<OpenedTestDatabase> | null = null;
  const database = () => {
    shared ??= backend.open().then((o) => {
      opened.push(o);
      return o;
    });
    return shared;
  };
  runAccessCountersContract(backend.name, async () => {
    const { db } = await database();
    const clock = createManualClock();
    return {
      counters: createSqlAccessCounters({ db, clock }),
      advance: async (ms) => clock.advance(ms),
      // A new repository over the same tables: what a restarted process sees.
      reopen: async () => createSqlAccessCounters({ db, clock }),
    };
  }, { durable: true });
});
