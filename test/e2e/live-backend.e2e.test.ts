import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { loadHardwareStore } from '../../src/demo-backend/ferreteria.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * The hardware store reading live stock and accounts from its business backend (the demo backend,
 * over real HTTP with a bearer token) through the connector port, in the whole server: what the
 * backend says is what the customer reads, and when the backend is gone the answer says it cannot
 * check — never the JSON file's figure.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN_ENV = 'HILO_TEST_FERRETERIA_BACKEND_TOKEN';
const TOKEN = 'e2e-backend-token-0123456789';

let backend: DemoBackend;
let server: TestServer;
let tenantsDir: string;
let sender = 0;

beforeAll(async () => {
  backend = createDemoBackend({
    seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')),
    store: await loadHardwareStore(join(ROOT, 'tenants/ferreteria')),
    clock: systemClock,
    logger: createSilentLogger(),
    token: TOKEN,
  });
  const url = await backend.listen();
  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-live-backend-'));
  await cp(join(ROOT, 'tenants', 'ferreteria'), join(tenantsDir, 'ferreteria'), { recursive: true });
  const file = join(tenantsDir, 'ferreteria', 'tenant.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  settings.backend = { baseUrl: `${url}/ferreteria`, auth: { type: 'bearer', tokenEnv: TOKEN_ENV }, timeoutMs: 1000, breaker: { failureThreshold: 2, openMs: 60_000 } };
  await writeFile(file, JSON.stringify(settings, null, 2));
  process.env[TOKEN_ENV] = TOKEN;
  server = await startHiloForTest({ env: { HILO_TENANTS_DIR: tenantsDir } });
});

afterAll(async () => {
  await server?.close();
  await backend?.close();
  delete process.env[TOKEN_ENV];
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

async function say(from: string, text: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender: from, text }),
  });
  const body = (await res.json()) as { messages: { author: string; text: string }[] };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n');
}

const newSender = () => `live-${process.pid}-${++sender}`;
const setStock = async (sku: string, stock: number) => {
  const res = await fetch(`${backend.url}/ferreteria/stock/${sku}`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ stock }) });
  expect(res.status).toBe(200);
};

describe('ferreteria with a live business backend', () => {
  it('should answer stock from the backend as it is now, not from catalog.json', async () => {
    await setStock('CEM-001', 37);
    const first = await say(newSender(), '¿cuánto cuesta el cemento gris cemex?');
    expect(first).toContain('disponible: 37');
    await setStock('CEM-001', 0);
    const second = await say(newSender(), '¿cuánto cuesta el cemento gris cemex?');
    expect(second).not.toContain('disponible: 37');
    expect(second).toMatch(/agotado/i);
    await setStock('CEM-001', 230);
  });

  it('should verify and answer an account read from the backend', async () => {
    const from = newSender();
    const ask = await say(from, 'quiero saber el estado de mi cuenta 10234');
    expect(ask).toContain('10234');
    const answer = await say(from, '1300');
    expect(answer).toMatch(/al día/);
    expect(answer).toContain('María');
  });

  it('should say it cannot check when the backend is down, open the circuit, and never show the file\'s stock', async () => {
    await backend.close();
    const product = await say(newSender(), 'what is the price of cemex gray cement?');
    expect(product).toContain("stock: I can't check it right now");
    expect(product).not.toMatch(/available: \d/);
    const account = await say(newSender(), 'quiero saber el estado de mi cuenta 10234');
    expect(account).toContain('no puedo consultar las cuentas');
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toContain('hilo_backend_circuit_state{tenant="ferreteria",backend="business"} 2');
    expect(metrics).toMatch(/hilo_backend_requests_total\{tenant="ferreteria",backend="business",outcome="HILO_ERR_BACKEND_CIRCUIT_OPEN"\} [1-9]/);
    expect(metrics).toMatch(/hilo_backend_requests_total\{tenant="ferreteria",backend="business",outcome="ok"\} [1-9]/);
  });
});
