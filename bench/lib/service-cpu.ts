import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * CPU used by the services, outside our processes.
 * - Redis: `INFO cpu` → `used_cpu_sys + used_cpu_user` (the server's own accounting, all threads).
 * - PostgreSQL: every process named `postgres` in /proc (backends and background workers), fields
 *   14+15 (utime+stime) of `/proc/<pid>/stat` in clock ticks. A backend that exits between two
 *   readings is lost, one that starts in between counts in full; our pools keep theirs open.
 * Both count whatever else the machine's other users do to the same servers at the same time.
 */
export interface ServiceCpu {
  redisS: number;
  postgresTicks: Map<number, number>;
  /** Busy CPU of the whole machine (all processes), from the first line of /proc/stat. */
  machineTicks: number;
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function postgresTicks(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      // fields[0] is field 3 (state); utime/stime are fields 14/15.
      out.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we read /proc.
    }
  }
  return out;
}

function machineBusyTicks(): number {
  try {
    const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    // cpu  user nice system idle iowait irq softirq steal ...
    const f = first.trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return total - (f[3] ?? 0) - (f[4] ?? 0);
  } catch {
    return 0;
  }
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string): number => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return read('used_cpu_sys') + read('used_cpu_user');
}

export interface ServiceCpuMeter {
  read(): Promise<ServiceCpu>;
  /**
   * PostgreSQL checkpoints so far (`pg_stat_bgwriter`: timed + requested), or null without a
   * reachable server. A checkpoint that lands in a step writes every page the step dirtied and
   * full-page images after it: tens of milliseconds of p99 on this machine's one disk.
   */
  checkpoints(): Promise<number | null>;
  /** `CHECKPOINT` now: a variant starts without the WAL the previous variants left to flush. */
  checkpoint(): Promise<void>;
  /** CPU-seconds used between two readings. */
  delta(before: ServiceCpu, after: ServiceCpu): { redisS: number; postgresS: number; machineS: number };
  close(): Promise<void>;
}

export function createServiceCpuMeter(redisUrl = 'redis://127.0.0.1:6379', postgresUrl?: string): ServiceCpuMeter {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  redis.on('error', () => undefined);
  const postgres = postgresUrl ? new pg.Pool({ connectionString: postgresUrl, max: 1 }) : null;
  return {
    async read() {
      return { redisS: await redisCpuSeconds(redis), postgresTicks: postgresTicks(), machineTicks: machineBusyTicks() };
    },
    async checkpoints() {
      if (!postgres) return null;
      try {
        const r = await postgres.query<{ n: string }>('select (checkpoints_timed + checkpoints_req)::text as n from pg_stat_bgwriter');
        return Number(r.rows[0]?.n ?? 0);
      } catch {
        return null;
      }
    },
    async checkpoint() {
      await postgres?.query('checkpoint');
    },
    delta(before, after) {
      let ticks = 0;
      for (const [pid, t] of after.postgresTicks) ticks += t - (before.postgresTicks.get(pid) ?? 0);
      return {
        redisS: Math.max(0, after.redisS - before.redisS),
        postgresS: Math.max(0, ticks / CLK_TCK),
        machineS: Math.max(0, (after.machineTicks - before.machineTicks) / CLK_TCK),
      };
    },
    async close() {
      redis.disconnect();
      await postgres?.end().catch(() => undefined);
    },
  };
}
