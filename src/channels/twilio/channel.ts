import type { Clock } from '../../kernel/clock.js';
import type { Channel, ChannelHeaders, InboundEvent, VerifyResult, WebhookRequest } from '../channel.js';
import { headerValue, signatureHeader } from '../channel.js';
import { formatChannelText } from '../format.js';
import { DEFAULT_CHANNEL_MAX_BODY_BYTES } from '../raw-body.js';
import { isHiloError } from '../../kernel/errors.js';
import { verifyTwilioSignature } from './signature.js';
import { parseTwilioParams, readTwilioBody } from './webhook.js';
import { normalizeInboundTexts } from '../normalize-text.js';

export interface TwilioChannelOptions {
  tenantId: string;
  /** The account's primary auth token: the HMAC key of `X-Twilio-Signature`. */
  authToken: string;
  clock: Clock;
  maxBodyBytes?: number;
}

/** Twilio's 200 answer that sends nothing back (replies go through the Messages API). */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * The Twilio WhatsApp channel of one tenant. `request.url` must be the exact public URL Twilio
 * called (the configured webhook URL plus the query string as received), or signatures never match.
 */
export function createTwilioChannel({ tenantId, authToken, clock, maxBodyBytes = DEFAULT_CHANNEL_MAX_BODY_BYTES }: TwilioChannelOptions): Channel {
  return {
    name: 'twilio-whatsapp',
    tenantId,
    ackResponse: { contentType: 'text/xml', body: EMPTY_TWIML },
    verifyRequest(request: WebhookRequest): VerifyResult {
      if (request.rawBody.byteLength > maxBodyBytes) return { ok: false, status: 413, code: 'HILO_ERR_CHANNEL_BODY_TOO_LARGE' };
      const header = signatureHeader(request.headers, 'x-twilio-signature');
      if (!header.ok) return header;
      try {
        const body = readTwilioBody(request.rawBody, headerValue(request.headers, 'content-type'));
        return verifyTwilioSignature(authToken, header.value, request.url, body);
      } catch (err) {
        // The form must be parsed to check its signature; an unreadable body is refused as such.
        if (isHiloError(err)) return { ok: false, status: err.status, code: err.code };
        throw err;
      }
    },
    parseInbound(rawBody: Buffer, headers: ChannelHeaders): InboundEvent[] {
      const body = readTwilioBody(rawBody, headerValue(headers, 'content-type'));
      return normalizeInboundTexts(parseTwilioParams(body.params, { tenantId, now: clock.now() }));
    },
    formatOutbound(text, options = []) {
      return formatChannelText(text, { maxLength: 1600, boldStyle: 'whatsapp' }, options);
    },
  };
}
