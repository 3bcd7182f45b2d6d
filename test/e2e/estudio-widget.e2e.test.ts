import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { spokenDate } from '../../src/machines/workflow/spoken-dates.js';
import { startLoopbackServer, type LoopbackServer } from '../fakes/loopback-server.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { launchChromium, type TestBrowser } from './browser.js';
import { botCount, inWidget, REPLY_TIMEOUT_MS, repliesAfter, ROOT, say } from './widget-rig.js';

const TOKEN_ENV = 'HILO_TEST_ESTUDIO_WIDGET_BACKEND_TOKEN';
const TOKEN = 'estudio-widget-test-token';
const SCREENSHOT = process.env.HILO_ESTUDIO_SCREENSHOT ?? '/tmp/estudio-widget.png';
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
/** Words that would ask a customer for card data in the chat (the studio only ever sends a payment link). */
const CARD_REQUEST = /(?:n[uú]mero de (?:tu |la )?tarjeta|card number|cvv|cvc|fecha de vencimiento de|expiry date|(?:dame|env[ií]ame|escribe|ind[ií]came|send me|type) (?:tu |los datos de (?:tu |la )?|your )?(?:tarjeta|card))/i;

/** A weekday (Monday–Friday) at least `from` days ahead in Santo Domingo: as typed, as stored, as spoken back. */
function weekdayAhead(from: number): { said: string; iso: string; spoken: string } {
  for (let days = from; ; days++) {
    const t = new Date(systemClock.now() - 4 * 3_600_000 + days * 86_400_000);
    if (t.getUTCDay() === 0 || t.getUTCDay() === 6) continue;
    const iso = t.toISOString().slice(0, 10);
    return { said: `${t.getUTCDate()} de ${MONTHS[t.getUTCMonth()]}`, iso, spoken: spokenDate(iso, 'es')! };
  }
}

