import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_KEY = `admin_${'i'.repeat(30)}`;
const NEW_TENANT = 'spa-wired';
// The new tenant's WhatsApp number and secrets, named in its tenant.json (`channels`), set in the environment.
const ENV = { slack: 'HILO_TEST_SPA_WIRED_SLACK_URL', secret1: 'HILO_TEST_SPA_WIRED_WA_SECRET_1', secret2: 'HILO_TEST_SPA_WIRED_WA_SECRET_2', verify: 'HILO_TEST_SPA_WIRED_WA_VERIFY', token: 'HILO_TEST_SPA_WIRED_WA_TOKEN', unset: 'HILO_TEST_SPA_WIRED_NEVER_SET' };
const SPA = { secret1: 'spa-wired-app-secret-one-7d1e', secret2: 'spa-wired-app-secret-two-0b9c', phoneNumberId: '309876543210001', accessToken: 'spa-wired-access-token' };
const STUDIO = { secret: 'estudio-wired-app-secret-44aa', phoneNumberId: '209876543210987', accessToken: 'estudio-wired-access-token' };
const CUSTOMER = '18095550177';

/**
 * A tenant created through the admin API gets its integrations at once, without a restart: its
 * signed WhatsApp webhook (secret named in its tenant.json) is answered through the Graph API from
 * its own number, another tenant's secret is refused, a changed secret replaces the old one, and
 * its agents can log in to the console. A version whose secret is not set fails alone.
 */
