/**
 * Hilo end to end, the whole runtime from `startHilo` (gateway with its widget WebSocket and REST
 * channel, actor host, rule brain), with (a) the in-memory stores or (b) Redis snapshots +
 * PostgreSQL transcripts (a database of its own, dropped on close). Child of bench/run.ts.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { createRedisSnapshotStore } from '../../src/persistence/index.js';
import { openDatabase, createSqlTranscriptStore, type Database } from '../../src/persistence/sql/index.js';
import type { SnapshotStore } from '../../src/persistence/snapshot-store.js';
import type { TranscriptStore } from '../../src/persistence/transcript-store.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo } from '../../src/runtime/hilo.js';
import { createSilentLogger } from '../../src/runtime/logger.js';
import { serveIpc } from '../lib/ipc.js';

const opts = JSON.parse(process.env.BENCH_SERVER_OPTS ?? '{}') as {
  apiKey: string;
  mode: 'memory' | 'durable';
  redisPrefix: string;
  pgAdminUrl: string;
  pgDatabase: string;
  maxActiveActors?: number;
};

const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  HILO_TRANSPORT: 'auto',
  HILO_DEMO_API_KEY: opts.apiKey,
  // The load generator is one IP and a few contacts sending far faster than any person.
  HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
  HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '1000000',
  ...(opts.maxActiveActors !== undefined ? { HILO_MAX_ACTIVE_ACTORS: String(opts.maxActiveActors) } : {}),
  LOG_LEVEL: 'silent',
});

let db: Database | null = null;
let snapshots: SnapshotStore | undefined;
let transcripts: TranscriptStore | undefined;
if (opts.mode === 'durable') {
  const admin = new pg.Pool({ connectionString: opts.pgAdminUrl, max: 1 });
  await admin.query(`create database ${opts.pgDatabase}`);
  await admin.end();
  const url = new URL(opts.pgAdminUrl);
  url.pathname = `/${opts.pgDatabase}`;
  db = await openDatabase({ url: url.toString(), logger: createSilentLogger() });
  snapshots = createRedisSnapshotStore({ url: 'redis://127.0.0.1:6379', prefix: opts.redisPrefix });
  transcripts = createSqlTranscriptStore(db);
}

const hilo = await startHilo({ config, logger: createSilentLogger(), ...(snapshots ? { snapshots } : {}), ...(transcripts ? { transcripts } : {}) });

let closed = false;
serveIpc(
  { port: hilo.port, frontEnd: `Hilo gateway (${hilo.transport === 'uws' ? 'uWebSockets.js' : 'node:http + ws'})`, transport: hilo.transport },
  { hostStats: () => ({ ...hilo.host.stats }) },
  async () => {
    if (closed) return;
    closed = true;
    await hilo.close();
    if (db) await db.close();
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
