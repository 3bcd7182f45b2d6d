/**
 * The uWebSockets.js adapter. uWS objects are only valid synchronously inside their callbacks and
 * until `onAborted`/`end`, so everything the app needs is copied before the first await, every
 * late write is corked, and nothing is written to an aborted response.
 */
import { createRequire } from 'node:module';
import type * as Uws from 'uWebSockets.js';
import type { Logger } from '../../kernel/logger.js';
import {
  bodyTooLargeResponse,
  declaredLength,
  declaredOverLimit,
  hasBody,
  headersOverLimit,
  headersTooLargeResponse,
  malformedResponse,
  MAX_HEADER_BYTES,
  TOO_LARGE_DRAIN_BYTES,
  internalErrorResponse,
  clientIp,
  statusLine,
  strictUtf8Text,
  errorResponse,
  wsHandshakeRefusal,
} from './transport-shared.js';
import { HiloError } from '../../kernel/errors.js';
import { WS_CLOSE_INVALID_UTF8, WS_CLOSE_TOO_BIG, WS_INVALID_UTF8_REASON, wsHardLimitBytes, wsRoutesOf, type HttpResponse, type Transport, type TransportListenOptions, type WsConnection, type WsUpgradeDecision } from './transport.js';

type UwsModule = typeof Uws;

/**
 * What a uWS socket carries: only its connection, made at the upgrade (uWS copies every field of
 * the user data onto its socket object, so one field keeps an idle socket small).
 */
interface SocketData {
  conn: UwsConnection;
}

/**
 * One widget or console connection. Frames sent in one tick (a turn's lines, the typing flag and
 * the ack) are queued and written together inside one `ws.cork` at the end of the tick: one
 * socket write instead of one per frame. Order is kept, `close` writes what is queued before
 * the close frame, and `bufferedAmount` counts the queued bytes.
 *
 * An idle connection holds only what it was opened with: the queue exists while frames wait, and
 * the query is parsed when read (the widget reads it once, at `hello`).
 */
class UwsConnection implements WsConnection {
  /** Its number, set when uWS opens the socket (the object is made at the upgrade, before there is one). */
  #n = 0;
  closed = false;
  #ws: Uws.WebSocket<SocketData> | null = null;
  /** Frames waiting for the end of the tick, and their UTF-8 bytes (counted once per frame). */
  #queued: { frames: string[]; bytes: number } | null = null;
  readonly #rawQuery: string;
  /** The open connections of the transport, as a list through the connections themselves (see `OpenList`). */
  prev: UwsConnection | null = null;
  next: UwsConnection | null = null;
  constructor(
    readonly ip: string,
    rawQuery: string,
    readonly attachment: unknown = undefined,
  ) {
    this.#rawQuery = rawQuery;
  }

  /** The upgrade request's query, parsed on each read (nothing kept per idle connection). */
  get query(): URLSearchParams {
    return new URLSearchParams(this.#rawQuery);
  }

  /** `u<number>`, made when read (logs): no string is kept per idle connection. */
  get id(): string {
    return `u${this.#n}`;
  }

  /** Whether uWS has opened the socket. */
  get isOpen(): boolean {
    return this.#n !== 0;
  }

  /** uWS opened the socket: from here frames can be written. */
  opened(n: number, ws: Uws.WebSocket<SocketData>): void {
    this.#n = n;
    this.#ws = ws;
  }

  send(text: string): boolean {
    if (this.closed) return false;
    if (this.#queued === null) {
      this.#queued = { frames: [], bytes: 0 };
      queueMicrotask(() => this.#flush());
    }
    this.#queued.frames.push(text);
    this.#queued.bytes += Buffer.byteLength(text);
    return true;
  }

  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.#flush();
    this.closed = true;
    this.#ws?.end(code, reason);
  }

  bufferedAmount(): number {
    if (this.closed || this.#ws === null) return 0;
    // Kept with the queue, which exists only while frames wait (nothing more per idle connection).
    return this.#ws.getBufferedAmount() + (this.#queued === null ? 0 : this.#queued.bytes);
  }

  /** Writes the queued frames in one corked batch; nothing once the socket closed (it is gone). */
  #flush(): void {
    const frames = this.#queued?.frames;
    if (frames === undefined) return;
    this.#queued = null;
    const ws = this.#ws;
    if (this.closed || ws === null || frames.length === 0) return;
    // A frame over the backpressure limit is dropped by uWS (send returns 2), as before the batching.
    if (frames.length === 1) ws.send(frames[0] as string, false, false);
    else ws.cork(() => { for (const frame of frames) ws.send(frame, false, false); });
  }
}

/** uWS's reason when its parser refused a text frame's UTF-8 (`ERR_INVALID_TEXT`). */
const UWS_INVALID_TEXT = 'Received invalid UTF-8';
/**
 * uWS's reason when a frame was over `maxPayloadLength` (`ERR_TOO_BIG_MESSAGE`). Like the UTF-8
 * refusal it closes the TCP socket with no close frame (the client sees 1006), and no setting
 * changes that: `closeOnBackpressureLimit` is about sending, and a `maxPayloadLength` large enough
 * to answer any frame would let one connection make uWS buffer that much. So frames between the
 * route's limit and `wsHardLimitBytes` get the error frame and 1009; larger ones only this log.
 */
const UWS_TOO_BIG = 'Received too big message';

/** uWS's close reason, when it is one of its own refusals (a short latin-1 string). */
function uwsRefusal(code: number, reason: ArrayBuffer): string | null {
  if (code !== 1006 || (reason.byteLength !== UWS_INVALID_TEXT.length && reason.byteLength !== UWS_TOO_BIG.length)) return null;
  const text = Buffer.from(reason).toString('latin1');
  return text === UWS_INVALID_TEXT || text === UWS_TOO_BIG ? text : null;
}

/**
 * The open connections (for `close`), linked through their own `prev`/`next`: two fields on each
 * connection instead of an entry in a Set.
 */
class OpenList {
  #head: UwsConnection | null = null;

