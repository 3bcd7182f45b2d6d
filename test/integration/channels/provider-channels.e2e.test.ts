import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../../src/channels/twilio/signature.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack.js';
import { startFakeTelegramApi, telegramTextUpdate, type FakeTelegramApi } from '../../fakes/telegram-bot-api.js';
import { startFakeTwilioApi, twilioInboundParams, type FakeTwilioApi } from '../../fakes/twilio-api.js';

const TENANT = 'ferreteria';
const PUBLIC_URL = 'https://hilo.example.com';
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'twilio-auth-token-e2e';
const BOT_TOKEN = '123456:ABC-e2e';
const SECRET_TOKEN = 'telegram_secret-e2e';

/**
 * Twilio and Telegram through the running runtime in the all-in-memory mode (replies sent right
 * after the turn from the in-memory outbox), plus the Slack alert of a critical handoff.
 */
describe('Twilio and Telegram channels in the all-in-memory mode', () => {
  let hilo: Hilo;
  let twilio: FakeTwilioApi;
  let telegram: FakeTelegramApi;
  let slack: FakeSlack;
  const clock = createManualClock();

  beforeAll(async () => {
    twilio = await startFakeTwilioApi({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    telegram = await startFakeTelegramApi({ botToken: BOT_TOKEN });
    slack = await startFakeSlack();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_STORAGE: 'memory',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_TWILIO_API_URL: twilio.baseUrl,
      HILO_TWILIO_AUTH_TOKEN_FERRETERIA: AUTH_TOKEN,
      HILO_TWILIO_ACCOUNT_SID_FERRETERIA: ACCOUNT_SID,
      HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+14155238886',
      HILO_TELEGRAM_API_URL: telegram.baseUrl,
      HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: BOT_TOKEN,
      HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: SECRET_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_SLACK_WEBHOOK_URL: slack.webhookUrl,
    });
    hilo = await startHilo({ config, clock, logger: createSilentLogger() });
  }, 30_000);

  afterAll(async () => {
    await hilo?.close();
    await twilio?.close();
    await telegram?.close();
    await slack?.close();
  });

  const base = () => `http://127.0.0.1:${hilo.port}`;

  it('should answer a signed Twilio message through the Messages API and refuse a forged one', async () => {
    const params = twilioInboundParams({ MessageSid: 'SMe2e00000000000000000000000000001', SmsSid: 'SMe2e00000000000000000000000000001', SmsMessageSid: 'SMe2e00000000000000000000000000001' });
    const path = `/webhooks/twilio/${TENANT}`;
    const body = new URLSearchParams(params).toString();
    const signature = computeTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${path}`, params);
    const forged = await fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' }, body });
    expect(forged.status).toBe(403);
    const res = await fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(text).toContain('<Response></Response>');
    await hilo.drainOutbox();
    const sent = twilio.requests.filter((r) => r.status >= 200 && r.status < 300);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]?.form).toMatchObject({ To: 'whatsapp:+18095550100', From: 'whatsapp:+14155238886', StatusCallback: `${PUBLIC_URL}${path}` });
    expect(sent.map((r) => r.form.Body).join('\n')).toMatch(/RD\$/);
  });

  it('should answer a Telegram update once, refuse a wrong secret token, and alert Slack on a critical handoff', async () => {
    const post = (update: unknown, secret = SECRET_TOKEN) =>
      fetch(`${base()}/webhooks/telegram/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    expect((await post(telegramTextUpdate(5001, 'hola'), 'wrong')).status).toBe(403);
    const update = telegramTextUpdate(5002, 'Compré una escalera, se rompió y mi hijo está herido en el hospital', 777000111);
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    await hilo.drainOutbox();
    const replies = telegram.requests.filter((r) => r.method === 'sendMessage' && r.status === 200 && String(r.body?.chat_id) === '777000111');
    expect(replies.length).toBeGreaterThan(0);
    const number = /T-\d{6}/.exec(replies.map((r) => String(r.body?.text)).join('\n'))?.[0];
    expect(number).toBeDefined();
    expect(slack.messages.filter((m) => JSON.stringify(m).includes(number!))).toHaveLength(1);
    // The duplicate update ran no second turn: one ticket only.
    expect((await hilo.storage.tickets.list(TENANT)).filter((t) => t.number === number)).toHaveLength(1);
    expect((await hilo.storage.tickets.list(TENANT))).toHaveLength(1);
  });

  it('should answer 404 for a channel the tenant does not have', async () => {
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`);
    expect(res.status).toBe(404);
  });
});
