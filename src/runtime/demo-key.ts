/**
 * The demo tenant's generated API key, kept in the data folder so it survives restarts: a developer
 * who pasted it into a shell or a script should not have to copy a new one after every `npm start`.
 * Written with mode 0600; a file that holds something other than a plausible key is replaced.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_KEY_FILE = 'demo-api-key';
/** Keys shorter than this are refused (the same minimum as `HILO_DEMO_API_KEY`). */
export const MIN_API_KEY_CHARS = 16;

/** Reads the kept key from `dataDir`, or makes one with `generate` and keeps it. */
export function loadOrCreateDemoKey(dataDir: string, generate: () => string): { key: string; created: boolean } {
  const path = join(dataDir, DEMO_KEY_FILE);
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= MIN_API_KEY_CHARS && /^[\x21-\x7e]+$/.test(kept)) return { key: kept, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = generate();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return { key, created: true };
}
