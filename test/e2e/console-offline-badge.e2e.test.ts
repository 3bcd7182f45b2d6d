import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig } from './console-rig.js';

const PASSWORD = 'console-offline-badge-pass-35';

/**
 * The header's connection badge in Chromium against the whole server: it followed only the live
 * socket, so after a REST call failed (the notice "No se pudo conectar…") it still said "En línea".
 * Now a call that reaches no server turns it to "Sin conexión, reintentando…" while the socket is
 * still open, and the page asks the server again until it answers: the badge comes back by itself.
 */
describe('agent console, the connection badge when REST calls fail', () => {
  let rig: ConsoleRig<TestServer>;

  beforeAll(async () => {
    rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  async function loggedInPage(): Promise<Page> {
    const page = await rig.newPage({ watch: false });
    await rig.logIn(page);
    return page;
  }

  it('should say "Sin conexión" after a REST call reached no server, with the socket open, and "En línea" again once the server answers', async () => {
    const page = await loggedInPage();
    const badge = page.locator('header [role="status"][data-connection]');
    expect(await badge.textContent()).toBe('En línea');
    // Every REST call is cut off; the live socket (already open) is left alone.
    await page.route('**/console/api/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('tab', { name: 'Míos' }).click();
    await page.getByRole('alert').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => badge.getAttribute('data-connection'), { timeout: TIMEOUT }).toBe('offline');
    expect(await badge.textContent()).toBe('Sin conexión, reintentando…');
    // Still cut off a while later: the page keeps saying so (its probes fail too).
    await page.waitForTimeout(2_500);
    expect(await badge.getAttribute('data-connection')).toBe('offline');
    // The network is back: the page's own probe reaches the server, with no click by the agent.
    await page.unroute('**/console/api/**');
    await expect.poll(() => badge.getAttribute('data-connection'), { timeout: TIMEOUT }).toBe('online');
    expect(await badge.textContent()).toBe('En línea');
  }, 60_000);
});
