import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The quick benchmark is its own step of `npm test` (`npm run test:bench`, vitest.bench.config.ts):
    // it loads the machine for two minutes and says nothing about correctness.
    exclude: ['test/bench/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more workers only add contention.
    maxWorkers: 2,
    // New embedded databases start from one cached empty cluster instead of PGlite's initdb
    // (~4.5 s each here; src/persistence/sql/pglite-template.ts). Child processes inherit it.
    env: { HILO_PGLITE_INITDB_CACHE: process.env.HILO_PGLITE_INITDB_CACHE ?? join(tmpdir(), 'hilo-pglite-initdb') },
    reporters: ['default'],
  },
});
