import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sayOverRest, startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig, addConsoleAgent } from '../../e2e/console-rig.js';

const PASSWORD = 'agent40-reload-e2e-pass';

/**
 * agent40's shift in the console. An agent reloads the console mid-shift (F5, a crashed tab the browser restores, a laptop that
 * slept): they are back on the tab and the conversation they had open, and can answer at once.
 * Before, the page came back on "En espera" with nothing open. Debian's Chromium, whole server,
 * REST customers.
 */
describe('agent40: an agent\'s shift in the console', () => {
  let rig: ConsoleRig<TestServer>;
  let server: TestServer;

  beforeAll(async () => {
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
    server = rig.server;
    expect(await addConsoleAgent(server, { username: 'luis', displayName: 'Luis Ventas', role: 'agent', password: 'luis-ventas-pass-1' })).toBe(201);
  }, 120_000);

  beforeEach(() => {
    rig.errors.length = 0;
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('should reopen the tab and the conversation after a reload, and answer from there', async () => {
    const held = (await sayOverRest(server, `reload-${process.pid}-1`, 'Me llamo Inés, quiero hablar con una persona por una factura cobrada doble')).conversation_id;
    const other = (await sayOverRest(server, `reload-${process.pid}-2`, 'necesito hablar con alguien del equipo por favor')).conversation_id;
    const page = await rig.newPage();
    await rig.logIn(page);
    await page.locator(`button[data-conversation="${held}"]`).click();
    await page.locator('[data-action="take"]').click();
    await page.locator('#tab-mine').click();
    await page.locator(`#inbox-panel button[data-conversation="${held}"]`).click();
    await page.locator(`section[data-conversation="${held}"]`).waitFor({ timeout: TIMEOUT });
    expect(new URL(page.url()).hash).toBe(`#mine/${held}`);

    await page.reload();
    await page.locator(`section[data-conversation="${held}"]`).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('#tab-mine').getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-connection="online"]').waitFor({ timeout: TIMEOUT });
    const composer = page.locator(`section[data-conversation="${held}"] textarea`).last();
    await composer.fill('Hola Inés, ya estoy revisando tu factura.');
    await composer.press('Enter');
    await expect.poll(async () => (await fetch(`${server.baseUrl}/api/tenants/ferreteria/conversations/${held}`, { headers: { authorization: `Bearer ${server.apiKey}` } }).then((r) => r.json()) as { transcript: { author: string; text: string }[] }).transcript.some((l) => l.author === 'agent' && l.text.includes('revisando tu factura')), { timeout: TIMEOUT }).toBe(true);

    // A colleague's link pasted into the open console goes to that conversation.
    await page.evaluate((id) => (location.hash = `#waiting/${id}`), other);
    await page.locator(`section[data-conversation="${other}"]`).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('#tab-waiting').getAttribute('aria-selected')).toBe('true');

    // Closing the conversation and logging out leave nothing behind for the next person.
    await page.getByRole('button', { name: /Cerrar sesión|Log out/ }).click();
    await page.getByLabel(/^(Contraseña|Password)$/).waitFor({ timeout: TIMEOUT });
    expect(new URL(page.url()).hash).toBe('');
    expect(rig.errors).toEqual([]);
  }, 90_000);

  it('should let a salesperson answer a quote the bot holds in one step ("Tomar y enviar"), not type a reply and be refused', async () => {
    const sender = `reload-${process.pid}-quote`;
    const quote = await sayOverRest(server, sender, 'necesito 40 fundas de cemento y 20 varillas de 3/8, me pasan cotizacion?');
    expect(quote.messages.map((m) => m.text).join(' ')).toMatch(/cotizaci/);
    const page = await rig.newPage();
    await rig.logIn(page, { username: 'luis', password: 'luis-ventas-pass-1' });
    await page.locator('#tab-quotes').click();
    await page.locator(`#inbox-panel button[data-conversation="${quote.conversation_id}"]`).click();
    await page.locator(`section[data-conversation="${quote.conversation_id}"]`).waitFor({ timeout: TIMEOUT });
    const composer = page.locator('#reply-text');
    await composer.fill('Buenas, soy Luis de ventas: tenemos todo. ¿Se lo llevamos a la obra?');
    const send = page.locator('form.composer button[type="submit"]');
    expect(await send.innerText()).toBe('Tomar y enviar');
    await composer.press('Enter');
    await expect.poll(async () => (await fetch(`${server.baseUrl}/api/tenants/ferreteria/conversations/${quote.conversation_id}`, { headers: { authorization: `Bearer ${server.apiKey}` } }).then((r) => r.json()) as { transcript: { author: string; text: string }[] }).transcript.some((l) => l.author === 'agent' && l.text.includes('soy Luis de ventas')), { timeout: TIMEOUT }).toBe(true);
    await expect.poll(() => page.locator('[data-field="assignee"]').textContent(), { timeout: TIMEOUT }).toBe('Con Luis Ventas');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await send.innerText()).toBe('Enviar');
    expect(rig.errors).toEqual([]);
  }, 90_000);

  it('should move through the waiting list with the arrow keys as one Tab stop, and close a conversation with Escape', async () => {
    for (let n = 0; n < 3; n++) await sayOverRest(server, `reload-${process.pid}-kb-${n}`, `necesito hablar con una persona, caso ${n}`);
    const page = await rig.newPage();
    await rig.logIn(page);
    await expect.poll(() => page.locator('#inbox-panel .items .item').count(), { timeout: TIMEOUT }).toBeGreaterThanOrEqual(3);
    const ids = await page.locator('#inbox-panel .items .item').evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation')));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-conversation') ?? document.activeElement?.id ?? document.activeElement?.tagName);
    // One Tab from the search box reaches the list; the next leaves it (not 30 Tabs for 30 customers).
    await page.locator('.inbox input[type="search"]').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(ids[ids.length - 1]);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator(`section[data-conversation="${ids[1]}"]`).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('conversation-title');
    // Escape with a reply half typed keeps it; on the heading it closes, back on the item.
    await page.locator('#reply-text').fill('Un momento');
    await page.locator('#reply-text').press('Escape');
    expect(await page.locator(`section[data-conversation="${ids[1]}"]`).count()).toBe(1);
    await page.locator('#conversation-title').focus();
    await page.keyboard.press('Escape');
    await page.locator('section[data-conversation]').waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(await focused()).toBe(ids[1]);
    // The open conversation's item is the list's Tab stop.
    await page.keyboard.press('Enter');
    await page.locator(`section[data-conversation="${ids[1]}"]`).waitFor({ timeout: TIMEOUT });
    expect(await page.locator(`#inbox-panel .items .item[data-conversation="${ids[1]}"]`).getAttribute('tabindex')).toBe('0');
    expect(await page.locator(`#inbox-panel .items .item[data-conversation="${ids[0]}"]`).getAttribute('tabindex')).toBe('-1');
    expect(rig.errors).toEqual([]);
  }, 90_000);
});
