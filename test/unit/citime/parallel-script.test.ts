import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/parallel.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hilo-parallel-'));
// Each of `a` and `b` writes its flag, then waits for the other's: they only both finish when they
// run at the same time (one after the other, the first would give up after 60 s and fail).
const waitFor = (mine: string, other: string): string =>
  `node -e "const fs=require('fs');fs.writeFileSync('${mine}','');const end=Date.now()+60000;(function w(){if(fs.existsSync('${other}'))return console.log('${mine} saw ${other}');if(Date.now()>end)process.exit(4);setTimeout(w,20)})()"`;
writeFileSync(
  join(dir, 'package.json'),
  JSON.stringify({ name: 'p', private: true, scripts: { a: waitFor('a.flag', 'b.flag'), b: waitFor('b.flag', 'a.flag'), bad: 'node -e "console.log(\'bad ran\');process.exit(3)"', echo: 'node -e "console.log(process.argv.slice(1).join(\' \'))"' } }),
);

function parallel(...steps: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, ...steps], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('scripts/parallel.mjs (the parallel steps of npm test)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should run the steps at the same time and succeed when all of them do', () => {
    const { status, out } = parallel('a', 'b', 'echo -- hello there');
    expect(status, out).toBe(0);
    expect(out).toContain('a.flag saw b.flag');
    expect(out).toContain('b.flag saw a.flag');
    expect(out).toMatch(/=== npm run echo -- hello there: ok in [\d.]+ s\n[\s\S]*hello there/);
  }, 120_000);

  it('should fail, run every step to its end and name the failed one when a step fails', () => {
    rmSync(join(dir, 'a.flag'), { force: true });
    rmSync(join(dir, 'b.flag'), { force: true });
    const { status, out } = parallel('bad', 'echo -- still ran');
    expect(status).toBe(1);
    expect(out).toContain('bad ran');
    expect(out).toContain('still ran');
    expect(out).toMatch(/=== npm run bad: FAILED \(exit 3\)/);
    expect(out).toContain('parallel: failed: npm run bad');
  }, 120_000);

  it('should refuse to run without a step', () => {
    expect(parallel().status).toBe(2);
  });
});
