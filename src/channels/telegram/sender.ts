import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { ProviderErrorRecord, SendRequest, SendResult, Sender } from '../channel.js';
import type { Pacer } from '../pacer.js';
import { networkFailure, realSleep, withRetry, type AttemptOutcome, type RetryPolicy, type Sleep } from '../retry.js';

export interface TelegramSenderOptions {
  /** `https://api.telegram.org` in production; the fake server's URL in tests. */
  baseUrl?: string;
  botToken: string;
  clock: Clock;
  sleep?: Sleep;
  /** Telegram: about 30 messages/s per bot and 1/s per chat (create it with those numbers). */
  pacer: Pacer;
  retry?: RetryPolicy;
  random?: () => number;
  onProviderError?: (record: ProviderErrorRecord) => void;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface BotApiAnswer {
  ok?: unknown;
  result?: { message_id?: unknown };
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
}

/**
 * `sendMessage` through the Bot API. Retries 429 (`parameters.retry_after`) and 5xx; a blocked bot
 * or unknown chat (403/400) is rejected at once. Telegram has no service window: templates are
 * refused. The provider message id is `chatId:message_id` (message ids are per chat).
 */
export function createTelegramSender(options: TelegramSenderOptions): Sender {
  const { baseUrl = 'https://api.telegram.org', botToken, clock, sleep = realSleep, pacer, log, timeoutMs = 15_000 } = options;
  const doFetch = options.fetch ?? fetch;
  const url = `${baseUrl.replace(/\/$/, '')}/bot${botToken}/sendMessage`;

  const post = async (chatId: string, text: string): Promise<AttemptOutcome<string>> => {
    const wait = pacer.reserve('bot', chatId);
    if (wait > 0) await sleep(wait);
    let res: Response;
    let body: BotApiAnswer | undefined;
    try {
      res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: chatId, text }), signal: AbortSignal.timeout(timeoutMs) });
      body = (await res.json().catch(() => undefined)) as BotApiAnswer | undefined;
    } catch (err) {
      return networkFailure(err);
    }
    if (res.ok && body?.ok === true && typeof body.result?.message_id === 'number') return { ok: true, value: `${chatId}:${body.result.message_id}` };
    const code = typeof body?.error_code === 'number' ? body.error_code : res.status;
    const message = typeof body?.description === 'string' ? body.description : `HTTP ${res.status}`;
    const details = { httpStatus: res.status, providerCode: code };
    const base = { httpStatus: res.status, providerCode: String(code), message };
    if (code === 429) {
      const retryAfter = body?.parameters?.retry_after;
      const retryAfterMs = typeof retryAfter === 'number' ? retryAfter * 1000 : undefined;
      pacer.pause('bot', retryAfterMs ?? 1_000, chatId);
      return { ok: false, retry: true, ...base, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error: new HiloError('HILO_ERR_CHANNEL_SEND_RATE_LIMITED', undefined, { details: { ...details, retryAfterMs: retryAfterMs ?? null } }) };
    }
    if (res.ok || res.status >= 500) return { ok: false, retry: res.status >= 500, ...base, error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED', undefined, { details }) };
    return { ok: false, retry: false, ...base, error: new HiloError('HILO_ERR_CHANNEL_SEND_REJECTED', undefined, { details }) };
  };

  return {
    async send(request: SendRequest): Promise<SendResult> {
      if (request.template !== undefined) throw new HiloError('HILO_ERR_CHANNEL_SEND_REJECTED', 'Telegram has no template messages.');
      const { value, attempts } = await withRetry(
        {
          channel: 'telegram',
          clock,
          sleep,
          ...(options.retry ? { policy: options.retry } : {}),
          ...(options.random ? { random: options.random } : {}),
          onProviderError: (record) => {
            log.warn({ channel: 'telegram', attempt: record.attempt, httpStatus: record.httpStatus, providerCode: record.providerCode, retrying: record.retrying }, 'telegram send error');
            options.onProviderError?.(record);
          },
        },
        () => post(request.to, request.text),
      );
      return { providerMessageId: value, usedTemplate: false, attempts };
    },
  };
}
