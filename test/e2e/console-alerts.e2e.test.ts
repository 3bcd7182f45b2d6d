import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig, addConsoleAgent } from './console-rig.js';
import { CHIME_GAP_MS } from '../../web-console/src/alerts.js';

const PASSWORD = 'console-alerts-e2e-pass-37';
const CARLA = { username: 'carla', password: 'carla-alerts-pass-1' };
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SHOTS = join(process.cwd(), 'test-results');

/**
 * Records what the page asks of the browser's notifications and audio while letting both work:
 * every `new Notification` (title, body, the object, whose `onclick` the test calls as a click on
 * the notification would) and every tone started. Injected by the browser before the page's own
 * script, so the strict CSP does not apply to it.
 */
const RECORDER = `(() => {
  window.__notes = [];
  window.__tones = 0;
  const Real = window.Notification;
  if (Real) {
    class Recorded extends Real {
      constructor(title, options) {
        super(title, options);
        window.__notes.push({ title, body: (options && options.body) || '', tag: (options && options.tag) || '', n: this });
      }
    }
    window.Notification = Recorded;
  }
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__tones++;
    return start.apply(this, args);
  };
})();`;

type Recorded = { title: string; body: string; tag: string };
const notes = (page: Page) => page.evaluate(() => (window as unknown as { __notes: Recorded[] }).__notes.map(({ title, body, tag }) => ({ title, body, tag })));
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
/** The agent works in another window: the page is not in front (what the desktop notification waits for). */
const lookAway = (page: Page) => page.evaluate(() => Object.defineProperty(document, 'hasFocus', { value: () => false, configurable: true }));
const lookBack = (page: Page) => page.evaluate(() => Object.defineProperty(document, 'hasFocus', { value: () => true, configurable: true }));

/**
 * A human agent's shift, heard and seen from another window (Debian's Chromium, whole server, REST
 * customers, both demo tenants): the console chimes and, once allowed, shows a desktop notification
 * for a customer who starts waiting, a conversation handed to this agent, and a customer writing in
 * one this agent holds — and a click on the notification opens that conversation.
 */
