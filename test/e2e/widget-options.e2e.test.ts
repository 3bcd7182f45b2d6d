import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrame, ServerFrame, WireMessage } from '../../src/channels/widget/protocol.js';
import { startHiloForTest } from '../helpers/hilo-server.js';
import { launchChromium, type TestBrowser } from './browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AT = '2026-12-03T12:00:00.000Z';

/**
 * A scripted peer that speaks the widget protocol (docs/protocol.md) on loopback: the widget in a
 * real Chromium is the thing under test, so every frame it gets is chosen here, and every frame it
 * sends is recorded.
 */
function startScriptedServer(history: WireMessage[], onMessage: (text: string, seq: number) => WireMessage[]) {
  const widgetJs = readFileSync(join(ROOT, 'dist', 'widget', 'widget.js'));
  const received: ClientFrame[] = [];
  let seq = history.length;
  const http: Server = createServer((req, res) => {
    if (req.url === '/widget.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(widgetJs);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      '<!doctype html><html lang="es"><body><h1>Tienda</h1><script src="/widget.js" data-tenant="ferreteria" async></script></body></html>',
    );
  });
  const wss = new WebSocketServer({ server: http, path: '/ws' });
  const send = (ws: WebSocket, frame: ServerFrame): void => ws.send(JSON.stringify(frame));
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ClientFrame;
      received.push(frame);
      if (frame.type === 'hello') {
        send(ws, { type: 'welcome', v: 1, conversationId: 'conv-1', history, lang: 'es' });
      } else if (frame.type === 'message') {
        seq += 1;
        const inbound = seq;
        send(ws, { type: 'message', message: { seq: inbound, id: `in:${inbound}`, author: 'customer', text: frame.text, at: AT } });
        for (const reply of onMessage(frame.text, seq + 1)) {
          seq = reply.seq;
          send(ws, { type: 'message', message: reply });
        }
        send(ws, { type: 'ack', clientMessageId: frame.clientMessageId, seq: inbound });
      }
    });
  });
  return new Promise<{ url: string; received: ClientFrame[]; close: () => Promise<void> }>((resolve) => {
    http.listen(0, '127.0.0.1', () => {
      const { port } = http.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close(() => http.close(() => done()));
          }),
      });
    });
  });
}

const OPTIONS = [
  { label: 'Ver precios de cemento', text: 'precio del cemento gris' },
  { label: 'Horario de las sucursales', text: 'horario' },
  { label: 'Hablar con una persona', text: 'quiero hablar con una persona' },
];

