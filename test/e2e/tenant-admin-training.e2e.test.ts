import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_KEY = `admin_${'w'.repeat(30)}`;

/**
 * Retraining the hardware store's classifier (its whole utterance set; about 1–2 s of CPU on a
 * loaded machine when trained on the event loop) must not stall the server: it runs in a worker
 * thread. Not a speed test: a 20 ms timer keeps firing, and a message is answered meanwhile.
 */
let server: TestServer;
let tenantsDir: string;

async function admin(method: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${server.baseUrl}/api/admin/tenants/ferreteria`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

beforeAll(async () => {
  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-admin-worker-'));
  for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
  server = await startHiloForTest({ env: { HILO_TENANTS_DIR: tenantsDir, HILO_ADMIN_KEY: ADMIN_KEY } });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

describe('tenant admin training off the event loop', () => {
  it("should keep a 20 ms timer firing while the hardware store's classifier retrains", async () => {
    const utterances = JSON.parse(await readFile(join(ROOT, 'tenants', 'ferreteria', 'utterances.json'), 'utf8')) as Record<string, { es: string[]; en: string[] }>;
    utterances.price_quote!.es.push('cuanto me sale el saco de cemento gris hoy');
    let ticks = 0;
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 20);
    let status: Record<string, any> = {};
    let answeredWhileTraining = false;
    try {
      const accepted = await admin('PATCH', { utterances });
      expect(accepted.status).toBe(202);
      for (;;) {
        status = (await admin('GET')).body;
        if (status.status !== 'training') break;
        // The server answers customers while the new version trains.
        const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/nlu/parse`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'a como está la varilla de 3/8?' }),
        });
        if (res.status === 200) answeredWhileTraining = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      clearInterval(timer);
    }
    expect(status).toMatchObject({ version: 2, status: 'active', activeVersion: 2 });
    expect(answeredWhileTraining).toBe(true);
    expect(ticks).toBeGreaterThan(10);
    // Roomy: the machine is loaded (a full suite next to other work stretched a 20 ms tick to 428 ms
    // once); trained on the event loop the same update blocks for a second or more.
    expect(maxGap).toBeLessThan(750);
    expect(server.hilo.tenants.get('ferreteria')?.data.utterances.price_quote?.es).toContain('cuanto me sale el saco de cemento gris hoy');
  }, 120_000);
});
