/**
 * A cache of freshly initialised PGlite clusters. PGlite's `initdb` (in WebAssembly) is most of
 * the cost of a new embedded database — about 4.5 s here, against about 1.3 s to start from a
 * tarball of a cluster it made earlier — and running the migrations on it is most of the rest
 * (4–5 s more on a loaded 2-core machine, against 1.5 s to open a migrated cluster). A process
 * that opens many new databases (the test suite) can keep two tarballs in a folder
 * (`HILO_PGLITE_INITDB_CACHE`): the empty cluster `initdb` makes, and that cluster with every
 * migration applied; each new data directory then starts from the migrated one, and the migrator
 * finds nothing pending. The empty one is per PGlite version; the migrated one also per digest of
 * the migrations' source files (a changed or added migration is another tarball). Each is written
 * once (to a temporary name, then renamed, so concurrent processes never read half a file), and
 * holds no data: only the empty cluster, and the schema and migration log the migrations make.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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
  return keep(file, await dumpOf(await PGlite.create('memory://', { postgresqlconf })));
}

/** Digest of the migrations' source files (compiled or not), with their names. */
async function migrationsDigest(): Promise<string> {
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) {
    if (!/\.(ts|js)$/.test(name) || name.endsWith('.d.ts')) continue;
    hash.update(name).update('\0').update(await readFile(join(dir, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The tarball of an empty cluster for `postgresqlconf` with every migration applied by `migrate`
 * (the caller's migrator on that cluster), made from the empty one (and kept in `cacheDir`) on
 * first use.
 */
export async function migratedTemplate(cacheDir: string, postgresqlconf: string[], migrate: (pglite: PGlite) => Promise<void>): Promise<Blob> {
  const file = join(cacheDir, `pglite-${await pgliteVersion()}-migrated-${await migrationsDigest()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // not made yet
  }
  const fresh = await PGlite.create('memory://', { postgresqlconf, loadDataDir: await initdbTemplate(cacheDir, postgresqlconf) });
  try {
    await migrate(fresh);
  } catch (err) {
    await fresh.close();
    throw err;
  }
  return keep(file, await dumpOf(fresh));
}

async function dumpOf(pglite: PGlite): Promise<Blob> {
  try {
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

async function keep(file: string, dump: Blob): Promise<Blob> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}
