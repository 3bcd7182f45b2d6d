import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, type TestBrowser } from './browser.js';
import { buildBundle } from './widget-rig.js';

/**
 * The agent console end-to-end rig (as `widget-rig.ts` is the widget's): both bundles built from
 * the current sources, the caller's server started on them, Debian's Chromium, fresh browser
 * profiles that record the page's script errors and CSP violations, and the console's login.
 */
export const CONSOLE_TIMEOUT_MS = 20_000;

/** What the rig needs of a server: where it listens and how it stops. */
export interface ConsoleServer {
  baseUrl: string;
  close(): Promise<void>;
}

export interface ConsoleLogin {
  tenant?: string;
  username?: string;
  /** Default: the rig's password (the demo admin's, `HILO_DEMO_AGENT_PASSWORD`). */
  password?: string;
}

export interface ConsoleRig<S extends ConsoleServer> {
  readonly server: S;
  /** Script errors and CSP violations of watched pages; a test empties it (`errors.length = 0`) to start afresh. */
  readonly errors: string[];
  /** A fresh browser profile; `watch` (default) records its errors. Throws the launch error when Chromium is missing. */
  newPage(options?: { locale?: string; viewport?: { width: number; height: number }; timezoneId?: string; watch?: boolean }): Promise<Page>;
  /** Fills the login form already on the page and submits it with Enter; the server's status. */
  submitLogin(page: Page, login?: ConsoleLogin): Promise<number>;
  /** Opens `/console`, logs in and waits until the live socket is online. */
  logIn(page: Page, login?: ConsoleLogin): Promise<void>;
  /** Closes the profiles, the browser and the server. */
  close(): Promise<void>;
}

/**
 * @example
 * const rig = await startConsoleRig({ password: PASSWORD, start: () => startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } }) });
 * const page = await rig.newPage();
 * await rig.logIn(page);
 */
export async function startConsoleRig<S extends ConsoleServer>(options: {
  /** The demo admin's password the server was started with. */
  password: string;
  /** Starts the server, once the bundles it reads at start-up are built. */
  start: () => Promise<S>;
  /** A failed request that belongs to the flows (default: any console API answer, e.g. the session check's 401). */
  expectedFailure?: (url: string) => boolean;
}): Promise<ConsoleRig<S>> {
  // The gateway reads both bundles at start-up: build them from the current sources first.
  buildBundle('widget');
  buildBundle('console');
  const expectedFailure = options.expectedFailure ?? ((url: string) => url.includes('/console/api/'));
  const server = await options.start();
  let launchError: unknown;
  // A missing Chromium fails each test with the install hint (a failing hook would only skip them).
  const browser: TestBrowser | undefined = await launchChromium().catch((err: unknown) => {
    launchError = err;
    return undefined;
  });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  const submitLogin = async (page: Page, login: ConsoleLogin = {}): Promise<number> => {
    await page.getByLabel(/Empresa|Company/).fill(login.tenant ?? 'ferreteria');
    await page.getByLabel(/^(Usuario|Username)$/).fill(login.username ?? 'demo');
    await page.getByLabel(/^(Contraseña|Password)$/).fill(login.password ?? options.password);
    const answer = page.waitForResponse((r) => r.url().endsWith('/console/api/login'), { timeout: CONSOLE_TIMEOUT_MS });
    await page.getByLabel(/^(Contraseña|Password)$/).press('Enter');
    return (await answer).status();
  };

  return {
    server,
    errors,
    async newPage({ locale = 'es-DO', viewport = { width: 1360, height: 860 }, timezoneId, watch = true } = {}) {
      if (!browser) throw launchError;
      const context = await browser.newContext({ baseURL: server.baseUrl, locale, viewport, ...(timezoneId ? { timezoneId } : {}) });
      contexts.push(context);
      const page = await context.newPage();
      if (!watch) return page;
      // A CSP violation or a script error on the page is a failure, not noise.
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const url = msg.location().url;
        if (msg.text().startsWith('Failed to load resource') && expectedFailure(url)) return;
        errors.push(`${msg.text()} (${url})`);
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      return page;
    },
    submitLogin,
    async logIn(page, login) {
      await page.goto('/console');
      await submitLogin(page, login);
      await page.locator('[data-connection="online"]').waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server.close();
    },
  };
}

/** A console account to create: the tenant's agent or admin. */
export interface ConsoleAgent {
  username: string;
  displayName: string;
  role: 'agent' | 'admin';
  password: string;
}

/**
 * Creates a console account through the admin API (the server's API key), as a tenant admin would;
 * the status, 201 when created.
 *
 * @example
 * expect(await addConsoleAgent(server, { username: 'luis', displayName: 'Luis Ventas', role: 'agent', password: 'luis-ventas-pass-1' })).toBe(201);
 */
export async function addConsoleAgent(server: ConsoleServer & { apiKey: string }, agent: ConsoleAgent, tenant = 'ferreteria'): Promise<number> {
  const res = await fetch(`${server.baseUrl}/console/api/tenants/${tenant}/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(agent),
  });
  await res.body?.cancel();
  return res.status;
}
