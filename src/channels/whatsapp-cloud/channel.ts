import type { Channel, ChannelHeaders, InboundEvent, VerifyResult, WebhookRequest } from '../channel.js';
import { WHATSAPP_BUTTON_BODY_MAX, whatsAppReplyButtons } from './buttons.js';
import { headerValue, signatureHeader } from '../channel.js';
import { formatChannelText } from '../format.js';
import { DEFAULT_CHANNEL_MAX_BODY_BYTES } from '../raw-body.js';
import { constantTimeEqual, hmacHex } from '../signature.js';
import { parseWhatsAppWebhook } from './webhook.js';
import { normalizeInboundTexts } from '../normalize-text.js';

export interface WhatsAppCloudChannelOptions {
  tenantId: string;
  /** The Meta app secret: the HMAC key of `X-Hub-Signature-256`. */
  appSecret: string;
  /** The token typed into the app dashboard's webhook form, echoed in `hub.verify_token`. */
  verifyToken: string;
  /** Only events for this business number are emitted (when set). */
  phoneNumberId?: string;
  maxBodyBytes?: number;
}

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** `sha256=<hex HMAC-SHA256 of the raw body, keyed by the app secret>`. */
export function signWhatsAppBody(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${hmacHex('sha256', appSecret, rawBody)}`;
}

/**
 * Checks `X-Hub-Signature-256` over the raw bytes received. Meta signs the body it sends (with
 * unicode escaped as `\uXXXX`); re-serialised JSON would not match, so never parse first.
 */
export function verifyWhatsAppSignature(appSecret: string, rawBody: Buffer, header: string | undefined): VerifyResult {
  if (header === undefined || header === '') return { ok: false, status: 401, code: 'HILO_ERR_CHANNEL_SIGNATURE_MISSING' };
  const match = SIGNATURE.exec(header.trim());
  const expected = hmacHex('sha256', appSecret, rawBody);
  // Compare even on a malformed header so both paths cost the same.
  const equal = constantTimeEqual(expected, (match?.[1] ?? '').toLowerCase());
  return match && equal ? { ok: true } : { ok: false, status: 403, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' };
}

/** The WhatsApp Cloud API channel of one tenant. */
export function createWhatsAppCloudChannel(options: WhatsAppCloudChannelOptions): Channel {
  const { tenantId, appSecret, verifyToken, phoneNumberId, maxBodyBytes = DEFAULT_CHANNEL_MAX_BODY_BYTES } = options;
  return {
    name: 'whatsapp',
    tenantId,
    ackResponse: { contentType: 'text/plain', body: '' },
    verifyChallenge(query) {
      const mode = query['hub.mode'];
      const token = query['hub.verify_token'] ?? '';
      const challenge = query['hub.challenge'];
      if (mode !== 'subscribe' || challenge === undefined || challenge.length === 0 || challenge.length > 256 || !constantTimeEqual(token, verifyToken)) {
        return { ok: false, status: 403, code: 'HILO_ERR_CHANNEL_VERIFY_FAILED' };
      }
      return { ok: true, body: challenge };
    },
    verifyRequest(request: WebhookRequest) {
      if (request.rawBody.byteLength > maxBodyBytes) return { ok: false, status: 413, code: 'HILO_ERR_CHANNEL_BODY_TOO_LARGE' };
      const contentType = headerValue(request.headers, 'content-type');
      if (contentType !== undefined && !/^application\/json\b/i.test(contentType)) return { ok: false, status: 415, code: 'HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE' };
      const header = signatureHeader(request.headers, 'x-hub-signature-256');
      if (!header.ok && header.code === 'HILO_ERR_CHANNEL_SIGNATURE_REPEATED') return header;
      return verifyWhatsAppSignature(appSecret, request.rawBody, header.ok ? header.value : undefined);
    },
    parseInbound(rawBody: Buffer, _headers: ChannelHeaders): InboundEvent[] {
      return normalizeInboundTexts(parseWhatsAppWebhook(rawBody, { tenantId, ...(phoneNumberId !== undefined ? { phoneNumberId } : {}) }));
    },
    formatOutbound(text, options = []) {
      return formatChannelText(text, { maxLength: 4096, boldStyle: 'whatsapp' }, options);
    },
    formatButtons(text, options) {
      // A body too long for a button message goes out whole, as text with numbered lines.
      const body = formatChannelText(text, { maxLength: 4096, boldStyle: 'whatsapp' });
      return Array.from(body).length > WHATSAPP_BUTTON_BODY_MAX ? null : whatsAppReplyButtons(body, options);
    },
  };
}
