import { createPacer } from '../../../src/channels/pacer.js';
import { createServiceWindow } from '../../../src/channels/service-window.js';
import { createTelegramSender } from '../../../src/channels/telegram/index.js';
import { createTwilioSender } from '../../../src/channels/twilio/index.js';
import { createWhatsAppSender } from '../../../src/channels/whatsapp-cloud/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { runSenderContract, type ScriptedReply, type SenderContext } from '../../contract/sender.contract.js';
import { startFakeTelegramApi, telegramReply, type TelegramReply } from '../../fakes/telegram-bot-api.js';
import { startFakeTwilioApi, twilioReply, type TwilioReply } from '../../fakes/twilio-api.js';
import { graphReply, startFakeGraph, type GraphReply } from '../../fakes/whatsapp-graph.js';

/** Every channel sender against its fake provider: the same promises (test/contract/sender.contract.ts). */

const log = createSilentLogger();
const CONVERSATION = 'conv-contract-1';

/** A pacer that never holds a message back by itself: the suite watches the waits the provider asks for. */
const openPacer = (ctx: SenderContext) => createPacer({ clock: ctx.clock, perNumberPerSecond: 10_000, perNumberBurst: 10_000, pairIntervalMs: 1, pairBurst: 10_000 });

/** An open 24-hour window: the customer just wrote. */
function openWindow(ctx: SenderContext) {
  const window = createServiceWindow({ clock: ctx.clock });
  window.recordInbound(CONVERSATION, ctx.clock.now());
  return window;
}

const GRAPH: Record<ScriptedReply, () => GraphReply> = {
  ok: graphReply.ok,
  // Graph's throughput error names no wait (no Retry-After, nothing in the body).
  rate_limited: graphReply.rateLimit,
  rate_limited_long: graphReply.rateLimit,
  server_error: graphReply.serverError,
  rejected: graphReply.undeliverable,
};

runSenderContract({
  name: 'WhatsApp Cloud API',
  codes: { rateLimited: '130429', rejected: '131026' },
  rateLimitWaitMs: null,
  async create(ctx) {
    const accessToken = 'contract-token';
    const phoneNumberId = '106540352242922';
    const fake = await startFakeGraph({ accessToken, phoneNumberId });
    const sender = createWhatsAppSender({
      baseUrl: fake.baseUrl,
      phoneNumberId,
      accessToken,
      clock: ctx.clock,
      sleep: ctx.sleep,
      pacer: openPacer(ctx),
      serviceWindow: openWindow(ctx),
      retry: ctx.retry,
      random: () => 0.5,
      onProviderError: ctx.onProviderError,
      log,
    });
    const sends = () => fake.requests.filter((r) => r.path.endsWith('/messages'));
    return {
      sender,
      to: '18095550100',
      script: (...replies) => fake.script.push(...replies.map((r) => GRAPH[r]())),
      received: () => sends().length,
      accepted: () =>
        sends()
          .filter((r) => r.status === 200 && r.body?.to === '18095550100')
          .map((r) => ({ text: (r.body?.text as { body: string }).body, providerMessageId: r.messageId! })),
      close: () => fake.close(),
    };
  },
});

const TWILIO: Record<ScriptedReply, () => TwilioReply> = {
  ok: twilioReply.ok,
  rate_limited: () => twilioReply.tooManyRequests('2'),
  rate_limited_long: () => twilioReply.tooManyRequests('60'),
  server_error: twilioReply.serverError,
  rejected: twilioReply.invalidTo,
};

runSenderContract({
  name: 'Twilio WhatsApp',
  codes: { rateLimited: '20429', rejected: '21211' },
  rateLimitWaitMs: 2_000,
  async create(ctx) {
    const accountSid = 'AC0123456789abcdef0123456789abcdef';
    const authToken = 'contract-auth-token';
    const fake = await startFakeTwilioApi({ accountSid, authToken });
    const sender = createTwilioSender({
      baseUrl: fake.baseUrl,
      accountSid,
      authToken,
      from: 'whatsapp:+14155238886',
      clock: ctx.clock,
      sleep: ctx.sleep,
      pacer: openPacer(ctx),
      serviceWindow: openWindow(ctx),
      retry: ctx.retry,
      random: () => 0.5,
      onProviderError: ctx.onProviderError,
      log,
    });
    return {
      sender,
      to: '18095550100',
      script: (...replies) => fake.script.push(...replies.map((r) => TWILIO[r]())),
      received: () => fake.requests.length,
      accepted: () =>
        fake.requests
          .filter((r) => r.status === 201 && r.form.To === 'whatsapp:+18095550100')
          .map((r) => ({ text: r.form.Body ?? '', providerMessageId: r.sid! })),
      close: () => fake.close(),
    };
  },
});

const TELEGRAM: Record<ScriptedReply, () => TelegramReply> = {
  ok: telegramReply.ok,
  rate_limited: () => telegramReply.tooManyRequests(2),
  rate_limited_long: () => telegramReply.tooManyRequests(60),
  server_error: telegramReply.serverError,
  rejected: telegramReply.blocked,
};

runSenderContract({
  name: 'Telegram Bot API',
  codes: { rateLimited: '429', rejected: '403' },
  rateLimitWaitMs: 2_000,
  async create(ctx) {
    const botToken = '7000000001:AAcontract-token';
    const fake = await startFakeTelegramApi({ botToken });
    const sender = createTelegramSender({
      baseUrl: fake.baseUrl,
      botToken,
      clock: ctx.clock,
      sleep: ctx.sleep,
      pacer: openPacer(ctx),
      retry: ctx.retry,
      random: () => 0.5,
      onProviderError: ctx.onProviderError,
      log,
    });
    const sends = () => fake.requests.filter((r) => r.method === 'sendMessage');
    return {
      sender,
      to: '555000111',
      script: (...replies) => fake.script.push(...replies.map((r) => TELEGRAM[r]())),
      received: () => sends().length,
      accepted: () =>
        sends()
          .filter((r) => r.status === 200 && String(r.body?.chat_id) === '555000111')
          .map((r) => ({ text: String(r.body?.text), providerMessageId: `555000111:${r.messageId}` })),
      close: () => fake.close(),
    };
  },
});
