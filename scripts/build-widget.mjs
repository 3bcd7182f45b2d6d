#!/usr/bin/env node
// Bundles the embeddable widget to dist/widget/widget.js (minified IIFE, ES2019) and copies the
// demo page next to it. Prints raw and gzipped sizes; the goal is < 15 KB gzipped.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'widget');
const outFile = join(outDir, 'widget.js');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [join(root, 'web-widget', 'src', 'index.ts')],
  outfile: outFile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2019',
  platform: 'browser',
  tsconfig: join(root, 'web-widget', 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(root, 'web-widget', 'demo', 'index.html'), join(outDir, 'index.html'));

const code = await readFile(outFile);
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`dist/widget/widget.js  ${kb(code.length)} raw, ${kb(gzipped)} gzipped\n`);
