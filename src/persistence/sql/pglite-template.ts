/**
 * A cache of one freshly initialised PGlite cluster. PGlite's `initdb` (in WebAssembly) is most of
 * the cost of a new embedded database — about 4.5 s here, against about 1.3 s to start from a
 * tarball of a cluster it made earlier. A process that opens many new databases (the test suite)
 * can keep that tarball in a folder (`HILO_PGLITE_INITDB_CACHE`); each new data directory then
 * starts from it instead of running `initdb` again. The tarball is per PGlite version, written
 * once (to a temporary name, then renamed, so concurrent processes never read half a file), and
 * holds no data: only the empty cluster `initdb` makes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** True when PGlite would run `initdb` on `dataDir`: in memory, or a folder without a cluster. */
export async function needsInitdb(dataDir: string): Promise<boolean> {
  if (dataDir.startsWith('memory://')) return true;
  if (dataDir.includes('://')) return false;
  try {
    await stat(join(dataDir, 'PG_VERSION'));
    return false;
  } catch {
    return true;
  }
}

/** The installed PGlite's version: the cache key (a cluster from another version is not reused). */
function pgliteVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  const find = async (dir: string): Promise<string> => {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    } catch {
      // not here: go up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('the @electric-sql/pglite package.json was not found');
    return find(up);
  };
  return find(dirname(require.resolve('@electric-sql/pglite')));
}

/** The tarball of an empty cluster for `postgresqlconf`, made (and kept in `cacheDir`) on first use. */
export async function initdbTemplate(cacheDir: string, postgresqlconf: string[]): Promise<Blob> {
  const file = join(cacheDir, `pglite-${await pgliteVersion()}-initdb.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // not made yet
  }
  const fresh = await PGlite.create('memory://', { postgresqlconf });
  let dump: Blob;
  try {
    dump = await fresh.dumpDataDir('none');
  } finally {
    await fresh.close();
  }
  await mkdir(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}
