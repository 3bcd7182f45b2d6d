import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The projects below say which files run (arrays in `extends: true` are merged, so no include here).
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
    // Servers the tests start (in process or as children) read trained classifiers from one model
    // cache instead of training for ~2 s each (src/runtime/model-cache.ts).
    env: {
      HILO_PGLITE_INITDB_CACHE: process.env.HILO_PGLITE_INITDB_CACHE ?? join(tmpdir(), 'hilo-pglite-initdb'),
      HILO_MODEL_CACHE: process.env.HILO_MODEL_CACHE ?? join(tmpdir(), 'hilo-model-cache'),
    },
    reporters: ['default'],
    projects: [
      {
        // Unit tests (no services) share their worker processes: a new process and a fresh import
        // of the source graph per file cost about twice the tests themselves (test/unit alone: 537 s
        // isolated, 185 s shared, same machine and load). So a unit test must leave the process as
        // it found it: restore fake timers, stubbed globals and env, remove process listeners, close
        // what it opened (every file does today; a leak would show up in another file).
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        // Everything with services, servers, child processes or a browser. These share their
        // worker processes too (since 2026-12-06): a fresh process per file spent more time
        // importing the source graph than many files spend testing (import 287 s of a 662 s run;
        // shared: 38 s), and on a loaded machine the isolated project did not finish in 15 min.
        // The same rule as for unit tests: restore env vars set, close servers, databases,
        // browsers and sockets opened, remove listeners; never patch a module a later file uses.
        // Two things are kept on purpose for the next file of the worker: the Chromium process
        // behind test/e2e/browser.ts (a file closes the profiles it opened, never the process) and
        // the browser bundles test/e2e/widget-rig.ts built from the sources.
        extends: true,
        test: { name: 'services', include: ['test/**/*.test.ts'], exclude: ['test/unit/**'], isolate: false },
      },
    ],
  },
});
