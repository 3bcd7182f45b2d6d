/**
 * The widget's WebSocket protocol (`src/channels/widget/protocol.ts`) on top of the transport's
 * `WsHandler`: hello → welcome with history, customer messages → turns → ack, live updates pushed
 * from `service.subscribe`. Bad frames are answered, not fatal, until there are too many.
 */
import type { ConversationService, ConversationUpdate } from '../../actors/conversation-service.js';
import {
  WIDGET_PROTOCOL_VERSION,
  type AckFrame,
  type ServerFrame,
  type WireIntro,
  type WireLang,
  type WireMessage,
} from '../../channels/widget/protocol.js';
import { ERROR_CODES, HiloError, isHiloError, type HiloErrorCode } from '../../kernel/errors.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import type { Logger } from '../../kernel/logger.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { WsConnection, WsHandler } from './transport.js';
import { HelloFrame, readFrame, readMessageFrame } from './widget-frames.js';
import { isStrongVisitorId, type ResumeTokens } from './resume-token.js';

/** Close codes of the widget protocol. */
export const WS_CLOSE = {
  /** Protocol violation: no valid hello, a weak new visitor id, or too many invalid frames. */
  PROTOCOL: 4400,
  /** No `hello` within the deadline (`helloTimeoutMs`): the socket held a slot and said nothing. */
  HELLO_TIMEOUT: 4402,
  /** `hello` for a visitor whose thread has messages, without that visitor's resume token. */
  RESUME_REFUSED: 4401,
  /** The tenant named in `hello` (or the URL) does not exist. */
  UNKNOWN_TENANT: 4404,
  /** Too many `hello` from this client IP: try again later (RFC 6455 1013). */
  TRY_AGAIN_LATER: 1013,
  /** The client does not read fast enough. */
  SLOW_CONSUMER: 4408,
  INTERNAL: 1011,
} as const;

const MAX_INVALID_FRAMES = 10;
const DEFAULT_SLOW_CONSUMER_BYTES = 1024 * 1024;

export interface WidgetSocketOptions {
  service: ConversationService;
  logger: Logger;
  /** Per visitor (`tenant:visitorId`) message limiter. */
  rateLimiter: RateLimiter;
  turnTimeoutMs: number;
  /** Close with 4408 when more than this many bytes are queued for a connection. */
  slowConsumerBytes?: number;
  /** The last open widget of a conversation disconnected (e.g. the LLM key pool frees its slot). */
  onDisconnect?: (tenantId: string, conversationId: string) => void;
  /** The tenant's greeting and suggestion chips, sent in `welcome` (none: the widget's own greeting). */
  intro?: (tenantId: string) => Record<WireLang, WireIntro> | undefined;
  /** Signs and checks resume tokens (`welcome.resumeToken`, `hello.resumeToken`). */
  resumeTokens: ResumeTokens;
  /** Per client IP limiter for `hello` (each new visitor id creates a contact): over it, error and close 1013. */
  helloLimiter?: RateLimiter;
  /**
   * Open widget sockets one client IP may hold (0: no cap). Each socket may make the server
   * library buffer one partial frame up to its hard limit before any callback (256 KiB, about
   * 235 KB of RSS each, measured), so sockets per address bound that memory. Over the cap the new
   * socket gets `HILO_ERR_RATE_LIMITED` and close 1013 at once.
   */
  maxSocketsPerIp?: number;
  /**
   * A socket that has not sent `hello` this long after opening gets `HILO_ERR_WS_HELLO_TIMEOUT` and
   * close 4402: otherwise it holds a per-IP slot (and the server's memory for it) forever. 0: no deadline.
   */
  helloTimeoutMs?: number;
}

type Phase = 'new' | 'opening' | 'ready' | 'closed';

/**
 * One widget connection. A class with every field set at construction, so every session has the
 * same small shape; an idle one holds no closure of its own but its thread's listener.
 */
