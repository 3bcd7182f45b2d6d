import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { startFakeCrmReceiver, type FakeCrmReceiver } from '../fakes/crm-receiver.js';
import { outgoingWebhookBody, startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * Two tenants on one server: `ferreteria` uses the environment's Rocket.Chat, Slack and CRM;
 * `norte` names its own in tenant.json (secrets by environment variable). Each tenant's handoff
 * notices, alerts and leads reach its own destinations only, and Rocket.Chat's outgoing webhook
 * is checked against each tenant's own token.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GLOBAL_CRM_SECRET = 'global-crm-secret-0123456789';
const NORTE_CRM_SECRET = 'norte-crm-secret-abcdefghijkl';
const GLOBAL_TOKEN = 'global-outgoing-token-123';
const NORTE_TOKEN = 'norte-outgoing-token-456';
const NORTE_KEY = 'norte-api-key-0123456789abcdef';
const ENV = ['HILO_TEST_NORTE_RC_URL', 'HILO_TEST_NORTE_RC_TOKEN', 'HILO_TEST_NORTE_SLACK_URL', 'HILO_TEST_NORTE_CRM_SECRET'] as const;

let server: TestServer;
let tenantsDir: string;
const fakes: { rc: FakeRocketChat[]; slack: FakeSlack[]; crm: FakeCrmReceiver[] } = { rc: [], slack: [], crm: [] };

beforeAll(async () => {
  const [globalRc, norteRc] = [await startFakeRocketChat(), await startFakeRocketChat({ integrationId: 'norteInt01', token: 'NorteTok9' })];
  const [globalSlack, norteSlack] = [await startFakeSlack(), await startFakeSlack({ path: '/services/TNORTE/BNORTE/norte' })];
  const [globalCrm, norteCrm] = [await startFakeCrmReceiver({ secret: GLOBAL_CRM_SECRET, clock: systemClock }), await startFakeCrmReceiver({ secret: NORTE_CRM_SECRET, clock: systemClock, path: '/norte/leads' })];
  fakes.rc.push(globalRc, norteRc);
  fakes.slack.push(globalSlack, norteSlack);
  fakes.crm.push(globalCrm, norteCrm);

  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-integrations-'));
  await cp(join(ROOT, 'tenants', 'ferreteria'), join(tenantsDir, 'ferreteria'), { recursive: true });
  await cp(join(ROOT, 'tenants', 'ferreteria'), join(tenantsDir, 'norte'), { recursive: true });
  const file = join(tenantsDir, 'norte', 'tenant.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  settings.id = 'norte';
  settings.integrations = {
    rocketChat: { webhookUrlEnv: 'HILO_TEST_NORTE_RC_URL', outgoingTokenEnv: 'HILO_TEST_NORTE_RC_TOKEN' },
    slack: { webhookUrlEnv: 'HILO_TEST_NORTE_SLACK_URL' },
    crm: { url: norteCrm.url, secretEnv: 'HILO_TEST_NORTE_CRM_SECRET' },
  };
  await writeFile(file, JSON.stringify(settings, null, 2));
  Object.assign(process.env, { HILO_TEST_NORTE_RC_URL: norteRc.webhookUrl, HILO_TEST_NORTE_RC_TOKEN: NORTE_TOKEN, HILO_TEST_NORTE_SLACK_URL: norteSlack.webhookUrl, HILO_TEST_NORTE_CRM_SECRET: NORTE_CRM_SECRET });
  server = await startHiloForTest({
    env: {
      HILO_TENANTS_DIR: tenantsDir,
      HILO_API_KEYS: `norte:${NORTE_KEY}`,
      HILO_ROCKETCHAT_WEBHOOK_URL: globalRc.webhookUrl,
      HILO_ROCKETCHAT_OUTGOING_TOKEN: GLOBAL_TOKEN,
      HILO_SLACK_WEBHOOK_URL: globalSlack.webhookUrl,
      HILO_CRM_WEBHOOK_URL: globalCrm.url,
      HILO_CRM_WEBHOOK_SECRET: GLOBAL_CRM_SECRET,
    },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  for (const f of [...fakes.rc, ...fakes.slack, ...fakes.crm]) await f.close();
  for (const name of ENV) delete process.env[name];
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

async function say(tenant: string, from: string, text: string): Promise<{ state: { value: string; context: Record<string, any> }; messages: { author: string; text: string }[] }> {
  const res = await fetch(`${server.baseUrl}/api/tenants/${tenant}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tenant === 'norte' ? NORTE_KEY : server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender: from, text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

const ANSWERS: Record<string, string> = {
  name: 'Rafael Peña',
  email: 'rafael.pena@obrasdelsur.do',
  company_name: 'Obras del Sur SRL',
  interest_area: 'Ventas',
  problem_statement: 'Necesitamos blocks y cemento para una nave de 800 m2 en San Pedro, es urgente.',
  urgency_level: 'Alto',
};

/** A critical handoff whose customer words carry `marker` (ticket numbers repeat across tenants: T-000001 in each). */
async function criticalHandoff(tenant: string, marker: string): Promise<string> {
  const t = await say(tenant, `crit-${tenant}-${process.pid}`, `Compré una escalera, se rompió y mi hijo está herido en el hospital. Factura ${marker}`);
  const number = /T-\d{6}/.exec(t.messages.map((m) => m.text).join('\n'))?.[0];
  expect(number, JSON.stringify(t.messages)).toBeDefined();
  return marker;
}

async function lead(tenant: string): Promise<string> {
  const from = `lead-${tenant}-${process.pid}`;
  let t = await say(tenant, from, 'Buenas, quiero una cotización de materiales para mi empresa');
  for (let i = 0; i < 10 && t.state.value.startsWith('workflow.form.collecting'); i++) t = await say(tenant, from, ANSWERS[(t.state.context.expecting as { field: string }).field] ?? 'no');
  t = await say(tenant, from, 'sí, correcto');
  return t.state.context.lead.leadId as string;
}

describe('per-tenant Rocket.Chat, Slack and CRM', () => {
  it('should send each tenant\'s handoff notice and critical alert to its own agent chat and Slack', async () => {
    const [globalRc, norteRc] = fakes.rc as [FakeRocketChat, FakeRocketChat];
    const [globalSlack, norteSlack] = fakes.slack as [FakeSlack, FakeSlack];
    const ferreteria = await criticalHandoff('ferreteria', 'FA-7731');
    const norte = await criticalHandoff('norte', 'FN-4452');
    await server.hilo.drainOutbox();
    const has = (messages: Array<Record<string, unknown>>, n: string) => messages.some((m) => JSON.stringify(m).includes(n));
    expect(has(globalRc.messages, ferreteria)).toBe(true);
    expect(has(norteRc.messages, norte)).toBe(true);
    expect(has(globalRc.messages, norte)).toBe(false);
    expect(has(norteRc.messages, ferreteria)).toBe(false);
    expect(has(globalSlack.messages, ferreteria)).toBe(true);
    expect(has(norteSlack.messages, norte)).toBe(true);
    expect(has(globalSlack.messages, norte)).toBe(false);
    expect(has(norteSlack.messages, ferreteria)).toBe(false);
  }, 60_000);

  it('should deliver each tenant\'s leads to its own CRM, signed with its own secret', async () => {
    const [globalCrm, norteCrm] = fakes.crm as [FakeCrmReceiver, FakeCrmReceiver];
    const a = await lead('ferreteria');
    const b = await lead('norte');
    await server.hilo.drainOutbox();
    // The fake receivers verify the HMAC with their own secret: a lead signed with the other's would not be applied.
    expect(globalCrm.applied.map((x) => x.idempotencyKey)).toEqual([`ferreteria:${a}`]);
    expect(norteCrm.applied.map((x) => x.idempotencyKey)).toEqual([`norte:${b}`]);
  }, 60_000);

  it('should check Rocket.Chat\'s outgoing webhook against each tenant\'s own token', async () => {
    const post = (tenant: string, token: string) =>
      fetch(`${server.baseUrl}/webhooks/rocketchat/${tenant}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(outgoingWebhookBody({ token, text: 'hola', messageId: `m-${tenant}-${token}` })) });
    expect((await post('norte', GLOBAL_TOKEN)).status).toBe(403);
    expect((await post('norte', NORTE_TOKEN)).status).toBe(200);
    expect((await post('ferreteria', NORTE_TOKEN)).status).toBe(403);
    expect((await post('ferreteria', GLOBAL_TOKEN)).status).toBe(200);
  });
});