  add(conn: UwsConnection): void {
    conn.prev = null;
    conn.next = this.#head;
    if (this.#head !== null) this.#head.prev = conn;
    this.#head = conn;
  }

  delete(conn: UwsConnection): void {
    if (conn.prev !== null) conn.prev.next = conn.next;
    else if (this.#head === conn) this.#head = conn.next;
    else return;
    if (conn.next !== null) conn.next.prev = conn.prev;
    conn.prev = null;
    conn.next = null;
  }

  /** The connections now in the list, oldest first. */
  toArray(): UwsConnection[] {
    const all: UwsConnection[] = [];
    for (let conn = this.#head; conn !== null; conn = conn.next) all.push(conn);
    return all.reverse();
  }
}

/**
 * uWS's own ceiling for a request's whole header block (request line included), four times what
 * Hilo reads (`MAX_HEADER_BYTES`): requests up to it reach Hilo and are refused in the API's JSON
 * (`414` for a URL over 8 KiB, `431` for header fields over 16 KiB); only a block larger still gets
 * uWS's own HTML 431, which no JavaScript can change. The cost: a client may make uWS hold this
 * much of an unfinished header block per connection, for uWS's 10 s header timeout.
 */
export const UWS_MAX_HEADER_BYTES = 4 * MAX_HEADER_BYTES;

async function loadUws(): Promise<UwsModule> {
  // The package is CommonJS with a native binary; `require` surfaces the loader's error as is.
  const require = createRequire(import.meta.url);
  // uWS reads its request-header limit once, when the binary loads, and answers a larger header
  // block with its own HTML 431. Its 4 KiB default refused a 4 KB query before any Hilo route
  // could answer in JSON; at 16 KiB a 20 KB URL still got the HTML page (harden20). Above Hilo's
  // own limits, the JSON refusals reach every request up to UWS_MAX_HEADER_BYTES. An operator's
  // own UWS_HTTP_MAX_HEADERS_SIZE is kept.
  process.env.UWS_HTTP_MAX_HEADERS_SIZE ??= String(UWS_MAX_HEADER_BYTES);
  return require('uWebSockets.js') as UwsModule;
}

function copyHeaders(req: Uws.HttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  req.forEach((key, value) => {
    const existing = headers[key];
    headers[key] = existing === undefined ? value : `${existing}, ${value}`;
  });
  return headers;
}

function writeResponse(res: Uws.HttpResponse, response: HttpResponse, closeConnection = false): void {
  res.cork(() => {
    res.writeStatus(statusLine(response.status));
    for (const [name, value] of Object.entries(response.headers)) {
      // uWS writes Content-Length itself; a second one would corrupt the response.
      const lower = name.toLowerCase();
      if (lower === 'content-length') continue;
      if (lower === 'connection' && value === 'close') {
        closeConnection = true;
        continue;
      }
      res.writeHeader(name, value);
    }
    res.end(response.body, closeConnection);
  });
}

export async function createUwsTransport(options: { logger: Logger }): Promise<Transport> {
  const uws = await loadUws();
  const log = options.logger;
  let app: Uws.TemplatedApp | null = null;
  let listenSocket: Uws.us_listen_socket | null = null;
  let closing: Promise<void> | null = null;
  const openConns = new OpenList();
  // Kept by every open connection, and often equal to the last upgrade's (the widget's query is
  // `tenant=<t>`; visitors behind one proxy or NAT share an address): the last string is reused.
  let lastQuery = '';
  let lastIp = '';
  let nextId = 0;

  return {
    kind: 'uws',

    listen(opts: TransportListenOptions): Promise<number> {
      if (app !== null) return Promise.reject(new Error('transport already listening'));
      const current = uws.App();
      app = current;

      for (const ws of wsRoutesOf(opts.ws)) {
        current.ws<SocketData>(ws.path, {
          maxPayloadLength: wsHardLimitBytes(ws.maxPayloadBytes),
          idleTimeout: ws.idleTimeoutSeconds,
          maxBackpressure: ws.maxBackpressureBytes,
          closeOnBackpressureLimit: false,
          sendPingsAutomatically: true,
          upgrade: (res, req, context) => {
            // Copy everything now: `req` is invalid once this callback returns (the check may await).
            const headers = copyHeaders(req);
            let rawQuery = req.getQuery() ?? '';
            if (rawQuery === lastQuery) rawQuery = lastQuery;
            else lastQuery = rawQuery;
            let ip = clientIp(Buffer.from(res.getRemoteAddressAsText()).toString(), headers['x-forwarded-for'], opts.trustProxy === true);
            if (ip === lastIp) ip = lastIp;
            else lastIp = ip;
            const upgrade = (attachment: unknown): void => {
              const data: SocketData = { conn: new UwsConnection(ip, rawQuery, attachment) };
              res.upgrade(data, headers['sec-websocket-key'] ?? '', headers['sec-websocket-protocol'] ?? '', headers['sec-websocket-extensions'] ?? '', context);
            };
            if (headersOverLimit(headers)) {
              writeResponse(res, headersTooLargeResponse(), true);
              return;
            }
            const refusal = wsHandshakeRefusal(headers);
            if (refusal !== null) {
              writeResponse(res, errorResponse(new HiloError(refusal.code), refusal.headers), true);
              return;
            }
            if (!ws.upgrade) {
              upgrade(undefined);
              return;
            }
            // Decided and answered inside this callback (corked by uWS): see `WsRoute.upgrade` for
            // why an upgrade must not be completed later on this uWS build.
            let decision: WsUpgradeDecision;
            try {
              decision = ws.upgrade({ path: ws.path, query: new URLSearchParams(rawQuery), headers, ip });
            } catch (err) {
              log.error({ err, path: ws.path }, 'websocket upgrade check failed');
              decision = { accept: false, status: 500 };
            }
            if (decision.accept) upgrade(decision.attachment);
            else res.writeStatus(statusLine(decision.status)).end('', true);
          },
          open: (socket) => {
            const conn = socket.getUserData().conn;
            conn.opened(++nextId, socket);
            openConns.add(conn);
            ws.handler.open(conn);
          },
          message: (socket, message, isBinary) => {
            const conn = socket.getUserData().conn;
            if (conn.closed) return;
            if (message.byteLength > ws.maxPayloadBytes) {
              ws.handler.tooLarge?.(conn, message.byteLength);
              conn.close(WS_CLOSE_TOO_BIG, 'frame too large');
              return;
            }
            // Decoding copies: the ArrayBuffer is neutered when this callback returns. uWS checked
            // a text frame's UTF-8 already (an invalid one never gets here: it closes the socket
            // itself, see `close`); a binary frame's bytes are checked here.
            const text = isBinary ? strictUtf8Text(new Uint8Array(message)) : Buffer.from(message).toString('utf8');
            if (text === null) {
              conn.close(WS_CLOSE_INVALID_UTF8, WS_INVALID_UTF8_REASON);
              return;
            }
            ws.handler.message(conn, text);
          },
          close: (socket, code, reason) => {
            const conn = socket.getUserData().conn;
            if (!conn.isOpen) return;
            // uWS fails a connection whose text frame is not valid UTF-8, or whose frame is over its
            // hard limit, by closing the TCP socket with no close frame (the client sees 1006): its
            // native parser does it before any callback, so Hilo cannot answer 1007 or 1009 there.
            // Logged so the refusal is visible.
            const refusal = uwsRefusal(code, reason);
            if (refusal === UWS_INVALID_TEXT) log.info({ conn: conn.id }, 'websocket closed by uWS: a text frame was not valid UTF-8');
            else if (refusal === UWS_TOO_BIG) log.info({ conn: conn.id, limitBytes: wsHardLimitBytes(ws.maxPayloadBytes) }, 'websocket closed by uWS: a frame over its hard limit');
            openConns.delete(conn);
            conn.closed = true;
            ws.handler.close(conn, code);
          },
        });
      }

      const wsPaths = new Set(wsRoutesOf(opts.ws).map((route) => route.path));
      current.any('/*', (res, req) => {
        let aborted = false;
        let done = false;
        res.onAborted(() => {
          aborted = true;
        });
        // Copy everything now: `req` is invalid after this callback returns.
        const method = req.getMethod().toUpperCase();
        const path = req.getUrl();
        const rawQuery = req.getQuery() ?? '';
        const query = new URLSearchParams(rawQuery);
        const target = rawQuery === '' ? path : `${path}?${rawQuery}`;
        const headers = copyHeaders(req);
        const ip = clientIp(Buffer.from(res.getRemoteAddressAsText()).toString(), headers['x-forwarded-for'], opts.trustProxy === true);
        // Over Hilo's limit but under uWS's ceiling: the API's JSON, unread body and all (closed after).
        if (headersOverLimit(headers)) {
          writeResponse(res, headersTooLargeResponse(), true);
          return;
        }
        // uWS hands an upgrade whose key it cannot use (none, empty, not 24 characters) to HTTP:
        // answered as node:http's upgrade check answers it, not as an unknown route.
        if (method === 'GET' && wsPaths.has(path) && (headers.upgrade ?? '').toLowerCase() === 'websocket') {
          const refusal = wsHandshakeRefusal(headers) ?? { code: 'HILO_ERR_WS_HANDSHAKE_INVALID' as const, headers: {} };
          writeResponse(res, errorResponse(new HiloError(refusal.code), refusal.headers), true);
          return;
        }

        const run = (body: Buffer): void => {
          opts
            .http({ method, path, query, target, headers, ip, body })
            .catch((err: unknown) => {
              log.error({ err, path }, 'http handler failed');
              return internalErrorResponse();
            })
            .then((response) => {
              if (!aborted) writeResponse(res, response);
            })
            .catch((err: unknown) => {
              log.error({ err }, 'writing the response failed');
            });
        };

        const maxBodyBytes = opts.bodyLimitFor?.(method, path) ?? opts.maxBodyBytes;
        const length = declaredLength(headers);
        const tooLarge = (): void => {
          done = true;
          if (!aborted) writeResponse(res, bodyTooLargeResponse(opts.tooLargeCodeFor?.(method, path)), true);
        };
        // Over the limit: the rest is read and dropped, then answered (see TOO_LARGE_DRAIN_BYTES).
        // Two different lengths (uWS hands both over, joined) or another unreadable value: not a
        // body too large but a malformed request, answered as node:http's parser answers it.
        if (Number.isNaN(length)) {
          done = true;
          if (!aborted) writeResponse(res, malformedResponse(), true);
          return;
        }
        const over = declaredOverLimit(length, maxBodyBytes);
        if (over === 'refuse') {
          tooLarge();
          return;
        }
        let dropping = over === 'drain';
        if (!hasBody(headers)) {
          run(Buffer.alloc(0));
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        res.onData((chunk, isLast) => {
          if (done || aborted) return;
          received += chunk.byteLength;
          if (!dropping && received > maxBodyBytes) {
            dropping = true;
            chunks.length = 0;
          }
          if (dropping) {
            // Answered once the body ended, or at once past the drain bound (the connection dropped).
            if (isLast || received > maxBodyBytes + TOO_LARGE_DRAIN_BYTES) tooLarge();
            return;
          }
          // Copy: the chunk is neutered when this callback returns.
          const copy = Buffer.from(new Uint8Array(chunk));
          if (!isLast) {
            chunks.push(copy);
            return;
          }
          done = true;
          // A body in one chunk (most are) is that copy; only a split one is joined.
          run(chunks.length === 0 ? copy : Buffer.concat([...chunks, copy], received));
        });
      });

      return new Promise<number>((resolve, reject) => {
        current.listen(opts.host, opts.port, (socket) => {
          if (socket === false) {
            reject(new Error(`uWebSockets.js could not listen on ${opts.host}:${opts.port}`));
            return;
          }
          listenSocket = socket;
          resolve(uws.us_socket_local_port(socket as unknown as Uws.us_socket));
        });
      });
    },

    close(): Promise<void> {
      if (closing) return closing;
      closing = (async () => {
        if (listenSocket !== null) {
          uws.us_listen_socket_close(listenSocket);
          listenSocket = null;
        }
        for (const conn of openConns.toArray()) conn.close(1001, 'server closing');
        // Give the close frames one turn of the event loop to reach the wire before forcing.
        await new Promise<void>((resolve) => setImmediate(resolve));
        app?.close();
        app = null;
      })();
      return closing;
    },
  };
}
