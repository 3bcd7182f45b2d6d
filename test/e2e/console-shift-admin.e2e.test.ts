import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig } from './console-rig.js';

const PASSWORD = 'console-shift-admin-e2e-38';

/**
 * An admin's shift in the console (Debian's Chromium, whole server, REST customers of both demo
 * tenants): tabs that keep one line, no quotes tab where the tenant files none, a confirmation
 * before resolving a customer nobody answered, and the thread saying who took a conversation
 * from outside the console.
 */
describe('agent console, an admin shift', () => {
  let rig: ConsoleRig<TestServer>;
  let server: TestServer;
  let senders = 0;

  beforeAll(async () => {
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
    server = rig.server;
  }, 120_000);

  beforeEach(() => {
    rig.errors.length = 0;
  });

  afterAll(async () => {
    await rig?.close();
  });

  const rest = (tenant: string, path: string, body: unknown) =>
    fetch(`${server.baseUrl}/api/tenants/${tenant}${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  /** A REST customer's message; the conversation's id. */
  const customer = async (text: string, tenant = 'ferreteria'): Promise<string> => {
    const res = await rest(tenant, '/messages', { sender: `admin-shift-${process.pid}-${++senders}`, text });
    expect(res.status).toBe(200);
    return ((await res.json()) as { conversation_id: string }).conversation_id;
  };
  const tabRows = (page: import('playwright-core').Page) => page.locator('[role=tab]').evaluateAll((tabs) => [...new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top)))].length);

  it('should keep the four inbox tabs on one line at 1366 px, in the 300 px inbox of a laptop and on a phone, with counts', async () => {
    await customer('quiero hablar con una persona');
    await customer('necesito una cotización de 30 sacos de cemento gris');
    for (const viewport of [{ width: 1366, height: 768 }, { width: 1100, height: 800 }, { width: 390, height: 844 }]) {
      const page = await rig.newPage({ viewport });
      await rig.logIn(page);
      await page.locator('#tab-quotes [data-count="quotes"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#tab-waiting [data-count="waiting"]').waitFor({ timeout: TIMEOUT });
      expect(await page.locator('[role=tab]').count()).toBe(4);
      expect(await tabRows(page), `tabs on one line at ${viewport.width} px`).toBe(1);
      // The short label is shown; the tab keeps its full name.
      expect(await page.getByRole('tab', { name: 'Todas abiertas' }).innerText()).toBe('Todas');
    }
    expect(rig.errors).toEqual([]);
  });

  it('should show the studio, which files no quotes, no quotes tab', async () => {
    await customer('Hola, soy Carmen, quiero hablar con alguien del estudio', 'estudio');
    const page = await rig.newPage();
    await rig.logIn(page, { tenant: 'estudio' });
    await page.locator('#tab-waiting').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[role=tab]').evaluateAll((tabs) => tabs.map((t) => t.id))).toEqual(['tab-waiting', 'tab-mine', 'tab-open']);
    const session = await page.evaluate(async () => (await fetch('/console/api/session')).json());
    expect(session).toMatchObject({ filesQuotes: false });
    expect(rig.errors).toEqual([]);
  });

  it('should ask an admin before resolving a handoff nobody answered, and resolve only once confirmed', async () => {
    const id = await customer('Me llamo Ramón, quiero hablar con una persona sobre un reembolso');
    const page = await rig.newPage();
    await rig.logIn(page);
    await page.locator(`button[data-conversation="${id}"]`).click();
    await page.locator(`section[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });
    await page.locator('#resolve-outcome').fill('duplicado');
    await page.locator('[data-action="resolve"]').click();
    const confirm = page.locator('[data-status="confirm-resolve"]');
    await confirm.waitFor({ timeout: TIMEOUT });
    expect(await confirm.innerText()).toContain('Nadie ha atendido a este cliente');
    await page.locator('[data-action="resolve-cancel"]').click();
    await confirm.waitFor({ state: 'detached', timeout: TIMEOUT });
    const stateOf = async () => ((await (await fetch(`${server.baseUrl}/console/api/tenants/ferreteria/conversations/${id}`, { headers: { authorization: `Bearer ${server.apiKey}` } })).json()) as { ticket: { status: string } }).ticket.status;
    expect(await stateOf()).toBe('open');
    // The API asks too (session 37): without unanswered: true a handoff nobody answered stays open.
    const direct = await fetch(`${server.baseUrl}/console/api/tenants/ferreteria/conversations/${id}/resolve`, { method: 'POST', headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ outcome: 'duplicado' }) });
    expect(direct.status).toBe(409);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_CONSOLE_RESOLVE_UNANSWERED');
    expect(await stateOf()).toBe('open');

    await page.locator('[data-action="resolve"]').click();
    await page.locator('[data-action="resolve-confirm"]').click();
    await page.locator('.transcript [data-activity="resolved"]').waitFor({ timeout: TIMEOUT });
    expect(await stateOf()).toBe('closed');
    expect(rig.errors).toEqual([]);
  });

  it('should not ask once the admin holds the conversation', async () => {
    const id = await customer('Me llamo Sonia, quiero hablar con una persona');
    const page = await rig.newPage();
    await rig.logIn(page);
    await page.locator(`button[data-conversation="${id}"]`).click();
    await page.locator('[data-action="take"]').click();
    await page.locator('[data-field="assignee"]', { hasText: 'Demo' }).waitFor({ timeout: TIMEOUT });
    await page.locator('#resolve-outcome').fill('resuelto');
    await page.locator('[data-action="resolve"]').click();
    await page.locator('.transcript [data-activity="resolved"]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-status="confirm-resolve"]').count()).toBe(0);
    expect(rig.errors).toEqual([]);
  });

  it('should put "María (API) tomó la conversación" in the thread when she answers through the REST agent route', async () => {
    const id = await customer('Me llamo Tomás, quiero hablar con una persona');
    expect((await rest('ferreteria', `/conversations/${id}/agent-messages`, { agent: 'María', text: 'Hola Tomás, soy María.' })).status).toBe(200);
    const page = await rig.newPage();
    await rig.logIn(page);
    await page.getByRole('tab', { name: 'Todas abiertas' }).click();
    await page.locator(`button[data-conversation="${id}"]`).click();
    const line = page.locator('.transcript [data-author="activity"]', { hasText: 'tomó la conversación' });
    await line.waitFor({ timeout: TIMEOUT });
    // Session 37: the REST route's agent was labelled Rocket.Chat; the thread says where she answered from.
    expect(await line.innerText()).toContain('María (API) tomó la conversación');
    expect(rig.errors).toEqual([]);
  });
});
