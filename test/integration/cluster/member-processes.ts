import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { openDatabase, type Database } from '../../../src/persistence/sql/index.js';
import { createClusterKeys } from '../../../src/runtime/cluster/index.js';
import { POSTGRES_URL } from '../sql/sql-backends.js';
import { REDIS_URL } from './cluster-harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

async function adminExecute(sql: string): Promise<void> {
  const orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: POSTGRES_URL, entities: [], discovery: { warnWhenNoEntities: false }, ensureDatabase: false, allowGlobalContext: true, logger: () => undefined, pool: { min: 0, max: 1 } });
  try {
    await orm.em.getConnection().execute(sql, [], 'run');
  } finally {
    await orm.close(true);
  }
}

/** A fresh PostgreSQL database, migrated here once (members then start against it), and its URL. */
export async function freshDatabase(): Promise<{ url: string; db: Database; dispose(): Promise<void> }> {
  const name = `hilo_cluster_${randomBytes(6).toString('hex')}`;
  await adminExecute(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), logger: createSilentLogger() });
  return {
    url: url.toString(),
    db,
    async dispose() {
      await db.close();
      await adminExecute(`drop database if exists ${name} with (force)`);
    },
  };
}

export interface Member {
  name: string;
  port: number;
  child: ChildProcess;
  /** Log lines at warn and above (pino JSON), for the test's report. */
  problems: string[];
  /** The member's last 40 output lines, whatever their level (a failed exit's context). */
  recent: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Real member processes (`node --import tsx src/runtime/cli.ts start`, as `npm run cluster` runs
 * them) with one cluster name, Redis prefix and database per test file, and a short lease.
 */
export function createMemberSet(options: { databaseUrl: string; leaseMs: number; shards: number; basePort: number; env?: Record<string, string> }) {
  const tag = randomBytes(4).toString('hex');
  const prefix = `hilo-ctest-${tag}`;
  const cluster = `t${tag}`;
  const apiKey = `ck_${randomBytes(16).toString('hex')}`;
  const metricsToken = `mt_${randomBytes(16).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'hilo-cluster-'));
  const members = new Map<string, Member>();
  return {
    prefix,
    cluster,
    apiKey,
    metricsToken,
    keys: createClusterKeys(prefix, cluster),
    members,
    /** Starts member `name` on `basePort + index`; resolves when it listens. */
    start(name: string, index: number): Promise<Member> {
      const port = options.basePort + index;
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'runtime', 'cli.ts'), 'start'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          HILO_CLUSTER: cluster,
          HILO_MEMBER_ID: name,
          HILO_SHARD_LEASE_MS: String(options.leaseMs),
          HILO_SHARDS: String(options.shards),
          HILO_REDIS_PREFIX: prefix,
          REDIS_URL,
          DATABASE_URL: options.databaseUrl,
          HILO_DEMO_API_KEY: apiKey,
          HILO_METRICS_TOKEN: metricsToken,
          HILO_DATA_DIR: dataDir,
          HILO_TEAM_HOURS: 'off',
          HILO_DEMO_BACKEND_PORT: 'off',
          HILO_LOG_LEVEL: 'warn',
          HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
          HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '100000',
          HILO_OUTBOX_POLL_MS: '500',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const problems: string[] = [];
      const recent: string[] = [];
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      const member: Member = { name, port, child, problems, recent, exited };
      members.set(name, member);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
        for (const stream of [child.stdout!, child.stderr!]) {
          createInterface({ input: stream }).on('line', (line) => {
            if (line.includes('Hilo is listening')) {
              clearTimeout(timer);
              resolve(member);
            } else {
              recent.push(line.slice(0, 400));
              if (recent.length > 40) recent.shift();
              // Routine info lines (turns) would fill the list before a late warning or crash.
              if (!/^\{"level":(10|20|30),/.test(line) && problems.length < 200) problems.push(line.slice(0, 400));
            }
          });
        }
        void exited.then((e) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited before listening (${e.signal ?? e.code}): ${recent.slice(-8).join('\n')}`));
        });
      });
    },
    /** SIGTERM to every member still running; waits for their exits (SIGKILL after 20 s). */
    async stopAll(): Promise<void> {
      await Promise.all(
        [...members.values()].map(async (m) => {
          if (m.child.exitCode !== null || m.child.signalCode !== null) return;
          m.child.kill('SIGCONT');
          m.child.kill('SIGTERM');
          const t = setTimeout(() => m.child.kill('SIGKILL'), 20_000);
          await m.exited;
          clearTimeout(t);
        }),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
    /** Shard → holder member id (null: nobody), from the lease keys. */
    async holders(admin: Redis): Promise<(string | null)[]> {
      const k = createClusterKeys(prefix, cluster);
      const values = await admin.mget(...Array.from({ length: options.shards }, (_, s) => k.lease(s)));
      return values.map((v) => (v === null ? null : v.slice(0, v.lastIndexOf('#'))));
    },
    /** Deletes every Redis key of this set. */
    async cleanRedis(admin: Redis): Promise<void> {
      let cursor = '0';
      do {
        const [next, found] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (found.length > 0) await admin.del(...found);
      } while (cursor !== '0');
    },
  };
}

/** One REST message; retried with the same message id on connection errors and 5xx answers (as a client does). */
export async function sendMessage(port: () => number, apiKey: string, sender: string, messageId: string, text: string, deadline: number): Promise<{ attempts: number; status: number; body: { messages?: { text: string }[]; duplicate?: boolean } }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port()}/api/tenants/ferreteria/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender, text, message_id: messageId }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await res.json()) as { messages?: { text: string }[]; duplicate?: boolean };
      if (res.status < 500 || Date.now() > deadline) return { attempts: attempt, status: res.status, body };
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The messages of every conversation of the tenant, in seq order. */
export async function transcripts(db: Database): Promise<Map<string, { seq: number; message_id: string; direction: 'in' | 'out' }[]>> {
  const rows = (await db.em().execute(`select conversation_id, seq, message_id, direction from messages where tenant_id = 'ferreteria' order by conversation_id, seq`, [], 'all')) as { conversation_id: string; seq: number; message_id: string; direction: 'in' | 'out' }[];
  const out = new Map<string, { seq: number; message_id: string; direction: 'in' | 'out' }[]>();
  for (const r of rows) {
    let list = out.get(r.conversation_id);
    if (!list) out.set(r.conversation_id, (list = []));
    list.push({ seq: Number(r.seq), message_id: r.message_id, direction: r.direction });
  }
  return out;
}
