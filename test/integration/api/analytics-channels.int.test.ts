import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../../fakes/whatsapp-graph.js';
import { sayOverRest, startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createDurableEnvironment } from '../durable/durable-harness.js';

const APP_SECRET = 'analytics-channels-app-secret';
const ACCESS_TOKEN = 'analytics-channels-token';
const PHONE_NUMBER_ID = '106540352242922';

/**
 * owner34: "where do my customers write from?" The dashboard counted conversations without a
 * channel though `turn_facts.channel` has it. Two REST conversations (one handed off) and one
 * WhatsApp conversation of two messages on PGlite: `GET …/analytics/channels` must count each
 * channel's conversations, customer messages and handoffs, the same under `/console`.
 */
describe('analytics by channel (PGlite)', () => {
  let server: TestServer;
  let graph: FakeGraph;
  let destroy: () => Promise<void> = async () => {};

  const api = async (path: string) => {
    const res = await fetch(server.baseUrl + path, { headers: { authorization: `Bearer ${server.apiKey}` } });
    return { status: res.status, json: (await res.json()) as any };
  };

  async function whatsAppSays(from: string, text: string, n: number): Promise<void> {
    const raw = metaJson(waMessage({ id: `wamid.analytics-channels.${process.pid}.${n}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(Date.now() / 1000)) }, { from, name: 'Ana Marte' }));
    const res = await fetch(`${server.baseUrl}/webhooks/whatsapp/ferreteria`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    const made = await createDurableEnvironment('pglite+memory');
    destroy = () => made.destroy();
    server = await startHiloForTest({
      env: {
        ...made.env,
        HILO_STORAGE: 'durable',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
        HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'analytics-channels-verify',
        HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
        HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      },
    });
    await sayOverRest(server, 'channels-rest-1', 'tienen cemento gris?');
    await sayOverRest(server, 'channels-rest-2', 'quiero hablar con una persona');
    await whatsAppSays('18094440101', 'hola, a qué hora abren el domingo?', 1);
    await whatsAppSays('18094440101', 'tienen tubo pvc de media?', 2);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await destroy();
    await graph?.close();
  });

  it("should count each channel's conversations, customer messages and handoffs, the same under /console", async () => {
    // The WhatsApp turns run after the webhook's 200: wait until both are counted.
    await expect.poll(async () => (await api('/api/tenants/ferreteria/analytics/channels')).json.channels, { timeout: 20_000 }).toEqual([
      { channel: 'rest', conversations: 2, messages: 2, handoffs: 1 },
      { channel: 'whatsapp', conversations: 1, messages: 2, handoffs: 0 },
    ]);
    const summary = (await api('/api/tenants/ferreteria/analytics/summary')).json;
    expect(summary).toMatchObject({ conversations: 3, messages: 4, handoffs: 1 });
    const direct = await api('/api/tenants/ferreteria/analytics/channels');
    expect((await api('/console/api/tenants/ferreteria/analytics/channels')).json).toEqual(direct.json);
    expect((await fetch(`${server.baseUrl}/console/api/tenants/ferreteria/analytics/channels`)).status).toBe(401);
    expect((await api('/api/tenants/ferreteria/analytics/channels?from=2020-01-01&to=2020-01-31')).json.channels).toEqual([]);
    expect((await api('/api/tenants/ferreteria/analytics/channels?bogus=1')).status).toBe(400);
  });
});
