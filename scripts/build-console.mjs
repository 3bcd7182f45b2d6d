#!/usr/bin/env node
// Bundles the agent console to dist/console/console.js (minified IIFE, ES2020, Preact) and copies
// its page and stylesheet next to it. Prints raw and gzipped sizes.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'console');
const outFile = join(outDir, 'console.js');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [join(root, 'web-console', 'src', 'index.tsx')],
  outfile: outFile,
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
await copyFile(join(root, 'web-console', 'console.html'), join(outDir, 'console.html'));
await copyFile(join(root, 'web-console', 'console.css'), join(outDir, 'console.css'));

const code = await readFile(outFile);
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`dist/console/console.js  ${kb(code.length)} raw, ${kb(gzipped)} gzipped\n`);
