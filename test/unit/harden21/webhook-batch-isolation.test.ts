import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryDeduplicator } from '../../../src/channels/index.js';
import { HiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { createChannelRegistry, createWebhookRoutes } from '../../../src/runtime/channels/index.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createAssets, createFakeService } from '../gateway/fakes.js';

const TENANT = 'ferreteria';
const SECRET = 'wa-app-secret-h21';

/**
 * Found in the harden21 sweep: a WhatsApp webhook carries several customers' messages in one
 * batch, and they ran one after another until one failed — the failure answered the provider at
 * once, so the customers after it were not run until the redelivery (and never, while the first
 * kept failing: the provider retries the whole batch, then gives up). Now every conversation of
 * the batch runs; only the failed message and its sender's later ones (their order kept) are
 * given back, and the redelivery runs only those.
 */
describe('a provider batch in which one conversation fails (real sockets)', () => {
  let gateway: Gateway;
  let assets: ReturnType<typeof createAssets>;
  const run: string[] = [];
  /** Senders whose turn fails (a store error, say) while they are in the set. */
  const failing = new Set<string>();

  beforeAll(async () => {
    assets = createAssets();
    const clock = createManualClock();
    const logger = createSilentLogger();
    const config = loadConfig({
      HILO_STORAGE: 'memory',
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: '1234567890',
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: 'token',
      HILO_WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
    });
    const channels = createChannelRegistry({ config, tenantIds: [TENANT], clock, logger });
    const host = {
      resolveConversation: async (_t: string, _ch: string, sender: string) => `c-${sender}`,
      handleMessage: async (message: { senderId: string; text: string }) => {
        if (failing.has(message.senderId)) throw new HiloError('HILO_ERR_TURN_FAILED');
        run.push(`${message.senderId}:${message.text}`);
      },
    };
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport: 'uws',
      service: createFakeService(),
      apiKeys: createApiKeyRegistry(),
      logger,
      clock,
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      extraRoutes: createWebhookRoutes({ channels, host: host as never, hasTenant: (t) => t === TENANT, outbox: { recordDeliveryStatus: async () => true }, dedupe: createMemoryDeduplicator({ clock }), kick: () => undefined, publicUrl: null, logger }),
    });
  });

  afterAll(async () => {
    await gateway?.close();
    assets?.cleanup();
  });

  const batch = (messages: { from: string; id: string; text: string }[]) =>
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '18095550000', phone_number_id: '1234567890' }, contacts: messages.map((m) => ({ wa_id: m.from, profile: { name: 'Cliente' } })), messages: messages.map((m) => ({ from: m.from, id: m.id, timestamp: '1796600000', type: 'text', text: { body: m.text } })) } }] }],
    });
  const deliver = async (body: string) => {
    const res = await fetch(`http://127.0.0.1:${gateway.port}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` }, body });
    const text = await res.text();
    return { status: res.status, body: (res.status === 200 ? {} : JSON.parse(text)) as { error?: { code: string } } };
  };

  it("should run the other customers of the batch, give back only the failed sender's messages, and run only those on the redelivery", async () => {
    failing.add('18095550101');
    const body = batch([
      { from: '18095550101', id: 'wamid.A1', text: 'hola, tienen cemento?' },
      { from: '18095550102', id: 'wamid.B1', text: 'buenas, varilla de 3/8?' },
      { from: '18095550101', id: 'wamid.A2', text: 'y arena?' },
      { from: '18095550103', id: 'wamid.C1', text: 'a que hora abren?' },
    ]);
    const first = await deliver(body);
    // The provider is still asked to redeliver: one message was not accepted.
    expect(first.status).toBe(500);
    expect(first.body.error?.code).toBe('HILO_ERR_TURN_FAILED');
    // Before: nothing after the failed message ran.
    expect(run).toEqual(['18095550102:buenas, varilla de 3/8?', '18095550103:a que hora abren?']);

    // The failure passes; the provider redelivers the same batch: the failed sender's two
    // messages run, in their order, and nobody else's runs twice.
    failing.clear();
    const again = await deliver(body);
    expect(again.status).toBe(200);
    expect(run).toEqual(['18095550102:buenas, varilla de 3/8?', '18095550103:a que hora abren?', '18095550101:hola, tienen cemento?', '18095550101:y arena?']);
    expect((await deliver(body)).status).toBe(200);
    expect(run).toHaveLength(4);
  });

  it('should still answer the failure and accept nothing when every message of the batch fails', async () => {
    run.length = 0;
    failing.add('18095550201');
    const body = batch([{ from: '18095550201', id: 'wamid.D1', text: 'hola' }, { from: '18095550201', id: 'wamid.D2', text: 'hay alguien?' }]);
    expect((await deliver(body)).status).toBe(500);
    failing.clear();
    expect((await deliver(body)).status).toBe(200);
    expect(run).toEqual(['18095550201:hola', '18095550201:hay alguien?']);
  });
});
