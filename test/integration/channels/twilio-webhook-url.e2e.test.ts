import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { twilioInboundParams } from '../../fakes/twilio-api.js';

const TENANT = 'ferreteria';
const PUBLIC_URL = 'https://hilo.example.com';
const AUTH_TOKEN = 'twilio-auth-token-url-test';

/**
 * Twilio signs the URL exactly as it called it. A query that URLSearchParams would re-encode
 * (`,` → `%2C`, `%7E` → `~`, `+` vs `%20`, repeated or empty names) must be verified as received,
 * on both transports. The signature comes from the `twilio` package, an independent checker.
 */
describe.each(['node', 'uws'] as const)('Twilio webhook URL taken as received (%s transport)', (transport) => {
  let hilo: Hilo;
  let sid = 0;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_TRANSPORT: transport,
      HILO_STORAGE: 'memory',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_TWILIO_AUTH_TOKEN_FERRETERIA: AUTH_TOKEN,
      HILO_TWILIO_ACCOUNT_SID_FERRETERIA: 'AC0123456789abcdef0123456789abcdef',
      HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+14155238886',
      HILO_TWILIO_API_URL: 'http://127.0.0.1:9',
    });
    hilo = await startHilo({ config, clock: createManualClock(), logger: createSilentLogger() });
  }, 30_000);

  afterAll(async () => {
    await hilo?.close();
  });

  const post = async (pathAndQuery: string, signedUrl = `${PUBLIC_URL}${pathAndQuery}`) => {
    const id = `SM${transport === 'node' ? 'a' : 'b'}${String(++sid).padStart(31, '0')}`;
    const params = twilioInboundParams({ MessageSid: id, SmsSid: id, SmsMessageSid: id, Body: 'hola' });
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, params);
    // The independent checker agrees with itself on the URL we are about to call.
    expect(twilio.validateRequest(AUTH_TOKEN, signature, signedUrl, params)).toBe(true);
    return fetch(`http://127.0.0.1:${hilo.port}${pathAndQuery}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
  };

  const base = `/webhooks/twilio/${TENANT}`;

  it.each([
    ['a comma', `${base}?list=a,b,c`],
    ['an encoded tilde', `${base}?user=%7Eana`],
    ['a literal tilde', `${base}?user=~ana`],
    ['a plus and an encoded space', `${base}?q=a+b%20c`],
    ['an empty value and a repeated name', `${base}?flag&x=1&x=2`],
    ['encoded reserved characters', `${base}?cb=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1&t=%E2%9C%93`],
    ['no query at all', base],
  ])('should accept a valid signature over a URL with %s', async (_label, pathAndQuery) => {
    const res = await post(pathAndQuery);
    expect(res.status, await res.text()).toBe(200);
  });

  it('should still refuse a signature made for another query', async () => {
    const res = await post(`${base}?list=a,b,c`, `${PUBLIC_URL}${base}?list=a,b,d`);
    expect(res.status).toBe(403);
  });
});