class Session {
  phase: Phase = 'new';
  invalidFrames = 0;
  tenantId: string | undefined = undefined;
  visitorId: string | undefined = undefined;
  conversationId: string | undefined = undefined;
  lang: WireLang | undefined = undefined;
  /** Customer messages whose turn is running; a move waits for their acks. */
  inflight = 0;
  /** A move announced while messages were in flight: done after the last ack. */
  moveTo: string | null = null;
  /** Highest message seq sent to this client: later updates at or below it are duplicates. */
  lastSeq = 0;
  /** Updates that arrive while the welcome history is being fetched. */
  pending: ConversationUpdate[] | null = null;
  unsubscribe: (() => void) | undefined = undefined;
  /**
   * How hello ended (true: answered; false: failed, or closed first) once it has; while it runs,
   * the message frames waiting for it (a list made only when such a frame arrives) or null.
   */
  ready: boolean | ((ok: boolean) => void)[] | null = null;
  /** The `hello` deadline, until `hello` arrives or the socket closes. */
  helloTimer: NodeJS.Timeout | undefined = undefined;

  constructor(readonly conn: WsConnection) {}
}

/** Records how hello ended, once (the first outcome stays), and wakes the message frames waiting on it. */
function markReady(session: Session, ok: boolean): void {
  const waiting = session.ready;
  if (typeof waiting === 'boolean') return;
  session.ready = ok;
  if (waiting !== null) for (const wake of waiting) wake(ok);
}

/** Whether hello was answered: at once when it has ended, else when it ends. */
function whenReady(session: Session): boolean | Promise<boolean> {
  const ready = session.ready;
  if (typeof ready === 'boolean') return ready;
  return new Promise<boolean>((resolve) => {
    if (ready === null) session.ready = [resolve];
    else ready.push(resolve);
  });
}

/** A transcript line as the widget sees it; optional fields added in this order (the frame's key order), without spreading a literal per field. */
export function toWireMessage(entry: TranscriptEntry): WireMessage {
  const wire: WireMessage = { seq: entry.seq, id: entry.messageId, author: entry.author, text: entry.text, at: entry.at };
  if (entry.agentName !== undefined) wire.agentName = entry.agentName;
  if (entry.lang !== undefined) wire.lang = entry.lang;
  if (entry.options !== undefined && entry.options.length > 0) wire.options = entry.options.map((o) => ({ label: o.label, text: o.text }));
  // What the customer sent from another channel (a linked thread): kind and name, never provider ids.
  if (entry.media !== undefined && entry.media.length > 0) {
    wire.media = entry.media.map((m) => ({ kind: m.kind, ...(m.mimeType !== undefined ? { mimeType: m.mimeType } : {}), ...(m.fileName !== undefined ? { fileName: m.fileName } : {}) }));
  }
  return wire;
}

/**
 * `promise`, or `HILO_ERR_TURN_TIMEOUT` once `ms` have passed first (the work itself goes on).
 * One promise and one timer per call: `Promise.race` with a timeout promise and `finally` made four
 * promises per turn on every channel (issue 16).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HiloError('HILO_ERR_TURN_TIMEOUT')), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Re-reads the phase after an await (TypeScript keeps the narrowing from before it). */
function isClosed(session: Session): boolean {
  return session.phase === 'closed';
}

function errorCodeOf(err: unknown): HiloErrorCode {
  if (isHiloError(err) && err.code in ERROR_CODES) return err.code;
  return 'HILO_ERR_INTERNAL';
}

