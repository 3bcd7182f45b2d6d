import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalRedisCluster {
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3` (what `REDIS_URL` takes). */
  url: string;
  ports: number[];
  /** Kills every `redis-server` it started and removes their directories. Idempotent. */
  stop(): Promise<void>;
}

/** A free TCP port on loopback (probed by binding it; the cluster bus needs `port + 10000` free too). */
async function freePort(): Promise<number> {
  const probe = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number };
        server.close(() => resolve(bound));
      });
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    // 40000–44999 (bus 50000–54999): clear of the member ports the cluster tests pick (21000–38000).
    const port = 40_000 + Math.floor(Math.random() * 5_000);
    try {
      await probe(port);
      await probe(port + 10_000);
      return port;
    } catch {
      // taken: try another
    }
  }
  throw new Error('no free port pair (port, port + 10000) found for a Redis Cluster node');
}

async function cli(port: number, ...args: string[]): Promise<string> {
  return (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 })).stdout;
}

/**
 * Starts a real Redis Cluster of `masters` `redis-server` processes (no replicas, no persistence)
 * on free loopback ports, joins them with `redis-cli --cluster create` and waits until every node
 * reports `cluster_state:ok`. Throws at once when `redis-server` or `redis-cli` is missing: the
 * tests that use it must fail, never skip.
 */
export async function startRedisCluster(masters = 3): Promise<LocalRedisCluster> {
  for (const bin of ['redis-server', 'redis-cli']) {
    const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) throw new Error(`${bin} is not installed (apt-get install redis-server); the Redis Cluster tests need it and do not skip.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'hilo-redis-cluster-'));
  const children: ChildProcess[] = [];
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    })());
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      ports.push(port);
      const child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '5000', '--appendonly', 'no', '--save', '', '--dir', dir, '--daemonize', 'no', '--logfile', join(dir, `redis-${port}.log`)],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    // Every node answers PING before the cluster is created.
    for (const port of ports) {
      for (let i = 0; ; i++) {
        const pong = await cli(port, 'PING').catch(() => '');
        if (pong.trim() === 'PONG') break;
        if (i > 100) throw new Error(`redis-server on port ${port} did not answer PING (log: ${join(dir, `redis-${port}.log`)})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    for (const port of ports) {
      for (let i = 0; ; i++) {
        const info = await cli(port, 'CLUSTER', 'INFO');
        if (/cluster_state:ok/.test(info) && /cluster_known_nodes:(\d+)/.exec(info)?.[1] === String(masters)) break;
        if (i > 200) throw new Error(`Redis Cluster node ${port} never reached cluster_state:ok: ${info}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return { url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`, ports, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
