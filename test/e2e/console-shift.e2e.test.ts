import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig, addConsoleAgent } from './console-rig.js';

const TENANT = 'ferreteria';
const PASSWORD = 'console-shift-e2e-pass-36';
const PHONE = { width: 390, height: 844 };

/**
 * A support agent's shift in the console (Debian's Chromium, whole server, REST customers): what
 * an agent used to Chatwoot or Zendesk expects to find — how a resolved case ended, a conversation
 * that opens where a phone shows it, a transfer form that starts afresh.
 */
describe('agent console, an agent shift', () => {
  let rig: ConsoleRig<TestServer>;
  let server: TestServer;
  let senders = 0;

  beforeAll(async () => {
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
    server = rig.server;
    expect(await addConsoleAgent(server, { username: 'carla', displayName: 'Carla Núñez', role: 'agent', password: 'carla-shift-pass-1' }, TENANT)).toBe(201);
  }, 120_000);

  beforeEach(() => {
    rig.errors.length = 0;
  });

  afterAll(async () => {
    await rig?.close();
  });

  /** A REST customer's message; the conversation's id. */
  const customer = async (text: string): Promise<string> => {
    const res = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: `shift-${process.pid}-${++senders}`, text }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { conversation_id: string }).conversation_id;
  };

  it('should show who resolved a handoff, when, and with what outcome, in the thread and the ticket', async () => {
    const id = await customer('Me llamo Inés, quiero hablar con una persona sobre una factura');
    const page = await rig.newPage();
    await rig.logIn(page);
    await page.locator(`button[data-conversation="${id}"]`).click();
    await page.locator(`section[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });
    await page.locator('[data-action="take"]').click();
    await page.locator('#resolve-outcome').fill('Factura corregida y enviada por correo');
    await page.locator('[data-action="resolve"]').click();

    const activity = page.locator('.transcript [data-activity="resolved"]');
    await activity.waitFor({ timeout: TIMEOUT });
    expect(await activity.innerText()).toContain('Resuelta por Demo: Factura corregida y enviada por correo');
    const details = await page.locator('aside.details').innerText();
    expect(details).toContain('Resuelto por');
    expect(details).toContain('Factura corregida y enviada por correo');

    const res = await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/conversations/${id}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    const ticket = ((await res.json()) as { ticket: Record<string, unknown> }).ticket;
    expect(ticket).toMatchObject({ status: 'closed', resolvedBy: 'Demo', outcome: 'Factura corregida y enviada por correo' });
    expect(typeof ticket.closedAt).toBe('string');
    expect(rig.errors).toEqual([]);
  });

  it("should not offer Take on a colleague's conversation, let the agent leave a note instead, and drop the resolve notice once the customer rates", async () => {
    const sender = `shift-${process.pid}-held`;
    const post = (text: string) =>
      fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender, text }),
      }).then(async (r) => ((await r.json()) as { conversation_id: string }).conversation_id);
    const id = await post('Me llamo Marta, quiero hablar con una persona, me cobraron doble');
    const demo = await rig.newPage();
    await rig.logIn(demo);
    await demo.locator(`button[data-conversation="${id}"]`).click();
    await demo.locator('[data-action="take"]').click();
    await demo.locator('[data-field="assignee"]', { hasText: 'Demo' }).waitFor({ timeout: TIMEOUT });

    const carla = await rig.newPage();
    await rig.logIn(carla, { username: 'carla', password: 'carla-shift-pass-1' });
    await carla.getByRole('tab', { name: /Todas abiertas/ }).click();
    await carla.locator(`button[data-conversation="${id}"]`).click();
    const held = carla.locator('[data-status="held-by-other"]');
    await held.waitFor({ timeout: TIMEOUT });
    expect(await held.innerText()).toBe('Demo está atendiendo esta conversación. Puedes dejarle una nota interna.');
    expect(await carla.locator('[data-action="take"]').count()).toBe(0);
    // The case in one line over the thread: who and why, before scrolling the side column.
    expect(await carla.locator('[data-case-strip]').innerText()).toMatch(/^T-\d{6} · Motivo: .*Marta/);
    // What Carla writes goes to Demo as an internal note, never to the customer.
    expect(await carla.locator('[data-notes-only]').innerText()).toContain('La atiende Demo');
    await carla.locator('#reply-text').fill('Marta llamó ayer por lo mismo, ya le hicimos un reembolso parcial');
    await carla.locator('#reply-text').press('Enter');
    await demo.locator('.transcript [data-author="note"]', { hasText: 'reembolso parcial' }).waitFor({ timeout: TIMEOUT });

    // Demo resolves: the green notice says so, and goes once the customer answers the rating.
    await demo.locator('#resolve-outcome').fill('Cobro doble devuelto');
    await demo.locator('[data-action="resolve"]').click();
    await demo.locator('[data-notice="info"]', { hasText: 'Resuelta' }).waitFor({ timeout: TIMEOUT });
    await post('5');
    await demo.locator('.transcript [data-author="customer"] .text', { hasText: /^5$/ }).waitFor({ timeout: TIMEOUT });
    await demo.locator('[data-notice="info"]').waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(rig.errors).toEqual([]);
  });

  it('should count the customers waiting on the tab and in the window title, live, and mine once taken', async () => {
    const page = await rig.newPage();
    await rig.logIn(page);
    const waitingCount = () => page.locator('#tab-waiting [data-count="waiting"]').textContent().catch(() => null);
    const before = Number((await page.locator('#tab-waiting [data-count="waiting"]').count()) ? await waitingCount() : 0);
    const id = await customer('Me llamo Julia, quiero hablar con una persona');
    await page.locator(`button[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });
    await expect.poll(async () => Number(await waitingCount()), { timeout: TIMEOUT }).toBe(before + 1);
    expect(await page.title()).toBe(`(${before + 1}) Hilo · Consola de agentes`);
    await page.locator(`button[data-conversation="${id}"]`).click();
    await page.locator('[data-action="take"]').click();
    await expect.poll(() => page.title(), { timeout: TIMEOUT }).toBe(before > 0 ? `(${before}) Hilo · Consola de agentes` : 'Hilo · Consola de agentes');
    expect((await page.locator('#tab-mine').innerText()).replace(/\s+/g, ' ')).toMatch(/Míos [1-9]/);
    expect(rig.errors).toEqual([]);
  });

  it("should let the studio's receptionist log in with the demo account, as the hardware store's clerk does", async () => {
    for (const tenant of ['ferreteria', 'estudio']) {
      const res = await fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, username: 'demo', password: PASSWORD }) });
      expect(res.status, tenant).toBe(200);
      expect(((await res.json()) as { agent: { tenant: string; role: string } }).agent).toMatchObject({ tenant, role: 'admin' });
    }
  });

  it('should find a quote by the number the bot gave the customer, and show its ticket', async () => {
    const res = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: `shift-${process.pid}-quote`, text: 'Necesito una cotización de 200 sacos de cemento y 50 varillas de 3/8' }),
    });
    const turn = (await res.json()) as { conversation_id: string; state: { context: { ticket: { number: string; kind: string } } } };
    const { number, kind } = turn.state.context.ticket;
    expect(kind).toBe('quote');
    const auth = { authorization: `Bearer ${server.apiKey}` };
    const found = (await (await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/inbox?view=open&q=${number}`, { headers: auth })).json()) as { items: Array<{ conversationId: string; ticketNumber: string | null }> };
    expect(found.items.map((i) => [i.conversationId, i.ticketNumber])).toEqual([[turn.conversation_id, number]]);
    const detail = (await (await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/conversations/${turn.conversation_id}`, { headers: auth })).json()) as { ticket: Record<string, unknown> | null };
    expect(detail.ticket).toMatchObject({ number, reason: 'quote', status: 'open' });
  });

  it('should queue the quotes the bot promised under Cotizaciones until sales closes one with how it went, even after talking to the customer', async () => {
    const page = await rig.newPage({ viewport: { width: 1366, height: 768 } });
    await rig.logIn(page);
    const quotesTab = page.locator('#tab-quotes');
    const countOf = async () => ((await page.locator('#tab-quotes [data-count="quotes"]').count()) ? Number(await page.locator('#tab-quotes [data-count="quotes"]').textContent()) : 0);
    const before = await countOf();
    const res = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: `shift-${process.pid}-quote-queue`, text: 'Soy Wilson, necesito una cotización de 80 sacos de cemento y 40 varillas de 3/8' }),
    });
    const turn = (await res.json()) as { conversation_id: string; state: { context: { ticket: { number: string } } } };
    const id = turn.conversation_id;
    const number = turn.state.context.ticket.number;
    // Counted live on its tab, listed there with the quote's age.
    await expect.poll(countOf, { timeout: TIMEOUT }).toBe(before + 1);
    await quotesTab.click();
    const item = page.locator(`button[data-conversation="${id}"]`);
    await item.waitFor({ timeout: TIMEOUT });
    expect(await item.innerText()).toMatch(/cotización hace \d+ s/);
    expect(await item.innerText()).toContain(number);
    await page.screenshot({ path: 'test-results/console-quotes-laptop.png' });

    // Sales takes the conversation to talk to the customer (a handoff ticket opens): the quote stays owed.
    await item.click();
    await page.locator('[data-action="take"]').click();
    await page.locator('[data-action="take-confirm"]').click();
    await page.locator('[data-field="assignee"]', { hasText: 'Demo' }).waitFor({ timeout: TIMEOUT });
    await page.locator(`aside.details [data-quote="${number}"]`).waitFor({ timeout: TIMEOUT });
    await page.locator('#resolve-outcome').fill('Le expliqué la entrega');
    await page.locator('[data-action="resolve"]').click();
    await page.locator('[data-notice="info"]', { hasText: 'Resuelta' }).waitFor({ timeout: TIMEOUT });
    expect(await countOf()).toBe(before + 1);

    // Closing the quote with how it went takes it out of the queue and says who closed it.
    await page.locator('#quote-outcome').fill('Vendida: factura 4411, entrega el jueves');
    await page.locator('[data-action="close-quote"]').click();
    await page.locator('[data-notice="info"]', { hasText: `Cotización ${number} cerrada.` }).waitFor({ timeout: TIMEOUT });
    await expect.poll(countOf, { timeout: TIMEOUT }).toBe(before);
    await expect.poll(() => item.count(), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => page.locator(`aside.details [data-quote="${number}"]`).innerText(), { timeout: TIMEOUT }).toContain('Vendida: factura 4411, entrega el jueves');
    expect(await page.locator('#quote-outcome').count()).toBe(0);

    // Closed twice (another salesperson a moment late): the first closing stands.
    const again = await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/conversations/${id}/quote/close`, { method: 'POST', headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ outcome: 'otra cosa' }) });
    expect(await again.json()).toMatchObject({ number, already_closed: true, resolution: { agent: 'Demo', outcome: 'Vendida: factura 4411, entrega el jueves' } });
    expect(rig.errors).toEqual([]);
  });

  it('should bring an opened conversation to the top of a phone screen, keep its actions on screen and reset the transfer form', async () => {
    for (const text of ['quiero hablar con una persona', 'I want to talk to a human please', 'necesito hablar con alguien del equipo']) await customer(text);
    const id = await customer('Me llamo Ramón y quiero hablar con una persona, el pedido llegó incompleto');
    const page = await rig.newPage({ viewport: PHONE });
    await rig.logIn(page);
    await page.locator(`button[data-conversation="${id}"]`).click();
    const heading = page.locator('#conversation-title');
    await page.locator(`section[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(() => (document.getElementById('conversation-title')?.getBoundingClientRect().top ?? 999) < 120, undefined, { timeout: TIMEOUT });
    expect((await heading.boundingBox())!.y).toBeLessThan(120);
    // Closing it goes back to the list, on the item just closed, not to an empty page under it.
    await page.locator('button.close').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-conversation')), { timeout: TIMEOUT }).toBe(id);
    const box = (await page.locator(`button[data-conversation="${id}"]`).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await page.locator(`button[data-conversation="${id}"]`).click();
    await page.locator(`section[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });

    await page.locator('[data-action="take"]').click();
    await page.locator('#transfer-to').waitFor({ timeout: TIMEOUT });
    // Nothing sticks out sideways: the page does not scroll horizontally, the resolve button is reachable.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const resolve = (await page.locator('[data-action="resolve"]').boundingBox())!;
    expect(resolve.x + resolve.width).toBeLessThanOrEqual(PHONE.width);

    await page.locator('#transfer-to').selectOption({ label: 'Carla Núñez' });
    await page.locator('#transfer-to ~ button[type="submit"]').click();
    await page.locator('[data-field="assignee"]', { hasText: 'Carla Núñez' }).waitFor({ timeout: TIMEOUT });
    // The select starts afresh (not a blank pick of the agent who now holds it) and Transfer waits for a choice.
    expect(await page.locator('#transfer-to').inputValue()).toBe('');
    expect(await page.locator('#transfer-to ~ button[type="submit"]').isDisabled()).toBe(true);

    // Closing it (it left "En espera" with the transfer) goes back to the top of the list.
    await page.locator('button.close').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('.inbox')!.getBoundingClientRect().top), { timeout: TIMEOUT }).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => document.querySelector('.inbox')!.getBoundingClientRect().top)).toBeLessThan(PHONE.height / 2);
    expect(rig.errors).toEqual([]);
  });
});