export function createWidgetSocketHandler(options: WidgetSocketOptions): WsHandler & { readonly openSessions: number } {
  const { service, rateLimiter, turnTimeoutMs } = options;
  const slowConsumerBytes = options.slowConsumerBytes ?? DEFAULT_SLOW_CONSUMER_BYTES;
  const log = options.logger.child({ component: 'widget-socket' });
  // Keyed by the connection object (the transport hands the same one to every callback).
  const sessions = new Map<WsConnection, Session>();
  const maxSocketsPerIp = options.maxSocketsPerIp ?? 0;
  const helloTimeoutMs = options.helloTimeoutMs ?? 0;
  /** Open sockets per client IP, and the connections counted there (a connection leaves it in `close`). */
  const socketsPerIp = new Map<string, number>();
  const counted = new Set<WsConnection>();

  const cleanup = (session: Session): void => {
    if (session.phase === 'closed') return;
    session.phase = 'closed';
    clearTimeout(session.helloTimer);
    session.pending = null;
    session.unsubscribe?.();
    session.unsubscribe = undefined;
    markReady(session, false);
    sessions.delete(session.conn);
    const { tenantId, conversationId } = session;
    if (options.onDisconnect !== undefined && tenantId !== undefined && conversationId !== undefined) {
      // Another tab of the same visitor keeps the conversation open.
      for (const other of sessions.values()) if (other.tenantId === tenantId && other.conversationId === conversationId) return;
      try {
        options.onDisconnect(tenantId, conversationId);
      } catch (err) {
        log.warn({ err }, 'disconnect listener failed');
      }
    }
  };

  const send = (session: Session, frame: ServerFrame): void => {
    if (session.phase === 'closed') return;
    session.conn.send(JSON.stringify(frame));
    if (session.conn.bufferedAmount() > slowConsumerBytes) {
      log.warn({ conn: session.conn.id, tenant: session.tenantId, buffered: session.conn.bufferedAmount() }, 'slow consumer closed');
      session.conn.close(WS_CLOSE.SLOW_CONSUMER, 'slow consumer');
      // The peer may never answer the close handshake; stop pushing to it now.
      cleanup(session);
    }
  };

  const sendError = (session: Session, code: HiloErrorCode, message?: string, clientMessageId?: string): void => {
    send(session, {
      type: 'error',
      code,
      message: message ?? ERROR_CODES[code].message,
      ...(clientMessageId !== undefined ? { clientMessageId } : {}),
    });
  };

  const protocolClose = (session: Session, code: HiloErrorCode, message?: string, closeCode: number = WS_CLOSE.PROTOCOL): void => {
    sendError(session, code, message);
    session.conn.close(closeCode, closeCode === WS_CLOSE.PROTOCOL ? 'protocol error' : code);
    cleanup(session);
  };

  const invalidFrame = (session: Session, message: string, clientMessageId?: string): void => {
    session.invalidFrames += 1;
    if (session.invalidFrames >= MAX_INVALID_FRAMES) {
      protocolClose(session, 'HILO_ERR_WS_INVALID_FRAME', 'Too many invalid frames.');
      return;
    }
    sendError(session, 'HILO_ERR_WS_INVALID_FRAME', message, clientMessageId);
  };

  const forward = (session: Session, update: ConversationUpdate): void => {
    if (update.type === 'typing') {
      send(session, { type: 'typing', on: update.on });
      return;
    }
    if (update.type === 'delta') {
      send(session, { type: 'delta', replyId: update.replyId, text: update.text, ...(update.reset ? { reset: true } : {}) });
      return;
    }
    if (update.type === 'moved') {
      // The visitor proved to be the same customer as an older thread: follow it with a fresh welcome.
      moveTo(session, update.conversationId);
      return;
    }
    if (update.entry.seq <= session.lastSeq) return;
    session.lastSeq = update.entry.seq;
    send(session, { type: 'message', message: toWireMessage(update.entry) });
  };

  /** The session's update listener, made here so it keeps only the session (not `openThread`'s locals). */
  const listenerOf = (session: Session) => (update: ConversationUpdate): void => {
    if (isClosed(session)) return;
    if (session.pending !== null) session.pending.push(update);
    else forward(session, update);
  };

  /**
   * Subscribes to a thread and sends `welcome` with its history after `fromSeq`. Subscribing
   * comes before reading history so nothing recorded in between is missed; the buffer holds live
   * updates until the history is out, then drops what the history already had.
   */
  const openThread = async (session: Session, conversationId: string, fromSeq: number): Promise<void> => {
    const tenant = session.tenantId as string;
    session.conversationId = conversationId;
    session.pending = [];
    session.unsubscribe = service.subscribe(tenant, conversationId, listenerOf(session));
    const history = await service.history(tenant, conversationId, fromSeq);
    if (isClosed(session)) return;
    session.lastSeq = Math.max(fromSeq, ...history.map((entry) => entry.seq));
    // The conversation's language is the one its last reply was written in; the page's guess otherwise.
    const lang = history.findLast((entry) => entry.direction === 'out' && entry.lang !== undefined)?.lang ?? session.lang ?? 'es';
    const intro = options.intro?.(tenant);
    send(session, {
      type: 'welcome',
      v: WIDGET_PROTOCOL_VERSION,
      conversationId,
      history: history.map(toWireMessage),
      lang,
      ...(intro !== undefined ? { intro } : {}),
      resumeToken: options.resumeTokens.issue(tenant, session.visitorId as string),
    });
    const buffered = session.pending;
    session.pending = null;
    session.phase = 'ready';
    for (const update of buffered) forward(session, update);
  };

  /** Follows a `moved` update: leaves the old thread and welcomes the visitor to the linked one, full history. */
  const moveTo = (session: Session, conversationId: string): void => {
    if (isClosed(session) || session.conversationId === conversationId) return;
    // The message that proved the identity is acked on the old thread first, so the widget never
    // applies an old-thread seq to the new thread's history (nor sends that message again).
    if (session.inflight > 0) {
      session.moveTo = conversationId;
      return;
    }
    session.moveTo = null;
    session.unsubscribe?.();
    session.unsubscribe = undefined;
    openThread(session, conversationId, 0).then(
      () => log.info({ conn: session.conn.id, tenant: session.tenantId, conversationId }, 'widget moved to the linked thread'),
      (err: unknown) => {
        log.error({ conn: session.conn.id, tenant: session.tenantId, code: errorCodeOf(err), err }, 'move failed');
        sendError(session, errorCodeOf(err));
        session.conn.close(WS_CLOSE.INTERNAL, 'move failed');
        cleanup(session);
      },
    );
  };

  const onHello = async (session: Session, raw: unknown): Promise<void> => {
    const queryTenant = session.conn.query.get('tenant');
    const hello = readFrame(HelloFrame, raw);
    if (!hello.ok) return protocolClose(session, 'HILO_ERR_WS_INVALID_FRAME', hello.problem);
    const { tenant, visitorId, lang, lastSeq, resumeToken } = hello.value;
    // The URL names the tenant (proxies, logs and the widget's own config see it there); `hello` must agree.
    if (queryTenant === null || queryTenant === '') return protocolClose(session, 'HILO_ERR_WS_TENANT_REQUIRED');
    if (typeof tenant !== 'string' || queryTenant !== tenant || !service.hasTenant(tenant)) {
      return protocolClose(session, 'HILO_ERR_TENANT_NOT_FOUND', undefined, WS_CLOSE.UNKNOWN_TENANT);
    }
    if (options.helloLimiter && !options.helloLimiter.take(`hello:${session.conn.ip}`).allowed) {
      return protocolClose(session, 'HILO_ERR_RATE_LIMITED', undefined, WS_CLOSE.TRY_AGAIN_LATER);
    }
    // Without this visitor's resume token, only a new, unguessable visitor id gets a thread.
    const resumed = options.resumeTokens.verify(tenant, visitorId, resumeToken);
    if (!resumed && !isStrongVisitorId(visitorId)) {
      return protocolClose(session, 'HILO_ERR_WS_VISITOR_ID_WEAK');
    }
    session.phase = 'opening';
    session.tenantId = tenant;
    session.visitorId = visitorId;
    session.lang = lang ?? 'es';
    try {
      const conversationId = await service.resolveConversation(tenant, 'web', visitorId);
      if (isClosed(session)) return;
      if (!resumed && (await service.history(tenant, conversationId, 0)).length > 0) {
        // The thread has messages and this socket cannot prove it is that visitor's browser.
        log.warn({ conn: session.conn.id, tenant, conversationId, tokenGiven: resumeToken !== undefined }, 'widget resume refused: no valid resume token');
        return protocolClose(session, 'HILO_ERR_WS_RESUME_REFUSED', undefined, WS_CLOSE.RESUME_REFUSED);
      }
      if (isClosed(session)) return;
      await openThread(session, conversationId, lastSeq ?? 0);
      if (isClosed(session)) return;
      log.debug({ conn: session.conn.id, tenant, conversationId }, 'widget connected');
      markReady(session, true);
    } catch (err) {
      const code = errorCodeOf(err);
      log.error({ conn: session.conn.id, tenant, code, err }, 'hello failed');
      sendError(session, code, isHiloError(err) ? err.message : undefined);
      // A store that could not be reached (HILO_ERR_TURN_FAILED) passes: "try again later", not a server bug.
      session.conn.close(code === 'HILO_ERR_TURN_FAILED' ? WS_CLOSE.TRY_AGAIN_LATER : WS_CLOSE.INTERNAL, 'hello failed');
      cleanup(session);
    }
  };

  const onMessage = async (session: Session, raw: Record<string, unknown>): Promise<void> => {
    const id = typeof raw.clientMessageId === 'string' ? raw.clientMessageId : undefined;
    // The channel-boundary normalisation (docs/channels.md "Inbound text") runs before the length check.
    const message = readMessageFrame(raw);
    if (!message.ok) return invalidFrame(session, message.problem, id);
    const { clientMessageId, text: trimmed } = message.value;
    if (!(await whenReady(session))) return;
    const tenantId = session.tenantId as string;
    const visitorId = session.visitorId as string;
    if (!rateLimiter.take(`${tenantId}:web:${visitorId}`).allowed) {
      return sendError(session, 'HILO_ERR_RATE_LIMITED', undefined, id);
    }
    session.inflight += 1;
    try {
      const result = await withTimeout(
        service.handleMessage({ tenantId, channel: 'web', senderId: visitorId, messageId: `web:${visitorId}:${clientMessageId}`, text: trimmed, clientIp: session.conn.ip }),
        turnTimeoutMs,
      );
      // A duplicate that the service cannot place reports seq 0: the message was already recorded.
      // A card number typed into the chat was masked before it was recorded: the widget replaces its own copy.
      const recorded = result.inbound?.text;
      const ack: AckFrame = { type: 'ack', clientMessageId, seq: result.inbound?.seq ?? 0 };
      if (recorded !== undefined && recorded !== trimmed) ack.text = recorded;
      send(session, ack);
    } catch (err) {
      const code = errorCodeOf(err);
      log.warn({ conn: session.conn.id, tenant: tenantId, conversationId: session.conversationId, code }, 'widget message failed');
      sendError(session, code, undefined, id);
    } finally {
      session.inflight -= 1;
      if (session.inflight === 0 && session.moveTo !== null) moveTo(session, session.moveTo);
    }
  };

  return {
    open(conn) {
      const open = socketsPerIp.get(conn.ip) ?? 0;
      if (maxSocketsPerIp > 0 && open >= maxSocketsPerIp) {
        log.warn({ conn: conn.id, open }, 'widget socket refused: too many open from one address');
        conn.send(JSON.stringify({ type: 'error', code: 'HILO_ERR_RATE_LIMITED', message: 'Too many open widget sockets from this address; close one or try again later.' } satisfies ServerFrame));
        conn.close(WS_CLOSE.TRY_AGAIN_LATER, 'HILO_ERR_RATE_LIMITED');
        return;
      }
      socketsPerIp.set(conn.ip, open + 1);
      counted.add(conn);
      const session = new Session(conn);
      sessions.set(conn, session);
      if (helloTimeoutMs > 0) {
        session.helloTimer = setTimeout(() => {
          session.helloTimer = undefined;
          if (session.phase !== 'new') return;
          log.info({ conn: conn.id }, 'widget socket closed: no hello in time');
          protocolClose(session, 'HILO_ERR_WS_HELLO_TIMEOUT', undefined, WS_CLOSE.HELLO_TIMEOUT);
        }, helloTimeoutMs);
        session.helloTimer.unref?.();
      }
    },

    message(conn, text) {
      const session = sessions.get(conn);
      if (!session || session.phase === 'closed') return;
      let frame: unknown;
      try {
        frame = JSON.parse(text);
      } catch {
        frame = undefined;
      }
      const type = typeof frame === 'object' && frame !== null && !Array.isArray(frame) ? (frame as { type?: unknown }).type : undefined;
      if (session.phase === 'new') {
        clearTimeout(session.helloTimer);
        session.helloTimer = undefined;
        if (type !== 'hello') {
          return protocolClose(session, type === undefined ? 'HILO_ERR_WS_INVALID_FRAME' : 'HILO_ERR_WS_NOT_READY');
        }
        void onHello(session, frame);
        return;
      }
      switch (type) {
        case 'ping':
          send(session, { type: 'pong' });
          return;
        case 'message':
          onMessage(session, frame as Record<string, unknown>).catch((err: unknown) => {
            log.error({ conn: conn.id, err }, 'message handling failed');
          });
          return;
        case 'hello':
          invalidFrame(session, 'hello was already received.');
          return;
        default:
          invalidFrame(session, type === undefined ? 'Frame is not a JSON object with a "type".' : 'Unknown frame type.');
      }
    },

    tooLarge(conn) {
      // The transport closes with 1009 right after: say why first (docs/protocol.md "Limits").
      const session = sessions.get(conn);
      if (session) sendError(session, 'HILO_ERR_WS_FRAME_TOO_LARGE');
    },

    close(conn) {
      const session = sessions.get(conn);
      if (session) cleanup(session);
      if (counted.delete(conn)) {
        const left = (socketsPerIp.get(conn.ip) ?? 1) - 1;
        if (left > 0) socketsPerIp.set(conn.ip, left);
        else socketsPerIp.delete(conn.ip);
      }
    },

    get openSessions() {
      return sessions.size;
    },
  };
}
