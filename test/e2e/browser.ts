import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
 * Starts the system Chromium (Debian package) through playwright-core. Every `browser.newContext()`
 * is a fresh profile (own localStorage, cookies, cache). Throws a clear message when Chromium is
 * not installed: browser tests fail, they never skip.
 *
 * @example
 * const browser = await launchChromium();
 * const context = await browser.newContext({ locale: 'es-DO' });
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" ` +
        '(or point HILO_CHROMIUM_PATH at a Chromium binary). The browser end-to-end tests need it.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
