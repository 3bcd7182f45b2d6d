import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxFeed, type ConsoleActor, type ConsoleAuth, type ConsoleHost, type InboxFeed } from '../../../src/actors/console/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { CONSOLE_WS_CLOSE_SLOW, createConsoleSocket } from '../../../src/runtime/console/console-socket.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createAssets, createFakeService, TENANT } from '../gateway/fakes.js';

const actor: ConsoleActor = { tenantId: TENANT, agentId: 'a-1', displayName: 'Ana', role: 'agent', auditActor: 'agent:test', csrfToken: 'csrf', sessionHash: 'h', agent: null };

/**
 * Found in the harden21 sweep: an agent console socket that stops reading (a laptop asleep, a
 * frozen tab) had its inbox frames dropped by the transport once 2 MiB waited for it, without a
 * word — the page, reading again, showed an inbox with holes. The widget's socket closes a slow
 * consumer instead; the console's now does too (4408), so the page reconnects and reloads.
 */
describe.each(['uws', 'node'] as const)('a console socket that stops reading, on %s (real sockets)', (transport) => {
  let gateway: Gateway | null = null;
  let assets: ReturnType<typeof createAssets> | null = null;
  let feed: InboxFeed;

  afterEach(async () => {
    await gateway?.close();
    assets?.cleanup();
  });

  it('should be closed with 4408 after the frames it had, with none missing in between, and other sockets keep theirs', async () => {
    assets = createAssets();
    feed = createInboxFeed(createSilentLogger());
    const auth = { authenticate: async () => actor } as unknown as ConsoleAuth;
    const socketRoute = createConsoleSocket({ auth, host: {} as ConsoleHost, feed, publicUrl: null, logger: createSilentLogger() });
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service: createFakeService(),
      apiKeys: createApiKeyRegistry(),
      logger: createSilentLogger(),
      clock: createManualClock(),
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      extraSockets: [socketRoute],
    });
    const open = async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${gateway!.port}/console/ws`, { headers: { cookie: 'hilo_console=s-1', origin: `http://127.0.0.1:${gateway!.port}` } });
      const frames: string[] = [];
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      ws.on('message', (data) => frames.push((JSON.parse(String(data)) as { conversationId: string }).conversationId.slice(0, 8)));
      await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
      return { ws, frames, closed };
    };
    const slow = await open();
    const reader = await open();
    // The session is looked up after the open: wait until the feed has both sockets.
    await expect.poll(() => feed.hasListeners(TENANT)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));

    // The slow page stops reading; 12 MB of inbox changes follow (240 frames of 50 KB).
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const pad = 'x'.repeat(50_000);
    for (let i = 0; i < 240; i++) {
      feed.publish(TENANT, { type: 'inbox.removed', conversationId: `${String(i).padStart(7, '0')}-${pad}` });
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 10));
    }
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();

    // Before: never closed, its frames past 2 MiB dropped.
    expect(await Promise.race([slow.closed, new Promise((r) => setTimeout(() => r('still open after 10 s'), 10_000))])).toBe(CONSOLE_WS_CLOSE_SLOW);
    // What it got is the first frames in order, then the close: never a hole it cannot see.
    expect(slow.frames.length).toBeLessThan(240);
    expect(slow.frames).toEqual(Array.from({ length: slow.frames.length }, (_, i) => `${String(i).padStart(7, '0')}-`));
    // A page that kept reading got every frame and stays open.
    await expect.poll(() => reader.frames.length, { timeout: 10_000 }).toBe(240);
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);
    reader.ws.close();
  }, 30_000);
});
