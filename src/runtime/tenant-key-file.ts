/**
 * Keys the tenant admin API issued, kept as SHA-256 digests in the data folder so a tenant created
 * at run time keeps its key across restarts (durable mode; memory mode forgets every tenant key, as
 * it forgets everything else). The file never holds a key itself: a digest cannot be used as one.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TENANT_KEYS_FILE = 'tenant-api-keys.json';
const DIGEST = /^[0-9a-f]{64}$/;

type KeptDigests = Record<string, string[]>;

function parse(text: string): KeptDigests {
  const raw = JSON.parse(text) as unknown;
  const kept: KeptDigests = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return kept;
  for (const [tenantId, list] of Object.entries(raw)) {
    if (Array.isArray(list)) kept[tenantId] = list.filter((d): d is string => typeof d === 'string' && DIGEST.test(d));
  }
  return kept;
}

/** Every kept digest (none when the file does not exist), to register with `ApiKeyRegistry.addHashed` at start-up. */
export function loadTenantKeyDigests(dataDir: string): { tenantId: string; sha256: string }[] {
  let text: string;
  try {
    text = readFileSync(join(dataDir, TENANT_KEYS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return Object.entries(parse(text)).flatMap(([tenantId, list]) => list.map((sha256) => ({ tenantId, sha256 })));
}

/** Adds one digest to the file (written to a temporary file, then renamed over it; mode 0600). */
export async function keepTenantKeyDigest(dataDir: string, tenantId: string, sha256: string): Promise<void> {
  if (!DIGEST.test(sha256)) throw new RangeError('expected a SHA-256 digest in lowercase hex');
  const path = join(dataDir, TENANT_KEYS_FILE);
  let kept: KeptDigests = {};
  try {
    kept = parse(await readFile(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const list = kept[tenantId] ?? [];
  if (!list.includes(sha256)) list.push(sha256);
  kept[tenantId] = list;
  await mkdir(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
