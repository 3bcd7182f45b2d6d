import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { ProviderErrorRecord, ReplyButton, SendRequest, SendResult, Sender, TemplateMessage } from '../channel.js';
import type { Pacer } from '../pacer.js';
import { networkFailure, realSleep, withRetry, type AttemptOutcome, type RetryPolicy, type Sleep } from '../retry.js';
import type { ServiceWindow } from '../service-window.js';
import { sendWithinServiceWindow } from '../window-send.js';

export interface WhatsAppSenderOptions {
  /** `https://graph.facebook.com` in production; the fake server's URL in tests. */
  baseUrl?: string;
  graphVersion?: string;
  phoneNumberId: string;
  accessToken: string;
  clock: Clock;
  sleep?: Sleep;
  pacer: Pacer;
  serviceWindow: ServiceWindow;
  /** Sent instead of free text when the 24-hour window is closed. */
  fallbackTemplate?: TemplateMessage;
  retry?: RetryPolicy;
  random?: () => number;
  onProviderError?: (record: ProviderErrorRecord) => void;
  log: Logger;
  fetch?: typeof fetch;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/** Graph API error codes Hilo treats specially (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). */
export const WHATSAPP_ERRORS = {
  THROUGHPUT: 130429,
  PAIR_RATE: 131056,
  RE_ENGAGEMENT: 131047,
  UNDELIVERABLE: 131026,
} as const;

const RETRYABLE_CODES = new Set<number>([WHATSAPP_ERRORS.THROUGHPUT, WHATSAPP_ERRORS.PAIR_RATE, 4, 80007, 131000, 131016, 133004, 1, 2]);
const RATE_CODES = new Set<number>([WHATSAPP_ERRORS.THROUGHPUT, WHATSAPP_ERRORS.PAIR_RATE, 4, 80007]);

type Payload = Record<string, unknown>;

function textPayload(to: string, body: string): Payload {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { preview_url: false, body } };
}

/** An interactive reply-buttons message (at most 3 buttons; body ≤ 1024 characters). */
function buttonsPayload(to: string, body: string, buttons: readonly ReplyButton[]): Payload {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'interactive',
    interactive: { type: 'button', body: { text: body }, action: { buttons: buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) } },
  };
}

function templatePayload(to: string, t: TemplateMessage): Payload {
  const components = t.parameters && t.parameters.length > 0 ? [{ type: 'body', parameters: t.parameters.map((text) => ({ type: 'text', text })) }] : [];
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'template', template: { name: t.name, language: { code: t.language }, components } };
}

/**
 * Sends through the Graph API messages endpoint (`POST /{version}/{phone-number-id}/messages`):
 * paced per number and per recipient, retried with backoff on rate limits (130429, 131056) and
 * provider failures, and outside the 24-hour window (by our clock, or when Meta answers 131047)
 * the configured template goes out instead of free text.
 *
 * @example
 * const sender = createWhatsAppSender({ phoneNumberId, accessToken, clock, pacer, serviceWindow, fallbackTemplate, log });
 * const { providerMessageId } = await sender.send({ to: '18095550100', text: 'Hola', conversationId });
 */
export function createWhatsAppSender(options: WhatsAppSenderOptions): Sender {
  const {
    baseUrl = 'https://graph.facebook.com',
    graphVersion = 'v21.0',
    phoneNumberId,
    accessToken,
    clock,
    sleep = realSleep,
    pacer,
    serviceWindow,
    fallbackTemplate,
    log,
    timeoutMs = 15_000,
  } = options;
  const doFetch = options.fetch ?? fetch;
  const url = `${baseUrl.replace(/\/$/, '')}/${graphVersion}/${encodeURIComponent(phoneNumberId)}/messages`;

  const post = async (to: string, payload: Payload): Promise<AttemptOutcome<string>> => {
    const wait = pacer.reserve(phoneNumberId, to);
    if (wait > 0) await sleep(wait);
    let res: Response;
    let body: unknown;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.json().catch(() => undefined);
    } catch (err) {
      return networkFailure(err);
    }
    if (res.ok) {
      const id = (body as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
      if (typeof id === 'string' && id.length > 0) return { ok: true, value: id };
      return { ok: false, retry: false, httpStatus: res.status, providerCode: null, message: 'answer without messages[0].id', error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED', undefined, { details: { httpStatus: res.status } }) };
    }
    const err = (body as { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } } | undefined)?.error;
    const code = typeof err?.code === 'number' ? err.code : null;
    const message = typeof err?.message === 'string' ? err.message : `HTTP ${res.status}`;
    const details = { httpStatus: res.status, providerCode: code };
    if (code === WHATSAPP_ERRORS.RE_ENGAGEMENT) {
      return { ok: false, retry: false, httpStatus: res.status, providerCode: String(code), message, error: new HiloError('HILO_ERR_CHANNEL_WINDOW_CLOSED', undefined, { details }) };
    }
    const rateLimited = res.status === 429 || (code !== null && RATE_CODES.has(code));
    const retry = res.status >= 500 || res.status === 429 || (code !== null && RETRYABLE_CODES.has(code));
    if (code === WHATSAPP_ERRORS.PAIR_RATE) pacer.pause(phoneNumberId, 6_000, to);
    else if (rateLimited) pacer.pause(phoneNumberId, 1_000);
    const hiloCode = rateLimited ? 'HILO_ERR_CHANNEL_SEND_RATE_LIMITED' : retry ? 'HILO_ERR_CHANNEL_SEND_FAILED' : 'HILO_ERR_CHANNEL_SEND_REJECTED';
    return { ok: false, retry, httpStatus: res.status, providerCode: code === null ? null : String(code), message, error: new HiloError(hiloCode, undefined, { details }) };
  };

  const deliver = (to: string, payload: Payload) =>
    withRetry(
      {
        channel: 'whatsapp',
        clock,
        sleep,
        ...(options.retry ? { policy: options.retry } : {}),
        ...(options.random ? { random: options.random } : {}),
        onProviderError: (record) => {
          log.warn({ channel: 'whatsapp', attempt: record.attempt, httpStatus: record.httpStatus, providerCode: record.providerCode, retrying: record.retrying }, 'whatsapp send error');
          options.onProviderError?.(record);
        },
      },
      () => post(to, payload),
    );

  return {
    send(request: SendRequest): Promise<SendResult> {
      return sendWithinServiceWindow(request, {
        window: serviceWindow,
        fallbackTemplate,
        sendText: (text) =>
          deliver(request.to, request.buttons && request.buttons.length > 0 ? buttonsPayload(request.to, text, request.buttons) : textPayload(request.to, text)),
        sendTemplate: (template) => deliver(request.to, templatePayload(request.to, template)),
      });
    },
  };
}
