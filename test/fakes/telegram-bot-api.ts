import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server.js';

/**
 * A fake Telegram Bot API on loopback: `POST /bot<token>/sendMessage`, `setWebhook` (remembers
 * `url` and `secret_token`), `getMe`; answers `{ ok: true, result }` or
 * `{ ok: false, error_code, description, parameters? }` with scripted 429 (`retry_after`),
 * 403 (bot blocked), 400 (chat not found) and 5xx. `deliverUpdate` posts an Update to the
 * registered webhook with `X-Telegram-Bot-Api-Secret-Token`, as Telegram does.
 */

export type TelegramReply =
  | { kind: 'ok' }
  | { kind: 'error'; status: number; description: string; retryAfter?: number };

export const telegramReply = {
  ok: (): TelegramReply => ({ kind: 'ok' }),
  tooManyRequests: (retryAfter: number): TelegramReply => ({ kind: 'error', status: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter }),
  blocked: (): TelegramReply => ({ kind: 'error', status: 403, description: 'Forbidden: bot was blocked by the user' }),
  chatNotFound: (): TelegramReply => ({ kind: 'error', status: 400, description: 'Bad Request: chat not found' }),
  serverError: (): TelegramReply => ({ kind: 'error', status: 502, description: 'Bad Gateway' }),
};

export interface TelegramApiRequest {
  method: string;
  body: Record<string, unknown> | null;
  status: number;
  /** The `result.message_id` answered, when the message was sent. */
  messageId?: number;
}

export interface FakeTelegramApi {
  baseUrl: string;
  requests: TelegramApiRequest[];
  script: TelegramReply[];
  webhook: { url: string; secretToken: string | undefined } | null;
  deliverUpdate(update: unknown): Promise<number>;
  close(): Promise<void>;
}

export async function startFakeTelegramApi({ botToken, script = [] }: { botToken: string; script?: TelegramReply[] }): Promise<FakeTelegramApi> {
  const requests: TelegramApiRequest[] = [];
  const queue = [...script];
  const nextMessageId = new Map<string, number>();
  const state: { webhook: FakeTelegramApi['webhook'] } = { webhook: null };

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      body = null;
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const record: TelegramApiRequest = { method: m?.[2] ?? '', body, status: 0 };
    requests.push(record);
    const reply = (status: number, payload: unknown): void => {
      record.status = status;
      answer(res, status, payload);
    };
    if (!m || m[1] !== botToken) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    if (m[2] === 'getMe') return reply(200, { ok: true, result: { id: 7000000001, is_bot: true, first_name: 'Hilo', username: 'hilo_test_bot' } });
    if (m[2] === 'setWebhook') {
      if (typeof body?.url !== 'string') return reply(400, { ok: false, error_code: 400, description: 'Bad Request: bad webhook: URL is required' });
      state.webhook = { url: body.url, secretToken: typeof body.secret_token === 'string' ? body.secret_token : undefined };
      return reply(200, { ok: true, result: true, description: 'Webhook was set' });
    }
    if (m[2] !== 'sendMessage') return reply(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    const chatId = body?.chat_id;
    if ((typeof chatId !== 'string' && typeof chatId !== 'number') || typeof body?.text !== 'string' || body.text.length === 0) {
      return reply(400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    }
    if (body.text.length > 4096) return reply(400, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    const next = queue.shift() ?? telegramReply.ok();
    if (next.kind === 'error') {
      return reply(next.status, { ok: false, error_code: next.status, description: next.description, ...(next.retryAfter !== undefined ? { parameters: { retry_after: next.retryAfter } } : {}) });
    }
    const id = (nextMessageId.get(String(chatId)) ?? 100) + 1;
    nextMessageId.set(String(chatId), id);
    record.messageId = id;
    reply(200, { ok: true, result: { message_id: id, from: { id: 7000000001, is_bot: true, first_name: 'Hilo' }, chat: { id: Number(chatId), type: 'private' }, date: 1763812800, text: body.text } });
  };

  const server = await startLoopbackServer(handle);
  const { port } = server;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script: queue,
    get webhook() {
      return state.webhook;
    },
    async deliverUpdate(update) {
      if (!state.webhook) throw new Error('setWebhook was not called');
      const res = await fetch(state.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(state.webhook.secretToken ? { 'x-telegram-bot-api-secret-token': state.webhook.secretToken } : {}) },
        body: JSON.stringify(update),
      });
      return res.status;
    },
    close: () => server.close(),
  };
}

/** A private-chat text Update as Telegram sends it. */
export function telegramTextUpdate(updateId: number, text: string, chatId = 555000111): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: updateId - 1000,
      from: { id: chatId, is_bot: false, first_name: 'Ana', language_code: 'es' },
      chat: { id: chatId, first_name: 'Ana', type: 'private' },
      date: 1763812800,
      text,
    },
  };
}
