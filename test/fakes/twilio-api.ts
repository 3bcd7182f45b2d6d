import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server.js';
import twilio from 'twilio';

/**
 * A fake Twilio REST API on loopback: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with
 * HTTP basic auth and a form body, answering `201` with a Message resource or Twilio's error body
 * (`{ code, message, more_info, status }`), scripted 429 (20429, `Retry-After`), 63016 and 5xx.
 * It can post status callbacks back to the `StatusCallback` URL it was given, signed with the
 * `twilio` package's own signer (an independent implementation of `X-Twilio-Signature`).
 */

export type TwilioReply =
  | { kind: 'ok' }
  | { kind: 'error'; status: number; code: number; message: string; retryAfter?: string };

export const twilioReply = {
  ok: (): TwilioReply => ({ kind: 'ok' }),
  tooManyRequests: (retryAfter?: string): TwilioReply => ({ kind: 'error', status: 429, code: 20429, message: 'Too Many Requests', ...(retryAfter ? { retryAfter } : {}) }),
  outsideWindow: (): TwilioReply => ({ kind: 'error', status: 400, code: 63016, message: 'Failed to send freeform message because you are outside the allowed window.' }),
  invalidTo: (): TwilioReply => ({ kind: 'error', status: 400, code: 21211, message: "The 'To' number is not a valid phone number." }),
  serverError: (): TwilioReply => ({ kind: 'error', status: 500, code: 20500, message: 'Internal Server Error' }),
};

export interface TwilioApiRequest {
  path: string;
  authorization: string | undefined;
  form: Record<string, string>;
  status: number;
  /** The Message `sid` answered, when the message was created. */
  sid?: string;
}

export interface FakeTwilioApi {
  baseUrl: string;
  requests: TwilioApiRequest[];
  script: TwilioReply[];
  /** Posts a signed status callback for a message this fake created. */
  sendStatusCallback(sid: string, status: string, extra?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

export async function startFakeTwilioApi({ accountSid, authToken, script = [] }: { accountSid: string; authToken: string; script?: TwilioReply[] }): Promise<FakeTwilioApi> {
  const requests: TwilioApiRequest[] = [];
  const queue = [...script];
  const messages = new Map<string, Record<string, string>>();

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void =>
    answer(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const record: TwilioApiRequest = { path: req.url ?? '', authorization: req.headers.authorization, form, status: 0 };
    requests.push(record);
    const done = (status: number, fn: () => void): void => {
      record.status = status;
      fn();
    };
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) return done(404, () => error(res, 404, 20404, 'The requested resource was not found'));
    if (req.headers.authorization !== `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`) return done(401, () => error(res, 401, 20003, 'Authenticate'));
    if (!form.To || !form.From) return done(400, () => error(res, 400, 21604, "A 'To' phone number is required."));
    if (!form.Body && !form.ContentSid) return done(400, () => error(res, 400, 21619, 'A text message body or media urls must be specified.'));
    const next = queue.shift() ?? twilioReply.ok();
    if (next.kind === 'error') return done(next.status, () => error(res, next.status, next.code, next.message, next.retryAfter ? { 'retry-after': next.retryAfter } : {}));
    const sid = `SM${randomBytes(16).toString('hex')}`;
    messages.set(sid, form);
    record.sid = sid;
    done(201, () =>
      answer(res, 201, {
        sid,
        account_sid: accountSid,
        to: form.To,
        from: form.From,
        body: form.Body ?? '',
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      }),
    );
  };

  const server = await startLoopbackServer(handle);
  const { port } = server;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script: queue,
    async sendStatusCallback(sid, status, extra = {}) {
      const sent = messages.get(sid);
      if (!sent?.StatusCallback) throw new Error(`no StatusCallback for ${sid}`);
      const params: Record<string, string> = { AccountSid: accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, To: sent.To ?? '', From: sent.From ?? '', ApiVersion: '2010-04-01', ...extra };
      const res = await fetch(sent.StatusCallback, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, sent.StatusCallback, params) },
        body: new URLSearchParams(params).toString(),
      });
      return res.status;
    },
    close: () => server.close(),
  };
}

/** An incoming WhatsApp message as Twilio posts it to the webhook. */
export function twilioInboundParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    SmsMessageSid: 'SM0123456789abcdef0123456789abcdef',
    NumMedia: '0',
    ProfileName: 'Ana',
    MessageType: 'text',
    SmsSid: 'SM0123456789abcdef0123456789abcdef',
    WaId: '18095550100',
    SmsStatus: 'received',
    Body: 'Hola, ¿tienen varilla de 3/8?',
    To: 'whatsapp:+14155238886',
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: 'SM0123456789abcdef0123456789abcdef',
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    From: 'whatsapp:+18095550100',
    ApiVersion: '2010-04-01',
    ...overrides,
  };
}
