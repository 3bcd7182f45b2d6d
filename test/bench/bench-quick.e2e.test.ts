import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REPORT = fileURLToPath(new URL('../../bench/results/quick.md', import.meta.url));
const VARIANTS = [
  'uws-echo',
  'ws-echo',
  'hilo-ws-memory',
  'hilo-ws-memory-unseen',
  'hilo-rest-memory',
  'hilo-ws-durable',
  'hilo-rest-durable',
  'io-floor',
  'peer-langgraph-memory',
  'peer-langgraph-postgres',
];

function runQuickBench(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'bench', '--', '--quick'], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 170_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// A smoke check that the harness works end to end against the real Redis and PostgreSQL; it
// asserts nothing about timing.
describe('npm run bench -- --quick', () => {
  it('should exit 0 and write a report that lists every variant', { timeout: 180_000 }, async () => {
    const startedAt = Date.now();
    const { code, output } = await runQuickBench();
    expect(code, output.slice(-4000)).toBe(0);
    expect(statSync(REPORT).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
    const report = readFileSync(REPORT, 'utf8');
    for (const id of VARIANTS) {
      expect(report).toContain(`| ${id} |`);
      expect(report).not.toMatch(new RegExp(`\\| ${id} \\|[^\\n]*failed:`));
    }
    expect(report).toContain('## Engine alone');
    expect(report).toMatch(/turns per second[^\n]*\| [\d,]+ \|/);
    expect(report).toContain('## Activation');
    expect(report).toMatch(/total \(get \+ restore\) \| [\d.]+/);
    expect(report).toContain('idle widget connections to Hilo');
    expect(report).toContain('#### Profile of');
    expect(report).toContain('## Targets');
  });
});
