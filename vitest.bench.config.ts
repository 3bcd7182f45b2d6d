import { defineConfig } from 'vitest/config';

/** `npm run test:bench`: the quick benchmark smoke test, its own step of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    testTimeout: 130_000,
    pool: 'forks',
    maxWorkers: 1,
    reporters: ['default'],
  },
});
