import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWhatsAppBody } from '../../../src/channels/whatsapp-cloud/channel.js';
import { computeTwilioSignature } from '../../../src/channels/twilio/signature.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { rawRequest } from '../../helpers/raw-http.js';

const SECRET = 'h24_tg_secret';
const APP_SECRET = 'h24-app-secret';
const AUTH_TOKEN = 'h24-twilio-token';
const PUBLIC_URL = 'https://hilo.example';

const raw = (port: number, request: string) => rawRequest(port, request, 10_000);

const post = (path: string, type: string, body: string, headers: string[]): string =>
  `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n${body}`;

const codeOf = (body: string): string | undefined => (body === '' ? undefined : (JSON.parse(body) as { error?: { code?: string } }).error?.code);

/**
 * harden23's open point: a webhook carrying its signature header twice (a forged one beside the
 * real one, or a proxy adding its own) was refused with 403 "does not match" — the operator was
 * told the secret was wrong when the request was the problem. Now it is 400
 * HILO_ERR_CHANNEL_SIGNATURE_REPEATED on every provider route and both transports, in either order,
 * and the refusal costs nothing: the same delivery with one header is then accepted.
 */
describe.each(['uws', 'node'] as const)('a repeated webhook signature header on %s (real sockets)', (transport) => {
  let hilo: Hilo;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_TRANSPORT: transport,
      HILO_STORAGE: 'memory',
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_DEMO_AGENT_PASSWORD: 'test-password-1',
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_TELEGRAM_API_URL: 'http://127.0.0.1:9',
      HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: '123456:ABC-h24',
      HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: SECRET,
      HILO_WHATSAPP_API_URL: 'http://127.0.0.1:9',
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'h24-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: '1055',
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: 'h24-access',
      HILO_TWILIO_API_URL: 'http://127.0.0.1:9',
      HILO_TWILIO_AUTH_TOKEN_FERRETERIA: AUTH_TOKEN,
      HILO_TWILIO_ACCOUNT_SID_FERRETERIA: 'AC00000000000000000000000000000024',
      HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+18095550000',
    });
    hilo = await startHilo({ config, clock: createManualClock(), logger: createSilentLogger() });
  }, 60_000);

  afterAll(async () => {
    await hilo?.close();
  }, 30_000);

  it('should answer 400 SIGNATURE_REPEATED for two Telegram secret headers, whichever comes first, and accept the same update with one', async () => {
    const body = JSON.stringify({ update_id: 924001, message: { message_id: 1, date: 1_796_000_000, chat: { id: 924001, type: 'private' }, from: { id: 924001, is_bot: false, first_name: 'Ana' }, text: 'hola' } });
    const path = '/webhooks/telegram/ferreteria';
    for (const pair of [[SECRET, 'forged'], ['forged', SECRET], [SECRET, SECRET]]) {
      const res = await raw(hilo.port, post(path, 'application/json', body, pair.map((v) => `X-Telegram-Bot-Api-Secret-Token: ${v}`)));
      expect(res.status, pair.join(' + ')).toBe(400);
      expect(codeOf(res.body), pair.join(' + ')).toBe('HILO_ERR_CHANNEL_SIGNATURE_REPEATED');
    }
    const once = await raw(hilo.port, post(path, 'application/json', body, [`X-Telegram-Bot-Api-Secret-Token: ${SECRET}`]));
    expect(once.status).toBe(200);
    // A wrong single secret still says it does not match.
    const wrong = await raw(hilo.port, post(path, 'application/json', body, ['X-Telegram-Bot-Api-Secret-Token: forged']));
    expect(codeOf(wrong.body)).toBe('HILO_ERR_CHANNEL_SIGNATURE_INVALID');
  }, 30_000);

  it('should answer 400 SIGNATURE_REPEATED for two X-Hub-Signature-256 headers and accept one', async () => {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'w', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1055' }, contacts: [{ wa_id: '18095559240', profile: { name: 'Ana' } }], messages: [{ from: '18095559240', id: `wamid.h24${transport}`, timestamp: '1796000000', type: 'text', text: { body: 'hola' } }] } }] }],
    });
    const good = signWhatsAppBody(APP_SECRET, body);
    const forged = signWhatsAppBody('not-the-secret', body);
    for (const pair of [[good, forged], [forged, good]]) {
      const res = await raw(hilo.port, post('/webhooks/whatsapp/ferreteria', 'application/json', body, pair.map((v) => `X-Hub-Signature-256: ${v}`)));
      expect(res.status).toBe(400);
      expect(codeOf(res.body)).toBe('HILO_ERR_CHANNEL_SIGNATURE_REPEATED');
    }
    const once = await raw(hilo.port, post('/webhooks/whatsapp/ferreteria', 'application/json', body, [`X-Hub-Signature-256: ${good}`]));
    expect(once.status).toBe(200);
  }, 30_000);

  it('should answer 400 SIGNATURE_REPEATED for two X-Twilio-Signature headers and accept one', async () => {
    const params = { From: 'whatsapp:+18095559241', To: 'whatsapp:+18095550000', Body: 'hola', MessageSid: `SM${transport === 'uws' ? 'a' : 'b'}${'0'.repeat(31)}`, AccountSid: 'AC00000000000000000000000000000024' };
    const body = new URLSearchParams(params).toString();
    const good = computeTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/webhooks/twilio/ferreteria`, params);
    for (const pair of [[good, 'Zm9yZ2Vk'], ['Zm9yZ2Vk', good]]) {
      const res = await raw(hilo.port, post('/webhooks/twilio/ferreteria', 'application/x-www-form-urlencoded', body, pair.map((v) => `X-Twilio-Signature: ${v}`)));
      expect(res.status).toBe(400);
      expect(codeOf(res.body)).toBe('HILO_ERR_CHANNEL_SIGNATURE_REPEATED');
    }
    const once = await raw(hilo.port, post('/webhooks/twilio/ferreteria', 'application/x-www-form-urlencoded', body, [`X-Twilio-Signature: ${good}`]));
    expect(once.status, once.body).toBe(200);
  }, 30_000);
});
