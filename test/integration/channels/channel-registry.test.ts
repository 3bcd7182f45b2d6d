import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createChannelRegistry } from '../../../src/runtime/channels/index.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { graphReply, startFakeGraph, type FakeGraph } from '../../fakes/whatsapp-graph.js';

const PHONE_NUMBER_ID = '1098765432';
const ACCESS_TOKEN = 'EAAG-test-token';

describe('channel registry', () => {
  let graph: FakeGraph;

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
  });

  afterAll(async () => {
    await graph?.close();
  });

  it("should return each send's provider errors with its result, never another tenant's", async () => {
    const whatsapp = (t: string) => ({
      [`HILO_WHATSAPP_APP_SECRET_${t}`]: 'app-secret',
      [`HILO_WHATSAPP_VERIFY_TOKEN_${t}`]: 'verify',
      [`HILO_WHATSAPP_PHONE_NUMBER_ID_${t}`]: PHONE_NUMBER_ID,
      [`HILO_WHATSAPP_ACCESS_TOKEN_${t}`]: ACCESS_TOKEN,
    });
    const config = loadConfig({ HILO_STORAGE: 'memory', HILO_WHATSAPP_GRAPH_URL: graph.baseUrl, HILO_WHATSAPP_PAIR_BURST: '1000', ...whatsapp('TENANT_A'), ...whatsapp('TENANT_B') });
    const channels = createChannelRegistry({ config, tenantIds: ['tenant-a', 'tenant-b'], clock: systemClock, logger: createSilentLogger() });
    expect(channels.enabled).toEqual({ 'tenant-a': ['whatsapp'], 'tenant-b': ['whatsapp'] });
    for (const c of ['ca', 'cb']) channels.serviceWindow.recordInbound(c, systemClock.now());
    // Tenant A's first attempt meets a 5xx; its retry waits while tenant B sends cleanly.
    graph.script.push(graphReply.serverError());
    const a = channels.get('tenant-a', 'whatsapp')!.send({ to: '18095550101', text: 'hola A', conversationId: 'ca' });
    while (graph.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const b = await channels.get('tenant-b', 'whatsapp')!.send({ to: '18095550102', text: 'hola B', conversationId: 'cb' });
    const sentA = await a;
    expect(b.providerErrors).toEqual([]);
    expect(sentA.providerErrors).toEqual([expect.objectContaining({ channel: 'whatsapp', attempt: 1, httpStatus: 500, providerCode: '131000', retrying: true })]);
    expect(sentA.providerMessageId).toMatch(/^wamid\./);
    expect(channels.get('tenant-c', 'whatsapp')).toBeUndefined();
  });
});