describe('reply options in the widget (real Chromium, scripted server)', () => {
  let browser: TestBrowser | undefined;
  let launchError: unknown;
  const contexts: BrowserContext[] = [];
  const servers: Array<{ close: () => Promise<void> }> = [];

  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-widget.mjs')], { cwd: ROOT, stdio: 'pipe' });
    return launchChromium().then(
      (b) => {
        browser = b;
      },
      (err: unknown) => {
        launchError = err;
      },
    );
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    for (const server of servers) await server.close();
  });

  async function openAt(url: string): Promise<Page> {
    if (!browser) throw launchError;
    const context = await browser.newContext({ baseURL: url, locale: 'es-DO', viewport: { width: 1280, height: 820 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('hilo-widget .launcher').click();
    await page.locator('hilo-widget .status[data-state="online"]').waitFor();
    return page;
  }

  const optionState = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('hilo-widget')?.shadowRoot;
      return Array.from(root?.querySelectorAll<HTMLButtonElement>('.log .msg .opt') ?? []).map((b) => ({
        label: b.textContent,
        disabled: b.disabled,
        pressed: b.getAttribute('aria-pressed') === 'true',
        seq: (b.closest('.msg') as HTMLElement | null)?.dataset.seq,
      }));
    });

  it('should show the options of the latest bot message as buttons, send the tapped one and disable them', { timeout: 60_000 }, async () => {
    const history: WireMessage[] = [
      { seq: 1, id: 'in:1', author: 'customer', text: 'quiero algo', at: AT },
      { seq: 2, id: 'out:2', author: 'bot', text: 'No estoy seguro de qué buscas. ¿Es alguna de estas?', at: AT, lang: 'es', options: OPTIONS },
    ];
    const server = await startScriptedServer(history, (_text, seq) => [
      { seq, id: `out:${seq}`, author: 'bot', text: 'El *Cemento Gris Cemex* cuesta RD$655.00.', at: AT, lang: 'es' },
    ]);
    servers.push(server);
    const page = await openAt(server.url);

    await page.locator('hilo-widget .opt').first().waitFor();
    expect(await optionState(page)).toEqual(OPTIONS.map((o) => ({ label: o.label, disabled: false, pressed: false, seq: '2' })));
    // This server sends no intro: the widget's own greeting, and no chips.
    expect(await page.locator('hilo-widget .intro .bubble').textContent()).toBe('¡Hola! ¿En qué te podemos ayudar?');
    expect(await page.locator('hilo-widget .chips').isVisible()).toBe(false);
    expect(await page.locator('hilo-widget .opts').getAttribute('aria-label')).toBe('Opciones');
    // Buttons are real buttons: reachable and usable by keyboard.
    await page.locator('hilo-widget .opt', { hasText: 'Ver precios de cemento' }).focus();
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => (document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="bot"]').length ?? 0) === 2);
    const sent = server.received.filter((f) => f.type === 'message');
    expect(sent.map((f) => (f.type === 'message' ? f.text : ''))).toEqual(['precio del cemento gris']);
    // A newer reply without options: the old buttons are gone.
    expect(await optionState(page)).toEqual([]);
    const customer = await page.evaluate(() =>
      Array.from(document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="customer"] .bubble') ?? []).map((b) => b.textContent),
    );
    expect(customer).toEqual(['quiero algo', 'precio del cemento gris']);
  });

  it('should disable the options and mark the chosen one while the answer is on its way, and not send twice', { timeout: 60_000 }, async () => {
    const history: WireMessage[] = [{ seq: 1, id: 'out:1', author: 'bot', text: 'Which one do you mean?', at: AT, lang: 'en', options: OPTIONS.slice(0, 2) }];
    // No reply from the "bot": the options stay on screen, used.
    const server = await startScriptedServer(history, () => []);
    servers.push(server);
    const page = await openAt(server.url);
    // The last bot message was written in English: the widget's labels follow it.
    expect(await page.locator('hilo-widget textarea').getAttribute('placeholder')).toBe('Type your message…');

    await page.locator('hilo-widget .opt', { hasText: 'Horario de las sucursales' }).click();
    await page.waitForFunction(() =>
      Array.from(document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('.opt') ?? []).every((b) => b.disabled),
    );
    expect(await optionState(page)).toEqual([
      { label: 'Ver precios de cemento', disabled: true, pressed: false, seq: '1' },
      { label: 'Horario de las sucursales', disabled: true, pressed: true, seq: '1' },
    ]);
    await page.locator('hilo-widget .opt').first().click({ force: true });
    await page.waitForTimeout(200);
    expect(server.received.filter((f) => f.type === 'message')).toHaveLength(1);
  });
});

describe('reply options from the real bot (real server, real Chromium)', () => {
  let server: Awaited<ReturnType<typeof startHiloForTest>>;
  let browser: TestBrowser | undefined;
  let launchError: unknown;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-widget.mjs')], { cwd: ROOT, stdio: 'pipe' });
    server = await startHiloForTest();
    browser = await launchChromium().catch((err: unknown) => {
      launchError = err;
      return undefined;
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('should show a clarifying question\'s choices as buttons and answer the tapped one', { timeout: 90_000 }, async () => {
    if (!browser) throw launchError;
    context = await browser.newContext({ baseURL: server.baseUrl, locale: 'es-DO', viewport: { width: 1280, height: 820 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('hilo-widget .launcher').click();
    await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: 20_000 });

    // Too vague to act on: the bot asks which of the likely things is meant.
    await page.locator('hilo-widget textarea').fill('cosas');
    await page.locator('hilo-widget textarea').press('Enter');
    await page.locator('hilo-widget .opt').first().waitFor({ timeout: 20_000 });
    const labels = await page.locator('hilo-widget .opt').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.length).toBeLessThanOrEqual(3);
    const bots = await page.locator('hilo-widget .log .msg[data-author="bot"]').count();

    await page.locator('hilo-widget .opt').first().click();
    // The choice is sent as the customer's message, and the bot answers it (not the same question again).
    await page.waitForFunction(
      (n) => (document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="bot"]').length ?? 0) > n,
      bots,
      { timeout: 20_000 },
    );
    const customer = await page.locator('hilo-widget .log .msg[data-author="customer"] .bubble').allTextContents();
    expect(customer).toHaveLength(2);
    expect(customer[1]).not.toBe('cosas');
    const replies = await page.locator('hilo-widget .log .msg[data-author="bot"] .bubble').allTextContents();
    expect(replies[replies.length - 1]).not.toBe(replies[bots - 1]);

    // REST clients get the same choices with each message.
    const rest = await page.request.post(`/api/tenants/ferreteria/messages`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
      data: { sender: 'rest-options-1', text: 'cosas' },
    });
    expect(rest.status()).toBe(200);
    const body = (await rest.json()) as { messages: Array<{ options?: Array<{ label: string; text: string }> }> };
    const offered = body.messages.flatMap((m) => m.options ?? []);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    for (const o of offered) {
      expect(o.label.trim()).not.toBe('');
      expect(o.text.trim()).not.toBe('');
    }
  });
});
