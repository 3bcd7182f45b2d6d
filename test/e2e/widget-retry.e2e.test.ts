import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_TIMEOUT_MS, inWidget, startWidgetRig, type WidgetRig } from './widget-rig.js';

/**
 * The widget's retry button, in a real Chromium against the real server. The frames between the
 * page and the server pass through Playwright's WebSocket route, which plays a turn whose answer
 * did not reach the page: the server ran the first message, but its lines are held back and its
 * ack becomes the error a late answer gets (HILO_ERR_TURN_TIMEOUT). The retry must carry the
 * message's first `clientMessageId`, so the server answers it from the transcript instead of
 * running the customer's message a second time; the held lines then arrive, as they would late.
 */
describe('widget retry button (real server, real Chromium)', () => {
  let rig: WidgetRig;

  beforeAll(async () => {
    rig = await startWidgetRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  /**
   * Routes the page's widget socket through a relay that records the customer's message frames,
   * holds back the first turn's frames and answers its ack with an error; the held frames go to
   * the page when the next customer frame (the retry) passes.
   */
  async function relayFailingFirstAck(page: Page): Promise<{ sent: Array<{ clientMessageId: string; text: string }>; conversationId: () => string | undefined }> {
    const sent: Array<{ clientMessageId: string; text: string }> = [];
    let conversationId: string | undefined;
    let phase: 'before' | 'holding' | 'failed' | 'through' = 'before';
    const held: Array<string | Buffer> = [];
    await page.routeWebSocket(/\/ws(\?|$)/, (ws: WebSocketRoute) => {
      const server = ws.connectToServer();
      ws.onMessage((raw) => {
        const frame = JSON.parse(String(raw)) as { type?: string; clientMessageId?: string; text?: string };
        if (frame.type === 'message') {
          sent.push({ clientMessageId: String(frame.clientMessageId), text: String(frame.text) });
          if (phase === 'before') phase = 'holding';
          else if (phase === 'failed') {
            phase = 'through';
            for (const late of held.splice(0)) ws.send(late);
          }
        }
        server.send(raw);
      });
      server.onMessage((raw) => {
        const frame = JSON.parse(String(raw)) as { type?: string; clientMessageId?: string; conversationId?: string };
        if (frame.type === 'welcome' && typeof frame.conversationId === 'string') conversationId = frame.conversationId;
        if (phase === 'holding' && frame.type === 'ack') {
          phase = 'failed';
          ws.send(JSON.stringify({ type: 'error', code: 'HILO_ERR_TURN_TIMEOUT', message: 'The reply took too long.', clientMessageId: frame.clientMessageId }));
          return;
        }
        if (phase === 'holding' || phase === 'failed') {
          held.push(raw);
          return;
        }
        ws.send(raw);
      });
    });
    return { sent, conversationId: () => conversationId };
  }

  const customerStatuses = (page: Page): Promise<string[]> =>
    inWidget(page, (root) => Array.from(root.querySelectorAll('.log .msg[data-author="customer"]')).map((m) => (m as HTMLElement).dataset.status ?? ''));

  it('should resend a failed message under its first client id, and the server should not run it twice', { timeout: 90_000 }, async () => {
    const page = await rig.newPage();
    const relay = await relayFailingFirstAck(page);
    await page.goto('/');
    await page.locator('hilo-widget .launcher').click();
    await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: REPLY_TIMEOUT_MS });

    await page.locator('hilo-widget textarea').fill('tienen cemento gris?');
    await page.locator('hilo-widget textarea').press('Enter');
    const retry = page.locator('hilo-widget .msg[data-author="customer"] button.retry');
    await retry.waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await customerStatuses(page)).toEqual(['error']);

    await retry.click();
    await page.waitForFunction(
      () => Array.from(document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="customer"]') ?? []).every((m) => (m as HTMLElement).dataset.status === 'sent'),
      undefined,
      { timeout: REPLY_TIMEOUT_MS },
    );
    expect(relay.sent).toHaveLength(2);
    expect(relay.sent[1]).toEqual(relay.sent[0]);
    expect(await customerStatuses(page)).toEqual(['sent']);

    // The server's transcript: the customer's message once, the price answered once.
    const conversationId = relay.conversationId();
    expect(conversationId).toBeDefined();
    const res = await fetch(`${rig.server.baseUrl}/api/tenants/ferreteria/conversations/${conversationId}`, { headers: { authorization: `Bearer ${rig.server.apiKey}` } });
    const view = (await res.json()) as { transcript: Array<{ direction: string; text: string }> };
    expect(view.transcript.filter((l) => l.direction === 'in').map((l) => l.text)).toEqual(['tienen cemento gris?']);
    expect(view.transcript.filter((l) => l.direction === 'out' && /655/.test(l.text))).toHaveLength(1);
    // On screen, too: one customer bubble, and the price once.
    const bubbles = await inWidget(page, (root) => Array.from(root.querySelectorAll('.log .msg .bubble')).map((b) => b.textContent ?? ''));
    expect(bubbles.filter((b) => b === 'tienen cemento gris?')).toHaveLength(1);
    expect(bubbles.filter((b) => /655/.test(b))).toHaveLength(1);
  });
});
