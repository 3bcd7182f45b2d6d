import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createBackendClient } from '../../../src/actors/connectors/index.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { createCatalogIndex } from '../../../src/actors/tools/index.js';
import { createLiveTools } from '../../../src/actors/tools/live-data.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { TENANT_SETTINGS } from '../../../src/persistence/tenant-schemas.js';
import { createTenantBackend } from '../../../src/runtime/backend-wiring.js';
import { demoTenant } from '../tools/helpers.js';

let tenant: TenantData;
let brain: Brain;
let server: Server;
let baseUrl: string;
let answer: (path: string, res: ServerResponse) => void;
let paths: string[];

beforeAll(async () => {
  tenant = await demoTenant();
  brain = createRuleBrain({ tenant });
});

beforeEach(async () => {
  paths = [];
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    answer(req.url ?? '', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

function tools() {
  const client = createBackendClient({ tenantId: 'ferreteria', backend: 'business', baseUrl, clock: createManualClock(), logger: createSilentLogger(), retry: { maxAttempts: 1 } });
  return createLiveTools({ data: tenant, index: createCatalogIndex(tenant.catalog), client, logger: createSilentLogger() });
}

async function askProduct(text: string, lang: 'es' | 'en' = 'es'): Promise<string> {
  const u = await brain.understand({ text, messageId: 'm1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k' });
  const out = await tools().answerProduct({ tenantId: 'ferreteria', lang, intent: 'price_quote', understanding: u, text, idempotencyKey: 'conv-1:1' });
  return out.replies.map((r) => renderReply(r, tenant.templates, lang)).join('\n');
}

describe('live stock and accounts through the connector', () => {
  it('should show the backend\'s stock and treat a SKU the backend does not list as out of stock', async () => {
    answer = (_p, res) => json(res, 200, { items: [{ sku: 'CEM-001', stock: 12 }] });
    expect(await askProduct('¿cuánto cuesta el cemento gris cemex?')).toContain('disponible: 12');
    answer = (_p, res) => json(res, 200, { items: [] });
    const out = await askProduct('¿cuánto cuesta el cemento gris cemex?');
    expect(out).toMatch(/agotado/);
    expect(out).not.toMatch(/disponible: \d/);
  });

  it('should show prices with "can\'t check" stock when the backend answers malformed data, in both languages', async () => {
    answer = (_p, res) => json(res, 200, { items: [{ sku: 'CEM-001', stock: 'mucho' }] });
    const es = await askProduct('¿cuánto cuesta el cemento gris cemex?');
    expect(es).toContain('existencia: no la puedo verificar ahora mismo');
    expect(es).toMatch(/RD\$/);
    expect(es).not.toMatch(/agotado|disponible: \d/);
    answer = (_p, res) => json(res, 503, {});
    expect(await askProduct('how much is the cemex gray cement?', 'en')).toContain("stock: I can't check it right now");
  });

  it('should look up only the account asked about, and answer "can\'t check" when the backend fails', async () => {
    answer = (p, res) => (p === '/accounts/10234' ? json(res, 200, { number: '10234', holder: 'María Altagracia Peña', standing: 'atrasada', balance: 4500, dueDate: '2026-11-30', phone: '+1 809-555-1300' }) : json(res, 404, {}));
    const live = tools();
    const first = await live.answerAccount({ tenantId: 'ferreteria', lang: 'es', accountId: '10234', idempotencyKey: 'c:1', text: 'mi cuenta 10234' });
    expect(first.outcome).toBe('need_verification');
    const proved = await live.answerAccount({ tenantId: 'ferreteria', lang: 'es', accountId: null, idempotencyKey: 'c:2', text: '1300', access: first.access ?? null, verifying: true });
    expect(proved.outcome).toBe('answered');
    expect(proved.replies[0]).toMatchObject({ template: 'account.atrasada', params: { firstName: 'María', balance: expect.stringContaining('4,500') } });
    expect(paths).toEqual(['/accounts/10234', '/accounts/10234']);
    // Not in the backend (though in accounts.json): no account, the proof fails.
    const unknown = await live.answerAccount({ tenantId: 'ferreteria', lang: 'es', accountId: '20001', idempotencyKey: 'c:3', text: '20001' });
    const failed = await live.answerAccount({ tenantId: 'ferreteria', lang: 'es', accountId: null, idempotencyKey: 'c:4', text: '1300', access: unknown.access ?? null, verifying: true });
    expect(failed.outcome).toBe('verification_failed');
    answer = (_p, res) => json(res, 500, {});
    const down = await live.answerAccount({ tenantId: 'ferreteria', lang: 'en', accountId: '10234', idempotencyKey: 'c:5', text: '10234' });
    expect(down).toEqual({ outcome: 'answered', replies: [{ template: 'account.backend_unavailable' }] });
    expect(renderReply(down.replies[0]!, tenant.templates, 'en')).toContain("can't check accounts");
    // Nothing to look up: no call at all.
    const before = paths.length;
    expect((await live.answerAccount({ tenantId: 'ferreteria', lang: 'es', accountId: null, idempotencyKey: 'c:6', text: 'mi cuenta' })).outcome).toBe('need_account_id');
    expect(paths.length).toBe(before);
  });
});

describe('tenant.json backend settings', () => {
  const base = { id: 'ferreteria', displayName: 'F', defaultLang: 'es', timeZone: 'America/Santo_Domingo', currency: 'DOP' };

  it('should accept a backend naming its credential\'s environment variable, and refuse a secret written in the file', () => {
    expect(TENANT_SETTINGS.safeParse({ ...base, backend: { baseUrl: 'https://erp.example.com/api', auth: { type: 'hmac', secretEnv: 'FERRETERIA_ERP_SECRET', keyId: 'hilo' }, timeoutMs: 2000 } }).success).toBe(true);
    expect(TENANT_SETTINGS.safeParse({ ...base, backend: { baseUrl: 'https://erp.example.com', auth: { type: 'bearer', token: 'plain-secret' } } }).success).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, backend: { baseUrl: 'ftp://erp.example.com' } }).success).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, backend: { baseUrl: 'https://erp.example.com', auth: { type: 'bearer', tokenEnv: 'lower_case' } } }).success).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, backend: { baseUrl: 'https://erp.example.com', timeoutMs: 5 } }).success).toBe(false);
  });

  it('should build no client without a backend, and stop start-up when the named variable is not set', () => {
    const clock = createManualClock();
    const logger = createSilentLogger();
    expect(createTenantBackend(tenant, { env: {}, clock, logger })).toBeUndefined();
    const withBackend: TenantData = { ...tenant, settings: { ...tenant.settings, backend: { baseUrl, auth: { type: 'bearer', tokenEnv: 'X_TOKEN' } } } };
    expect(() => createTenantBackend(withBackend, { env: {}, clock, logger })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CONFIG_INVALID', message: expect.stringContaining('X_TOKEN') }));
    expect(createTenantBackend(withBackend, { env: { X_TOKEN: 't' }, clock, logger })?.tenantId).toBe('ferreteria');
  });
});
