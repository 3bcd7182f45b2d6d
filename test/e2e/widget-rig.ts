import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { launchChromium, type TestBrowser } from './browser.js';

/**
 * The widget end-to-end rig: the bundle built from the current sources, the real server on the demo
 * tenant, Debian's Chromium, and helpers that read the widget's shadow DOM the way a customer sees it.
 */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPLY_TIMEOUT_MS = 20_000;

export interface WidgetRig {
  server: TestServer;
  /** A new browser context (a new visitor: fresh storage, a new thread). Throws the launch error when Chromium is missing. */
  newPage(options?: { locale?: string; viewport?: { width: number; height: number }; mobile?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

const built = new Set<'widget' | 'console'>();

/**
 * Builds a browser bundle (`dist/widget/`, `dist/console/`) from the current sources; the gateway
 * reads it at start-up. Once per worker process: the files of a worker share the module graph
 * (vitest.config.ts) and the sources do not change during a run, so later files reuse the bundle
 * (1.2–3.4 s a build on a loaded machine, two for every console file).
 */
export function buildBundle(name: 'widget' | 'console'): void {
  if (built.has(name)) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', `build-${name}.mjs`)], { cwd: ROOT, stdio: 'pipe' });
  built.add(name);
}

export async function startWidgetRig(): Promise<WidgetRig> {
  // The gateway reads the bundle at start-up: build it from the current sources first.
  buildBundle('widget');
  const server = await startHiloForTest();
  let launchError: unknown;
  // A missing Chromium fails each test with the install hint (a failing hook would only skip them).
  const browser: TestBrowser | undefined = await launchChromium().catch((err: unknown) => {
    launchError = err;
    return undefined;
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    async newPage(options = {}) {
      if (!browser) throw launchError;
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: options.locale ?? 'es-DO',
        viewport: options.viewport ?? { width: 1280, height: 820 },
        ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server.close();
    },
  };
}

/** Runs `fn` on the widget's shadow root inside the page. */
export function inWidget<T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(
    ({ source, arg: a }) => {
      const root = document.querySelector('hilo-widget')?.shadowRoot;
      if (!root) throw new Error('no widget');
      // eslint-disable-next-line no-new-func
      return (new Function('root', 'arg', `return (${source})(root, arg);`) as (r: ShadowRoot, x: unknown) => T)(root, a);
    },
    { source: fn.toString(), arg },
  );
}

export const botCount = (page: Page): Promise<number> => inWidget(page, (root) => root.querySelectorAll('.log .msg[data-author="bot"]').length);

/** Waits until there are more bot replies than `before` and the turn is over; returns the new replies' texts. */
export async function repliesAfter(page: Page, before: number): Promise<string[]> {
  await page.waitForFunction(
    (n) => (document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="bot"]').length ?? 0) > n,
    before,
    { timeout: REPLY_TIMEOUT_MS },
  );
  // The ack follows the turn's last reply: every customer message settled means the turn is over.
  await page.waitForFunction(
    () => Array.from(document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="customer"]') ?? []).every((m) => (m as HTMLElement).dataset.status === 'sent'),
    undefined,
    { timeout: REPLY_TIMEOUT_MS },
  );
  return inWidget(page, (root, n: number) => Array.from(root.querySelectorAll('.log .msg[data-author="bot"] .bubble')).slice(n).map((b) => b.textContent ?? ''), before);
}

/** Types one message as a customer and returns the texts of the bot replies it got. */
export async function say(page: Page, text: string): Promise<string[]> {
  const before = await botCount(page);
  await page.locator('hilo-widget textarea').fill(text);
  await page.locator('hilo-widget textarea').press('Enter');
  return repliesAfter(page, before);
}
