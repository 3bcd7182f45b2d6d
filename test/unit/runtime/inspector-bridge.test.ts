import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startInspectorBridge, type InspectorBridge } from '../../../src/runtime/inspector-bridge.js';
import { createInspector } from '../../../src/runtime/inspector.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

const TOKEN = 'inspect-token-0123456789';

function open(url: string): Promise<{ ws: WebSocket; messages: string[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: string[] = [];
    ws.on('message', (d) => messages.push(String(d)));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('error', reject);
  });
}

describe('Stately inspector bridge', () => {
  let bridge: InspectorBridge | null = null;
  afterEach(async () => {
    await bridge?.close();
    bridge = null;
  });

  it('should bind to the given host, not every interface', async () => {
    bridge = await startInspectorBridge({ host: '127.0.0.1', port: 0, token: TOKEN });
    expect(bridge.address).toBe('127.0.0.1');
  });

  it('should serve the page and the event stream only with the token', async () => {
    bridge = await startInspectorBridge({ host: '127.0.0.1', port: 0, token: TOKEN });
    const base = `http://127.0.0.1:${bridge.port}`;
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong-token-0123456789`)).status).toBe(401);
    const page = await fetch(`${base}/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('stately.ai/inspect');
    await expect(open(`ws://127.0.0.1:${bridge.port}/`)).rejects.toThrow(/401/);
    await expect(open(`ws://127.0.0.1:${bridge.port}/?token=nope`)).rejects.toThrow(/401/);
    const app = await open(`ws://127.0.0.1:${bridge.port}/?token=${TOKEN}`);
    const viewer = await open(`ws://127.0.0.1:${bridge.port}/?token=${TOKEN}`);
    app.ws.send(JSON.stringify({ type: '@xstate.event' }));
    for (let i = 0; i < 100 && viewer.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(viewer.messages).toEqual([JSON.stringify({ type: '@xstate.event' })]);
    app.ws.close();
    viewer.ws.close();
  });

  it('should attach HILO_INSPECT=server behind a generated token and describe it without the token', async () => {
    const inspector = await createInspector({ mode: 'server', port: 0, conversationFilter: '', logger: createSilentLogger(), host: '127.0.0.1' });
    try {
      expect(inspector?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{24}$/);
      expect(inspector?.description).not.toContain('token=');
      expect((await fetch(inspector!.url!.replace(/\?token=.*/, ''))).status).toBe(401);
      expect((await fetch(inspector!.url!)).status).toBe(200);
    } finally {
      await inspector?.close();
    }
  });
});
