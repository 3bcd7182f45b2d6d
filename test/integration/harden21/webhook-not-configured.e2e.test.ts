import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';

/**
 * harden20's finding: on a running server, the webhook of a channel a known tenant has not set up
 * answered `404 HILO_ERR_TENANT_NOT_FOUND` ("Unknown tenant"), so an operator who pointed WhatsApp
 * at the right tenant before adding its credentials was told the tenant did not exist. Now the
 * tenant's missing channel is named; an unknown tenant keeps its code.
 */
describe('a webhook of a channel the tenant has not set up (real sockets)', () => {
  let hilo: Hilo;
  const base = () => `http://127.0.0.1:${hilo.port}`;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_STORAGE: 'memory',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_DEMO_AGENT_PASSWORD: 'test-password-1',
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      // ferreteria has Telegram; estudio has no channel at all.
      HILO_TELEGRAM_API_URL: 'http://127.0.0.1:9',
      HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: '123456:ABC-h21',
      HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: 'h21_secret',
    });
    hilo = await startHilo({ config, clock: createManualClock(), logger: createSilentLogger() });
  }, 60_000);

  afterAll(async () => {
    await hilo?.close();
  });

  const call = async (method: string, path: string, body?: string, type = 'application/json') => {
    const res = await fetch(`${base()}${path}`, { method, ...(body !== undefined ? { body, headers: { 'content-type': type } } : {}) });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { error?: { code: string; message: string; details?: unknown } } };
  };

  it('should name the missing channel of a known tenant on every provider route', async () => {
    const cases: [string, string, string | undefined, string, string?][] = [
      ['GET', '/webhooks/whatsapp/estudio?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1', undefined, 'whatsapp'],
      ['POST', '/webhooks/whatsapp/estudio', '{"object":"whatsapp_business_account","entry":[]}', 'whatsapp'],
      ['POST', '/webhooks/twilio/ferreteria', 'From=whatsapp%3A%2B18095550101&Body=hola&MessageSid=SM1', 'twilio', 'application/x-www-form-urlencoded'],
      ['POST', '/webhooks/telegram/estudio', '{"update_id":1}', 'telegram'],
      ['POST', '/webhooks/rocketchat/ferreteria', '{"token":"x","text":"#T-000001 hola"}', 'rocketchat'],
    ];
    for (const [method, path, body, channel, type] of cases) {
      const res = await call(method, path, body, type);
      expect(res.status, path).toBe(404);
      expect(res.type, path).toBe('application/json');
      expect(res.body.error, path).toMatchObject({ code: 'HILO_ERR_CHANNEL_NOT_CONFIGURED', details: { channel } });
      expect(res.body.error?.message, path).not.toMatch(/unknown tenant/i);
    }
  });

  it('should still call an unknown tenant unknown, and leave a configured channel to its own checks', async () => {
    for (const path of ['/webhooks/whatsapp/nadie', '/webhooks/telegram/nadie', '/webhooks/rocketchat/nadie', '/webhooks/twilio/Ferreteria']) {
      const res = await call('POST', path, '{}');
      expect(res.status, path).toBe(404);
      expect(res.body.error?.code, path).toBe('HILO_ERR_TENANT_NOT_FOUND');
    }
    // ferreteria's Telegram exists: a request without its secret is refused by the channel, not routed away.
    const telegram = await call('POST', '/webhooks/telegram/ferreteria', '{"update_id":1}');
    expect(telegram.status).toBe(401);
    expect(telegram.body.error?.code).toBe('HILO_ERR_CHANNEL_SIGNATURE_MISSING');
  });
});
