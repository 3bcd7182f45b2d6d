import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server.js';
import type { Clock } from '../../src/kernel/clock.js';

/**
 * A fake WhatsApp Cloud API (Graph API) on loopback: `POST /{version}/{phone-number-id}/messages`
 * with Bearer auth, Graph error bodies (`{ error: { message, type, code, error_data, fbtrace_id } }`),
 * scripted failures (130429 rate limit, 131047 re-engagement, 131026 undeliverable, 5xx) and an
 * optional throughput / pair-rate enforcer on the test's clock that answers 130429 / 131056 the
 * way Meta does when a sender goes too fast. Also builds webhook bodies as Meta sends them.
 */

export type GraphReply =
  | { kind: 'ok' }
  | { kind: 'error'; status: number; code: number; message: string; details?: string }
  | { kind: 'raw'; status: number; body: string };

export const graphReply = {
  ok: (): GraphReply => ({ kind: 'ok' }),
  rateLimit: (): GraphReply => ({ kind: 'error', status: 400, code: 130429, message: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.' }),
  pairRateLimit: (): GraphReply => ({ kind: 'error', status: 400, code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' }),
  reEngagement: (): GraphReply => ({ kind: 'error', status: 400, code: 131047, message: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' }),
  undeliverable: (): GraphReply => ({ kind: 'error', status: 400, code: 131026, message: 'Message Undeliverable' }),
  serverError: (): GraphReply => ({ kind: 'error', status: 500, code: 131000, message: 'Something went wrong' }),
  raw: (status: number, body: string): GraphReply => ({ kind: 'raw', status, body }),
};

export interface GraphRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | null;
  /** The test clock's time when the request arrived (when a clock was given). */
  at: number | null;
  /** What the fake answered. */
  status: number;
  errorCode: number | null;
  /** The `messages[0].id` answered, when the message was accepted. */
  messageId?: string;
}

export interface FakeGraphOptions {
  accessToken?: string;
  phoneNumberId?: string;
  version?: string;
  /** Replies consumed one per messages request; when empty the request succeeds. */
  script?: GraphReply[];
  /** Enforce Meta's limits on this clock: more than `perSecond` in one second → 130429; more than `pairBurst` per `pairWindowMs` to one recipient → 131056. */
  enforce?: { clock: Clock; perSecond: number; pairBurst: number; pairWindowMs: number };
}

export interface FakeGraph {
  baseUrl: string;
  requests: GraphRequest[];
  script: GraphReply[];
  close(): Promise<void>;
}

/**
 * Meta's rules for an interactive reply-buttons message: a body text of 1–1024 characters and 1–3
 * reply buttons, each with an id of 1–256 characters and a unique title of 1–20 characters.
 */
function validButtons(interactive: unknown): boolean {
  const i = interactive as { type?: unknown; body?: { text?: unknown }; action?: { buttons?: unknown } } | undefined;
  const text = i?.body?.text;
  const buttons = i?.action?.buttons;
  if (i?.type !== 'button' || typeof text !== 'string' || text.length === 0 || Array.from(text).length > 1024) return false;
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 3) return false;
  const titles = new Set<string>();
  for (const b of buttons as Array<{ type?: unknown; reply?: { id?: unknown; title?: unknown } }>) {
    const { id, title } = b.reply ?? {};
    if (b.type !== 'reply' || typeof id !== 'string' || id.length === 0 || id.length > 256) return false;
    if (typeof title !== 'string' || title.length === 0 || Array.from(title).length > 20 || titles.has(title)) return false;
    titles.add(title);
  }
  return true;
}

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const { accessToken = 'test-token', phoneNumberId = '106540352242922', version = 'v21.0', enforce } = options;
  const script = [...(options.script ?? [])];
  const requests: GraphRequest[] = [];
  const sentAt: number[] = [];
  const pairSent = new Map<string, number[]>();
  let seq = 0;

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const graphError = (res: ServerResponse, status: number, code: number, message: string, details?: string): void =>
    answer(res, status, { error: { message, type: 'OAuthException', code, ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}), fbtrace_id: `Afake${++seq}` } });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      body = null;
    }
    const record: GraphRequest = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body, at: enforce ? enforce.clock.now() : null, status: 0, errorCode: null };
    requests.push(record);
    const reply = (status: number, code: number | null, fn: () => void): void => {
      record.status = status;
      record.errorCode = code;
      fn();
    };
    if (req.method !== 'POST' || req.url !== `/${version}/${phoneNumberId}/messages`) {
      return reply(400, 100, () => graphError(res, 400, 100, 'Unsupported post request.'));
    }
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return reply(401, 190, () => graphError(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token'));
    }
    const to = body?.to;
    const type = body?.type;
    const valid =
      body !== null &&
      body.messaging_product === 'whatsapp' &&
      typeof to === 'string' &&
      ((type === 'text' && typeof (body.text as { body?: unknown } | undefined)?.body === 'string') ||
        (type === 'template' && typeof (body.template as { name?: unknown } | undefined)?.name === 'string') ||
        (type === 'interactive' && validButtons(body.interactive)));
    if (!valid) return reply(400, 100, () => graphError(res, 400, 100, '(#100) Invalid parameter'));

    if (enforce) {
      const now = enforce.clock.now();
      while (sentAt.length > 0 && sentAt[0]! <= now - 1000) sentAt.shift();
      const pair = (pairSent.get(to) ?? []).filter((t) => t > now - enforce.pairWindowMs);
      pairSent.set(to, pair);
      if (sentAt.length >= enforce.perSecond) return reply(400, 130429, () => graphError(res, 400, 130429, '(#130429) Rate limit hit'));
      if (pair.length >= enforce.pairBurst) return reply(400, 131056, () => graphError(res, 400, 131056, '(#131056) pair rate limit hit'));
      sentAt.push(now);
      pair.push(now);
    }
    const next = script.shift() ?? graphReply.ok();
    if (next.kind === 'raw') {
      return reply(next.status, null, () => {
        res.writeHead(next.status, { 'content-type': 'application/json' });
        res.end(next.body);
      });
    }
    if (next.kind === 'error') return reply(next.status, next.code, () => graphError(res, next.status, next.code, next.message, next.details));
    const id = `wamid.HBgL${String(++seq).padStart(8, '0')}FQIAERgSQ0ZBQjg=`;
    record.messageId = id;
    reply(200, null, () => answer(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] }));
  };

  const server = await startLoopbackServer(handle);
  const { port } = server;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () => server.close(),
  };
}

// ---- Webhook bodies, as Meta sends them ----

/** Meta escapes every non-ASCII character as `\uXXXX` in the body it signs. */
export function metaJson(payload: unknown): Buffer {
  return Buffer.from(JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'utf8');
}

export function metaSignature(appSecret: string, raw: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function waEnvelope(value: Record<string, unknown>, phoneNumberId = '106540352242922'): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value },
          },
        ],
      },
    ],
  };
}

export function waMessage(message: Record<string, unknown>, { from = '18095550100', name = 'Ana' } = {}): Record<string, unknown> {
  return waEnvelope({
    contacts: [{ profile: { name }, wa_id: from }],
    messages: [{ from, id: 'wamid.HBgLMTgwOTU1NTAxMDAVAgASGBQzQUVCOUFBRjZBMDc1RjE3QjE3MQA=', timestamp: '1763812800', ...message }],
  });
}

export function waStatus(status: Record<string, unknown>): Record<string, unknown> {
  return waEnvelope({ statuses: [{ id: 'wamid.OUT1', status: 'delivered', timestamp: '1763812805', recipient_id: '18095550100', ...status }] });
}
