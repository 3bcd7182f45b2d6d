import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig } from './console-rig.js';

const PASSWORD = 'console-quote-owner-e2e-39';
const AGENT_PASSWORD = 'vendedora-segura-39';

/**
 * Quote owners (session 37), Debian's Chromium and the whole server: the bot passed a quote to
 * sales; a salesperson claims it ("Me la quedo") without taking the conversation from the bot, finds
 * it under "Mis cotizaciones", a colleague's claim is refused, an admin hands it on, and the thread
 * says who did what.
 */
describe('agent console, quote owners', () => {
  let rig: ConsoleRig<TestServer>;
  let server: TestServer;
  let senders = 0;
  const agents: Record<string, string> = {};

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> };
  };
  const consoleApi = (method: string, path: string, body?: unknown) => api(method, `/console/api/tenants/ferreteria${path}`, body);
  /** A REST customer's message; the conversation's id and the bot's reply. */
  const customer = async (text: string, sender = `quote-owner-${process.pid}-${++senders}`): Promise<{ id: string; reply: string }> => {
    const res = await api('POST', '/api/tenants/ferreteria/messages', { sender, text });
    expect(res.status).toBe(200);
    return { id: res.body.conversation_id as string, reply: JSON.stringify(res.body.messages) };
  };

  beforeAll(async () => {
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
    server = rig.server;
    for (const [username, displayName] of [['ana', 'Ana Pérez'], ['luis', 'Luis Gómez']] as const) {
      const made = await consoleApi('POST', '/agents', { username, displayName, role: 'agent', password: AGENT_PASSWORD });
      expect(made.status).toBe(201);
      agents[username] = made.body.id as string;
    }
  }, 120_000);

  beforeEach(() => {
    rig.errors.length = 0;
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('should let a salesperson claim a quote without taking the conversation, list it under "Mis cotizaciones", and refuse a colleague', async () => {
    const sender = `quote-owner-${process.pid}-claim`;
    const { id } = await customer('Hola, soy Carmen. Necesito una cotización de 30 sacos de cemento gris', sender);
    const page = await rig.newPage({ viewport: { width: 1366, height: 768 } });
    await rig.logIn(page, { username: 'ana', password: AGENT_PASSWORD });
    await page.getByRole('tab', { name: /Cotizaciones/ }).click();
    const item = page.locator(`button[data-conversation="${id}"]`);
    await item.waitFor({ timeout: TIMEOUT });
    expect(await item.locator('.item-assignee').innerText()).toBe('Nadie la sigue todavía');
    // The quote's age sits on the meta line: the name beside the badge keeps its room.
    expect(await item.locator('.item-meta').innerText()).toMatch(/cotización hace/);
    expect(await item.locator('.item-top .waited').count()).toBe(0);

    await item.click();
    await page.locator('[data-action="claim-quote"]').click();
    await page.locator('[data-status="quote-owner"]', { hasText: 'La sigue Ana Pérez (tú)' }).waitFor({ timeout: TIMEOUT });
    const line = page.locator('.transcript [data-activity="quote_claimed"]');
    await line.waitFor({ timeout: TIMEOUT });
    expect(await line.innerText()).toContain('Ana Pérez se quedó con la cotización');
    await item.locator('.item-assignee', { hasText: 'La sigue Ana Pérez' }).waitFor({ timeout: TIMEOUT });

    // The conversation stays with the bot: nobody holds it, and the customer still gets answers.
    const view = await consoleApi('GET', `/conversations/${id}`);
    expect(view.body.assignee).toBeNull();
    expect(String(view.body.state)).not.toMatch(/^handoff/);
    expect(view.body.quote.owner).toMatchObject({ id: agents.ana, displayName: 'Ana Pérez' });
    const again = await api('POST', '/api/tenants/ferreteria/messages', { sender, text: '¿y tienen varilla de 3/8?' });
    expect((again.body.messages as unknown[]).length).toBeGreaterThan(0);

    // "Mis cotizaciones": the quotes Ana follows up, not the others'.
    const { id: other } = await customer('Hola, soy Marta. Necesito una cotización de 40 sacos de cemento gris');
    await page.locator(`button[data-conversation="${other}"]`).waitFor({ timeout: TIMEOUT });
    await page.locator('[data-action="quotes-mine"]').click();
    expect(await page.locator('[data-action="quotes-mine"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator(`button[data-conversation="${other}"]`).waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(await page.locator('.items button[data-conversation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation')))).toEqual([id]);
    await page.screenshot({ path: '/tmp/agent39/quote-owner-1366.png' }).catch(() => undefined);

    // Luis cannot take Ana's quote from her (the answer names her); an admin can hand it on.
    const luis = await rig.newPage();
    await rig.logIn(luis, { username: 'luis', password: AGENT_PASSWORD });
    const refused = await luis.evaluate(async (url) => {
      const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string };
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: '{}' });
      return { status: res.status, body: await res.json() };
    }, `/console/api/tenants/ferreteria/conversations/${id}/quote/claim`);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'HILO_ERR_CONSOLE_QUOTE_TAKEN', details: { owner: { id: agents.ana, displayName: 'Ana Pérez' } } } } });

    const given = await consoleApi('POST', `/conversations/${id}/quote/claim`, { agentId: agents.luis });
    expect(given).toMatchObject({ status: 200, body: { owner: { id: agents.luis, displayName: 'Luis Gómez' }, changed: true, from: 'Ana Pérez' } });
    // Live: it leaves Ana's "Mis cotizaciones", and her thread says who moved it.
    await page.locator(`button[data-conversation="${id}"]`).waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.locator('[data-empty="quotes"]', { hasText: 'No sigues ninguna cotización abierta' }).waitFor({ timeout: TIMEOUT });
    expect(rig.errors).toEqual([]);
  });

  it('should answer the claim route plainly: unknown agent, an agent naming another, a closed quote, no quote', async () => {
    const { id } = await customer('necesito una cotización de 10 cubetas de pintura');
    expect((await consoleApi('POST', `/conversations/${id}/quote/claim`, { agentId: 'no-such-agent' })).body.error.code).toBe('HILO_ERR_CONSOLE_AGENT_NOT_FOUND');
    expect((await consoleApi('POST', `/conversations/${id}/quote/claim`, { owner: 'x' })).status).toBe(400);
    // Claiming for oneself again changes nothing.
    expect((await consoleApi('POST', `/conversations/${id}/quote/claim`, {})).body).toMatchObject({ changed: true, owner: { displayName: 'API' } });
    expect((await consoleApi('POST', `/conversations/${id}/quote/claim`, {})).body).toMatchObject({ changed: false });
    expect((await consoleApi('POST', `/conversations/${id}/quote/close`, { outcome: 'vendida: factura 4411' })).status).toBe(200);
    expect(await consoleApi('POST', `/conversations/${id}/quote/claim`, {})).toMatchObject({ status: 409, body: { error: { code: 'HILO_ERR_CONSOLE_QUOTE_CLOSED' } } });
    const { id: plain } = await customer('hola, ¿a qué hora abren?');
    expect(await consoleApi('POST', `/conversations/${plain}/quote/claim`, {})).toMatchObject({ status: 404, body: { error: { code: 'HILO_ERR_CONSOLE_NO_QUOTE' } } });
    expect((await consoleApi('GET', `/inbox?view=quotes&owner=someone`)).status).toBe(400);
  });

  it('should show the claim and the owner on a phone (390 px) without the buttons running off the screen', async () => {
    const { id } = await customer('Me llamo Pedro, quiero una cotización de 20 blocks de 6');
    const page = await rig.newPage({ viewport: { width: 390, height: 844 } });
    await rig.logIn(page, { username: 'ana', password: AGENT_PASSWORD });
    await page.getByRole('tab', { name: /Cotizaciones/ }).click();
    await page.locator(`button[data-conversation="${id}"]`).click();
    const claim = page.locator('[data-action="claim-quote"]');
    await claim.waitFor({ timeout: TIMEOUT });
    const box = await claim.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await claim.click();
    await page.locator('[data-status="quote-owner"]', { hasText: 'La sigue Ana Pérez (tú)' }).waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: '/tmp/agent39/quote-owner-390.png', fullPage: false }).catch(() => undefined);
    // Claimed the wrong one: she lets it go, and anyone may claim it again.
    await page.locator('[data-action="release-quote"]').click();
    await page.locator('.transcript [data-activity="quote_released"]', { hasText: 'Ana Pérez soltó la cotización' }).waitFor({ timeout: TIMEOUT });
    await page.locator('[data-action="claim-quote"]').waitFor({ timeout: TIMEOUT });
    expect((await consoleApi('GET', `/conversations/${id}`)).body.quote.owner).toBeNull();
    expect(rig.errors).toEqual([]);
  });
});
