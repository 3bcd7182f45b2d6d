/**
 * The small HTTP/WebSocket shape the gateway app is written against (Hono-style). Two adapters
 * implement it: `uws-transport.ts` (uWebSockets.js) and `node-transport.ts` (`node:http` + `ws`).
 * No vendor type leaves this folder. `createTransport` (`select-transport.ts`) picks one.
 */
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
  /** Sends one text frame; false when the connection is closed or the frame was dropped. */
  send(text: string): boolean;
  /** Starts a close with this code; idempotent, a no-op once closed. */
  close(code: number, reason?: string): void;
  /** Bytes queued for this connection and not yet written to the socket. */
  bufferedAmount(): number;
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

export interface TransportListenOptions {
  host: string;
  /** 0 = an ephemeral port; the bound port is returned. */
  port: number;
  http: HttpHandler;
  /** Largest request body accepted; larger bodies get 413 and the handler never runs. */
  maxBodyBytes: number;
  /** Take the client address from `X-Forwarded-For` (one trusted reverse proxy in front). Default false. */
  trustProxy?: boolean;
  ws?: {
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
  };
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