describe('tenant admin API: per-tenant integrations without a restart', () => {
  let server: TestServer;
  let graph: FakeGraph;
  let slack: FakeSlack;
  let tenantsDir: string;
  let tenantKey = '';
  let wamids = 0;

  async function readJson(path: string): Promise<unknown> {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  }

  async function spaBody(appSecretEnv: string): Promise<Record<string, unknown>> {
    const dir = join(ROOT, 'tenants', 'estudio');
    const templates: Record<string, unknown> = {};
    for (const name of (await readdir(join(dir, 'templates'))).filter((n) => n.endsWith('.json'))) templates[name.replace(/\.json$/, '')] = await readJson(join(dir, 'templates', name));
    const channels = { whatsapp: { appSecretEnv, verifyTokenEnv: ENV.verify, accessTokenEnv: ENV.token, phoneNumberId: SPA.phoneNumberId } };
    return {
      tenant: { ...(await readJson(join(dir, 'tenant.json')) as Record<string, unknown>), id: NEW_TENANT, displayName: 'Spa Wired', channels },
      store: await readJson(join(dir, 'store.json')),
      intents: await readJson(join(dir, 'intents.json')),
      utterances: await readJson(join(dir, 'utterances.json')),
      workflows: await readJson(join(dir, 'workflows.json')),
      templates,
    };
  }

  async function admin(method: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
    const res = await fetch(`${server.baseUrl}/api/admin/tenants/${NEW_TENANT}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  async function settled(version: number): Promise<Record<string, any>> {
    for (;;) {
      const { body } = await admin('GET');
      expect(body.version).toBe(version);
      if (body.status !== 'training') return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  function webhook(tenant: string, text: string, secret: string, phoneNumberId: string): Promise<Response> {
    const body = waMessage({ id: `wamid.wired.${process.pid}.${++wamids}`, timestamp: String(Math.floor(systemClock.now() / 1000)), type: 'text', text: { body: text } }, { from: CUSTOMER, name: 'Rosa' });
    const raw = metaJson({ ...body, entry: (body.entry as Array<Record<string, unknown>>).map((e) => ({ ...e, changes: (e.changes as Array<{ value: Record<string, unknown> }>).map((c) => ({ ...c, value: { ...c.value, metadata: { display_phone_number: '18095550000', phone_number_id: phoneNumberId } } })) })) });
    return fetch(`${server.baseUrl}/webhooks/whatsapp/${tenant}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(secret, raw) }, body: new Uint8Array(raw) });
  }

  /** The texts the fake Graph API accepted for the customer, sent from `phoneNumberId`, since `from` requests. */
  const repliesSince = (from: number, phoneNumberId: string): string[] =>
    graph.requests
      .slice(from)
      .filter((r) => r.status === 200 && r.path.includes(`/${phoneNumberId}/`) && (r.body as { to?: string })?.to === CUSTOMER)
      .map((r) => ((r.body as { text?: { body?: string }; interactive?: { body?: { text?: string } } }).text?.body ?? (r.body as { interactive?: { body?: { text?: string } } }).interactive?.body?.text ?? ''));

  /** One signed message; its status and the replies that reached the Graph API for it. */
  async function say(tenant: string, secret: string, phoneNumberId: string, text = 'hola'): Promise<{ status: number; replies: string[] }> {
    const before = graph.requests.length;
    const res = await webhook(tenant, text, secret, phoneNumberId);
    await server.hilo.drainOutbox();
    return { status: res.status, replies: repliesSince(before, phoneNumberId) };
  }

  beforeAll(async () => {
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-tenant-admin-wired-'));
    for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
    Object.assign(process.env, { [ENV.secret1]: SPA.secret1, [ENV.secret2]: SPA.secret2, [ENV.verify]: 'spa-wired-verify', [ENV.token]: SPA.accessToken });
    // The Graph API knows the new tenant's number and token only: a reply from any other number would fail.
    graph = await startFakeGraph({ accessToken: SPA.accessToken, phoneNumberId: SPA.phoneNumberId });
    slack = await startFakeSlack();
    process.env[ENV.slack] = slack.webhookUrl;
    server = await startHiloForTest({
      env: {
        HILO_TENANTS_DIR: tenantsDir,
        HILO_ADMIN_KEY: ADMIN_KEY,
        // The admin routes' own limit; customer routes keep the default 64 KiB.
        HILO_ADMIN_MAX_BODY_BYTES: String(512 * 1024),
        HILO_PUBLIC_URL: 'https://hilo.example.com',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_PAIR_BURST: '1000',
        HILO_WHATSAPP_APP_SECRET_ESTUDIO: STUDIO.secret,
        HILO_WHATSAPP_VERIFY_TOKEN_ESTUDIO: 'estudio-wired-verify',
        HILO_WHATSAPP_PHONE_NUMBER_ID_ESTUDIO: STUDIO.phoneNumberId,
        HILO_WHATSAPP_ACCESS_TOKEN_ESTUDIO: STUDIO.accessToken,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await graph?.close();
    await slack?.close();
    for (const name of Object.values(ENV)) delete process.env[name];
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  it('should answer a signed WhatsApp webhook of a tenant created without a restart, from its own number', async () => {
    expect((await webhook(NEW_TENANT, 'hola', SPA.secret1, SPA.phoneNumberId)).status).toBe(404);
    const created = await admin('PUT', await spaBody(ENV.secret1));
    expect(created.status).toBe(202);
    tenantKey = created.body.apiKey as string;
    expect(await settled(1)).toMatchObject({ status: 'active', activeVersion: 1 });
    const answered = await say(NEW_TENANT, SPA.secret1, SPA.phoneNumberId);
    expect(answered.status).toBe(200);
    expect(answered.replies.join('\n')).toContain('Estudio Bella Vida');
    expect(graph.requests.filter((r) => r.status !== 200)).toEqual([]);
  });

  it("should refuse the new tenant's webhook signed with another tenant's secret, and keep that tenant's own", async () => {
    const forged = await say(NEW_TENANT, STUDIO.secret, SPA.phoneNumberId);
    expect(forged.status).toBe(403);
    expect(forged.replies).toEqual([]);
    expect((await say('estudio', SPA.secret1, STUDIO.phoneNumberId)).status).toBe(403);
    expect((await say('estudio', STUDIO.secret, STUDIO.phoneNumberId)).status).toBe(200);
  });

  it('should take a changed secret after a PATCH and refuse the old one', async () => {
    const patched = await admin('PATCH', { tenant: (await spaBody(ENV.secret2)).tenant });
    expect(patched.status).toBe(202);
    expect(await settled(2)).toMatchObject({ status: 'active', activeVersion: 2 });
    const old = await say(NEW_TENANT, SPA.secret1, SPA.phoneNumberId);
    expect(old.status).toBe(403);
    expect(old.replies).toEqual([]);
    const current = await say(NEW_TENANT, SPA.secret2, SPA.phoneNumberId, 'ayuda');
    expect(current.status).toBe(200);
    expect(current.replies.length).toBeGreaterThan(0);
  });

  it('should fail a version whose secret is not set, alone: the previous wiring and the other tenants keep working', async () => {
    const broken = await admin('PATCH', { tenant: (await spaBody(ENV.unset)).tenant });
    expect(broken.status).toBe(202);
    const status = await settled(3);
    expect(status).toMatchObject({ status: 'failed', activeVersion: 2 });
    expect(status.error).toContain(ENV.unset);
    expect(status.error).not.toContain(SPA.secret2);
    expect((await say(NEW_TENANT, SPA.secret2, SPA.phoneNumberId)).status).toBe(200);
    expect((await say('estudio', STUDIO.secret, STUDIO.phoneNumberId)).status).toBe(200);
  });

  it("should let the new tenant's agents log in to the console", async () => {
    const password = 'spa-wired-agent-password';
    const created = await fetch(`${server.baseUrl}/console/api/tenants/${NEW_TENANT}/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenantKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rosa', displayName: 'Rosa', role: 'agent', password }),
    });
    expect(created.status).toBe(201);
    const login = (tenant: string) => fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, username: 'rosa', password }) });
    const ok = await login(NEW_TENANT);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { agent: { tenant: string } }).agent.tenant).toBe(NEW_TENANT);
    expect((await login('estudio')).status).toBe(401);
  });

  it('should take a whole tenant within the admin body limit, answer 413 beyond it and write nothing, while customer routes keep 64 KiB', async () => {
    const body = await spaBody(ENV.secret2);
    // About 80 KB: above the customer routes' 64 KiB, within the admin routes' limit (the PUT above took it).
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(64 * 1024);
    const before = await readFile(join(tenantsDir, NEW_TENANT, 'tenant.json'), 'utf8');
    const huge = { ...body, tenant: { ...(body.tenant as object), displayName: 'x'.repeat(600 * 1024) } };
    const res = await fetch(`${server.baseUrl}/api/admin/tenants/${NEW_TENANT}`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(huge) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_HTTP_BODY_TOO_LARGE');
    expect(await readFile(join(tenantsDir, NEW_TENANT, 'tenant.json'), 'utf8')).toBe(before);
    expect((await admin('GET')).body).toMatchObject({ version: 3, activeVersion: 2 });
    const customer = await fetch(`${server.baseUrl}/api/tenants/${NEW_TENANT}/messages`, { method: 'POST', headers: { authorization: `Bearer ${tenantKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'big', text: 'x'.repeat(70 * 1024) }) });
    expect(customer.status).toBe(413);
  });

  it('should list every problem of a tenant body with its file and JSON path, at most 50 and a count of the rest', async () => {
    const body = await spaBody(ENV.secret2);
    const catalog = Array.from({ length: 60 }, (_, i) => ({ sku: `S-${i}`, name: `Item ${i}`, category: 'c', price: i < 3 ? 'mil' : 10, stock: 1, unit: 'u' }));
    (body.tenant as Record<string, unknown>).defaultLang = 'fr';
    const flow = (body.templates as Record<string, { es: Record<string, string>; en: Record<string, string> }>).flow!;
    delete flow.en.greeting;
    const refused = await admin('PUT', { ...body, catalog, cannedReplies: [{ id: 'Bad Id', title: '', text: { es: 'hola', en: 'hi' } }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('HILO_ERR_TENANT_INVALID');
    const paths = (refused.body.error.details as { file: string; path: string }[]).map((p) => `${p.file} ${p.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['tenant.json $.defaultLang', 'catalog.json $[0].price', 'catalog.json $[1].price', 'catalog.json $[2].price', 'templates/flow.json $.en["greeting"]', 'canned-replies.json $[0].id', 'canned-replies.json $[0].title']),
    );
    expect((await admin('GET')).body).toMatchObject({ activeVersion: 2 });

    const many = await admin('PUT', { ...body, catalog: catalog.map((p) => ({ ...p, price: 'mil', stock: -1 })) });
    expect(many.status).toBe(400);
    const details = many.body.error.details as { file: string; path: string; problem: string }[];
    expect(details).toHaveLength(51);
    expect(details[50]!.problem).toMatch(/^… and \d+ more problems$/);
    // 60 prices and 60 stocks, the language and the English greeting: 122 problems.
    expect(details[50]!.problem).toBe('… and 72 more problems');
  });

  it("should send the tenant's critical alerts to the Slack its tenant.json names once a PATCH adds it", async () => {
    const critical = async (marker: string): Promise<void> => {
      const res = await fetch(`${server.baseUrl}/api/tenants/${NEW_TENANT}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenantKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender: `wired-critical-${marker}`, text: `Me quemé con un producto de ustedes y estoy herido en el hospital, es urgente. Referencia ${marker}` }),
      });
      expect(res.status).toBe(200);
      await server.hilo.drainOutbox();
    };
    const alerts = (marker: string) => slack.messages.filter((m) => JSON.stringify(m).includes(marker));
    await critical('WIRED-BEFORE');
    expect(alerts('WIRED-BEFORE')).toEqual([]);
    const tenant = { ...((await spaBody(ENV.secret2)).tenant as object), integrations: { slack: { webhookUrlEnv: ENV.slack } } };
    expect((await admin('PATCH', { tenant })).status).toBe(202);
    expect(await settled(4)).toMatchObject({ status: 'active', activeVersion: 4 });
    await critical('WIRED-AFTER');
    expect(alerts('WIRED-AFTER')).toHaveLength(1);
  });
});
