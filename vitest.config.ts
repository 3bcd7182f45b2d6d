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
    reporters: ['default'],
  },
});
