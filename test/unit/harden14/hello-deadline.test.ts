import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import { connectWidget, createAssets } from '../gateway/fakes.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/**
 * A widget socket that opens and never says `hello` is closed after the deadline with
 * `HILO_ERR_WS_HELLO_TIMEOUT` and close 4402, and its per-IP slot is free again; a socket that
 * says hello in time is not touched. Real sockets, both transports.
 */
describe.each(['node', 'uws'] as const)('hello deadline on the %s transport', (transport) => {
  let gateway: Gateway | undefined;
  let assets: ReturnType<typeof createAssets> | undefined;

  afterEach(async () => {
    await gateway?.close();
    assets?.cleanup();
  });

  const start = async (limits: { wsHelloTimeoutMs?: number; wsMaxSocketsPerIp?: number }) => {
    const made = createMemoryHost({ tenant, brain });
    assets = createAssets();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport,
      service: made.host,
      clock: made.clock,
      apiKeys: createApiKeyRegistry(),
      logger: createSilentLogger(),
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      limits: { turnTimeoutMs: 10_000, ...limits },
      secret: Buffer.alloc(32, 9),
    });
    return gateway;
  };

  it('should close a silent socket with 4402 after the deadline and free its slot, and leave a talking one open', async () => {
    const gw = await start({ wsHelloTimeoutMs: 300, wsMaxSocketsPerIp: 2 });
    const silent = await connectWidget(gw.port, 'ferreteria');
    const talking = await connectWidget(gw.port, 'ferreteria');
    talking.send({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: randomBytes(16).toString('hex'), lang: 'es' });
    expect(await talking.next()).toMatchObject({ type: 'welcome' });
    // Both slots of this address are taken: a third socket is refused at once.
    const third = await connectWidget(gw.port, 'ferreteria');
    expect(await third.closed).toBe(1013);

    const started = Date.now();
    expect(await silent.closed).toBe(4402);
    expect(Date.now() - started).toBeLessThan(5_000);
    const frame = silent.frames[0] as { type: string; code?: string; message?: string };
    expect(frame.type).toBe('error');
    expect(frame.code).toBe('HILO_ERR_WS_HELLO_TIMEOUT');
    expect(frame.message).toMatch(/hello/);

    // The freed slot takes a new socket, which can say hello; the talking one outlived the deadline.
    const next = await connectWidget(gw.port, 'ferreteria');
    next.send({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: randomBytes(16).toString('hex'), lang: 'es' });
    expect((await next.next()).type).toBe('welcome');
    await new Promise((resolve) => setTimeout(resolve, 500));
    talking.send({ type: 'ping' });
    expect((await talking.next()).type).toBe('pong');
    expect(talking.ws.readyState).toBe(talking.ws.OPEN);
    for (const c of [talking, next]) c.ws.close();
  });

  it('should keep a silent socket open when the deadline is 0', async () => {
    const gw = await start({ wsHelloTimeoutMs: 0 });
    const silent = await connectWidget(gw.port, 'ferreteria');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(silent.ws.readyState).toBe(silent.ws.OPEN);
    expect(silent.frames).toEqual([]);
    silent.ws.close();
  });
});

describe('HILO_WS_HELLO_TIMEOUT_MS', () => {
  it('should default to 10 s and accept 0 (no deadline)', () => {
    expect(loadConfig({}).wsHelloTimeoutMs).toBe(10_000);
    expect(loadConfig({ HILO_WS_HELLO_TIMEOUT_MS: '0' }).wsHelloTimeoutMs).toBe(0);
    expect(() => loadConfig({ HILO_WS_HELLO_TIMEOUT_MS: '-5' })).toThrow();
  });
});
