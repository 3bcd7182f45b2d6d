import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import type { TenantSettings } from '../../../src/domain/tenant.js';
import { isHiloError } from '../../../src/kernel/errors.js';
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

  describe('prepareTenant', () => {
    const settings = (channels: TenantSettings['channels']): TenantSettings => ({ id: 'spa', displayName: 'Spa', defaultLang: 'es', timeZone: 'America/Santo_Domingo', currency: 'DOP', ...(channels ? { channels } : {}) });
    const whatsapp = (appSecretEnv: string) => ({ whatsapp: { appSecretEnv, verifyTokenEnv: 'SPA_VERIFY', accessTokenEnv: 'SPA_TOKEN', phoneNumberId: PHONE_NUMBER_ID } });
    const env = { SPA_SECRET_1: 'spa-secret-one', SPA_SECRET_2: 'spa-secret-two', SPA_VERIFY: 'verify', SPA_TOKEN: ACCESS_TOKEN, SPA_TG_BOT: '123:abc', SPA_TG_SECRET: 'tg-secret' };
    const signed = (secret: string) => {
      const rawBody = Buffer.from('{}');
      return { method: 'POST', rawBody, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}` }, url: 'https://hilo.example.com/webhooks/whatsapp/spa', query: {} };
    };

    it('should wire a tenant from its tenant.json channels, replace them in one step, and keep them when a secret is missing', () => {
      const config = loadConfig({ HILO_STORAGE: 'memory', HILO_WHATSAPP_GRAPH_URL: graph.baseUrl });
      const channels = createChannelRegistry({ config, tenantIds: [], clock: systemClock, logger: createSilentLogger() });
      const prepared = channels.prepareTenant(settings(whatsapp('SPA_SECRET_1')), env);
      // Prepared is not installed.
      expect(channels.get('spa', 'whatsapp')).toBeUndefined();
      prepared();
      expect(channels.enabled).toEqual({ spa: ['whatsapp'] });
      expect(channels.get('spa', 'whatsapp')!.channel.verifyRequest(signed(env.SPA_SECRET_1)).ok).toBe(true);

      channels.prepareTenant(settings({ ...whatsapp('SPA_SECRET_2'), telegram: { botTokenEnv: 'SPA_TG_BOT', secretTokenEnv: 'SPA_TG_SECRET' } }), env)();
      expect(channels.enabled).toEqual({ spa: ['whatsapp', 'telegram'] });
      expect(channels.get('spa', 'whatsapp')!.channel.verifyRequest(signed(env.SPA_SECRET_1)).ok).toBe(false);
      expect(channels.get('spa', 'whatsapp')!.channel.verifyRequest(signed(env.SPA_SECRET_2)).ok).toBe(true);

      let refused: unknown;
      try {
        channels.prepareTenant(settings(whatsapp('SPA_NEVER_SET')), env);
      } catch (err) {
        refused = err;
      }
      expect(isHiloError(refused, 'HILO_ERR_CONFIG_INVALID')).toBe(true);
      expect((refused as Error).message).toContain('SPA_NEVER_SET');
      expect(channels.get('spa', 'whatsapp')!.channel.verifyRequest(signed(env.SPA_SECRET_2)).ok).toBe(true);

      // No channels in tenant.json and no HILO_*_SPA variables: the tenant has none left.
      channels.prepareTenant(settings(undefined), env)();
      expect(channels.enabled).toEqual({});
      expect(channels.get('spa', 'telegram')).toBeUndefined();
    });

    it('should refuse a Twilio channel without HILO_PUBLIC_URL', () => {
      const channels = createChannelRegistry({ config: loadConfig({ HILO_STORAGE: 'memory' }), tenantIds: [], clock: systemClock, logger: createSilentLogger() });
      expect(() => channels.prepareTenant(settings({ twilio: { accountSid: 'AC1', authTokenEnv: 'SPA_TOKEN', from: 'whatsapp:+14155238886' } }), env)).toThrow(/HILO_PUBLIC_URL/);
    });
  });
});
