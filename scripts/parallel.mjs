#!/usr/bin/env node
/**
 * `node scripts/parallel.mjs build typecheck "eval -- --check --no-write"`: runs npm scripts at the
 * same time and fails when any of them fails. `npm test` uses it for its steps that each keep one
 * core busy (tsc, the eval) and do not depend on one another, so that the two cores share them
 * instead of running them one after the other.
 *
 * Each step's output is printed whole when it ends (never interleaved), under a header with its
 * exit code and duration. Every step runs to its end even when another fails, so one run shows
 * every failure.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const steps = process.argv.slice(2);
if (steps.length === 0) {
  process.stderr.write('usage: node scripts/parallel.mjs <npm script> ["<npm script> -- args"] ...\n');
  process.exit(2);
}

/** Runs `npm run <step>` and resolves with its exit code (1 when it could not start or was killed). */
function run(step) {
  const started = performance.now();
  const chunks = [];
  return new Promise((resolve) => {
    const child = spawn(`npm run ${step}`, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (err) => chunks.push(Buffer.from(`${String(err)}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const status = code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n=== npm run ${step}: ${status} in ${seconds} s\n${Buffer.concat(chunks).toString()}`);
      resolve(code === 0 ? 0 : 1);
    });
  });
}

const codes = await Promise.all(steps.map(run));
const failed = steps.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) {
  process.stderr.write(`\nparallel: failed: ${failed.map((s) => `npm run ${s}`).join(', ')}\n`);
  process.exit(1);
}
