import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest } from '../helpers/hilo-server.js';
import { launchChromium, type TestBrowser } from './browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The README's screenshot is refreshed on purpose (HILO_UPDATE_SCREENSHOT=1); otherwise a run writes
// to test-results/ so the suite never dirties tracked files.
const SCREENSHOT = process.env.HILO_UPDATE_SCREENSHOT
  ? join(ROOT, 'docs', 'img', 'widget.png')
  : join(ROOT, 'test-results', 'widget.png');
/** Bot turns run on the rule brain in tests; generous, because two cores are shared. */
const REPLY_TIMEOUT_MS = 20_000;

interface Row {
  author: string;
  status: string;
  text: string;
}

/** Every row of the widget's message list, read from inside its shadow root. */
async function rows(page: Page): Promise<Row[]> {
  return page.evaluate(() => {
    const root = document.querySelector('hilo-widget')?.shadowRoot;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>('.log .msg')).map((node) => ({
      author: node.dataset.author ?? '',
      status: node.dataset.status ?? '',
      text: node.querySelector('.bubble')?.textContent ?? '',
    }));
  });
}

const isReply = (row: Row): boolean => row.author === 'bot' || row.author === 'agent';

async function openWidget(page: Page, { navigate = true } = {}): Promise<void> {
  if (navigate) await page.goto('/');
  await page.locator('hilo-widget .launcher').click();
  await page.locator('hilo-widget textarea').waitFor({ state: 'visible' });
  // Focus moves to the textarea on open.
  expect(await page.evaluate(() => document.querySelector('hilo-widget')?.shadowRoot?.activeElement?.tagName)).toBe('TEXTAREA');
  await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: REPLY_TIMEOUT_MS });
}

/**
 * Types `text` into the widget like a customer (Enter sends) and waits until the server acked it
 * (the ack follows the turn's replies) and at least one new reply is shown. Returns the new replies.
 */
async function say(page: Page, text: string): Promise<string[]> {
  const before = await rows(page);
  const repliesBefore = before.filter(isReply).length;
  const customersBefore = before.filter((r) => r.author === 'customer').length;
  await page.locator('hilo-widget textarea').fill(text);
  await page.locator('hilo-widget textarea').press('Enter');
  await page.waitForFunction(
    ({ customers, replies }) => {
      const root = document.querySelector('hilo-widget')?.shadowRoot;
      if (!root) return false;
      const mine = root.querySelectorAll<HTMLElement>('.log .msg[data-author="customer"]');
      const last = mine[mine.length - 1];
      const answered = root.querySelectorAll('.log .msg[data-author="bot"], .log .msg[data-author="agent"]').length;
      return mine.length > customers && last?.dataset.status === 'sent' && answered > replies;
    },
    { customers: customersBefore, replies: repliesBefore },
    { timeout: REPLY_TIMEOUT_MS },
  );
  return (await rows(page)).filter(isReply).slice(repliesBefore).map((r) => r.text);
}

const LEAD = {
  opener: 'Hola, somos una constructora y queremos comprar materiales para un proyecto de 12 viviendas aquí en La Romana.',
  name: 'Me llamo María Fernández.',
  email: 'Mi correo es maria.fernandez@constructoracaribe.do',
  company: 'La empresa es Constructora Caribe SRL.',
  interest: 'Ventas',
  problem:
    'Necesitamos cotizar cemento, varillas y blocks para 12 viviendas. Queremos precio por volumen y entrega en obra cada semana.',
  urgency: 'Es urgente, la urgencia es alta: empezamos la obra en dos semanas.',
  confirm: 'Sí, todo está correcto, confirmo.',
};

