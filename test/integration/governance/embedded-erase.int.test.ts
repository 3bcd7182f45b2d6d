import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';

/**
 * Erasure on embedded PGlite must be physical: before the scrub, a deleted customer's e-mail and
 * name stayed readable in dead heap tuples and in (recycled) WAL segments of the data folder.
 * The folder is searched byte for byte, while the server is still running and after it stops.
 */
const CANARY_EMAIL = 'zq81-canary.erase@example.do';
const CANARY_NAME = 'Wilfredo Canarioxq';

function filesContaining(dir: string, needle: string): string[] {
  // grep -r -l -a: binary files too; exit 1 means "no match".
  try {
    return execFileSync('grep', ['-r', '-l', '-a', '-F', needle, dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch (err) {
    if ((err as { status?: number }).status === 1) return [];
    throw err;
  }
}

describe('contact erasure on embedded PGlite', () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hilo-erase-'));
    server = await startHiloForTest({ env: { HILO_STORAGE: 'durable', HILO_DATA_DIR: dataDir } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should leave no trace of the erased contact in the data folder', async () => {
    const auth = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    const say = async (sender: string, text: string) => {
      const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ sender, text }) });
      expect(res.status).toBe(200);
      return (await res.json()) as { conversation_id: string };
    };
    await say('erase-canary', 'Somos una constructora y queremos comprar al por mayor');
    await say('erase-canary', `Me llamo ${CANARY_NAME}`);
    const { conversation_id: id } = await say('erase-canary', CANARY_EMAIL);
    // Someone else's conversation stays.
    await say('erase-keeper', 'Me llamo Keeper Persona, keeper.stays@example.do');

    // The canary is on disk before the erasure (otherwise the search below proves nothing).
    const pglite = join(dataDir, 'pglite');
    const deadline = Date.now() + 10_000;
    while (filesContaining(pglite, CANARY_EMAIL).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(filesContaining(pglite, CANARY_EMAIL).length).toBeGreaterThan(0);

    const erased = await fetch(`${server.baseUrl}/api/tenants/ferreteria/contacts/${id}`, { method: 'DELETE', headers: auth });
    expect(erased.status).toBe(200);

    expect(filesContaining(pglite, CANARY_EMAIL)).toEqual([]);
    expect(filesContaining(pglite, CANARY_NAME)).toEqual([]);
    await server.close();
    expect(filesContaining(pglite, CANARY_EMAIL)).toEqual([]);
    expect(filesContaining(pglite, CANARY_NAME)).toEqual([]);
    // Erasure is targeted: the other contact's data is still there.
    expect(filesContaining(pglite, 'keeper.stays@example.do').length).toBeGreaterThan(0);
  }, 60_000);
});
