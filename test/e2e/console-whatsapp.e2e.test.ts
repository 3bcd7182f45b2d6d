import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig, type ConsoleServer } from './console-rig.js';

const TENANT = 'ferreteria';
const PASSWORD = 'console-wa-e2e-pass-5521';
const APP_SECRET = 'console-ui-wa-app-secret';
// The fake Graph API's and webhook envelope's default number id.
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'console-ui-wa-access-token';

/**
 * The console page answering a WhatsApp customer (durable PGlite deployment on a manual clock, the
 * fake Graph API, Debian's Chromium): the handoff arrives live, the agent's reply reaches the Graph
 * API, and once the 24-hour window has closed the console says so plainly instead of sending.
 */
describe('agent console page with a WhatsApp customer, in Chromium', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let rig: ConsoleRig<ConsoleServer>;
  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;

  async function whatsAppSays(from: string, text: string): Promise<void> {
    const raw = metaJson(waMessage({ id: `wamid.console-ui.${process.pid}.${Date.now()}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from, name: 'Ana Marte' }));
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
  }

  const textsTo = (to: string): string[] => graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    environment = await createDurableEnvironment('pglite+memory');
    rig = await startConsoleRig({
      password: PASSWORD,
      start: async () => {
        deployment = await startDeployment(environment, {
          HILO_DEMO_AGENT_PASSWORD: PASSWORD,
          HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
          HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
          HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'console-ui-verify',
          HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
          HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
          HILO_WHATSAPP_PAIR_BURST: '1000',
        });
        return { baseUrl: base(), close: () => deployment.close() };
      },
    });
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await environment?.destroy();
    await graph?.close();
  });

  it('should show the WhatsApp handoff live, send the reply through the Graph API, and explain a closed 24-hour window', async () => {
    const phone = `1809444${String(process.pid % 10_000).padStart(4, '0')}`;
    const agent = await rig.newPage({ watch: false });
    await rig.logIn(agent);

    await whatsAppSays(phone, 'necesito hablar con un agente por favor');
    const item = agent.locator('.items .item').filter({ hasText: `•••• ${phone.slice(-4)}` });
    await item.waitFor({ timeout: TIMEOUT });
    expect(await item.textContent()).toContain('WhatsApp');
    // Nobody said a name yet: the WhatsApp profile name (contacts[].profile.name), marked as such.
    expect(await item.locator('.item-name').textContent()).toBe('Ana Marte');
    await item.click();
    await expect.poll(() => agent.locator('#conversation-title').textContent(), { timeout: TIMEOUT }).toMatch(/^Ana Marte \(nombre de perfil\)/);
    await expect.poll(() => agent.locator('[data-field="channel"]').textContent(), { timeout: TIMEOUT }).toBe('WhatsApp');
    await agent.locator('[data-action="take"]').click();
    await expect.poll(() => agent.locator('[data-field="assignee"]').textContent(), { timeout: TIMEOUT }).toBe('Con Demo');

    const box = agent.getByLabel('Respuesta', { exact: true });
    await box.fill('Hola Ana, te atiende Demo desde la consola.');
    await box.press('Enter');
    await expect.poll(() => box.inputValue(), { timeout: TIMEOUT }).toBe('');
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone)).toContain('Hola Ana, te atiende Demo desde la consola.');
    // The customer answers on WhatsApp: the console's transcript shows it live.
    await whatsAppSays(phone, 'gracias, espero');
    await expect.poll(() => agent.locator('.transcript .msg[data-author="customer"]').last().textContent(), { timeout: TIMEOUT }).toContain('gracias, espero');

    // A day and an hour later (the session's idle limit passed too: log in again).
    deployment.clock.advance(25 * 60 * 60 * 1000);
    const later = await rig.newPage({ watch: false });
    await rig.logIn(later);
    await later.getByRole('tab', { name: 'Míos' }).click();
    await later.locator('.items .item').filter({ hasText: `•••• ${phone.slice(-4)}` }).click();
    const lateBox = later.getByLabel('Respuesta', { exact: true });
    await lateBox.fill('¿Sigues ahí?');
    await lateBox.press('Enter');
    const alert = later.locator('[data-notice="error"]');
    await alert.waitFor({ timeout: TIMEOUT });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toMatch(/^La ventana de 24 horas de WhatsApp está cerrada/);
    // Not sent, and the text stays in the box for later.
    expect(await lateBox.inputValue()).toBe('¿Sigues ahí?');
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone)).not.toContain('¿Sigues ahí?');
  });

  it('should send a reply once when its answer was lost and the agent presses Send again (same Idempotency-Key)', async () => {
    const phone = `1809445${String(process.pid % 10_000).padStart(4, '0')}`;
    const agent = await rig.newPage({ watch: false });
    await rig.logIn(agent);
    await whatsAppSays(phone, 'quiero hablar con una persona');
    const item = agent.locator('.items .item').filter({ hasText: `•••• ${phone.slice(-4)}` });
    await item.waitFor({ timeout: TIMEOUT });
    await item.click();
    await agent.locator('[data-action="take"]').click();
    await expect.poll(() => agent.locator('[data-field="assignee"]').textContent(), { timeout: TIMEOUT }).toBe('Con Demo');

    // The first send reaches the server, but its answer never reaches the page (a dropped connection).
    const keys: (string | undefined)[] = [];
    let dropped = false;
    await agent.route('**/messages', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      return route.abort('connectionreset');
    });
    const text = 'Hola, le atiende Demo. Ya reviso su pedido.';
    const box = agent.getByLabel('Respuesta', { exact: true });
    await box.fill(text);
    await box.press('Enter');
    const unconfirmed = agent.locator('[data-notice="error"]');
    await unconfirmed.waitFor({ timeout: TIMEOUT });
    // The agent is told it may have gone and that sending again is safe, not just "no server".
    expect(await unconfirmed.textContent()).toMatch(/^No se pudo confirmar el envío.*pulsa Enviar de nuevo \(si ya había llegado, no se envía dos veces\)/);
    expect(await box.inputValue()).toBe(text);
    // The agent presses Send again: the server answers with the first answer and sends nothing.
    await box.press('Enter');
    await expect.poll(() => box.inputValue(), { timeout: TIMEOUT }).toBe('');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^console-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    // Answered: the inbox item no longer says the customer is waiting (it said "espera 44 s").
    // By id: the first test's customer writes from a number with the same last four digits (both pid-based) and is Demo's too.
    const id = await agent.locator('section.conversation').getAttribute('data-conversation');
    await agent.getByRole('tab', { name: 'Míos' }).click();
    const mine = agent.locator(`.items .item[data-conversation="${id}"]`);
    await expect.poll(() => mine.locator('.waited').textContent(), { timeout: TIMEOUT }).toMatch(/^respondida hace /);
    await deployment.hilo.drainOutbox();
    expect(textsTo(phone).filter((t) => t === text)).toHaveLength(1);
    // The next message is a new one, with a new key.
    await box.fill('¿Me confirma el número de pedido?');
    await box.press('Enter');
    await expect.poll(() => box.inputValue(), { timeout: TIMEOUT }).toBe('');
    expect(keys[2]).toMatch(/^console-[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
