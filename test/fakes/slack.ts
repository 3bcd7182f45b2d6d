import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server.js';

/**
 * A Slack incoming webhook on loopback: `POST /services/T…/B…/…` answering the plain-text way
 * Slack does: `ok` (200), `invalid_payload` (400) for a body that is not JSON or has neither
 * `text` nor `blocks`/`attachments`, `no_service` (404) for an unknown or disabled hook, and
 * scripted replies (429 with `Retry-After`, `channel_is_archived`, 500...).
 */

export type SlackReply = { status: number; body: string; retryAfter?: string };

export const slackReply = {
  rateLimited: (retryAfter = '1'): SlackReply => ({ status: 429, body: 'rate_limited', retryAfter }),
  invalidPayload: (): SlackReply => ({ status: 400, body: 'invalid_payload' }),
  noService: (): SlackReply => ({ status: 404, body: 'no_service' }),
  archived: (): SlackReply => ({ status: 410, body: 'channel_is_archived' }),
  serverError: (): SlackReply => ({ status: 500, body: 'rollup_error' }),
};

export interface SlackPost {
  path: string;
  body: Record<string, unknown> | null;
  status: number;
  answer: string;
}

export interface FakeSlack {
  webhookUrl: string;
  requests: SlackPost[];
  /** Accepted messages only. */
  messages: Array<Record<string, unknown>>;
  script: SlackReply[];
  close(): Promise<void>;
}

export async function startFakeSlack(options: { path?: string; script?: SlackReply[] } = {}): Promise<FakeSlack> {
  const { path = '/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX' } = options;
  const script = [...(options.script ?? [])];
  const requests: SlackPost[] = [];
  const messages: Array<Record<string, unknown>> = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      body = null;
    }
    const record: SlackPost = { path: req.url ?? '', body, status: 0, answer: '' };
    requests.push(record);
    const answer = (status: number, text: string, headers: Record<string, string> = {}): void => {
      record.status = status;
      record.answer = text;
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(text);
    };
    if (req.method !== 'POST' || req.url !== path) return answer(404, 'no_service');
    const next = script.shift();
    if (next) return answer(next.status, next.body, next.retryAfter ? { 'retry-after': next.retryAfter } : {});
    const nonEmpty = (v: unknown): boolean => (typeof v === 'string' || Array.isArray(v)) && v.length > 0;
    const hasContent = nonEmpty(body?.text) || nonEmpty(body?.blocks) || nonEmpty(body?.attachments);
    if (!body || !hasContent) return answer(400, 'invalid_payload');
    messages.push(body);
    return answer(200, 'ok');
  };

  const server = await startLoopbackServer(handle);
  const { port } = server;
  return {
    webhookUrl: `http://127.0.0.1:${port}${path}`,
    requests,
    messages,
    script,
    close: () => server.close(),
  };
}