/** Picks the answer to the bot's last question from its wording (the templates are not ours). */
function answerFor(reply: string, given: Set<keyof typeof LEAD>): keyof typeof LEAD | null {
  const r = reply.toLowerCase();
  const rules: Array<[RegExp, keyof typeof LEAD]> = [
    [/confirm|correct|¿está bien|todo bien|¿es correcto/, 'confirm'],
    [/correo|e-?mail/, 'email'],
    [/empresa|compañía|negocio/, 'company'],
    [/urgen|prioridad|qué tan pronto|plazo/, 'urgency'],
    [/área|ventas|soporte|facturación/, 'interest'],
    [/problema|necesidad|describ|cuéntame|proyecto/, 'problem'],
    [/nombre|llamas|quién/, 'name'],
  ];
  for (const [re, field] of rules) if (re.test(r) && (field === 'confirm' || !given.has(field))) return field;
  const order: Array<keyof typeof LEAD> = ['name', 'email', 'company', 'interest', 'problem', 'urgency'];
  return order.find((field) => !given.has(field)) ?? null;
}

const LEAD_DONE_RE = /\bL-[A-Z0-9-]+|registr/i;

describe('web widget (real server, real browser)', () => {
  let server: Awaited<ReturnType<typeof startHiloForTest>>;
  let browser: TestBrowser | undefined;
  let launchError: unknown;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The gateway reads the bundle at start-up: build it from the current sources first.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-widget.mjs')], { cwd: ROOT, stdio: 'pipe' });
    server = await startHiloForTest();
    // A missing Chromium fails each test with the install hint (a failing hook would only skip them).
    browser = await launchChromium().catch((err: unknown) => {
      launchError = err;
      return undefined;
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(options: { locale: string }): Promise<Page> {
    if (!browser) throw launchError;
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: options.locale, viewport: { width: 1280, height: 820 } });
    contexts.push(context);
    return context.newPage();
  }

  it('should answer a product question, capture a lead, and keep the thread across a reload', { timeout: 180_000 }, async () => {
    const page = await newPage({ locale: 'es-DO' });
    await openWidget(page);

    const product = await say(page, '¿Tienen cemento gris?');
    expect(product.join('\n')).toMatch(/RD\$/);

    // Sales lead: answer whatever the bot asks for until it reports the lead as registered.
    const given = new Set<keyof typeof LEAD>();
    let replies = await say(page, LEAD.opener);
    let done = false;
    for (let turn = 0; turn < 12 && !done; turn += 1) {
      // Everything given and nothing registered yet: the bot may be waiting for a plain yes.
      const field = answerFor(replies[replies.length - 1] ?? '', given) ?? (given.has('confirm') ? null : 'confirm');
      if (!field) break;
      given.add(field);
      replies = await say(page, LEAD[field]);
      done = LEAD_DONE_RE.test(replies.join('\n'));
    }
    expect(done, `no lead confirmation; last replies: ${JSON.stringify(replies)}`).toBe(true);

    // The page's hostile global CSS (serif everywhere, `button { all: unset }`) stays outside.
    const styles = await page.evaluate(() => {
      const root = document.querySelector('hilo-widget')?.shadowRoot;
      const bubble = root?.querySelector('.log .msg[data-author="bot"] .bubble');
      const send = root?.querySelector('.send');
      const textarea = root?.querySelector('textarea');
      if (!bubble || !send || !textarea) return null;
      return {
        font: getComputedStyle(bubble).fontFamily,
        sendDisplay: getComputedStyle(send).display,
        textareaBoxSizing: getComputedStyle(textarea).boxSizing,
        pageFont: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(styles).not.toBeNull();
    expect(styles?.pageFont).toMatch(/serif/); // the page really is hostile
    const families = (styles?.font ?? '').split(',').map((f) => f.trim().replace(/["']/g, '').toLowerCase());
    expect(families).not.toContain('serif');
    expect(families).not.toContain('georgia');
    expect(styles?.sendDisplay).toBe('flex');
    expect(styles?.textareaBoxSizing).toBe('border-box');

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // Reload: same visitor id (localStorage), panel still open (sessionStorage), same history.
    const shown = (await rows(page)).filter((r) => r.author !== 'system');
    expect(shown.every((r) => r.status === 'sent')).toBe(true);
    await page.reload();
    await page.waitForFunction(
      (count) => document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg:not([data-author="system"])').length === count,
      shown.length,
      { timeout: REPLY_TIMEOUT_MS },
    );
    const after = (await rows(page)).filter((r) => r.author !== 'system');
    expect(after.map((r) => [r.author, r.text])).toEqual(shown.map((r) => [r.author, r.text]));
    await expect(page.locator('hilo-widget .panel').isVisible()).resolves.toBe(true);

    // Escape closes the panel and gives focus back to the launcher.
    await page.locator('hilo-widget textarea').press('Escape');
    await page.locator('hilo-widget .panel').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.querySelector('hilo-widget')?.shadowRoot?.activeElement?.className)).toBe('launcher');
  });

  it('should speak English when the embed asks for it and answer an opening-hours question', { timeout: 90_000 }, async () => {
    const page = await newPage({ locale: 'en-US' });
    // The demo page is Spanish (`<html lang="es">`): embed the widget with data-lang="en". The page
    // is written into a same-origin document (not served through page.route) because Chromium's
    // local-network-access checks block a routed page from opening a socket to 127.0.0.1.
    const html = await (await page.request.get('/')).text();
    const englishHtml = html.replace('data-tenant="ferreteria"', 'data-tenant="ferreteria" data-lang="en"');
    expect(englishHtml).toContain('data-lang="en"');
    await page.goto('/health');
    await page.setContent(englishHtml);
    await openWidget(page, { navigate: false });
    expect(await page.locator('hilo-widget .launcher').getAttribute('aria-label')).toBe('Close chat');
    expect(await page.locator('hilo-widget textarea').getAttribute('placeholder')).toBe('Type your message…');
    expect(await page.locator('hilo-widget .status').textContent()).toContain('Online');

    const replies = await say(page, 'What are your opening hours?');
    // An opening time, however the template words it ("7:30 a.m.", "8 AM", "07:30").
    expect(replies.join('\n')).toMatch(/\d{1,2}(:\d{2})?\s*(a\.?\s?m\.?|p\.?\s?m\.?)|\d{1,2}:\d{2}/i);
  });

  it('should start a new conversation when its stored visitor id has a thread but no resume token', { timeout: 90_000 }, async () => {
    // A thread of a visitor id someone learnt (or a widget from before resume tokens).
    const stolen = `Qk3vZ8_pLm2xRw7tNc4yHb`;
    await server.hilo.host.handleMessage({ tenantId: 'ferreteria', channel: 'web', senderId: stolen, text: 'mi cuenta 10587, saldo secreto' });
    const page = await newPage({ locale: 'es-DO' });
    await page.goto('/');
    await page.evaluate((id) => {
      localStorage.setItem('hilo:ferreteria:visitor', id);
      localStorage.removeItem('hilo:ferreteria:resume');
    }, stolen);
    await page.reload();
    await openWidget(page, { navigate: false });
    // Nothing of that thread reached the page; the widget took a new id and works.
    const shown = (await rows(page)).map((r) => r.text).join('\n');
    expect(shown).not.toContain('saldo secreto');
    // The refusal is handled by the widget, not shown as an error.
    expect(shown).not.toMatch(/visitorId|resumeToken|HILO_ERR/);
    const stored = await page.evaluate(() => ({ visitor: localStorage.getItem('hilo:ferreteria:visitor'), resume: localStorage.getItem('hilo:ferreteria:resume') }));
    expect(stored.visitor).not.toBe(stolen);
    expect(stored.visitor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(stored.resume).toMatch(new RegExp(`^${stored.visitor} r1\\.`));
    const replies = await say(page, '¿Tienen cemento gris?');
    expect(replies.join('\n')).toMatch(/RD\$/);
  });
});
