import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import twilio from 'twilio';
import { createManualClock } from '../../src/kernel/clock.js';
import { createLogger, createSilentLogger } from '../../src/kernel/logger.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-bot-api.js';
import { startFakeTwilioApi, type FakeTwilioApi } from '../fakes/twilio-api.js';
import { metaSignature, startFakeGraph, type FakeGraph } from '../fakes/whatsapp-graph.js';

/**
 * The provider-webhook rig: a started Hilo (memory storage, the demo tenant `ferreteria`) with
 * every provider channel configured against its fake (WhatsApp Cloud's Graph API, Twilio, the
 * Telegram Bot API, Rocket.Chat for agents), and the requests each provider would send, signed as
 * that provider signs them. Shared by the webhook tests so each does not rebuild the same 30 lines.
 */
export const RIG_TENANT = 'ferreteria';
export const RIG_PUBLIC_URL = 'https://hilo.example.com';
export const RIG_APP_SECRET = 'rig-meta-app-secret';
export const RIG_PHONE_NUMBER_ID = '106540352242922';
export const RIG_GRAPH_TOKEN = 'rig-graph-token';
export const RIG_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const RIG_TWILIO_TOKEN = 'rig-twilio-auth-token';
export const RIG_BOT_TOKEN = '123456:ABC-rig';
export const RIG_TELEGRAM_SECRET = 'rig_telegram_secret';
export const RIG_AGENT_TOKEN = 'rig-rocketchat-outgoing-token';

export interface ProviderRig {
  hilo: Hilo;
  graph: FakeGraph;
  twilioApi: FakeTwilioApi;
  telegram: FakeTelegramApi;
  rocket: FakeRocketChat;
  apiKey: string;
  clock: ReturnType<typeof createManualClock>;
  /** The JSON log lines Hilo wrote at `info` and above (only when started with `captureLogs`). */
  logs: Array<Record<string, unknown>>;
  base(): string;
  /** POSTs raw bytes to a path and drains the outbox, so what the turn sent has reached the fakes. */
  post(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Meta's headers for a WhatsApp Cloud body: the HMAC-SHA256 of the bytes with the app secret. */
  waSigned(raw: Buffer, contentType?: string): Record<string, string>;
  /** Twilio's headers for a form body: the signature over the URL and the params a correct parser reads. */
  twilioSigned(raw: Buffer, contentType?: string): Record<string, string>;
  /** Telegram's headers: the webhook's secret token. */
  tgSigned(contentType?: string): Record<string, string>;
  /** What the tenant has stored, over the REST API: conversations and their message counts. */
  stored(): Promise<{ conversations: number; messages: number; ids: string[] }>;
  /** Requests Hilo made to any provider (Telegram's setWebhook aside). */
  outbound(): number;
  close(): Promise<void>;
}

export async function startProviderRig(options: { env?: Record<string, string>; captureLogs?: boolean; now?: string } = {}): Promise<ProviderRig> {
  const clock = createManualClock(Date.parse(options.now ?? '2026-12-04T15:00:00.000Z'));
  const graph = await startFakeGraph({ accessToken: RIG_GRAPH_TOKEN, phoneNumberId: RIG_PHONE_NUMBER_ID });
  const twilioApi = await startFakeTwilioApi({ accountSid: RIG_ACCOUNT_SID, authToken: RIG_TWILIO_TOKEN });
  const telegram = await startFakeTelegramApi({ botToken: RIG_BOT_TOKEN });
  const rocket = await startFakeRocketChat();
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HILO_STORAGE: 'memory',
    HILO_TEAM_HOURS: 'off',
    HILO_DEMO_API_KEY: apiKey,
    HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
    HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
    HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '100000',
    HILO_PUBLIC_URL: RIG_PUBLIC_URL,
    HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
    HILO_WHATSAPP_APP_SECRET_FERRETERIA: RIG_APP_SECRET,
    HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'rig-verify',
    HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: RIG_PHONE_NUMBER_ID,
    HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: RIG_GRAPH_TOKEN,
    HILO_WHATSAPP_PAIR_BURST: '1000',
    HILO_TWILIO_API_URL: twilioApi.baseUrl,
    HILO_TWILIO_AUTH_TOKEN_FERRETERIA: RIG_TWILIO_TOKEN,
    HILO_TWILIO_ACCOUNT_SID_FERRETERIA: RIG_ACCOUNT_SID,
    HILO_TWILIO_FROM_FERRETERIA: 'whatsapp:+14155238886',
    HILO_TELEGRAM_API_URL: telegram.baseUrl,
    HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: RIG_BOT_TOKEN,
    HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: RIG_TELEGRAM_SECRET,
    HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl,
    HILO_ROCKETCHAT_OUTGOING_TOKEN: RIG_AGENT_TOKEN,
    ...options.env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const hilo = await startHilo({ config, clock, logger: options.captureLogs ? createLogger({ level: 'info', destination }) : createSilentLogger() });
  const base = () => `http://127.0.0.1:${hilo.port}`;
  const twilioUrl = `${RIG_PUBLIC_URL}/webhooks/twilio/${RIG_TENANT}`;

  return {
    hilo,
    graph,
    twilioApi,
    telegram,
    rocket,
    apiKey,
    clock,
    logs,
    base,
    async post(path, body, headers) {
      const res = await fetch(`${base()}${path}`, { method: 'POST', headers, body: new Uint8Array(body), signal: AbortSignal.timeout(10_000) });
      const text = await res.text();
      await hilo.drainOutbox();
      return { status: res.status, text };
    },
    waSigned: (raw, contentType = 'application/json') => ({ 'content-type': contentType, 'x-hub-signature-256': metaSignature(RIG_APP_SECRET, raw) }),
    twilioSigned(raw, contentType = 'application/x-www-form-urlencoded') {
      const params: Record<string, string[]> = {};
      try {
        for (const [k, v] of new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(raw))) (params[k] ??= []).push(v);
      } catch {
        // Bytes no parser reads: any signature.
      }
      return { 'content-type': contentType, 'x-twilio-signature': twilio.getExpectedTwilioSignature(RIG_TWILIO_TOKEN, twilioUrl, params) };
    },
    tgSigned: (contentType = 'application/json') => ({ 'content-type': contentType, 'x-telegram-bot-api-secret-token': RIG_TELEGRAM_SECRET }),
    async stored() {
      let cursor: string | null = null;
      const out = { conversations: 0, messages: 0, ids: [] as string[] };
      do {
        const res = await fetch(`${base()}/api/tenants/${RIG_TENANT}/conversations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${apiKey}` } });
        if (res.status !== 200) throw new Error(`conversations list answered ${res.status}`);
        const page = (await res.json()) as { conversations: Array<{ conversation_id: string; messages: number }>; next: string | null };
        for (const c of page.conversations) {
          out.conversations++;
          out.messages += c.messages;
          out.ids.push(c.conversation_id);
        }
        cursor = page.next;
      } while (cursor);
      return out;
    },
    outbound: () => graph.requests.length + twilioApi.requests.length + telegram.requests.filter((r) => r.method !== 'setWebhook').length + rocket.messages.length,
    async close() {
      await hilo.close();
      await graph.close();
      await twilioApi.close();
      await telegram.close();
      await rocket.close();
    },
  };
}
