import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** A request from the orchestrator to a child process. */
export interface IpcRequest {
  id: number;
  cmd: string;
  args?: unknown;
}
/** A child's answer to one request. */
export interface IpcResponse {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}
export interface ReadyMessage {
  type: 'ready';
  info: Record<string, unknown>;
}

export type Handler = (args: unknown) => Promise<unknown> | unknown;

/** CPU and memory of a child, in a form that survives `structuredClone`. */
export interface ProcessStats {
  pid: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  rss: number;
  heapUsed: number;
}

export function processStats(): ProcessStats {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { pid: process.pid, cpuUserUs: cpu.user, cpuSystemUs: cpu.system, rss: mem.rss, heapUsed: mem.heapUsed };
}

/**
 * How long the child's event loop stood still since the last read: the longest event-loop delay
 * (`monitorEventLoopDelay`, 10 ms resolution) and V8's garbage-collection pauses. A step whose p99
 * jumps while these stay small waited on something outside the process (a store, the scheduler).
 */
export interface StallStats {
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
  gcPauses: number;
  gcPauseMaxMs: number;
  gcPauseTotalMs: number;
}

function createStallMeter(): { read(): StallStats } {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let gcPauses = 0;
  let gcMax = 0;
  let gcTotal = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcPauses++;
      gcTotal += e.duration;
      if (e.duration > gcMax) gcMax = e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    read() {
      const out: StallStats = { loopDelayMaxMs: loop.max / 1e6, loopDelayP99Ms: loop.percentile(99) / 1e6, gcPauses, gcPauseMaxMs: gcMax, gcPauseTotalMs: gcTotal };
      loop.reset();
      gcPauses = 0;
      gcMax = 0;
      gcTotal = 0;
      return out;
    },
  };
}

/**
 * Child side: announces `ready` with `info`, then answers requests by command name. `stats`,
 * `gc` and `close` exist in every child; `close` runs `onClose`, answers, then exits.
 */
export function serveIpc(info: Record<string, unknown>, handlers: Record<string, Handler>, onClose: () => Promise<void>): void {
  if (!process.send) throw new Error('this script runs as a child of bench/run.ts (IPC channel missing)');
  const send = (message: unknown): void => {
    process.send?.(message);
  };
  let profiler: Session | null = null;
  const stallMeter = createStallMeter();
  const post = (session: Session, method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result)));
    });
  const builtin: Record<string, Handler> = {
    stats: () => processStats(),
    /** Stalls since the last `stalls` request (see `StallStats`); resets the meter. */
    stalls: () => stallMeter.read(),
    // The V8 CPU profiler that `node --cpu-prof` uses, over the inspector protocol, so the profile
    // covers the measured load window only (not module loading and start-up).
    profileStart: async () => {
      profiler = new Session();
      profiler.connect();
      await post(profiler, 'Profiler.enable');
      await post(profiler, 'Profiler.setSamplingInterval', { interval: 1000 });
      await post(profiler, 'Profiler.start');
      return null;
    },
    profileStop: async (args) => {
      if (!profiler) throw new Error('profileStop without profileStart');
      const { profile } = (await post(profiler, 'Profiler.stop')) as { profile: unknown };
      profiler.disconnect();
      profiler = null;
      writeFileSync((args as { file: string }).file, JSON.stringify(profile));
      return null;
    },
    gc: () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) {
        gc();
        gc();
      }
      return processStats();
    },
    close: async () => {
      await onClose();
      return null;
    },
  };
  process.on('message', (raw: unknown) => {
    const req = raw as IpcRequest;
    const handler = handlers[req.cmd] ?? builtin[req.cmd];
    if (!handler) {
      send({ id: req.id, ok: false, error: `unknown command ${req.cmd}` } satisfies IpcResponse);
      return;
    }
    Promise.resolve()
      .then(() => handler(req.args))
      .then(
        (result) => send({ id: req.id, ok: true, result } satisfies IpcResponse),
        (err: unknown) => send({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies IpcResponse),
      )
      .finally(() => {
        if (req.cmd === 'close') setTimeout(() => process.exit(0), 50).unref();
      });
  });
  // The orchestrator died: never linger.
  process.on('disconnect', () => {
    void onClose().finally(() => process.exit(0));
  });
  send({ type: 'ready', info } satisfies ReadyMessage);
}

/** Orchestrator side of one child process. */
export interface BenchChild {
  readonly name: string;
  readonly pid: number;
  readonly info: Record<string, unknown>;
  request<T>(cmd: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the child to close, then kills it if it does not exit in time. Idempotent. */
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every child still running (exit path of the orchestrator, even on failure). */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

export interface SpawnOptions {
  /** Path relative to `bench/`. */
  script: string;
  env?: Record<string, string>;
  /** Extra Node flags, e.g. `--expose-gc`, `--cpu-prof`. */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
  /** Where the child's stderr goes (default: inherited). */
  quietStderr?: boolean;
}

export async function spawnChild(name: string, options: SpawnOptions): Promise<BenchChild> {
  const script = fileURLToPath(new URL(`../${options.script}`, import.meta.url));
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', options.quietStderr ? 'ignore' : 'inherit', 'ipc'],
  });
  live.add(child);
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  let exited: Error | null = null;
  const failAll = (err: Error): void => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
  };

  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not ready after ${options.readyTimeoutMs ?? 60_000} ms`)), options.readyTimeoutMs ?? 60_000);
    child.on('message', (raw: unknown) => {
      const msg = raw as Partial<ReadyMessage & IpcResponse>;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve(msg.info ?? {});
        return;
      }
      if (typeof msg.id === 'number') {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new Error(`${name}: ${msg.error ?? 'failed'}`));
      }
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      exited = new Error(`${name}: exited (code ${String(code)}, signal ${String(signal)})`);
      clearTimeout(timer);
      reject(exited);
      failAll(exited);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  }).catch((err: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw err;
  });

  let closing: Promise<void> | null = null;
  return {
    name,
    pid: child.pid ?? -1,
    info,
    request<T>(cmd: string, args?: unknown, timeoutMs = 120_000): Promise<T> {
      if (exited) return Promise.reject(exited);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: "${cmd}" timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        child.send({ id, cmd, args } satisfies IpcRequest);
      });
    },
    close() {
      closing ??= (async () => {
        if (exited) return;
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        try {
          child.send({ id: nextId++, cmd: 'close' } satisfies IpcRequest);
        } catch {
          child.kill('SIGKILL');
        }
        await gone;
        clearTimeout(kill);
      })();
      return closing;
    },
  };
}
