#!/usr/bin/env node
// Bundles the agent console to dist/console/console.js (minified IIFE, ES2020, Preact) and the
// admin dashboard to dist/console/dashboard.js, and copies their pages and stylesheets next to them. Prints raw and gzipped sizes.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'console');
const outFile = join(outDir, 'console.js');

await mkdir(outDir, { recursive: true });
/** One browser bundle of the console (Preact, minified IIFE). */
const bundle = (entry, outfile) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(root, 'web-console', 'tsconfig.json'),
    legalComments: 'none',
    logLevel: 'warning',
  });
await bundle(join(root, 'web-console', 'src', 'index.tsx'), outFile);
// The admin dashboard: a second bundle (its own Preact, uPlot) the console loads only when an
// admin opens it, so the agents' bundle does not grow by the charts.
const dashFile = join(outDir, 'dashboard.js');
await bundle(join(root, 'web-console', 'src', 'dashboard', 'index.tsx'), dashFile);
const uplotCss = await readFile(join(root, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), 'utf8');
const dashCss = await readFile(join(root, 'web-console', 'dashboard.css'), 'utf8');
await writeFile(join(outDir, 'dashboard.css'), `${uplotCss}\n${dashCss}`);
await copyFile(join(root, 'web-console', 'console.html'), join(outDir, 'console.html'));
await copyFile(join(root, 'web-console', 'console.css'), join(outDir, 'console.css'));

const code = await readFile(outFile);
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`dist/console/console.js  ${kb(code.length)} raw, ${kb(gzipped)} gzipped\n`);
const dash = await readFile(dashFile);
process.stdout.write(`dist/console/dashboard.js  ${kb(dash.length)} raw, ${kb(gzipSync(dash, { level: 9 }).length)} gzipped (loaded on opening the dashboard)\n`);
