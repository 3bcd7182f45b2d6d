import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_KEY = `admin_${'k'.repeat(30)}`;
const NEW_TENANT = 'spa-admin';

/**
 * The tenant admin API on a whole server: a third tenant is created from JSON (a copy of the
 * studio's data under a new id) and answers without a restart; its data changes and the new
 * classifier and templates take over once trained; bad data changes nothing.
 */
let server: TestServer;
let tenantsDir: string;
let sender = 0;

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** estudio's files as the admin API takes them, under the new tenant's id. */
async function studioBody(): Promise<Record<string, unknown>> {
  const dir = join(ROOT, 'tenants', 'estudio');
  const templates: Record<string, unknown> = {};
  for (const name of (await readdir(join(dir, 'templates'))).filter((n) => n.endsWith('.json'))) templates[name.replace(/\.json$/, '')] = await readJson(join(dir, 'templates', name));
  const tenant = { ...(await readJson(join(dir, 'tenant.json')) as Record<string, unknown>), id: NEW_TENANT, displayName: 'Spa Admin' };
  return {
    tenant,
    store: await readJson(join(dir, 'store.json')),
    intents: await readJson(join(dir, 'intents.json')),
    utterances: await readJson(join(dir, 'utterances.json')),
    workflows: await readJson(join(dir, 'workflows.json')),
    templates,
  };
}

