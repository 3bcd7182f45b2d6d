import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createDurableEnvironment, createTestDatabase } from '../durable/durable-harness.js';

/**
 * harden18's sweep of the analytics endpoints: `from=0000-01-01` passed the calendar check
 * (JavaScript has a year 0, PostgreSQL none) and the summary answered 500 `HILO_ERR_INTERNAL` with
 * the SQL error in the log. Days outside 1970–9998 are now a 400 naming the parameter, on embedded
 * PGlite and on a real PostgreSQL; ordinary ranges still answer.
 */
const modes = [
  { name: 'PGlite', env: async () => { const made = await createDurableEnvironment('pglite+memory'); return { env: made.env, drop: () => made.destroy() }; } },
  { name: 'PostgreSQL', env: async () => { const db = await createTestDatabase(); return { env: { DATABASE_URL: db.url }, drop: db.drop }; } },
] as const;

describe.each(modes)('analytics day bounds ($name)', (mode) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await mode.env();
    drop = made.drop;
    server = await startHiloForTest({ env: { ...made.env, HILO_STORAGE: 'durable' } });
  }, 90_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const get = async (path: string) => {
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/analytics/${path}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; details?: Array<{ path: string; problem: string }> } } };
  };

  it('should answer 400 naming the parameter for a day PostgreSQL cannot hold or a range ending past 9998', async () => {
    for (const [query, path] of [['from=0000-01-01&to=0000-01-02', 'from'], ['from=1969-12-31&to=1970-01-05', 'from'], ['from=9999-12-30&to=9999-12-31', 'from'], ['to=0001-01-01', 'to']] as const) {
      for (const what of ['summary', 'daily', 'intents', 'funnel', 'unmet']) {
        const answered = await get(`${what}?${query}`);
        expect(answered.status, `${what}?${query}`).toBe(400);
        expect(answered.body.error?.code).toBe('HILO_ERR_HTTP_VALIDATION');
        expect(answered.body.error?.details?.map((d) => d.path)).toContain(path);
      }
    }
  });

  it('should still answer ordinary ranges and the first day allowed', async () => {
    expect((await get('summary')).status).toBe(200);
    expect((await get('summary?from=2026-12-01&to=2026-12-07')).status).toBe(200);
    expect((await get('daily?from=1970-01-01&to=1970-01-31')).status).toBe(200);
  });
});
