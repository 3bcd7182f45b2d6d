/**
 * The fallback adapter on `node:http` + `ws`, used where the uWebSockets.js binary cannot load.
 * Same behaviour as the uWS adapter: bounded bodies (413 without reading further), no writes to
 * aborted requests, WebSocket frames capped by `maxPayload`, idle connections closed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../kernel/logger.js';
import {
  bodyTooLargeResponse,
  declaredLength,
  declaredOverLimit,
  hasBody,
  headersOverLimit,
  headersTooLargeResponse,
  MAX_HEADER_BYTES,
  rawErrorResponse,
  TOO_LARGE_DRAIN_BYTES,
  internalErrorResponse,
  clientIp,
  statusLine,
  strictUtf8Text,
  wsHandshakeRefusal,
} from './transport-shared.js';
import { WS_CLOSE_INVALID_UTF8, WS_CLOSE_TOO_BIG, WS_INVALID_UTF8_REASON, wsHardLimitBytes, wsRoutesOf, type HttpResponse, type Transport, type TransportListenOptions, type WsConnection, type WsRoute, type WsUpgradeDecision } from './transport.js';

class NodeConnection implements WsConnection {
  closed = false;
  constructor(
    readonly id: string,
    readonly ip: string,
    readonly query: URLSearchParams,
    private readonly ws: WebSocket,
    private readonly maxBackpressureBytes: number,
    readonly attachment: unknown = undefined,
  ) {}

  send(text: string): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    // Mirror uWS: past the backpressure limit the frame is dropped, not queued.
    if (this.ws.bufferedAmount > this.maxBackpressureBytes) return false;
    this.ws.send(text);
    return true;
  }

  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    // A peer that stops reading never answers the close handshake; do not wait for it forever.
    const timer = setTimeout(() => this.ws.terminate(), 2_000);
    timer.unref();
    this.ws.once('close', () => clearTimeout(timer));
  }

  bufferedAmount(): number {
    return this.closed ? 0 : this.ws.bufferedAmount;
  }
}

/**
 * Repeated headers joined with `, `, as uWS does (`HttpRequest.headers`). node:http's `headers`
 * keeps only the first of a repeated `Authorization`, `Host`, `Content-Type`... and drops the rest
 * unseen: a request with two keys would be read with the first on this transport and refused on
 * the other. `headersDistinct` has every value. Kept from `headers`: `Cookie` (joined with `; `)
 * and `Content-Length` (the parser already refused two different ones).
 */
function copyHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values === undefined) continue;
    const kept = name === 'cookie' || name === 'content-length' ? req.headers[name] : undefined;
    headers[name] = typeof kept === 'string' ? kept : values.join(', ');
  }
  return headers;
}

function writeResponse(res: ServerResponse, response: HttpResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  const headers: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() !== 'content-length') headers[name] = value;
  }
  headers['content-length'] = body.byteLength;
  res.writeHead(response.status, headers);
  res.end(body);
}

