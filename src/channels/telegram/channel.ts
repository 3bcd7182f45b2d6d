import type { Clock } from '../../kernel/clock.js';
import type { Channel, ChannelHeaders, InboundEvent, WebhookRequest } from '../channel.js';
import { headerValue, signatureHeader } from '../channel.js';
import { formatChannelText } from '../format.js';
import { DEFAULT_CHANNEL_MAX_BODY_BYTES } from '../raw-body.js';
import { constantTimeEqual } from '../signature.js';
import { parseTelegramUpdate } from './webhook.js';
import { normalizeInboundTexts } from '../normalize-text.js';

export interface TelegramChannelOptions {
  tenantId: string;
  /** The `secret_token` given to `setWebhook` (1–256 of `A-Z a-z 0-9 _ -`), echoed in `X-Telegram-Bot-Api-Secret-Token`. */
  secretToken: string;
  clock: Clock;
  maxBodyBytes?: number;
}

export const TELEGRAM_SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/** The Telegram bot channel of one tenant. */
export function createTelegramChannel({ tenantId, secretToken, clock, maxBodyBytes = DEFAULT_CHANNEL_MAX_BODY_BYTES }: TelegramChannelOptions): Channel {
  if (!TELEGRAM_SECRET_TOKEN.test(secretToken)) throw new TypeError('Telegram secret_token must be 1-256 characters of A-Z, a-z, 0-9, _ and -');
  return {
    name: 'telegram',
    tenantId,
    ackResponse: { contentType: 'text/plain', body: '' },
    verifyRequest(request: WebhookRequest) {
      if (request.rawBody.byteLength > maxBodyBytes) return { ok: false, status: 413, code: 'HILO_ERR_CHANNEL_BODY_TOO_LARGE' };
      const contentType = headerValue(request.headers, 'content-type');
      if (contentType !== undefined && !/^application\/json\b/i.test(contentType)) return { ok: false, status: 415, code: 'HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE' };
      const header = signatureHeader(request.headers, 'x-telegram-bot-api-secret-token');
      if (!header.ok) return header;
      return constantTimeEqual(header.value, secretToken) ? { ok: true } : { ok: false, status: 403, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' };
    },
    parseInbound(rawBody: Buffer, _headers: ChannelHeaders): InboundEvent[] {
      return normalizeInboundTexts(parseTelegramUpdate(rawBody, { tenantId, now: clock.now() }));
    },
    formatOutbound(text, options = []) {
      // Sent without parse_mode: Markdown markers would show literally, so bold is dropped.
      return formatChannelText(text, { maxLength: 4096, boldStyle: 'plain' }, options);
    },
  };
}