async function admin(method: string, tenant: string, body?: unknown, key: string | null = ADMIN_KEY): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${server.baseUrl}/api/admin/tenants/${tenant}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Reads the tenant's status until `version` is no longer training. */
async function settled(tenant: string, version: number): Promise<Record<string, any>> {
  for (;;) {
    const { body } = await admin('GET', tenant);
    if (body.version !== version) throw new Error(`expected version ${version}, got ${JSON.stringify(body)}`);
    if (body.status !== 'training') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function say(tenant: string, key: string, text: string): Promise<{ status: number; bot: string; code?: string }> {
  const res = await fetch(`${server.baseUrl}/api/tenants/${tenant}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender: `admin-${process.pid}-${++sender}`, text }),
  });
  const body = (await res.json()) as { messages?: { author: string; text: string }[]; error?: { code: string } };
  return { status: res.status, bot: (body.messages ?? []).filter((m) => m.author === 'bot').map((m) => m.text).join('\n'), ...(body.error ? { code: body.error.code } : {}) };
}

async function labelOf(tenant: string, key: string, text: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/tenants/${tenant}/nlu/parse`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  const body = (await res.json()) as { intent?: { label?: string; name?: string } };
  return body.intent?.label ?? body.intent?.name ?? '';
}

beforeAll(async () => {
  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-tenant-admin-'));
  for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
  // The studio's data is about 80 KB of JSON: above the customer routes' 64 KiB, within the admin routes' own limit.
  server = await startHiloForTest({ env: { HILO_TENANTS_DIR: tenantsDir, HILO_ADMIN_KEY: ADMIN_KEY } });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

describe('tenant admin API', () => {
  let tenantKey = '';

  it('should refuse a request without the admin key, and one with a tenant key', async () => {
    const none = await admin('PUT', NEW_TENANT, await studioBody(), null);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('HILO_ERR_AUTH_MISSING');
    const tenant = await admin('PUT', NEW_TENANT, await studioBody(), server.apiKey);
    expect(tenant.status).toBe(403);
    expect(tenant.body.error.code).toBe('HILO_ERR_ADMIN_KEY_INVALID');
    const read = await admin('GET', 'estudio', undefined, server.apiKey);
    expect(read.status).toBe(403);
    expect(server.hilo.tenants.has(NEW_TENANT)).toBe(false);
  });

  it('should create a third tenant from JSON that answers messages without a restart', async () => {
    const created = await admin('PUT', NEW_TENANT, await studioBody());
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ tenant: NEW_TENANT, version: 1, status: 'training', created: true });
    tenantKey = created.body.apiKey as string;
    expect(tenantKey).toMatch(/^hilo_/);
    const status = await settled(NEW_TENANT, 1);
    expect(status).toMatchObject({ status: 'active', activeVersion: 1 });
    expect(status.intents).toContain('agendar_cita');
    expect(status.trainedAt).toEqual(expect.any(String));
    const reply = await say(NEW_TENANT, tenantKey, 'ayuda');
    expect(reply.status).toBe(200);
    expect(reply.bot).toContain('Estudio Bella Vida');
    expect(JSON.parse(await readFile(join(tenantsDir, NEW_TENANT, 'tenant.json'), 'utf8'))).toMatchObject({ id: NEW_TENANT });
    // No staging folder is left beside the tenants.
    expect((await readdir(tenantsDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('should keep the new tenant key out of the other tenants', async () => {
    const other = await say('ferreteria', tenantKey, 'hola');
    expect(other.status).toBe(403);
    expect(other.code).toBe('HILO_ERR_AUTH_INVALID');
    const estudio = await say('estudio', tenantKey, 'hola');
    expect(estudio.status).toBe(403);
  });

  it('should answer with new templates and utterances once the new version is trained', async () => {
    const body = await studioBody();
    const odd = 'zanahoria morada voladora';
    expect(await labelOf(NEW_TENANT, tenantKey, odd)).not.toBe('ayuda');
    const utterances = body.utterances as Record<string, { es: string[]; en: string[] }>;
    utterances.ayuda!.es.push(odd, `${odd} por favor`, `una ${odd}`);
    const flow = (body.templates as Record<string, { es: Record<string, string>; en: Record<string, string> }>).flow!;
    flow.es.greeting = 'Versión nueva del saludo del spa.';
    flow.en.greeting = 'New version of the spa greeting.';
    const patched = await admin('PATCH', NEW_TENANT, { utterances: body.utterances, templates: body.templates });
    expect(patched.status).toBe(202);
    expect(patched.body).toMatchObject({ version: 2, created: false });
    expect(patched.body.apiKey).toBeUndefined();
    expect(await settled(NEW_TENANT, 2)).toMatchObject({ status: 'active', activeVersion: 2 });
    expect((await say(NEW_TENANT, tenantKey, 'hola')).bot).toContain('Versión nueva del saludo del spa.');
    expect(await labelOf(NEW_TENANT, tenantKey, odd)).toBe('ayuda');
    // estudio, whose data the new tenant started from, is untouched.
    expect((await say('estudio', server.apiKey, 'hola')).bot).toContain('Bienvenida a *Estudio Bella Vida*');
  });

  it('should refuse an invalid workflows.json with its path and keep serving the old data', async () => {
    const before = await readFile(join(tenantsDir, NEW_TENANT, 'workflows.json'), 'utf8');
    const workflows = (await studioBody()).workflows as { workflows: { confirm: { es: string } }[] };
    workflows.workflows[0]!.confirm.es = 'Reservo {reserva}. ¿Confirmo?';
    const refused = await admin('PATCH', NEW_TENANT, { workflows });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('HILO_ERR_TENANT_INVALID');
    expect(refused.body.error.details).toContainEqual(expect.objectContaining({ file: 'workflows.json', path: '$.workflows[0].confirm.es' }));
    expect(await readFile(join(tenantsDir, NEW_TENANT, 'workflows.json'), 'utf8')).toBe(before);
    expect((await admin('GET', NEW_TENANT)).body).toMatchObject({ version: 2, status: 'active' });
    expect((await say(NEW_TENANT, tenantKey, 'hola')).bot).toContain('Versión nueva del saludo del spa.');
    expect((await readdir(tenantsDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('should answer 404 HILO_ERR_TENANT_NOT_FOUND to a PATCH or GET of a tenant that does not exist, whatever its body', async () => {
    const body = await studioBody();
    const asked = [
      await admin('PATCH', 'no-such-tenant', { utterances: body.utterances }),
      await admin('PATCH', 'no-such-tenant', { notAFile: {} }), // a body that is also wrong: the tenant is the first problem
      await admin('PATCH', 'no-such-tenant', {}),
      await admin('PATCH', 'NO-SUCH', { utterances: body.utterances }), // no tenant can have this id
      await admin('GET', 'no-such-tenant'),
      await admin('GET', 'NO-SUCH'),
    ];
    for (const answer of asked) expect([answer.status, answer.body.error?.code]).toEqual([404, 'HILO_ERR_TENANT_NOT_FOUND']);
    // The REST API says the same of an unknown tenant.
    expect((await say('no-such-tenant', server.apiKey, 'hola')).code).toBe('HILO_ERR_TENANT_NOT_FOUND');
    // Authentication still comes first, and a PUT still creates (or refuses a bad id with TENANT_INVALID).
    expect((await admin('PATCH', 'no-such-tenant', { utterances: body.utterances }, null)).status).toBe(401);
    expect((await admin('PUT', 'NO-SUCH', body)).body.error.code).toBe('HILO_ERR_TENANT_INVALID');
    expect(server.hilo.tenants.has('no-such-tenant')).toBe(false);
    expect((await readdir(tenantsDir)).filter((n) => n.startsWith('.') || n.startsWith('no-such'))).toEqual([]);
  });

  it('should list every problem of a whole tenant, and refuse an id that differs from the URL', async () => {
    const body = await studioBody();
    (body.tenant as Record<string, unknown>).id = 'otro';
    (body.workflows as { timeZone: string }).timeZone = 'Mars/Olympus';
    const refused = await admin('PUT', 'spa-bad', { ...body, unknownFile: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toContainEqual(expect.objectContaining({ path: '$.unknownFile' }));
    const again = await admin('PUT', 'spa-bad', body);
    expect(again.status).toBe(400);
    const paths = (again.body.error.details as { file: string; path: string }[]).map((p) => `${p.file} ${p.path}`);
    expect(paths).toContain('tenant.json $.id');
    expect(paths.some((p) => p.startsWith('workflows.json $.timeZone'))).toBe(true);
    expect(server.hilo.tenants.has('spa-bad')).toBe(false);
    expect((await readdir(tenantsDir)).sort()).toEqual(['estudio', 'ferreteria', NEW_TENANT]);
  });
});

describe('tenant admin configuration', () => {
  it('should refuse an admin key shorter than 24 characters', () => {
    expect(() => loadConfig({ HILO_ADMIN_KEY: 'short-key' })).toThrow(/HILO_ADMIN_KEY/);
    expect(loadConfig({ HILO_ADMIN_KEY: ADMIN_KEY }).adminKey).toBe(ADMIN_KEY);
    expect(loadConfig({}).adminKey).toBeNull();
  });
});

describe('tenant admin API without HILO_ADMIN_KEY', () => {
  it('should answer 404 HILO_ERR_ADMIN_DISABLED, whatever key is sent', async () => {
    const off = await startHiloForTest();
    try {
      for (const key of [ADMIN_KEY, off.apiKey]) {
        const res = await fetch(`${off.baseUrl}/api/admin/tenants/estudio`, { headers: { authorization: `Bearer ${key}` } });
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_ADMIN_DISABLED');
      }
    } finally {
      await off.close();
    }
  }, 60_000);
});

describe('tenant admin API when training fails', () => {
  it('should show the version as failed and keep serving the previous one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hilo-tenant-admin-fail-'));
    await cp(join(ROOT, 'tenants', 'ferreteria'), join(dir, 'ferreteria'), { recursive: true });
    // A brain that cannot be built for data named "Broken" (an LLM brain whose key is refused, say).
    const failing = await startHiloForTest({
      env: { HILO_TENANTS_DIR: dir, HILO_ADMIN_KEY: ADMIN_KEY, HILO_MAX_BODY_BYTES: String(1024 * 1024) },
      createBrain: async (data) => {
        if (data.settings.displayName === 'Broken') throw new Error('brain could not be built');
        return { brain: createRuleBrain({ tenant: data }) };
      },
    });
    const previous = server;
    server = failing;
    try {
      const body = await studioBody();
      const created = await admin('PUT', NEW_TENANT, body);
      expect(created.status).toBe(202);
      expect(await settled(NEW_TENANT, 1)).toMatchObject({ status: 'active' });
      const broken = await admin('PUT', NEW_TENANT, { ...body, tenant: { ...(body.tenant as object), displayName: 'Broken' } });
      expect(broken.body).toMatchObject({ version: 2, created: false });
      expect(await settled(NEW_TENANT, 2)).toMatchObject({ status: 'failed', activeVersion: 1, error: 'brain could not be built' });
      const reply = await say(NEW_TENANT, created.body.apiKey as string, 'hola');
      expect(reply.status).toBe(200);
      expect(reply.bot).toContain('Bienvenida a *Estudio Bella Vida*');
    } finally {
      server = previous;
      await failing.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('tenant admin API in durable mode', () => {
  it('should keep a created tenant and its key across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hilo-tenant-admin-durable-'));
    const tenants = join(dir, 'tenants');
    await cp(join(ROOT, 'tenants', 'ferreteria'), join(tenants, 'ferreteria'), { recursive: true });
    const env = { HILO_TENANTS_DIR: tenants, HILO_ADMIN_KEY: ADMIN_KEY, HILO_MAX_BODY_BYTES: String(1024 * 1024), HILO_STORAGE: 'durable', HILO_DATA_DIR: join(dir, 'data') };
    const previous = server;
    try {
      server = await startHiloForTest({ env });
      const created = await admin('PUT', NEW_TENANT, await studioBody());
      const key = created.body.apiKey as string;
      await settled(NEW_TENANT, 1);
      await server.close();
      // The file holds the key's digest, never the key.
      expect(await readFile(join(dir, 'data', 'tenant-api-keys.json'), 'utf8')).not.toContain(key);
      server = await startHiloForTest({ env });
      const reply = await say(NEW_TENANT, key, 'hola');
      expect(reply.status).toBe(200);
      expect(reply.bot).toContain('Bienvenida a *Estudio Bella Vida*');
      expect((await say('ferreteria', key, 'hola')).status).toBe(403);
    } finally {
      await server.close();
      server = previous;
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
