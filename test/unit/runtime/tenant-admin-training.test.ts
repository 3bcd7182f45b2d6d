import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { ClassifierModel } from '../../../src/actors/brain/rule/classifier.js';
import { createTenantRuntime, type TenantRuntime } from '../../../src/actors/tenant-runtime.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { trainClassifierInWorker, type TrainClassifier } from '../../../src/runtime/classifier-training.js';
import type { HttpRequest, Route } from '../../../src/runtime/gateway/index.js';
import { createTenantAdmin } from '../../../src/runtime/tenant-admin.js';
import type { LoadedTenants, TenantBrain } from '../../../src/runtime/tenant-wiring.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ADMIN_KEY = `admin_${'t'.repeat(30)}`;
const clock = createManualClock();
const logger = createSilentLogger();

/** A real tenant runtime on in-memory stores, its brain built from the classifier the admin trained (or trained in place). */
function runtimeOf(data: TenantData, classifier?: ClassifierModel): { runtime: TenantRuntime; brain: TenantBrain } {
  const brain = createRuleBrain({ tenant: data, ...(classifier ? { classifier } : {}) });
  const runtime = createTenantRuntime({
    data,
    brain,
    tickets: createMemoryTicketStore({ clock }),
    leads: createMemoryLeadStore({ clock }),
    crm: { pushLead: async () => {} },
    transcripts: createMemoryTranscriptStore(),
    clock,
    logger,
    contextOf: () => null,
  });
  return { runtime, brain: { brain } };
}

function request(method: string, body?: unknown): HttpRequest {
  return {
    method,
    path: '/api/admin/tenants/estudio',
    query: new URLSearchParams(),
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ip: '127.0.0.1',
    body: Buffer.from(body !== undefined ? JSON.stringify(body) : ''),
  };
}

/**
 * The admin API's training off the event loop, on real worker threads: a worker that dies fails
 * that version and the previous one keeps serving; a healthy one swaps the new version in.
 */
describe('tenant admin training in a worker thread', () => {
  let tenantsDir: string;
  let tenants: LoadedTenants;
  let original: TenantRuntime;
  let trainWith: TrainClassifier = (data) => trainClassifierInWorker(data);
  let admin: ReturnType<typeof createTenantAdmin>;

  const route = (method: string): Route => admin.routes.find((r) => r.method === method)!;
  const call = async (method: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> => {
    const res = await route(method).handler(request(method, body), { params: { tenant: 'estudio' }, log: logger, requestId: 'r1' });
    return { status: res.status, body: JSON.parse(String(res.body)) as Record<string, any> };
  };

  beforeAll(async () => {
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-admin-training-'));
    await cp(join(ROOT, 'tenants', 'estudio'), join(tenantsDir, 'estudio'), { recursive: true });
    const data = await loadTenant(join(tenantsDir, 'estudio'));
    const built = runtimeOf(data);
    original = built.runtime;
    tenants = { runtimes: new Map([['estudio', built.runtime]]), brains: new Map([['estudio', built.brain]]), retire: () => {}, close: async () => {} };
    admin = createTenantAdmin({
      adminKey: ADMIN_KEY,
      tenantsDir,
      tenants,
      build: async (d, _workflows, classifier) => runtimeOf(d, classifier),
      trainClassifier: (d) => trainWith(d),
      apiKeys: createApiKeyRegistry(),
      clustered: false,
      clock,
      logger,
    });
  });

  afterAll(async () => {
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  it('should mark the version failed and keep the previous one when the training worker dies', async () => {
    trainWith = (d) => trainClassifierInWorker(d, { workerUrl: new URL('../../fixtures/training-workers/exits.mjs', import.meta.url) });
    const utterances = JSON.parse(await readFile(join(ROOT, 'tenants', 'estudio', 'utterances.json'), 'utf8')) as Record<string, { es: string[] }>;
    const accepted = await call('PATCH', { utterances });
    expect(accepted.status).toBe(202);
    await admin.settled();
    const status = await call('GET');
    expect(status.body).toMatchObject({ version: 2, status: 'failed', activeVersion: 1 });
    expect(status.body.error).toContain('exited with code 7');
    expect(tenants.runtimes.get('estudio')).toBe(original);
  }, 60_000);

  it('should swap in the version a healthy worker trained', async () => {
    trainWith = (d) => trainClassifierInWorker(d);
    const utterances = JSON.parse(await readFile(join(ROOT, 'tenants', 'estudio', 'utterances.json'), 'utf8')) as Record<string, { es: string[]; en: string[] }>;
    // A new way to ask for the hours, taught by the operator: the new classifier must know it.
    utterances.consultar_horarios!.es.push('a que hora abren el estudio los domingos');
    expect((await call('PATCH', { utterances })).status).toBe(202);
    await admin.settled();
    expect((await call('GET')).body).toMatchObject({ version: 3, status: 'active', activeVersion: 3 });
    const current = tenants.runtimes.get('estudio')!;
    expect(current).not.toBe(original);
    expect(current.data.utterances.consultar_horarios!.es).toContain('a que hora abren el estudio los domingos');
    expect(tenants.brains.get('estudio')!.brain.parse('a que hora abren el estudio los domingos').intent.label).toBe('consultar_horarios');
  }, 60_000);
});
