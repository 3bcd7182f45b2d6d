import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerSecret, SERVER_SECRET_FILE } from '../../../src/runtime/server-secret.js';

describe('loadServerSecret', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'hilo-secret-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('should keep a generated secret in the data folder (mode 0600) and read it back after a restart', () => {
    const d = dir();
    const first = loadServerSecret({ secret: null, dataDir: d, persist: true });
    expect(first.byteLength).toBe(32);
    expect(statSync(join(d, SERVER_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadServerSecret({ secret: null, dataDir: d, persist: true }).equals(first)).toBe(true);
    expect(readFileSync(join(d, SERVER_SECRET_FILE), 'utf8').trim()).toBe(first.toString('base64url'));
  });

  it('should use HILO_SECRET when given and write nothing; a random one in memory mode', () => {
    const d = dir();
    expect(loadServerSecret({ secret: 'z'.repeat(40), dataDir: d, persist: true }).toString()).toBe('z'.repeat(40));
    const a = loadServerSecret({ secret: null, dataDir: d, persist: false });
    const b = loadServerSecret({ secret: null, dataDir: d, persist: false });
    expect(a.equals(b)).toBe(false);
    expect(() => statSync(join(d, SERVER_SECRET_FILE))).toThrow();
  });
});
