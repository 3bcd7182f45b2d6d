import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HILO_CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What a test file gets of the browser: fresh profiles (`newContext`), and `close`, which closes
 * every profile it opened. The Chromium process behind it is shared by the test files of one
 * worker process (they share it as they share the module graph, vitest.config.ts): starting and
 * stopping Chromium cost 2–3.5 s a file on a loaded machine, a profile costs a fraction of that and
 * shares nothing with another profile (own storage, cookies, cache, permissions).
 */
export type TestBrowser = Pick<Browser, 'newContext' | 'close'>;

let shared: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  if (shared) {
    const current = shared;
    // A browser that crashed or was closed is started again for the next file.
    return current.then((b) => (b.isConnected() ? b : ((shared = null), sharedBrowser())), () => ((shared = null), sharedBrowser()));
  }
  shared = chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // Playwright stops the browser when this process exits (its exit and SIGTERM handlers).
  return shared;
}

/**
 * Debian's Chromium (the system package) through playwright-core, as a `TestBrowser`: every
 * `newContext()` is a fresh profile (own localStorage, cookies, cache); `close()` closes the
 * profiles this call opened, and leaves the process to the next file. Throws a clear message when
 * Chromium is not installed: browser tests fail, they never skip.
 *
 * @example
 * const browser = await launchChromium();
 * const context = await browser.newContext({ locale: 'es-DO' });
 * await browser.close(); // in afterAll
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" ` +
        '(or point HILO_CHROMIUM_PATH at a Chromium binary). The browser end-to-end tests need it.',
    );
  }
  const browser = await sharedBrowser();
  const contexts = new Set<BrowserContext>();
  return {
    async newContext(options) {
      const context = await browser.newContext(options);
      contexts.add(context);
      context.once('close', () => contexts.delete(context));
      return context;
    },
    async close() {
      await Promise.all([...contexts].map((c) => c.close()));
      contexts.clear();
    },
  };
}
