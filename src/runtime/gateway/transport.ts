/**
 * The small HTTP/WebSocket shape the gateway app is written against (Hono-style). Two adapters
 * implement it: `uws-transport.ts` (uWebSockets.js) and `node-transport.ts` (`node:http` + `ws`).
 * No vendor type leaves this folder. `createTransport` (`select-transport.ts`) picks one.
 */
import type { HiloErrorCode } from '../../kernel/errors.js';

export interface HttpRequest {
  /** Upper-case method, e.g. `GET`. */
  method: string;
  /** Path without the query string, e.g. `/api/tenants/demo/messages`. */
  path: string;
  query: URLSearchParams;
  /**
   * The request target exactly as received (path and query, no decoding or re-encoding), for
   * signatures computed over the URL the provider called (Twilio).
   */
  target?: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  ip: string;
  /** The whole body (the transport enforces the size limit before the handler runs). */
  body: Buffer;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type HttpHandler = (req: HttpRequest) => Promise<HttpResponse>;

export interface WsConnection {
  /** Unique per transport instance. */
  readonly id: string;
  readonly ip: string;
  /** The upgrade request's query string. */
  readonly query: URLSearchParams;
  /**
   * Sends one text frame; false when the connection is closed. A transport may queue the frames of
   * one tick and write them together (uWS corks them), in order, before any later close frame.
   */
  send(text: string): boolean;
  /** Starts a close with this code; idempotent, a no-op once closed. */
  close(code: number, reason?: string): void;
  /** Bytes queued for this connection and not yet written to the socket. */
  bufferedAmount(): number;
  /** What the route's `upgrade` check attached when it accepted (e.g. the logged-in agent). */
  readonly attachment?: unknown;
}

export interface WsHandler {
  open(conn: WsConnection): void;
  message(conn: WsConnection, text: string): void;
  /**
   * A frame over `maxPayloadBytes` arrived: the handler may send a last frame (the protocol's
   * error); the transport then closes the connection with 1009.
   */
  tooLarge?(conn: WsConnection, bytes: number): void;
  /** Called exactly once per opened connection, whatever closed it. */
  close(conn: WsConnection, code: number): void;
}

/** A WebSocket upgrade request as a route's `upgrade` check sees it, before any socket exists. */
export interface WsUpgradeRequest {
  path: string;
  query: URLSearchParams;
  /** Header names in lower case (`cookie`, `origin`, ...). */
  headers: Record<string, string>;
  ip: string;
}

/** Accept (with something for the connection to carry), or refuse with a plain HTTP status. */
export type WsUpgradeDecision = { accept: true; attachment?: unknown } | { accept: false; status: number };

/** One WebSocket path and how it is served. */
export interface WsRoute {
  path: string;
  handler: WsHandler;
  /**
   * Larger frames get `handler.tooLarge`, then a 1009 close. Frames over `wsHardLimitBytes(max)`
   * are dropped by the server library before anyone sees them (uWS: 1006, ws: 1009).
   */
  maxPayloadBytes: number;
  /** Seconds without traffic before the server closes the connection. */
  idleTimeoutSeconds: number;
  /** Bytes a connection may queue before further sends are dropped. */
  maxBackpressureBytes: number;
  /**
   * Runs before the upgrade (cookies, `Origin`): a refusal answers that HTTP status and no socket
   * opens. Without it every upgrade on the path is accepted.
   *
   * Synchronous on purpose. uWebSockets.js 20.51 (the build this machine can load) has a bug in
   * `res.cork()` around an upgrade completed after an `await`: when the socket's memory block
   * shrinks in place, cork re-reads HTTP state from what is now the WebSocket and may close the
   * fresh socket right after `open` (1006, no close frame; uNetworking/uWebSockets#1928, fixed
   * upstream by #1929). Upgrading without cork avoids it but prints a warning per upgrade. So
   * checks that need I/O (a session lookup) run after `open`, on the connection
   * (see `src/runtime/console/console-socket.ts`); this check decides from the request alone.
   */
  upgrade?(req: WsUpgradeRequest): WsUpgradeDecision;
}

export interface TransportListenOptions {
  host: string;
  /** 0 = an ephemeral port; the bound port is returned. */
  port: number;
  http: HttpHandler;
  /** Largest request body accepted; larger bodies get 413 and the handler never runs. */
  maxBodyBytes: number;
  /** A route's own body limit, decided from the method and path before the body is read; default `maxBodyBytes`. */
  bodyLimitFor?: (method: string, path: string) => number;
  /** The 413's code for a body over a route's limit; default `HILO_ERR_HTTP_BODY_TOO_LARGE`. */
  tooLargeCodeFor?: (method: string, path: string) => HiloErrorCode | undefined;
  /** Take the client address from `X-Forwarded-For` (one trusted reverse proxy in front). Default false. */
  trustProxy?: boolean;
  /** One WebSocket route or several (each on its own path). */
  ws?: WsRoute | readonly WsRoute[];
}

export interface Transport {
  readonly kind: 'uws' | 'node';
  /** Starts listening; resolves with the bound port. */
  listen(options: TransportListenOptions): Promise<number>;
  /** Stops listening and closes every open socket; idempotent. */
  close(): Promise<void>;
}

export type TransportKind = 'auto' | 'uws' | 'node';

/** What the server libraries are told to read at most: frames between the two limits are answered. */
export function wsHardLimitBytes(maxPayloadBytes: number): number {
  return Math.max(maxPayloadBytes * 16, 256 * 1024);
}

/** The one close code for a frame over the limit (RFC 6455 "message too big"). */
export const WS_CLOSE_TOO_BIG = 1009;

/**
 * RFC 6455 §8.1: a frame whose payload is not valid UTF-8 fails the connection, with 1007
 * ("invalid frame payload data"). Nothing of it reaches the handler.
 */
export const WS_CLOSE_INVALID_UTF8 = 1007;
export const WS_INVALID_UTF8_REASON = 'invalid UTF-8';

/** The routes of `TransportListenOptions.ws` as a list. */
export function wsRoutesOf(ws: TransportListenOptions['ws']): readonly WsRoute[] {
  if (ws === undefined) return [];
  return Array.isArray(ws) ? (ws as readonly WsRoute[]) : [ws as WsRoute];
}