export function createNodeTransport(options: { logger: Logger }): Transport {
  const log = options.logger;
  let server: Server | null = null;
  const servers: WebSocketServer[] = [];
  let closing: Promise<void> | null = null;
  const sockets = new Set<Socket>();
  let nextId = 0;

  return {
    kind: 'node',

    listen(opts: TransportListenOptions): Promise<number> {
      if (server !== null) return Promise.reject(new Error('transport already listening'));
      // The same ceiling as the uWS adapter's: up to it, Hilo's own limits answer (URL 414, header
      // fields 431, in JSON); past it node:http stops parsing and `clientError` answers.
      const current = createServer({ keepAliveTimeout: 5_000, maxHeaderSize: 4 * MAX_HEADER_BYTES });
      server = current;
      current.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
        // node:http's default wrote a bodiless 400/431; the API's JSON shape instead. Only when no
        // answer to an earlier request on this connection has begun (that would corrupt it), as
        // node's own handler does; a timeout or a reset just closes.
        const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
        if (err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable || inFlight?.headersSent === true) {
          socket.destroy();
          return;
        }
        socket.end(rawErrorResponse(err.code === 'HPE_HEADER_OVERFLOW' ? 'HILO_ERR_HTTP_HEADERS_TOO_LARGE' : 'HILO_ERR_HTTP_MALFORMED'));
      });
      current.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });

      current.on('request', (req: IncomingMessage, res: ServerResponse) => {
        let aborted = false;
        res.once('close', () => {
          if (!res.writableFinished) aborted = true;
        });
        const url = new URL(req.url ?? '/', 'http://localhost');
        const headers = copyHeaders(req);
        const method = (req.method ?? 'GET').toUpperCase();
        const ip = clientIp(req.socket.remoteAddress ?? '', headers['x-forwarded-for'], opts.trustProxy === true);
        if (headersOverLimit(headers)) {
          req.pause();
          res.once('finish', () => req.socket.destroy());
          writeResponse(res, headersTooLargeResponse());
          return;
        }

        const run = (body: Buffer): void => {
          opts
            .http({ method, path: url.pathname, query: url.searchParams, target: req.url ?? '/', headers, ip, body })
            .catch((err: unknown) => {
              log.error({ err, path: url.pathname }, 'http handler failed');
              return internalErrorResponse();
            })
            .then((response) => {
              if (!aborted) writeResponse(res, response);
            })
            .catch((err: unknown) => {
              log.error({ err }, 'writing the response failed');
            });
        };

        const tooLarge = (): void => {
          // Answer, then drop the connection: whatever is left of the body is never read.
          req.pause();
          res.once('finish', () => req.socket.destroy());
          writeResponse(res, bodyTooLargeResponse(opts.tooLargeCodeFor?.(method, url.pathname)));
        };

        const maxBodyBytes = opts.bodyLimitFor?.(method, url.pathname) ?? opts.maxBodyBytes;
        const length = declaredLength(headers);
        // Over the limit: the rest is read and dropped, then answered (see TOO_LARGE_DRAIN_BYTES).
        const over = declaredOverLimit(length, maxBodyBytes);
        if (over === 'refuse') {
          tooLarge();
          return;
        }
        let dropping = over === 'drain';
        if (!hasBody(headers)) {
          req.resume();
          run(Buffer.alloc(0));
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        let done = false;
        const onData = (chunk: Buffer): void => {
          if (done) return;
          received += chunk.byteLength;
          if (!dropping && received > maxBodyBytes) {
            dropping = true;
            chunks.length = 0;
          }
          if (!dropping) {
            chunks.push(chunk);
            return;
          }
          if (received > maxBodyBytes + TOO_LARGE_DRAIN_BYTES) {
            done = true;
            req.off('data', onData);
            tooLarge();
          }
        };
        req.on('data', onData);
        req.once('end', () => {
          if (done) return;
          done = true;
          if (dropping) tooLarge();
          else run(Buffer.concat(chunks, received));
        });
        req.once('error', () => {
          done = true;
          aborted = true;
        });
        req.once('aborted', () => {
          done = true;
          aborted = true;
        });
      });

      const routes = new Map<string, { route: WsRoute; server: WebSocketServer }>();
      for (const route of wsRoutesOf(opts.ws)) {
        // UTF-8 is checked in `message` (text and binary frames alike) so the 1007 close carries a
        // reason; `ws`'s own check closes with 1007 and none.
        const server = new WebSocketServer({ noServer: true, maxPayload: wsHardLimitBytes(route.maxPayloadBytes), perMessageDeflate: false, skipUTF8Validation: true });
        servers.push(server);
        routes.set(route.path, { route, server });
      }
      if (routes.size > 0) {
        const refuse = (socket: Socket, status: number): void => {
          socket.end(`HTTP/1.1 ${statusLine(status)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        };
        current.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          const entry = routes.get(url.pathname);
          if (!entry || closing !== null) {
            refuse(socket, 404);
            return;
          }
          const headers = copyHeaders(req);
          const ip = clientIp(req.socket.remoteAddress ?? '', headers['x-forwarded-for'], opts.trustProxy === true);
          if (headersOverLimit(headers)) {
            socket.end(rawErrorResponse('HILO_ERR_HTTP_HEADERS_TOO_LARGE'));
            return;
          }
          const refusal = wsHandshakeRefusal(headers);
          if (refusal !== null) {
            socket.end(rawErrorResponse(refusal.code, refusal.headers));
            return;
          }
          if (!entry.route.upgrade) {
            accept(entry, req, socket, head, ip, url.searchParams, undefined);
            return;
          }
          let decision: WsUpgradeDecision;
          try {
            decision = entry.route.upgrade({ path: url.pathname, query: url.searchParams, headers, ip });
          } catch (err) {
            log.error({ err, path: url.pathname }, 'websocket upgrade check failed');
            decision = { accept: false, status: 500 };
          }
          if (decision.accept) accept(entry, req, socket, head, ip, url.searchParams, decision.attachment);
          else refuse(socket, decision.status);
        });
      }

      function accept(entry: { route: WsRoute; server: WebSocketServer }, req: IncomingMessage, socket: Socket, head: Buffer, ip: string, query: URLSearchParams, attachment: unknown): void {
        const ws = entry.route;
        entry.server.handleUpgrade(req, socket, head, (socketWs) => {
          const conn = new NodeConnection(`n${++nextId}`, ip, query, socketWs, ws.maxBackpressureBytes, attachment);
          let idle: NodeJS.Timeout | null = null;
          const touch = (): void => {
            if (ws.idleTimeoutSeconds <= 0) return;
            if (idle) clearTimeout(idle);
            idle = setTimeout(() => conn.close(1001, 'idle timeout'), ws.idleTimeoutSeconds * 1000);
            idle.unref();
          };
          touch();
          socketWs.on('message', (data, isBinary) => {
            touch();
            if (conn.closed) return;
            const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
            void isBinary;
            if (bytes.byteLength > ws.maxPayloadBytes) {
              ws.handler.tooLarge?.(conn, bytes.byteLength);
              conn.close(WS_CLOSE_TOO_BIG, 'frame too large');
              return;
            }
            const text = strictUtf8Text(bytes);
            if (text === null) {
              conn.close(WS_CLOSE_INVALID_UTF8, WS_INVALID_UTF8_REASON);
              return;
            }
            ws.handler.message(conn, text);
          });
          socketWs.on('pong', touch);
          socketWs.on('error', (err) => {
            log.debug({ err: err.message, conn: conn.id }, 'websocket error');
          });
          socketWs.once('close', (code) => {
            if (idle) clearTimeout(idle);
            conn.closed = true;
            ws.handler.close(conn, code);
          });
          ws.handler.open(conn);
        });
      }

      return new Promise<number>((resolve, reject) => {
        current.once('error', reject);
        current.listen(opts.port, opts.host, () => {
          current.off('error', reject);
          const address = current.address();
          resolve(typeof address === 'object' && address !== null ? address.port : opts.port);
        });
      });
    },

    close(): Promise<void> {
      if (closing) return closing;
      closing = (async () => {
        const current = server;
        const closed = current
          ? new Promise<void>((resolve) => current.close(() => resolve()))
          : Promise.resolve();
        for (const wss of servers) {
          const clients = [...wss.clients];
          await Promise.all(
            clients.map(
              (client) =>
                new Promise<void>((resolve) => {
                  if (client.readyState === client.CLOSED) return resolve();
                  client.once('close', () => resolve());
                  client.close(1001, 'server closing');
                  setTimeout(() => client.terminate(), 1_000).unref();
                }),
            ),
          );
          wss.close();
        }
        current?.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}
