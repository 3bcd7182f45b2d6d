import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { openDatabase } from '../../../src/persistence/sql/index.js';
import { needsInitdb } from '../../../src/persistence/sql/pglite-template.js';

/** New embedded databases started from a cached empty cluster instead of PGlite's initdb. */
describe('PGlite initdb cache', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hilo-initdb-cache-test-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should make the tarballs once, and give every new database its own empty, migrated cluster', async () => {
    const cache = join(root, 'cache');
    const logger = createSilentLogger();
    const first = await openDatabase({ dataDir: 'memory://', logger, initdbCacheDir: cache });
    try {
      await first.em().execute('create table only_in_first (a int)', [], 'run');
    } finally {
      await first.close();
    }
    // The empty cluster initdb made, and that cluster with the migrations applied (what a new database starts from).
    const files = (await readdir(cache)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^pglite-\d+\.\d+\.\d+-initdb\.tar$/);
    expect(files[1]).toMatch(/^pglite-\d+\.\d+\.\d+-migrated-[0-9a-f]{16}\.tar$/);

    const second = await openDatabase({ dataDir: 'memory://', logger, initdbCacheDir: cache });
    try {
      const tables = await second.em().execute<{ name: string }[]>(`select table_name as name from information_schema.tables where table_schema = 'public'`);
      const names = tables.map((t) => t.name);
      expect(names).not.toContain('only_in_first');
      expect(names).toEqual(expect.arrayContaining(['messages', 'outbox_entries', 'mikro_orm_migrations']));
    } finally {
      await second.close();
    }
    expect((await readdir(cache)).sort()).toEqual(files);
  }, 120_000); // a real initdb, then two databases from the tarball: 5-10 s on an idle machine, far more on a loaded one

  it('should start a new data folder from it, and later open that folder as it is (no template over existing data)', async () => {
    const cache = join(root, 'cache');
    const dataDir = join(root, 'data');
    const logger = createSilentLogger();
    expect(await needsInitdb(dataDir)).toBe(true);
    const db = await openDatabase({ dataDir, logger, initdbCacheDir: cache });
    try {
      await db.em().execute('create table kept (a int); insert into kept values (7)', [], 'run');
    } finally {
      await db.close();
    }
    expect(await needsInitdb(dataDir)).toBe(false);
    const again = await openDatabase({ dataDir, logger, initdbCacheDir: cache });
    try {
      expect(await again.em().execute('select a from kept')).toEqual([{ a: 7 }]);
    } finally {
      await again.close();
    }
  });
});
