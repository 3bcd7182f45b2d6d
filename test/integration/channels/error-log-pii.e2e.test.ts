import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { createLogger } from '../../../src/kernel/logger.js';
import { outgoingWebhookBody } from '../../fakes/rocketchat.js';
import { telegramTextUpdate } from '../../fakes/telegram-bot-api.js';
import { twilioInboundParams } from '../../fakes/twilio-api.js';
import { metaJson, metaSignature, waMessage } from '../../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const PUBLIC_URL = 'https://hilo.example.com';
const WA_SECRET = 'pii-app-secret';
const TW_TOKEN = 'pii-twilio-token';
const TG_SECRET = 'pii_secret';
const RC_TOKEN = 'pii-rocketchat-token';

const CANARY_EMAIL = 'canary.h1.zq@correo-prueba.do';
const CANARY_PHONE = '+1 809 555 0199';
const CANARY_DIGITS = '8095550199';

/**
 * A PostgreSQL error as the pg driver builds it: the message, and `detail`/`where` fields that
 * quote the row (here a customer's e-mail and phone). pino's default serializer logs every field.
 */
function databaseError(): Error {
  return Object.assign(new Error(`duplicate key value violates unique constraint "contacts_email_key" for ${CANARY_EMAIL}`), {
    code: '23505',
    severity: 'ERROR',
    detail: `Key (tenant_id, email)=(ferreteria, ${CANARY_EMAIL}) already exists.`,
    where: `PL/pgSQL function upsert_contact(text) line 3 at SQL statement, phone ${CANARY_PHONE}`,
    table: 'contacts',
    constraint: 'contacts_email_key',
  });
}

function bufferDestination(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter((l) => l.trim().length > 0) };
}

/**
 * Every channel's error path with a database error that quotes personal data: the log keeps the
 * error's code, message and stack (scrubbed), never the e-mail or the phone.
 */
describe('error logs carry no personal data from database errors', () => {
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const destination = bufferDestination();
  let hilo: Hilo;
  const base = () => `http://127.0.0.1:${hilo.port}`;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_TRANSPORT: 'node',
      HILO_DEMO_API_KEY: apiKey,
      HILO_STORAGE: 'memory',
      // Wall-clock test: the team hours (after-hours handoff notice) must not depend on the time of day.
      HILO_TEAM_HOURS: 'off',
      HILO_PUBLIC_URL: PUBLIC_URL,
      HILO_RATE_LIMIT_IP_PER_MINUTE: '100000',
      HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '10000',
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: WA_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'pii-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: '106540352242922',
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: 'pii-access',
      HILO_WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
      HILO_TWILIO_AUTH_TOKEN_FERRETERIA: TW_TOKEN,
      HILO_TWILIO_ACCOUNT_SID_FERRETERIA: 'AC0123456789abcdef0123456789abcdef',
      HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+14155238886',
      HILO_TWILIO_API_URL: 'http://127.0.0.1:9',
      HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: '123456:ABC-pii',
      HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: TG_SECRET,
      HILO_TELEGRAM_API_URL: 'http://127.0.0.1:9',
      HILO_ROCKETCHAT_OUTGOING_TOKEN: RC_TOKEN,
    });
    hilo = await startHilo({ config, logger: createLogger({ level: 'debug', destination: destination.stream }) });
    // The database fails the way the review saw it, on every path into a conversation.
    const host = hilo.host as unknown as Record<string, unknown>;
    for (const method of ['resolveConversation', 'handleMessage', 'handleAgentMessage', 'resolveHandoff', 'getConversation', 'findConversationByHandle', 'takeOver']) {
      host[method] = async () => {
        throw databaseError();
      };
    }
  }, 30_000);

  afterAll(async () => {
    await hilo?.close();
  });

  it('should log each failure with its code and stack and without the e-mail or phone', async () => {
    const statuses: Record<string, number> = {};
    // REST
    statuses.rest = (
      await fetch(`${base()}/api/tenants/${TENANT}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender: 'pii-rest', text: 'hola' }),
      })
    ).status;
    // Agent API
    statuses.agent = (
      await fetch(`${base()}/api/tenants/${TENANT}/conversations/c_0123/agent-messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ agent: 'María', text: 'hola' }),
      })
    ).status;
    // WhatsApp Cloud
    const waRaw = metaJson(waMessage({ id: 'wamid.pii.1', type: 'text', text: { body: 'hola' } }, { from: '18095550100' }));
    statuses.whatsapp = (
      await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(WA_SECRET, waRaw) },
        body: new Uint8Array(waRaw),
      })
    ).status;
    // Twilio
    const params = twilioInboundParams({ Body: 'hola' });
    const path = `/webhooks/twilio/${TENANT}`;
    statuses.twilio = (
      await fetch(`${base()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(TW_TOKEN, `${PUBLIC_URL}${path}`, params) },
        body: new URLSearchParams(params).toString(),
      })
    ).status;
    // Telegram
    statuses.telegram = (
      await fetch(`${base()}/webhooks/telegram/${TENANT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
        body: JSON.stringify(telegramTextUpdate(424242, 'hola')),
      })
    ).status;
    // Rocket.Chat: a reply to a ticket room; the runtime's lookups fail.
    statuses.rocketchat = (
      await fetch(`${base()}/webhooks/rocketchat/${TENANT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(outgoingWebhookBody({ token: RC_TOKEN, text: '!crear-ticket +1 809 555 0101', messageId: 'rc-pii-1' })),
      })
    ).status;
    // Widget socket: hello resolves the conversation, which fails.
    await new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${hilo.port}/ws?tenant=${TENANT}`);
      ws.once('error', reject);
      ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId: randomBytes(16).toString('hex') })));
      ws.once('close', () => resolve());
      ws.on('message', () => ws.close());
    });
    await hilo.close();

    for (const [channel, status] of Object.entries(statuses)) expect(status, channel).toBeGreaterThanOrEqual(500);
    const lines = destination.lines();
    const all = lines.join('\n');
    expect(all).not.toContain(CANARY_EMAIL);
    expect(all).not.toContain(CANARY_PHONE);
    expect(all.replace(/\D/g, ' ')).not.toMatch(new RegExp(`\\b${CANARY_DIGITS}\\b`));
    expect(all).not.toContain('already exists');
    // The failures were logged, with what an engineer needs: code, message and stack.
    const errors = lines.map((l) => JSON.parse(l) as { err?: { code?: string; message?: string; stack?: string } }).filter((l) => l.err && typeof l.err === 'object' && l.err.code === '23505');
    expect(errors.length).toBeGreaterThanOrEqual(4);
    for (const e of errors) {
      expect(e.err?.message).toMatch(/duplicate key value violates unique constraint/);
      expect(e.err?.stack).toMatch(/at /);
      expect(Object.keys(e.err ?? {}).sort()).toEqual(expect.arrayContaining(['code', 'message', 'stack']));
      expect(Object.keys(e.err ?? {})).not.toContain('detail');
      expect(Object.keys(e.err ?? {})).not.toContain('where');
    }
  });
});
