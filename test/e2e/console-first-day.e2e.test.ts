import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig } from './console-rig.js';

const PASSWORD = 'console-first-day-pass-3318';
// The demo tenant's store is in Santo Domingo (UTC-4 all year); the agent's laptop is set to Tokyo (UTC+9).
const STORE_OFFSET_H = -4;
const BROWSER_ZONE = 'Asia/Tokyo';

/** The hour and minute a reader in the store's zone sees for `iso`, in 24- and 12-hour forms. */
function storeClock(iso: string): { h24: string; h12: string; min: string } {
  const d = new Date(Date.parse(iso) + STORE_OFFSET_H * 3_600_000);
  const h = d.getUTCHours();
  return { h24: String(h).padStart(2, '0'), h12: String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0'), min: String(d.getUTCMinutes()).padStart(2, '0') };
}

/**
 * What a new agent meets on the first day (whole server, demo tenant, Debian's Chromium on a
 * laptop in another time zone): times in the store's zone with a label saying so, and a handoff
 * resolved by the agent leaving every inbox list (also after a reload) while the bot waits for
 * the customer's rating, with the conversation saying so instead of offering "Tomar".
 */
describe('agent console on the first day, in Chromium', () => {
  let rig: ConsoleRig<TestServer>;
  let server: TestServer;

  beforeAll(async () => {
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD, HILO_TEAM_HOURS: 'off' } }) });
    server = rig.server;
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
  });

  it("should show times in the store's time zone, labelled, and keep a resolved handoff out of the lists while the rating is pending", async () => {
    const agent = await rig.newPage({ timezoneId: BROWSER_ZONE });
    await rig.logIn(agent);
    expect(await agent.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);
    const zone = agent.locator('[data-time-zone]');
    expect(await zone.getAttribute('data-time-zone')).toBe('America/Santo_Domingo');
    expect(await zone.textContent()).toMatch(/^Horas de la tienda: Santo Domingo \(GMT-4\)$/);

    // A REST customer asks for a person.
    const key = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    const say = (text: string) => fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, { method: 'POST', headers: key, body: JSON.stringify({ sender: `first-day-${process.pid}`, text }) });
    const { conversation_id: id } = (await (await say('quiero hablar con una persona')).json()) as { conversation_id: string };
    const item = agent.locator(`.items .item[data-conversation="${id}"]`);
    await item.click({ timeout: TIMEOUT });

    // The customer's line: the store's wall clock, not Tokyo's.
    const time = agent.locator('.transcript .msg[data-author="customer"] time').first();
    await time.waitFor({ timeout: TIMEOUT });
    const shown = (await time.textContent()) ?? '';
    const expected = storeClock((await time.getAttribute('datetime')) ?? '');
    const [, hh, mm] = /(\d{1,2}):(\d{2})/.exec(shown) ?? [];
    expect(mm).toBe(expected.min);
    expect([expected.h24, expected.h12]).toContain(hh?.padStart(2, '0'));
    expect(await agent.locator('[data-field="state"]').textContent()).toBe('esperando a una persona');

    await agent.locator('[data-action="take"]').click();
    await expect.poll(() => agent.locator('[data-field="assignee"]').textContent(), { timeout: TIMEOUT }).toBe('Con Demo');
    // Held: "En curso", not "Nuevo"; a REST sender id is not a phone.
    await expect.poll(() => agent.locator('.conversation-head .badge').textContent(), { timeout: TIMEOUT }).toMatch(/En curso/);
    expect(await agent.locator('.details dd').nth(1).textContent()).toBe('—');
    await agent.getByLabel('Resultado').fill('Atendido');
    await agent.getByLabel('Resultado').press('Enter');
    await agent.locator('[data-status="awaiting-rating"]').waitFor({ timeout: TIMEOUT });
    expect(await agent.locator('[data-action="take"]').count()).toBe(0);
    expect(await agent.locator('[data-field="state"]').textContent()).toBe('resuelta, esperando calificación');

    // "Todas abiertas": not there, live and after a reload.
    const openList = (page: Page) => page.waitForResponse((r) => r.url().includes('/inbox?view=open'), { timeout: TIMEOUT });
    let listed = openList(agent);
    await agent.getByRole('tab', { name: 'Todas abiertas' }).click();
    expect(((await (await listed).json()) as { items: Array<{ conversationId: string }> }).items.map((i) => i.conversationId)).not.toContain(id);
    expect(await item.count()).toBe(0);
    await agent.reload();
    await agent.locator('[data-connection="online"]').waitFor({ timeout: TIMEOUT });
    listed = openList(agent);
    await agent.getByRole('tab', { name: 'Todas abiertas' }).click();
    await listed;
    expect(await item.count()).toBe(0);

    // The customer rates: the conversation is the bot's again and shows under "Todas abiertas" with its state in words.
    await say('5');
    await item.waitFor({ timeout: TIMEOUT });
    expect(await item.locator('.badge').textContent()).toBe('Bot');
    expect(await item.locator('.waited').textContent()).toMatch(/^activa hace /);
    await item.click();
    await expect.poll(() => agent.locator('[data-field="state"]').textContent(), { timeout: TIMEOUT }).toBe('con el bot');
    await expect.poll(() => agent.locator('.details').textContent(), { timeout: TIMEOUT }).toContain('★★★★★ 5/5');

    // A laptop and a phone: nothing sticks out sideways, the close button and the profile stay on screen.
    for (const width of [1024, 430]) {
      await agent.setViewportSize({ width, height: 800 });
      expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      for (const selector of ['.conversation .close', '.details']) {
        const box = await agent.locator(selector).boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(width);
      }
    }
    expect(rig.errors).toEqual([]);
  });
});
