import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createResumeTokens, startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { connectWidget, createAssets, createFakeService, TENANT, type WidgetClient } from '../gateway/fakes.js';

const SECRET = Buffer.alloc(32, 9);
const VISITOR = 'Hq3xK9_mZ2pL7wR4tN8sYc';

/**
 * Many widget sockets from one address (real sockets, both transports): each open socket may make
 * the server library buffer a partial frame up to its 256 KiB hard limit, so an address may hold
 * only so many. The one over the cap is told why (HILO_ERR_RATE_LIMITED, close 1013); the sockets
 * already open keep working, and a socket closed frees its place.
 */
describe.each(['uws', 'node'] as const)('open widget sockets per IP on %s', (transport) => {
  let gateway: Gateway;
  let assets: ReturnType<typeof createAssets>;
  const clients: WidgetClient[] = [];

  beforeEach(async () => {
    assets = createAssets();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service: createFakeService(),
      apiKeys: createApiKeyRegistry(),
      logger: createSilentLogger(),
      clock: createManualClock(),
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      limits: { turnTimeoutMs: 2_000, wsMaxSocketsPerIp: 3 },
      secret: SECRET,
    });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.ws.terminate();
    await gateway.close();
    assets.cleanup();
  });

  const connect = async (): Promise<WidgetClient> => {
    const client = await connectWidget(gateway.port);
    clients.push(client);
    return client;
  };

  it('should refuse the socket over the cap with a readable error and 1013, and take a new one once a place is free', async () => {
    const open = [await connect(), await connect(), await connect()];
    const over = await connect();
    expect(await over.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_RATE_LIMITED' });
    expect(await over.closed).toBe(1013);
    // The sockets already open are untouched: one says hello and is welcomed.
    open[0]!.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: VISITOR });
    expect(await open[0]!.next()).toMatchObject({ type: 'welcome', resumeToken: createResumeTokens(SECRET).issue(TENANT, VISITOR) });
    // Refused sockets hold no place: still over the cap.
    const again = await connect();
    expect(await again.next()).toMatchObject({ code: 'HILO_ERR_RATE_LIMITED' });
    open[1]!.ws.close(1000);
    await open[1]!.closed;
    // The server sees the close a moment after the client: wait for the freed place.
    let next: WidgetClient | null = null;
    for (let i = 0; i < 50 && next === null; i++) {
      const tried = await connect();
      const outcome = await Promise.race([tried.closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('open'), 100))]);
      if (outcome === 'open' && tried.frames.length === 0) next = tried;
    }
    expect(next).not.toBeNull();
    next!.send({ type: 'ping' });
    expect(await next!.next()).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_NOT_READY' });
  });
});

describe('HILO_WS_MAX_SOCKETS_PER_IP', () => {
  it('should default to 256, take 0 as no cap and refuse a negative value', () => {
    expect(loadConfig({}).wsMaxSocketsPerIp).toBe(256);
    expect(loadConfig({ HILO_WS_MAX_SOCKETS_PER_IP: '0' }).wsMaxSocketsPerIp).toBe(0);
    expect(() => loadConfig({ HILO_WS_MAX_SOCKETS_PER_IP: '-1' })).toThrow(/HILO_WS_MAX_SOCKETS_PER_IP/);
  });
});
