import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame, WelcomeFrame } from '../../../src/channels/widget/protocol.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { connectWidget, conversationIdOf, createAssets, createFakeService, http, TENANT, type FakeService } from '../gateway/fakes.js';

const KEY = 'hilo_test_key_acme_options';
const AT = '2026-12-03T12:00:00.000Z';
const OPTIONS = [
  { label: 'Cemento gris', text: 'cemento gris' },
  { label: 'Cemento blanco', text: 'cemento blanco' },
];
const INTRO = {
  es: { greeting: '¡Hola!', suggestions: [{ label: 'Horario', text: '¿Cuál es el horario?' }] },
  en: { greeting: 'Hi!', suggestions: [{ label: 'Hours', text: 'What are your hours?' }] },
};

/** A visitor id like the widget makes (16 random bytes, base64url). */
const visitorId = (): string => randomBytes(16).toString('base64url');

async function nextOfType<T extends ServerFrame['type']>(client: Awaited<ReturnType<typeof connectWidget>>, type: T): Promise<Extract<ServerFrame, { type: T }>> {
  for (;;) {
    const frame = await client.next();
    if (frame.type === type) return frame as Extract<ServerFrame, { type: T }>;
    if (frame.type === 'error') throw new Error(`error frame: ${frame.code} ${frame.message}`);
  }
}

describe('reply options and the intro through the gateway', () => {
  let gateway: Gateway;
  let service: FakeService;
  let assets: ReturnType<typeof createAssets>;

  beforeEach(async () => {
    service = createFakeService(AT);
    assets = createAssets();
    const apiKeys = createApiKeyRegistry();
    apiKeys.add(TENANT, KEY);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport: 'node',
      service,
      apiKeys,
      logger: createSilentLogger(),
      clock: createManualClock(),
      assets: { widgetJsPath: assets.widgetJsPath, demoHtmlPath: assets.demoHtmlPath },
      widgetIntro: (tenantId) => (tenantId === TENANT ? INTRO : undefined),
    });
  });

  afterEach(async () => {
    await gateway?.close();
    assets.cleanup();
  });

  it('should answer a REST turn with each reply\'s options', async () => {
    service.onHandleMessage = async (message) => {
      const conversationId = conversationIdOf(message.channel, message.senderId);
      const inbound = service.record(conversationId, { messageId: 'in-1', direction: 'in', author: 'customer', channel: 'rest', text: message.text, at: AT });
      const ask = service.record(conversationId, { messageId: 'out-1', direction: 'out', author: 'bot', channel: 'rest', text: '¿Cuál?', at: AT, lang: 'es', options: OPTIONS });
      const plain = service.record(conversationId, { messageId: 'out-2', direction: 'out', author: 'bot', channel: 'rest', text: 'Dime', at: AT, lang: 'es' });
      return { conversationId, duplicate: false, inbound, replies: [ask, plain], state: { value: 'triage', tags: [], context: {}, machineVersion: 1, seq: 3 } };
    };
    const res = await http(gateway.port, 'POST', `/api/tenants/${TENANT}/messages`, {
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: 'ana-809', text: 'quiero cemento' }),
    });
    expect(res.status).toBe(200);
    const body = res.json() as { messages: Array<Record<string, unknown>> };
    expect(body.messages[0]).toMatchObject({ id: 'out-1', text: '¿Cuál?', options: OPTIONS });
    expect(body.messages[1]).not.toHaveProperty('options');

    // The conversation's transcript shows them too.
    const view = await http(gateway.port, 'GET', `/api/tenants/${TENANT}/conversations/${conversationIdOf('rest', 'ana-809')}`, { headers: { authorization: `Bearer ${KEY}` } });
    const transcript = (view.json() as { transcript: Array<Record<string, unknown>> }).transcript;
    expect(transcript.find((l) => l.id === 'out-1')).toMatchObject({ options: OPTIONS });
  });

  it('should welcome the widget with the intro, push options and language live, and replay them in history', async () => {
    const visitor = visitorId();
    const first = await connectWidget(gateway.port);
    first.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: visitor, lang: 'es' });
    const welcome = (await nextOfType(first, 'welcome')) as WelcomeFrame & { resumeToken?: string };
    expect(welcome).toMatchObject({ lang: 'es', history: [], intro: INTRO });

    const conversationId = conversationIdOf('web', visitor);
    service.record(conversationId, { messageId: 'in-1', direction: 'in', author: 'customer', channel: 'web', text: 'cement?', at: AT });
    service.record(conversationId, { messageId: 'out-2', direction: 'out', author: 'bot', channel: 'web', text: 'Which one?', at: AT, lang: 'en', options: OPTIONS });
    await nextOfType(first, 'message');
    expect((await nextOfType(first, 'message')).message).toMatchObject({ id: 'out-2', lang: 'en', options: OPTIONS });
    first.ws.close();

    // A new page view: the history carries the options, and welcome says the thread is in English.
    const second = await connectWidget(gateway.port);
    second.send({ type: 'hello', v: 1, tenant: TENANT, visitorId: visitor, lang: 'es', lastSeq: 0, ...(welcome.resumeToken ? { resumeToken: welcome.resumeToken } : {}) });
    const again = await nextOfType(second, 'welcome');
    expect(again.lang).toBe('en');
    expect(again.history.map((m) => [m.id, m.options ?? null, m.lang ?? null])).toEqual([
      ['in-1', null, null],
      ['out-2', OPTIONS, 'en'],
    ]);
    second.ws.close();
  });

  it('should serve the intro at GET /widget-config for pages that want it before a socket opens', async () => {
    const res = await http(gateway.port, 'GET', `/widget-config?tenant=${TENANT}`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.json()).toEqual({ tenant: TENANT, intro: INTRO });
    expect((await http(gateway.port, 'GET', '/widget-config?tenant=globex')).json()).toEqual({ tenant: 'globex' });
    const unknown = await http(gateway.port, 'GET', '/widget-config?tenant=nadie');
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'HILO_ERR_TENANT_NOT_FOUND' } });
    expect((await http(gateway.port, 'GET', '/widget-config')).status).toBe(404);
  });

  it('should send no intro for a tenant without one', async () => {
    const client = await connectWidget(gateway.port, 'globex');
    client.send({ type: 'hello', v: 1, tenant: 'globex', visitorId: visitorId() });
    const welcome = await nextOfType(client, 'welcome');
    expect(welcome).not.toHaveProperty('intro');
    expect(welcome.lang).toBe('es');
    client.ws.close();
  });
});