describe('agent console, alerts for a new case', () => {
  let rig: ConsoleRig<TestServer>;
  let server: TestServer;
  let senders = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
    server = rig.server;
    expect(await addConsoleAgent(server, { ...CARLA, displayName: 'Carla Núñez', role: 'agent' })).toBe(201);
  }, 120_000);

  beforeEach(() => {
    rig.errors.length = 0;
  });

  afterAll(async () => {
    await rig?.close();
  });

  /** A REST customer's message; the conversation's id. */
  const customer = async (text: string, options: { tenant?: string; sender?: string } = {}): Promise<string> => {
    const res = await fetch(`${server.baseUrl}/api/tenants/${options.tenant ?? 'ferreteria'}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: options.sender ?? `alerts-${process.pid}-${++senders}`, text }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { conversation_id: string }).conversation_id;
  };

  /** A page with notifications allowed by the browser and the recorder in place, logged in. */
  const agentPage = async (login: { tenant?: string; username?: string; password?: string } = {}, viewport = LAPTOP): Promise<Page> => {
    const page = await rig.newPage({ viewport });
    await page.context().grantPermissions(['notifications'], { origin: server.baseUrl });
    await page.addInitScript(RECORDER);
    await rig.logIn(page, login);
    return page;
  };
  const enableDesktop = async (page: Page) => {
    await page.locator('[data-alerts-menu] summary').click();
    await page.locator('[data-alerts="desktop"]').check();
    await page.locator('[data-alerts-menu] summary[data-alerts-desktop="on"]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-alerts-menu] summary').click();
  };

  it('should chime and notify for a customer who starts waiting, and open the conversation from the notification', async () => {
    const page = await agentPage();
    await enableDesktop(page);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('hilo:console:alerts'))) ?? '{}')).toEqual({ sound: true, desktop: true });
    // The menu at a laptop's width, then closed by Escape as a menu is.
    await page.locator('[data-alerts-menu] summary').click();
    await page.locator('.alerts-panel').waitFor({ timeout: TIMEOUT });
    const panel = (await page.locator('.alerts-panel').boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(LAPTOP.width);
    await page.screenshot({ path: join(SHOTS, 'console-alerts-laptop.png') });
    await page.keyboard.press('Escape');
    await page.locator('.alerts-panel').waitFor({ state: 'hidden', timeout: TIMEOUT });
    await lookAway(page);
    const tonesBefore = await tones(page);

    const id = await customer('Me llamo Sofía, quiero hablar con una persona, me llegó el cemento mojado');
    await expect.poll(() => notes(page), { timeout: TIMEOUT }).toContainEqual(expect.objectContaining({ title: 'Cliente esperando: Sofía', tag: `hilo-${id}` }));
    const note = (await notes(page)).find((n) => n.tag === `hilo-${id}`)!;
    expect(note.body).toMatch(/^T-\d{6} · /);
    expect(await tones(page)).toBeGreaterThan(tonesBefore);
    expect(await page.locator('[data-announcer]').innerText()).toContain('Sofía');

    // Another frame of the same wait (the customer writes again) is no new alert.
    await customer('hola?? alguien?', { sender: `alerts-${process.pid}-${senders}` });
    await page.locator(`button[data-conversation="${id}"]`, { hasText: 'alguien' }).waitFor({ timeout: TIMEOUT });
    expect((await notes(page)).filter((n) => n.tag === `hilo-${id}`)).toHaveLength(1);

    // The agent clicks the notification: the page opens that conversation.
    await page.evaluate((tag) => {
      const hit = (window as unknown as { __notes: Array<{ tag: string; n: Notification }> }).__notes.find((x) => x.tag === tag)!;
      hit.n.onclick?.(new Event('click'));
    }, `hilo-${id}`);
    await page.locator(`section[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });
    // Looking at the page: a new case chimes but shows no desktop notification.
    await lookBack(page);
    const shown = (await notes(page)).length;
    const ringing = await tones(page);
    // Chimes closer than CHIME_GAP_MS (alerts.ts) ring once: on a fast machine Sofía's chime was
    // under 150 ms before Tomás arrived, and his case rang nothing the test could count.
    await page.waitForTimeout(CHIME_GAP_MS + 50);
    await customer('Me llamo Tomás, necesito hablar con alguien del equipo');
    await page.locator('.items button', { hasText: 'Tomás' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => tones(page), { timeout: TIMEOUT }).toBeGreaterThan(ringing);
    expect(await notes(page)).toHaveLength(shown);
    expect(rig.errors).toEqual([]);
  });

  it('should tell an agent a conversation was handed to them, and when its customer writes, but not the agent who took it', async () => {
    const demo = await agentPage();
    const carla = await agentPage({ username: CARLA.username, password: CARLA.password });
    await enableDesktop(carla);
    await lookAway(carla);
    const id = await customer('Me llamo Ernesto, quiero hablar con una persona sobre mi pedido');
    await demo.locator(`button[data-conversation="${id}"]`).click();
    await demo.locator(`section[data-conversation="${id}"]`).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => notes(carla), { timeout: TIMEOUT }).toContainEqual(expect.objectContaining({ title: 'Cliente esperando: Ernesto' }));

    // Demo takes it: the take is Demo's own act (no "handed to you"), and Carla hears nothing new.
    const carlaNotes = (await notes(carla)).length;
    await demo.locator('[data-action="take"]').click();
    await demo.locator('[data-field="assignee"]', { hasText: 'Demo' }).waitFor({ timeout: TIMEOUT });
    await demo.locator('#transfer-to').selectOption({ label: 'Carla Núñez' });
    await demo.locator('#transfer-to ~ button[type="submit"]').click();
    await demo.locator('[data-field="assignee"]', { hasText: 'Carla Núñez' }).waitFor({ timeout: TIMEOUT });
    expect(await demo.locator('[data-announcer]').innerText()).not.toContain('Te pasaron');
    // The thread says who took it and who handed it to whom, where it happened.
    await demo.locator('.transcript [data-activity="transferred"]', { hasText: 'Demo la transfirió a Carla Núñez' }).waitFor({ timeout: TIMEOUT });
    expect(await demo.locator('.transcript [data-activity="took"]').innerText()).toContain('Demo tomó la conversación');

    await expect.poll(() => notes(carla), { timeout: TIMEOUT }).toContainEqual(expect.objectContaining({ title: 'Te pasaron una conversación: Ernesto', tag: `hilo-${id}` }));
    expect((await notes(carla)).length).toBe(carlaNotes + 1);
    expect(await carla.locator('[data-announcer]').innerText()).toBe('Te pasaron la conversación de Ernesto');
    expect((await carla.locator('#tab-mine').innerText()).replace(/\s+/g, ' ')).toMatch(/Míos 1/);
    // Carla opens it: the same lines, read back from the store.
    await lookBack(carla);
    await carla.getByRole('tab', { name: /Míos/ }).click();
    await carla.locator(`button[data-conversation="${id}"]`).click();
    await carla.locator('.transcript [data-activity="transferred"]', { hasText: 'Demo la transfirió a Carla Núñez' }).waitFor({ timeout: TIMEOUT });
    await lookAway(carla);
    await carla.locator('button.close').click();

    // The customer writes in the conversation Carla now holds.
    await customer('ya les mandé la foto del recibo', { sender: `alerts-${process.pid}-${senders}` });
    await expect.poll(() => notes(carla), { timeout: TIMEOUT }).toContainEqual(expect.objectContaining({ title: 'Ernesto escribió', body: expect.stringContaining('ya les mandé la foto del recibo') }));

    // Carla turns the sound off: the next case still notifies, silently; the choice survives a reload.
    await carla.locator('[data-alerts-menu] summary').click();
    await carla.locator('[data-alerts="sound"]').uncheck();
    await carla.locator('[data-alerts-menu] summary[data-alerts-sound="off"]').waitFor({ timeout: TIMEOUT });
    const quiet = await tones(carla);
    await customer('Me llamo Lucía, quiero hablar con un asesor');
    await expect.poll(() => notes(carla), { timeout: TIMEOUT }).toContainEqual(expect.objectContaining({ title: 'Cliente esperando: Lucía' }));
    expect(await tones(carla)).toBe(quiet);
    await carla.reload();
    await carla.locator('[data-connection="online"]').waitFor({ timeout: TIMEOUT });
    await carla.locator('[data-alerts-menu] summary[data-alerts-sound="off"][data-alerts-desktop="on"]').waitFor({ timeout: TIMEOUT });
    expect(rig.errors).toEqual([]);
  });

  it("should alert the studio's receptionist for the studio's customers only", async () => {
    const studio = await agentPage({ tenant: 'estudio' });
    const store = await agentPage();
    await enableDesktop(studio);
    await enableDesktop(store);
    await lookAway(studio);
    await lookAway(store);
    const storeNotes = (await notes(store)).length;
    const id = await customer('Hola, me llamo Paola. Quiero hablar con una persona, por favor', { tenant: 'estudio' });
    await expect.poll(() => notes(studio), { timeout: TIMEOUT }).toContainEqual(expect.objectContaining({ title: 'Cliente esperando: Paola', tag: `hilo-${id}` }));
    expect((await notes(store)).length).toBe(storeNotes);
    expect(rig.errors).toEqual([]);
  });

  it('should offer the alerts on a phone without spilling sideways, and say why desktop alerts cannot show when the browser blocks them', async () => {
    const page = await rig.newPage({ viewport: PHONE });
    await rig.logIn(page);
    await page.locator('[data-alerts-menu] summary').click();
    const panel = page.locator('.alerts-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Headless Chromium answers a permission request it cannot show with "denied", as a user who blocks it.
    await page.locator('[data-alerts="desktop"]').check({ force: true }).catch(() => undefined);
    await page.locator('[data-alerts-hint="denied"]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-alerts="desktop"]').isChecked()).toBe(false);
    expect(await page.locator('[data-alerts="desktop"]').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'console-alerts-phone.png') });
    expect(rig.errors).toEqual([]);
  });
});
