/**
 * The demo console admin's generated password, kept in the data folder beside `demo-api-key`, so
 * a developer who wrote it down can log in again after a restart. Mode 0600; a file holding
 * something implausible is replaced.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_AGENT_PASSWORD_FILE = 'demo-agent-password';

/** A readable random password (96 bits). */
export function generateAgentPassword(): string {
  return randomBytes(12).toString('base64url');
}

export function loadOrCreateDemoAgentPassword(dataDir: string, generate: () => string = generateAgentPassword): { password: string; created: boolean } {
  const path = join(dataDir, DEMO_AGENT_PASSWORD_FILE);
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= 8 && /^[\x21-\x7e]+$/.test(kept)) return { password: kept, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const password = generate();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  return { password, created: true };
}
