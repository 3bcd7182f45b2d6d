/**
 * `GET /console/ws`: the agent console's live socket. The upgrade needs a valid session cookie
 * and this server's own `Origin` (a page elsewhere cannot ride the cookie); refused upgrades get
 * 401 / 403 and no socket. Every socket of a tenant gets its inbox changes; transcript lines and
 * notes only for the conversations it watches.
 */
import { z } from 'zod';
import type { Logger } from '../../kernel/logger.js';
import { transcriptLine, type ConsoleActor, type ConsoleAuth, type ConsoleHost, type InboxFeed } from '../../actors/console/index.js';
import type { WsConnection, WsRoute } from '../gateway/index.js';
import { allowedOrigins, sessionCookie } from './console-http.js';

export const CONSOLE_WS_PATH = '/console/ws';
const MAX_WATCHES = 20;

const Frame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('watch'), conversationId: z.string().min(1).max(128) }),
  z.strictObject({ type: z.literal('unwatch'), conversationId: z.string().min(1).max(128) }),
  z.strictObject({ type: z.literal('ping') }),
]);

interface Client {
  actor: ConsoleActor;
  watches: Map<string, () => void>;
  offFeed: () => void;
}

export function createConsoleSocket(options: { auth: ConsoleAuth; host: ConsoleHost; feed: InboxFeed; publicUrl: string | null; logger: Logger }): WsRoute & { closeAll(): void } {
  const { auth, host, feed } = options;
  const log = options.logger.child({ component: 'console-ws' });
  const clients = new Map<WsConnection, Client>();
  const send = (conn: WsConnection, frame: unknown) => conn.send(JSON.stringify(frame));
  const error = (conn: WsConnection, code: string, message: string) => send(conn, { type: 'error', code, message });

  return {
    path: CONSOLE_WS_PATH,
    maxPayloadBytes: 4 * 1024,
    idleTimeoutSeconds: 120,
    maxBackpressureBytes: 2 * 1024 * 1024,
    async upgrade(req) {
      const origin = req.headers.origin;
      if (!origin || !allowedOrigins(req.headers, options.publicUrl).includes(origin)) return { accept: false, status: 403 };
      const cookie = sessionCookie(req.headers);
      const actor = cookie ? await auth.authenticate(cookie) : null;
      if (!actor) return { accept: false, status: 401 };
      return { accept: true, attachment: actor };
    },
    handler: {
      open(conn) {
        const actor = conn.attachment as ConsoleActor;
        const client: Client = { actor, watches: new Map(), offFeed: () => undefined };
        client.offFeed = feed.subscribe(actor.tenantId, (event) => {
          if (event.type === 'note' && !client.watches.has(event.conversationId)) return;
          send(conn, event);
        });
        clients.set(conn, client);
        log.debug({ tenant: actor.tenantId, conn: conn.id }, 'console socket open');
      },
      message(conn, text) {
        const client = clients.get(conn);
        if (!client) return;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          error(conn, 'HILO_ERR_WS_INVALID_FRAME', 'Frames are JSON.');
          return;
        }
        const frame = Frame.safeParse(value);
        if (!frame.success) {
          error(conn, 'HILO_ERR_WS_INVALID_FRAME', 'Expected {"type":"watch"|"unwatch","conversationId"} or {"type":"ping"}.');
          return;
        }
        const f = frame.data;
        if (f.type === 'ping') {
          send(conn, { type: 'pong' });
          return;
        }
        if (f.type === 'unwatch') {
          client.watches.get(f.conversationId)?.();
          client.watches.delete(f.conversationId);
          return;
        }
        if (client.watches.has(f.conversationId)) return;
        if (client.watches.size >= MAX_WATCHES) {
          error(conn, 'HILO_ERR_WS_INVALID_FRAME', `Watch at most ${MAX_WATCHES} conversations at once.`);
          return;
        }
        const { tenantId } = client.actor;
        // Subscribe first, then check: a line recorded in between is not lost.
        const off = host.subscribe(tenantId, f.conversationId, (update) => {
          if (update.type === 'message') send(conn, { type: 'message', conversationId: f.conversationId, entry: transcriptLine(update.entry) });
        });
        client.watches.set(f.conversationId, off);
        host
          .getConversation(tenantId, f.conversationId)
          .then((view) => {
            if (view !== null) return;
            off();
            client.watches.delete(f.conversationId);
            error(conn, 'HILO_ERR_CONVERSATION_NOT_FOUND', 'Unknown conversation.');
          })
          .catch((err: unknown) => log.warn({ err }, 'watch check failed'));
      },
      close(conn) {
        const client = clients.get(conn);
        if (!client) return;
        clients.delete(conn);
        client.offFeed();
        for (const off of client.watches.values()) off();
      },
    },
    closeAll() {
      for (const conn of [...clients.keys()]) conn.close(1001, 'server closing');
    },
  };
}
