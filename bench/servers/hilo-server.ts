/**
 * Hilo end to end, the whole runtime from `startHilo` (gateway with its widget WebSocket and REST
 * channel, actor host, rule brain) configured the way an operator would: (a) `HILO_STORAGE=memory`
 * (every store in memory) or (b) the durable mode — `REDIS_URL` for snapshots and `DATABASE_URL`
 * for contacts, transcripts, the turn journal, tickets and leads (PostgreSQL, a database of its
 * own created here and dropped on close). Child of bench/run.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo } from '../../src/runtime/hilo.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { serveIpc } from '../lib/ipc.js';
import { BENCH_MODEL_CACHE } from '../lib/model-cache.js';

const opts = JSON.parse(process.env.BENCH_SERVER_OPTS ?? '{}') as {
  apiKey: string;
  mode: 'memory' | 'durable';
  redisPrefix: string;
  pgAdminUrl: string;
  pgDatabase: string;
  maxActiveActors?: number;
};

// Never the shared ./data directory: nothing should land there, but if it did it is ours alone.
const dataDir = mkdtempSync(join(tmpdir(), 'hilo-bench-'));
const env: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  HILO_TRANSPORT: 'auto',
  HILO_DEMO_API_KEY: opts.apiKey,
  HILO_DATA_DIR: dataDir,
  // Trained classifiers from the bench's model cache, not trained again in every server (bench/lib/model-cache.ts).
  HILO_MODEL_CACHE: BENCH_MODEL_CACHE ?? 'off',
  // The load generator is one IP and a few contacts sending far faster than any person; these are
  // the highest values the configuration accepts (≈ 16,700 messages/s per IP).
  HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
  // Every widget connection of the load generator comes from 127.0.0.1.
  HILO_WS_MAX_SOCKETS_PER_IP: '0',
  HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '1000000',
  ...(opts.maxActiveActors !== undefined ? { HILO_MAX_ACTIVE_ACTORS: String(opts.maxActiveActors) } : {}),
};
if (opts.mode === 'durable') {
  const admin = new pg.Pool({ connectionString: opts.pgAdminUrl, max: 1 });
  await admin.query(`create database ${opts.pgDatabase}`);
  await admin.end();
  const url = new URL(opts.pgAdminUrl);
  url.pathname = `/${opts.pgDatabase}`;
  Object.assign(env, { HILO_STORAGE: 'durable', DATABASE_URL: url.toString(), REDIS_URL: 'redis://127.0.0.1:6379', HILO_REDIS_PREFIX: opts.redisPrefix });
} else {
  env.HILO_STORAGE = 'memory';
}

const hilo = await startHilo({ config: loadConfig(env), logger: createSilentLogger() });

let closed = false;
serveIpc(
  {
    port: hilo.port,
    frontEnd: `Hilo gateway (${hilo.transport === 'uws' ? 'uWebSockets.js' : 'node:http + ws'})`,
    transport: hilo.transport,
    storage: `snapshots: ${hilo.storage.describe.snapshots}, database: ${hilo.storage.describe.database}`,
  },
  { hostStats: () => ({ ...hilo.host.stats }) },
  async () => {
    if (closed) return;
    closed = true;
    await hilo.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (opts.mode === 'durable') {
      const redis = new Redis('redis://127.0.0.1:6379');
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${opts.redisPrefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
      const admin = new pg.Pool({ connectionString: opts.pgAdminUrl, max: 1 });
      await admin.query(`drop database if exists ${opts.pgDatabase} with (force)`);
      await admin.end();
    }
  },
);
