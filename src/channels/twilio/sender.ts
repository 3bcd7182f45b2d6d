import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { ProviderErrorRecord, SendRequest, SendResult, Sender, TemplateMessage } from '../channel.js';
import type { Pacer } from '../pacer.js';
import { parseRetryAfter, realSleep, type RetryPolicy, type Sleep } from '../../kernel/retry.js';
import { networkFailure, withRetry, type AttemptOutcome } from '../retry.js';
import type { ServiceWindow } from '../service-window.js';
import { sendWithinServiceWindow } from '../window-send.js';
import { encodeForm } from './form.js';

export interface TwilioSenderOptions {
  /** `https://api.twilio.com` in production; the fake server's URL in tests. */
  baseUrl?: string;
  accountSid: string;
  authToken: string;
  /** The business WhatsApp number, e.g. `whatsapp:+18095550000`. */
  from: string;
  /** Where Twilio posts delivery statuses (the tenant's Twilio webhook URL). */
  statusCallbackUrl?: string;
  clock: Clock;
  sleep?: Sleep;
  pacer: Pacer;
  serviceWindow: ServiceWindow;
  /** A Content API template (`name` is the `ContentSid`, HX…) sent outside the 24-hour window. */
  fallbackTemplate?: TemplateMessage;
  retry?: RetryPolicy;
  random?: () => number;
  onProviderError?: (record: ProviderErrorRecord) => void;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Twilio error codes Hilo treats specially (https://www.twilio.com/docs/api/errors). */
export const TWILIO_ERRORS = { TOO_MANY_REQUESTS: 20429, OUTSIDE_WINDOW: 63016, QUEUE_OVERFLOW: 30001 } as const;

/**
 * Sends through the Messages API (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, basic
 * auth, form body) with a status callback; retries 429/5xx with backoff; the 24-hour rule as for
 * WhatsApp Cloud (63016 means the window is closed).
 */
export function createTwilioSender(options: TwilioSenderOptions): Sender {
  const { baseUrl = 'https://api.twilio.com', accountSid, authToken, from, statusCallbackUrl, clock, sleep = realSleep, pacer, serviceWindow, fallbackTemplate, log, timeoutMs = 15_000 } = options;
  const doFetch = options.fetch ?? fetch;
  const url = `${baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const address = (to: string): string => (to.startsWith('whatsapp:') ? to : `whatsapp:${to.startsWith('+') ? to : `+${to}`}`);

  const post = async (to: string, form: Record<string, string | undefined>): Promise<AttemptOutcome<string>> => {
    const wait = pacer.reserve(from, to);
    if (wait > 0) await sleep(wait);
    let res: Response;
    let body: { sid?: unknown; code?: unknown; message?: unknown } | undefined;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: encodeForm({ To: address(to), From: from, StatusCallback: statusCallbackUrl, ...form }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = (await res.json().catch(() => undefined)) as typeof body;
    } catch (err) {
      return networkFailure(err);
    }
    if (res.ok) {
      if (typeof body?.sid === 'string' && body.sid.length > 0) return { ok: true, value: body.sid };
      return { ok: false, retry: false, httpStatus: res.status, providerCode: null, message: 'answer without sid', error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED', undefined, { details: { httpStatus: res.status } }) };
    }
    const code = typeof body?.code === 'number' ? body.code : null;
    const message = typeof body?.message === 'string' ? body.message : `HTTP ${res.status}`;
    const details = { httpStatus: res.status, providerCode: code };
    const base = { httpStatus: res.status, providerCode: code === null ? null : String(code), message };
    if (code === TWILIO_ERRORS.OUTSIDE_WINDOW) return { ok: false, retry: false, ...base, error: new HiloError('HILO_ERR_CHANNEL_WINDOW_CLOSED', undefined, { details }) };
    if (res.status === 429 || code === TWILIO_ERRORS.TOO_MANY_REQUESTS) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      pacer.pause(from, retryAfterMs ?? 1_000);
      return { ok: false, retry: true, ...base, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error: new HiloError('HILO_ERR_CHANNEL_SEND_RATE_LIMITED', undefined, { details: { ...details, retryAfterMs: retryAfterMs ?? null } }) };
    }
    if (res.status >= 500) return { ok: false, retry: true, ...base, error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED', undefined, { details }) };
    return { ok: false, retry: false, ...base, error: new HiloError('HILO_ERR_CHANNEL_SEND_REJECTED', undefined, { details }) };
  };

  const deliver = (to: string, form: Record<string, string | undefined>) =>
    withRetry(
      {
        channel: 'twilio-whatsapp',
        clock,
        sleep,
        ...(options.retry ? { policy: options.retry } : {}),
        ...(options.random ? { random: options.random } : {}),
        onProviderError: (record) => {
          log.warn({ channel: 'twilio-whatsapp', attempt: record.attempt, httpStatus: record.httpStatus, providerCode: record.providerCode, retrying: record.retrying }, 'twilio send error');
          options.onProviderError?.(record);
        },
      },
      () => post(to, form),
    );

  const templateForm = (t: TemplateMessage): Record<string, string> => ({
    ContentSid: t.name,
    ...(t.parameters && t.parameters.length > 0 ? { ContentVariables: JSON.stringify(Object.fromEntries(t.parameters.map((p, i) => [String(i + 1), p]))) } : {}),
  });

  return {
    send(request: SendRequest): Promise<SendResult> {
      return sendWithinServiceWindow(request, {
        window: serviceWindow,
        fallbackTemplate,
        sendText: (text) => deliver(request.to, { Body: text }),
        sendTemplate: (t) => deliver(request.to, templateForm(t)),
      });
    },
  };
}
