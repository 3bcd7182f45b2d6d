import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server.js';

/**
 * A Rocket.Chat incoming-webhook endpoint on loopback: `POST /hooks/<id>/<token>` with a JSON
 * message (`text`, `attachments[]`), answering `{"success": true}` like Rocket.Chat, or
 * `{"success": false, "error": ...}` with 400 for a body without `text`/`attachments`, 404 for an
 * unknown integration, and scripted 5xx/4xx/429 replies. Also builds outgoing-webhook bodies the
 * way Rocket.Chat POSTs them for a message in a watched room.
 */

export type RocketChatReply = { status: number; error?: string; retryAfter?: string } | { kind: 'drop' };

export interface RocketChatPost {
  path: string;
  body: Record<string, unknown> | null;
  status: number;
}

export interface FakeRocketChat {
  webhookUrl: string;
  /** Every POST, accepted or not. */
  requests: RocketChatPost[];
  /** Accepted messages only. */
  messages: Array<Record<string, unknown>>;
  script: RocketChatReply[];
  close(): Promise<void>;
}

export async function startFakeRocketChat(options: { integrationId?: string; token?: string; script?: RocketChatReply[] } = {}): Promise<FakeRocketChat> {
  const { integrationId = 'hZ3kq8nYp2', token = 'Kx9wLmQv7rT4sFbN2cJd' } = options;
  const path = `/hooks/${integrationId}/${token}`;
  const script = [...(options.script ?? [])];
  const requests: RocketChatPost[] = [];
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
    const record: RocketChatPost = { path: req.url ?? '', body, status: 0 };
    requests.push(record);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || req.url !== path) return answer(404, { success: false, error: 'Invalid integration id or token provided.' });
    const next = script.shift();
    if (next && 'kind' in next) {
      req.socket.destroy();
      return;
    }
    if (next) return answer(next.status, { success: false, error: next.error ?? 'error' }, next.retryAfter ? { 'retry-after': next.retryAfter } : {});
    const hasText = typeof body?.text === 'string' && body.text.length > 0;
    const hasAttachments = Array.isArray(body?.attachments) && (body.attachments as unknown[]).length > 0;
    if (!body || (!hasText && !hasAttachments)) return answer(400, { success: false, error: 'error-invalid-message' });
    messages.push(body);
    return answer(200, { success: true });
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

/** The JSON body Rocket.Chat's outgoing webhook POSTs for one message in a watched room. */
export function outgoingWebhookBody(fields: { token: string; text: string; channelName?: string; userName?: string; messageId?: string; bot?: false | { i: string }; tmid?: string }): Record<string, unknown> {
  return {
    token: fields.token,
    bot: fields.bot ?? false,
    channel_id: 'GENERAL',
    channel_name: fields.channelName ?? 'soporte-hilo',
    message_id: fields.messageId ?? 'Yk3bTq9cWnXr2mZa1',
    timestamp: '2026-11-22T12:00:00.000Z',
    user_id: 'u8Qw2ErTy',
    user_name: fields.userName ?? 'maria.agente',
    text: fields.text,
    siteUrl: 'https://chat.example.com',
    ...(fields.tmid ? { tmid: fields.tmid } : {}),
  };
}
