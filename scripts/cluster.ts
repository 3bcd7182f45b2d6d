/**
 * `npm run cluster -- --members 3 [--port 8080]`: starts a Hilo cluster on this machine for trying
 * it (docs/cluster.md): members on PORT, PORT+1, … each with HILO_CLUSTER=1 (unless set), sharing
 * REDIS_URL and DATABASE_URL (both required). Each member's log lines are prefixed with its name.
 * SIGINT/SIGTERM are forwarded to every member (each hands its shards over and stops); a member
 * that exits is reported and never restarted; the command ends when every member has exited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = Number(eq ?? raw ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive integer\n`);
    process.exit(2);
  }
  return value;
}

const members = option('members', 3);
const basePort = option('port', Number(process.env.PORT ?? 8080));
if (!process.env.REDIS_URL || !process.env.DATABASE_URL) {
  process.stderr.write('A cluster needs REDIS_URL and DATABASE_URL (PostgreSQL) shared by every member, e.g.\n  REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://postgres@127.0.0.1:5432/hilo npm run cluster -- --members 3\n');
  process.exit(2);
}

const children = new Map<string, ChildProcess>();
let stopping = false;
let exitCode = 0;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    process.stdout.write(`[cluster] ${signal}: forwarding to ${children.size} member(s)\n`);
    for (const child of children.values()) child.kill(signal);
  });
}

/** Starts one member; resolves when it logs that it listens (or exits). */
function startMember(i: number): Promise<void> {
  const port = basePort + i;
  const name = `m${i + 1}:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'runtime', 'cli.ts'), 'start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HILO_CLUSTER: process.env.HILO_CLUSTER ?? '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(name, child);
  return new Promise((resolve) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        process.stdout.write(`[${name}] ${line}\n`);
        if (line.includes('Hilo is listening')) resolve();
      });
    }
    child.on('exit', (code, signal) => {
      resolve();
      children.delete(name);
      process.stdout.write(`[cluster] member ${name} exited (${signal ?? `code ${code}`})${stopping ? '' : '; it is not restarted'}\n`);
      if (!stopping && code !== 0) exitCode = 1;
      if (children.size === 0) process.exit(exitCode);
    });
  });
}

// The first member alone (it applies the database migrations on a fresh database), then the rest together.
await startMember(0);
if (!stopping) await Promise.all(Array.from({ length: members - 1 }, (_, i) => startMember(i + 1)));
process.stdout.write(`[cluster] ${children.size} member(s) running on ports ${basePort}-${basePort + members - 1}; Ctrl-C stops them\n`);

