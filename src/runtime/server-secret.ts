/**
 * The server secret: signs widget resume tokens. `HILO_SECRET` when set; otherwise 32 random bytes
 * kept in the data folder (`<HILO_DATA_DIR>/server-secret`, mode 0600) so tokens stay valid across
 * restarts; in memory mode a fresh secret per process (the conversations are gone anyway).
 * Every process of one deployment needs the same secret: set `HILO_SECRET` when there are several.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_SECRET_FILE = 'server-secret';

export function loadServerSecret(options: { secret: string | null; dataDir: string; persist: boolean }): Buffer {
  if (options.secret !== null) return Buffer.from(options.secret, 'utf8');
  if (!options.persist) return randomBytes(32);
  const path = join(options.dataDir, SERVER_SECRET_FILE);
  try {
    const kept = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
    if (kept.byteLength >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32);
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(path, `${secret.toString('base64url')}\n`, { mode: 0o600 });
  return secret;
}
