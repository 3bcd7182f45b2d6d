import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWidget, REPLY_TIMEOUT_MS, repliesAfter, ROOT, say, startWidgetRig, type WidgetRig } from './widget-rig.js';

// README screenshots are refreshed on purpose (HILO_UPDATE_SCREENSHOT=1); otherwise a run writes to
// test-results/ so the suite never dirties tracked files.
const SHOTS = process.env.HILO_UPDATE_SCREENSHOT ? join(ROOT, 'docs', 'img') : join(ROOT, 'test-results');
const PHONE = { width: 390, height: 844 };

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('hilo-widget .launcher').click();
  await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: REPLY_TIMEOUT_MS });
  await page.locator('hilo-widget .intro .bubble').waitFor({ state: 'visible' });
}

const chipLabels = (page: Page): Promise<string[]> =>
  inWidget(page, (root) => Array.from(root.querySelectorAll('.chips:not([hidden]) .chip')).map((c) => c.textContent ?? ''));

describe('widget greeting, chips, phones, languages and wrapping (real server, real browser)', () => {
  let rig: WidgetRig;

  beforeAll(async () => {
    rig = await startWidgetRig();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await rig?.close();
  });

  const newPage = (options: Parameters<WidgetRig['newPage']>[0] = {}): Promise<Page> => rig.newPage(options);

  it('should greet with the tenant\'s chips on open, send a tapped chip, and drop the chips once the customer wrote', { timeout: 90_000 }, async () => {
    const page = await newPage();
    await open(page);
    const greeting = await inWidget(page, (root) => root.querySelector('.intro .bubble')?.textContent ?? '');
    expect(greeting).toMatch(/Ferretería La Romana/);
    const labels = await chipLabels(page);
    expect(labels).toEqual(['¿Cuánto cuesta el cemento gris?', 'Horario y ubicación', 'Estado de mi cuenta', 'Hablar con una persona']);
    // The greeting is not a transcript message.
    expect(await inWidget(page, (root) => root.querySelectorAll('.log .msg').length)).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'widget-desktop.png') });

    expect(await page.locator('hilo-widget .chips').getAttribute('aria-label')).toBe('Sugerencias');
    // Keyboard: the chips are buttons in the tab order.
    expect(await inWidget(page, (root) => Array.from(root.querySelectorAll('.chip')).every((c) => c.tagName === 'BUTTON'))).toBe(true);

    const replies = await (async () => {
      await page.locator('hilo-widget .chip', { hasText: '¿Cuánto cuesta el cemento gris?' }).click();
      return repliesAfter(page, 0);
    })();
    const customer = await inWidget(page, (root) => Array.from(root.querySelectorAll('.log .msg[data-author="customer"] .bubble')).map((b) => b.textContent));
    expect(customer).toEqual(['¿Cuánto cuesta el cemento gris?']);
    expect(replies.join('\n')).toMatch(/RD\$/);
    expect(await chipLabels(page)).toEqual([]);
    // The greeting stays at the top, above the conversation.
    expect(await inWidget(page, (root) => root.querySelector('.log')?.firstElementChild?.className)).toBe('intro');

    // After a reload the thread has a customer message: greeting, no chips, no duplicate rows.
    await page.reload();
    await page.locator('hilo-widget .log .msg[data-author="customer"]').first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await chipLabels(page)).toEqual([]);
    expect(await inWidget(page, (root) => root.querySelectorAll('.log .msg[data-author="customer"]').length)).toBe(1);
  });

  it('should cover a 390×844 phone screen when open, hide the launcher and lock the page scroll', { timeout: 90_000 }, async () => {
    const page = await newPage({ viewport: PHONE, mobile: true });
    await open(page);
    const box = await page.locator('hilo-widget .panel').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await page.locator('hilo-widget .launcher').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden');
    // The composer sits at the bottom of the screen, whole.
    const composer = await page.locator('hilo-widget .composer').boundingBox();
    expect(composer && composer.y + composer.height).toBeLessThanOrEqual(PHONE.height);
    expect(composer && composer.y + composer.height).toBeGreaterThan(PHONE.height - 2);
    expect(await chipLabels(page)).toHaveLength(4);
    await page.screenshot({ path: join(SHOTS, 'widget-phone.png') });

    // A shorter visual viewport (the on-screen keyboard) shrinks the panel so the input stays visible.
    await page.setViewportSize({ width: PHONE.width, height: 500 });
    await page.waitForFunction(() => {
      const panel = document.querySelector('hilo-widget')?.shadowRoot?.querySelector('.panel');
      return panel ? Math.round(panel.getBoundingClientRect().height) === 500 : false;
    });
    const input = await page.locator('hilo-widget textarea').boundingBox();
    expect(input && input.y + input.height).toBeLessThanOrEqual(500);

    // Closing gives the page its scroll and the launcher back.
    await page.locator('hilo-widget .close').click();
    await page.locator('hilo-widget .panel').waitFor({ state: 'hidden' });
    expect(await page.locator('hilo-widget .launcher').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).not.toBe('hidden');
  });

  it('should keep a long e-mail and ids inside their bubbles on a phone', { timeout: 90_000 }, async () => {
    const page = await newPage({ viewport: PHONE, mobile: true });
    await open(page);
    const email = 'maria.fernandez.de.los.santos@constructoracaribedelestesrl.com.do';
    await say(page, `Mi correo es ${email} y mi ticket anterior fue T-000123`);
    const fit = await inWidget(page, (root) =>
      Array.from(root.querySelectorAll<HTMLElement>('.log .bubble')).map((b) => {
        const log = root.querySelector('.log')!.getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return { text: b.textContent ?? '', overflow: b.scrollWidth - b.clientWidth, inside: r.left >= log.left && r.right <= log.right };
      }),
    );
    const mine = fit.find((f) => f.text.includes(email));
    expect(mine).toBeDefined();
    for (const f of fit) {
      expect(f.overflow, f.text).toBeLessThanOrEqual(0);
      expect(f.inside, f.text).toBe(true);
    }
    // The id is one unbreakable word; the e-mail breaks only after its separators.
    const lines = await inWidget(page, (root, id: string) => {
      const span = Array.from(root.querySelectorAll<HTMLElement>('.log .nw')).find((s) => s.textContent === id);
      return span ? span.getClientRects().length : -1;
    }, 'T-000123');
    expect(lines).toBe(1);
  });

  it('should switch its own labels to English with an English conversation, and back to Spanish', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await open(page);
    const labels = () =>
      inWidget(page, (root) => ({
        placeholder: root.querySelector('textarea')?.getAttribute('placeholder'),
        send: root.querySelector('.send')?.getAttribute('aria-label'),
        close: root.querySelector('.close')?.getAttribute('aria-label'),
        status: root.querySelector('.status')?.textContent,
        lang: root.querySelector('.root')?.getAttribute('lang'),
        greeting: root.querySelector('.intro .bubble')?.textContent,
      }));
    expect(await labels()).toMatchObject({ placeholder: 'Escribe tu mensaje…', send: 'Enviar mensaje', close: 'Cerrar chat', status: 'En línea', lang: 'es' });

    const english = await say(page, 'Hello! What are your opening hours on Sunday?');
    expect(english.join('\n')).toMatch(/\d/);
    await page.waitForFunction(() => document.querySelector('hilo-widget')?.shadowRoot?.querySelector('textarea')?.getAttribute('placeholder') === 'Type your message…');
    expect(await labels()).toMatchObject({ placeholder: 'Type your message…', send: 'Send message', close: 'Close chat', status: 'Online', lang: 'en' });
    expect((await labels()).greeting).toMatch(/^Hi!/);

    await say(page, 'Hola, ¿cuánto cuesta el cemento gris?');
    await page.waitForFunction(() => document.querySelector('hilo-widget')?.shadowRoot?.querySelector('textarea')?.getAttribute('placeholder') === 'Escribe tu mensaje…');
    expect(await labels()).toMatchObject({ send: 'Enviar mensaje', close: 'Cerrar chat', status: 'En línea', lang: 'es' });
  });
});
