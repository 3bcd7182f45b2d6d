/**
 * `GET /console/ws`: the agent console's live socket. The upgrade needs this server's own `Origin`
 * (a page elsewhere cannot ride the cookie) and a session cookie: without them it is refused with
 * 403 / 401 and no socket. The session itself is looked up right after the socket opens (the
 * upgrade check must be synchronous, see `WsRoute.upgrade`): until it is confirmed the socket
 * sends nothing and holds the client's frames; an unknown or expired session gets an
 * `HILO_ERR_AUTH_MISSING` error frame and close code 4401. Every socket of a tenant gets its inbox changes; transcript lines and
 * notes only for the conversations it watches.
 *
 * The session is checked again every `sessionCheckMs` (a minute) without counting as activity:
 * a socket whose session ended since — logout, expiry, a changed password, a deleted agent — gets
 * the same error frame and 4401, instead of streaming the inbox and transcripts on for as long as
 * the page stays open. A socket that stops reading is closed with 4408 once 1 MiB waits for it
 * (`CONSOLE_SLOW_CONSUMER_BYTES`), rather than having frames dropped past the transport's cap.
 */
import { z } from 'zod';
import type { Logger } from '../../kernel/logger.js';
import { transcriptLine, type ConsoleActor, type ConsoleAuth, type ConsoleHost, type InboxFeed } from '../../actors/console/index.js';
import type { WsConnection, WsRoute } from '../gateway/index.js';
import { allowedOrigins, sessionCookie } from './console-http.js';

export const CONSOLE_WS_PATH = '/console/ws';
const MAX_WATCHES = 20;
/** Frames a client may send before its session is confirmed (the page sends its watches at once). */
const MAX_PENDING_FRAMES = MAX_WATCHES + 5;
/** Close code for a socket whose session cookie is unknown or expired (as HTTP 401). */
export const CONSOLE_WS_CLOSE_SESSION = 4401;

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

/** Close code for a socket that stopped reading (as the widget's, `WS_CLOSE.SLOW_CONSUMER`). */
export const CONSOLE_WS_CLOSE_SLOW = 4408;
/**
 * Bytes a console socket may have waiting to be written before it is closed as a slow consumer:
 * below its 2 MiB backpressure cap, past which the transports drop a frame without a word — the
 * page would go on showing an inbox with holes in it. Closed, it reconnects and loads it again.
 */
export const CONSOLE_SLOW_CONSUMER_BYTES = 1024 * 1024;

/** How often an open console socket's session is checked again. */
export const CONSOLE_SESSION_CHECK_MS = 60_000;

export function createConsoleSocket(options: { auth: ConsoleAuth; host: ConsoleHost; feed: InboxFeed; publicUrl: string | null; logger: Logger; sessionCheckMs?: number }): WsRoute & { closeAll(): void } {
  const { auth, host, feed } = options;
  const log = options.logger.child({ component: 'console-ws' });
  const clients = new Map<WsConnection, Client>();
  /** Sockets whose session is being looked up, with the frames they sent meanwhile. */
  const pending = new Map<WsConnection, string[]>();
  const send = (conn: WsConnection, frame: unknown): void => {
    if (!conn.send(JSON.stringify(frame))) return;
    const buffered = conn.bufferedAmount();
    if (buffered > CONSOLE_SLOW_CONSUMER_BYTES) {
      log.warn({ conn: conn.id, buffered }, 'console slow consumer closed');
      // Nothing more is pushed to it, even before the peer answers the close (it may never).
      pending.delete(conn);
      drop(conn);
      conn.close(CONSOLE_WS_CLOSE_SLOW, 'slow consumer');
    }
  };
  const error = (conn: WsConnection, code: string, message: string) => send(conn, { type: 'error', code, message });
  const sessionEnded = (conn: WsConnection): void => {
    error(conn, 'HILO_ERR_AUTH_MISSING', 'Log in first: no console session, or it expired.');
    conn.close(CONSOLE_WS_CLOSE_SESSION, 'session ended');
  };
  let checking = false;
  const recheck = async (): Promise<void> => {
    if (checking) return;
    checking = true;
    try {
      for (const [conn, client] of [...clients]) {
        // A store that fails is no proof the session ended: the socket stays, the next check decides.
        const actor = await auth.authenticate(conn.attachment as string, { touch: false }).catch((err: unknown) => {
          log.warn({ err, conn: conn.id }, 'console socket session check failed');
          return undefined;
        });
        if (actor === null && clients.get(conn) === client) {
          // Nothing more reaches it from here, even before the close completes.
          drop(conn);
          sessionEnded(conn);
        }
        else if (actor) client.actor = actor;
      }
    } finally {
      checking = false;
    }
  };
  function drop(conn: WsConnection): void {
    const client = clients.get(conn);
    if (!client) return;
    clients.delete(conn);
    client.offFeed();
    for (const off of client.watches.values()) off();
  }
  const timer = setInterval(() => void recheck(), options.sessionCheckMs ?? CONSOLE_SESSION_CHECK_MS);
  timer.unref();

  return {
    path: CONSOLE_WS_PATH,
    maxPayloadBytes: 4 * 1024,
    idleTimeoutSeconds: 120,
    maxBackpressureBytes: 2 * 1024 * 1024,
    upgrade(req) {
      const origin = req.headers.origin;
      if (!origin || !allowedOrigins(req.headers, options.publicUrl).includes(origin)) return { accept: false, status: 403 };
      const cookie = sessionCookie(req.headers);
      if (!cookie) return { accept: false, status: 401 };
      return { accept: true, attachment: cookie };
    },
    handler: {
      open(conn) {
        pending.set(conn, []);
        auth
          .authenticate(conn.attachment as string)
          .catch((err: unknown) => {
            log.warn({ err, conn: conn.id }, 'console socket session lookup failed');
            return null;
          })
          .then((actor) => {
            const held = pending.get(conn);
            if (held === undefined) return; // closed meanwhile
            pending.delete(conn);
            if (!actor) {
              sessionEnded(conn);
              return;
            }
            const client: Client = { actor, watches: new Map(), offFeed: () => undefined };
            client.offFeed = feed.subscribe(actor.tenantId, (event) => {
              if (event.type === 'note' && !client.watches.has(event.conversationId)) return;
              send(conn, event);
            });
            clients.set(conn, client);
            log.debug({ tenant: actor.tenantId, conn: conn.id }, 'console socket open');
            for (const text of held) onFrame(conn, client, text);
          })
          .catch((err: unknown) => log.error({ err, conn: conn.id }, 'console socket open failed'));
      },
      message(conn, text) {
        const held = pending.get(conn);
        if (held !== undefined) {
          if (held.length < MAX_PENDING_FRAMES) held.push(text);
          else error(conn, 'HILO_ERR_WS_INVALID_FRAME', 'Too many frames before the session was confirmed.');
          return;
        }
        const client = clients.get(conn);
        if (!client) return;
        onFrame(conn, client, text);
      },
      close(conn) {
        pending.delete(conn);
        drop(conn);
      },
    },
    closeAll() {
      clearInterval(timer);
      for (const conn of [...pending.keys(), ...clients.keys()]) conn.close(1001, 'server closing');
    },
  };

  function onFrame(conn: WsConnection, client: Client, text: string): void {
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
  }
}
