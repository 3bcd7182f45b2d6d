import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { launchChromium } from './browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSWORD = 'console-offline-badge-pass-35';
const TIMEOUT = 20_000;

/**
 * The header's connection badge in Chromium against the whole server: it followed only the live
 * socket, so after a REST call failed (the notice "No se pudo conectar…") it still said "En línea".
 * Now a call that reaches no server turns it to "Sin conexión, reintentando…" while the socket is
 * still open, and the page asks the server again until it answers: the badge comes back by itself.
 */
describe('agent console, the connection badge when REST calls fail', () => {
  let server: TestServer;
  let browser: Browser | undefined;
  let launchError: unknown;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-widget.mjs')], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-console.mjs')], { cwd: ROOT, stdio: 'pipe' });
    server = await startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } });
    browser = await launchChromium().catch((err: unknown) => {
      launchError = err;
      return undefined;
    });
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function loggedInPage(): Promise<Page> {
    if (!browser) throw launchError;
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'es-DO' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/console');
    await page.getByLabel('Empresa').fill('ferreteria');
    await page.getByLabel('Usuario').fill('demo');
    await page.getByLabel('Contraseña').fill(PASSWORD);
    await page.getByLabel('Contraseña').press('Enter');
    await page.locator('[data-connection="online"]').waitFor({ timeout: TIMEOUT });
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