/** The studio's own web page on its own origin, embedding the widget from Hilo's (`{hilo}`). */
const STUDIO_PAGE = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Estudio Bella Vida</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#fdf2f8;color:#3f1d38}header{padding:48px 32px;background:linear-gradient(135deg,#9d174d,#db2777);color:#fff}h1{margin:0 0 8px;font-size:40px}</style>
</head><body><header><h1>Estudio Bella Vida</h1><p>Belleza y bienestar en Santo Domingo · reserva por chat</p></header>
<script src="{hilo}/widget.js" data-tenant="estudio" data-title="Estudio Bella Vida" data-color="#be185d" async></script></body></html>`;

/**
 * Issue 17's "done when" in a real browser: the studio's customer books, reschedules, pays and
 * cancels by typing into the widget (Debian's Chromium, the bundle built from the current sources)
 * against the whole runtime with the studio's data, classifier and workflows, and the demo business
 * backend on loopback (bearer auth, its port named in a copied tenant.json). Each step is checked
 * in the backend's own bookings; the hardware store's widget on the same server still answers.
 */
describe('estudio in the widget: book, reschedule, pay and cancel in Chromium', () => {
  let backend: DemoBackend;
  let server: TestServer;
  let browser: TestBrowser | undefined;
  let launchError: unknown;
  let tenantsDir: string;
  let site: LoopbackServer;

  beforeAll(async () => {
    // The gateway reads the bundle at start-up: build it from the current sources first.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-widget.mjs')], { cwd: ROOT, stdio: 'pipe' });
    backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger(), token: TOKEN });
    const url = await backend.listen(0, '127.0.0.1');
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-estudio-widget-'));
    for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
    const file = join(tenantsDir, 'estudio', 'tenant.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...settings, backend: { baseUrl: `${url}/estudio`, auth: { type: 'bearer', tokenEnv: TOKEN_ENV } } }));
    process.env[TOKEN_ENV] = TOKEN;
    server = await startHiloForTest({ env: { HILO_TENANTS_DIR: tenantsDir } });
    // A page fulfilled by Playwright counts as a public site, which Chromium's local network
    // checks forbid to open a socket to 127.0.0.1: the studio's page is a real loopback site.
    const page = STUDIO_PAGE.replace('{hilo}', server.baseUrl);
    site = await startLoopbackServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    // A missing Chromium fails the test with the install hint (a failing hook would only skip it).
    browser = await launchChromium().catch((err: unknown) => {
      launchError = err;
      return undefined;
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
    await backend?.close();
    delete process.env[TOKEN_ENV];
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  async function openStudioWidget(): Promise<Page> {
    if (!browser) throw launchError;
    const context = await browser.newContext({ locale: 'es-DO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.origin);
    await page.locator('hilo-widget .launcher').click();
    await page.locator('hilo-widget textarea').waitFor({ state: 'visible' });
    await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: REPLY_TIMEOUT_MS });
    return page;
  }

  /** Taps a reply button the bot offered, as a customer would on a phone. */
  async function tap(page: Page, label: string): Promise<string[]> {
    const before = await botCount(page);
    await page.locator('hilo-widget .opt:not([disabled])', { hasText: label }).last().click();
    return repliesAfter(page, before);
  }

  it('should book, reschedule, pay by link and cancel, each step in the backend\'s bookings', { timeout: 180_000 }, async () => {
    const page = await openStudioWidget();
    const phone = '+18095550144';
    const first = weekdayAhead(2);
    const second = weekdayAhead(3);
    const all: string[] = [];
    const typed = async (text: string) => {
      const replies = await say(page, text);
      all.push(...replies);
      return replies;
    };

    // Book: the first message names the service, the day and the time; the rest is asked.
    expect(await typed(`Hola, quiero agendar un corte el ${first.said} a las 3`)).toEqual([`¡Hola! Hay espacio el ${first.spoken} a las 3:00 p. m. 👍`, '¿A nombre de quién hago la reserva?']);
    expect(await typed('Laura Méndez')).toEqual(['¿A qué número de teléfono te contactamos?']);
    expect(await typed('809-555-0144')).toEqual([`Reservo Corte y secado el ${first.spoken} a las 3:00 p. m. a nombre de Laura Méndez (tel. ${phone}). ¿Confirmo?`]);
    // The summary offers its yes/no as buttons.
    expect(await inWidget(page, (root) => Array.from(root.querySelectorAll('.opt')).map((b) => b.textContent))).toEqual(['Sí, confirmo', 'Cancelar']);
    const booked = await typed('sí, confirmo');
    expect(booked[0]).toMatch(new RegExp(`^¡Listo! Tu cita BV-\\d+ quedó el ${first.spoken} a las 3:00 p\\. m\\. Total: RD\\$1,500\\.00\\.$`));
    const bookings = backend.studio.bookingsOf(phone);
    expect(bookings).toHaveLength(1);
    const booking = bookings[0]!;
    expect(booking).toMatchObject({ serviceId: 'corte-secado', date: first.iso, time: '15:00', status: 'confirmed', paymentStatus: 'unpaid' });
    expect(booked[0]).toContain(booking.id);

    // Reschedule: the phone given for the booking is not asked again.
    expect(await typed('necesito mover mi cita')).toEqual(['¿Para qué día la movemos?']);
    expect(await typed(`el ${second.said} a las 10`)).toEqual([`Muevo la cita ${booking.id} del ${first.spoken} a las 3:00 p. m. para el ${second.spoken} a las 10:00 a. m. ¿Confirmo?`]);
    expect(await typed('sí')).toEqual([`¡Hecho! Tu cita ${booking.id} ahora es el ${second.spoken} a las 10:00 a. m.`]);
    expect(backend.studio.getBooking(booking.id)).toMatchObject({ date: second.iso, time: '10:00', status: 'confirmed' });

    // Pay: a link to the payment provider's page, never a request for card data.
    expect(await typed('quiero pagar mi cita')).toEqual([`Te genero un enlace de pago para la cita ${booking.id} del ${second.spoken} a las 10:00 a. m. (RD$1,500.00). ¿Confirmo?`]);
    const paid = await tap(page, 'Sí, confirmo');
    all.push(...paid);
    expect(paid[0]).toMatch(/^Paga RD\$1,500\.00 en este enlace seguro: http:\/\/127\.0\.0\.1:\d+\/pay\/\S+ \(vence el .+ a las? .+\)\. Nunca te pediremos la tarjeta por chat\.$/);
    const links = await inWidget(page, (root) => Array.from(root.querySelectorAll('.log .msg[data-author="bot"] .bubble a[href]')).map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/\S+$/);
    expect(backend.studio.getBooking(booking.id).paymentStatus).toBe('pending');
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-pay.png') });
    // A customer who types a card anyway is told it was hidden; the card never reaches the backend.
    const notice = await say(page, 'mi visa es 4111 1111 1111 1111 vence 08/27');
    expect(notice.join('\n')).toContain('oculté el número de tarjeta');
    // The widget shows what was recorded, masked, in place of what was typed.
    const mine = await inWidget(page, (root) => Array.from(root.querySelectorAll('.log .msg[data-author="customer"] .bubble')).map((b) => b.textContent ?? '').pop());
    expect(mine).toBe('mi visa es **** **** **** 1111 vence **/**');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('4111 1111');

    // Cancel.
    expect(await typed('cancela mi cita por favor')).toEqual([`¿Confirmas que cancelo la cita ${booking.id} del ${second.spoken} a las 10:00 a. m.?`]);
    expect(await typed('sí')).toEqual([`Tu cita ${booking.id} quedó cancelada.`]);
    expect(backend.studio.getBooking(booking.id).status).toBe('cancelled');
    expect(backend.studio.bookingsOf(phone)).toHaveLength(1);

    // Nothing the bot said asked for a card, and no raw ISO date reached the customer.
    expect(all.filter((t) => CARD_REQUEST.test(t))).toEqual([]);
    expect(all.filter((t) => /\b20\d\d-\d\d-\d\d\b/.test(t))).toEqual([]);
    await page.screenshot({ path: SCREENSHOT });
    await page.context().close();
  });

  it('should leave the hardware store\'s widget on the same server answering as before', { timeout: 60_000 }, async () => {
    if (!browser) throw launchError;
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'es-DO' });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('hilo-widget .launcher').click();
    await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: REPLY_TIMEOUT_MS });
    const replies = (await say(page, '¿Tienen cemento gris?')).join('\n');
    expect(replies).toMatch(/cemento/i);
    expect(replies).not.toMatch(/Bella Vida|cita/i);
    await context.close();
  });
});
