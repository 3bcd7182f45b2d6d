/** Pieces both transport adapters share, so they answer limits and failures identically. */
import { STATUS_CODES } from 'node:http';
import { HiloError, type HiloErrorCode } from '../../kernel/errors.js';
import type { HttpResponse } from './transport.js';

export function errorResponse(error: HiloError, headers: Record<string, string> = {}): HttpResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(error.toJSON()),
  };
}

/** `code`: the route's own (a channel webhook's `HILO_ERR_CHANNEL_BODY_TOO_LARGE`), else the API's. */
export function bodyTooLargeResponse(code: HiloErrorCode = 'HILO_ERR_HTTP_BODY_TOO_LARGE'): HttpResponse {
  // The connection is closed after it: the request's body was not (all) delivered.
  return errorResponse(new HiloError(code), { connection: 'close' });
}

/**
 * How many bytes past its limit a body over it is still read (and dropped) before the 413 is
 * written. Most clients (fetch, node:http) write the whole body before they read an answer: a
 * server that answers and closes with the body unread resets the connection, and such a client
 * sees EPIPE or ECONNRESET instead of the 413. Read to its end, the body lets the answer be
 * read. Nothing of it is kept; a body larger still (or a declared length beyond this) is answered
 * at once and the connection dropped.
 */
export const TOO_LARGE_DRAIN_BYTES = 16 * 1024 * 1024;

/** Whether a body of this declared length (over the limit) is read to its end before the 413. */
export function drainsTooLarge(declared: number | null, maxBodyBytes: number): boolean {
  return declared === null || (!Number.isNaN(declared) && declared <= maxBodyBytes + TOO_LARGE_DRAIN_BYTES);
}

/**
 * What a transport does with a body whose declared length is over the limit, before reading it:
 * `within` the limit, read as usual; `drain` it (read and dropped, then the 413, so the client can
 * read the answer); `refuse` at once (unreadable length, or too large to be worth reading).
 */
export function declaredOverLimit(declared: number | null, maxBodyBytes: number): 'within' | 'drain' | 'refuse' {
  if (declared === null || (!Number.isNaN(declared) && declared <= maxBodyBytes)) return 'within';
  return drainsTooLarge(declared, maxBodyBytes) ? 'drain' : 'refuse';
}

/** The request header fields Hilo reads, in bytes: node:http's default `maxHeaderSize`, on both transports. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Whether a request's header fields (names, values, separators; the request line not counted —
 * a long URL is the gateway's `414`) are over `MAX_HEADER_BYTES`. Counted in UTF-16 units, never
 * more than the bytes received for header values read as latin-1 (uWS) and close for UTF-8 ones.
 */
export function headersOverLimit(headers: Record<string, string>): boolean {
  let bytes = 0;
  for (const name in headers) bytes += name.length + (headers[name] as string).length + 4;
  return bytes > MAX_HEADER_BYTES;
}

/** `431 HILO_ERR_HTTP_HEADERS_TOO_LARGE`, the connection closed after it. */
export function headersTooLargeResponse(): HttpResponse {
  return errorResponse(new HiloError('HILO_ERR_HTTP_HEADERS_TOO_LARGE'), { connection: 'close' });
}

/** `400 HILO_ERR_HTTP_MALFORMED`, the connection closed after it (what follows cannot be framed). */
export function malformedResponse(): HttpResponse {
  return errorResponse(new HiloError('HILO_ERR_HTTP_MALFORMED'), { connection: 'close' });
}

/**
 * A whole HTTP/1.1 response with a coded JSON error, for a transport that must write it on the
 * raw socket (node:http's `clientError`: the request could not be parsed, no `ServerResponse`).
 */
export function rawErrorResponse(code: HiloErrorCode, headers: Record<string, string> = {}): string {
  const error = new HiloError(code);
  const body = JSON.stringify(error.toJSON());
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${statusLine(error.status)}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}connection: close\r\n\r\n${body}`;
}

/**
 * Why a WebSocket upgrade request cannot be answered with a handshake, before any route check:
 * RFC 6455 §4.2.2 wants `426` with `Sec-WebSocket-Version: 13` for a version the server does not
 * speak (uWS completed the handshake with version 8, `ws` accepts 8 too), and a `400` for a
 * missing or malformed `Sec-WebSocket-Key` (uWS answered an accept hash of whatever was sent).
 * Null: go on. Both transports answer the same coded JSON and close the connection.
 */
export function wsHandshakeRefusal(headers: Record<string, string>): { code: HiloErrorCode; headers: Record<string, string> } | null {
  if ((headers['sec-websocket-version'] ?? '').trim() !== '13') return { code: 'HILO_ERR_WS_VERSION_UNSUPPORTED', headers: { 'sec-websocket-version': '13' } };
  if (!/^[A-Za-z0-9+/]{22}==$/.test((headers['sec-websocket-key'] ?? '').trim())) return { code: 'HILO_ERR_WS_HANDSHAKE_INVALID', headers: {} };
  return null;
}

export function internalErrorResponse(): HttpResponse {
  return errorResponse(new HiloError('HILO_ERR_INTERNAL'));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A frame's payload as text, or null when it is not valid UTF-8 (RFC 6455 §8.1: such a frame
 * fails the connection; decoding it with U+FFFD replacement characters would store a text the
 * customer never wrote).
 */
export function strictUtf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown'}`;
}

/** `Content-Length` as a number, `null` when absent, `NaN` when malformed. */
export function declaredLength(headers: Record<string, string>): number | null {
  const raw = headers['content-length'];
  if (raw === undefined) return null;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}

export function hasBody(headers: Record<string, string>): boolean {
  const length = declaredLength(headers);
  return (length !== null && length !== 0) || headers['transfer-encoding'] !== undefined;
}

/**
 * The client address: the socket's peer, or — when the operator says Hilo runs behind one trusted
 * reverse proxy (`HILO_TRUST_PROXY=1`) — the last address of `X-Forwarded-For`, the one that proxy
 * saw (earlier entries are whatever the client wrote). Per-IP limits need the real client.
 */
export function clientIp(peer: string, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    if (last && /^[0-9a-fA-F.:]{2,45}$/.test(last)) return normaliseIp(last);
  }
  return normaliseIp(peer);
}

/** IPv4 peers on a dual-stack socket show up as `::ffff:a.b.c.d`; report the plain address. */
export function normaliseIp(ip: string): string {
  const lower = ip.toLowerCase();
  if (lower.startsWith('::ffff:') && lower.includes('.')) return lower.slice(7);
  // uWS prints IPv4-mapped addresses in full hex form.
  const mapped = /^(?:0{1,4}:){5}ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mapped?.[1] !== undefined && mapped[2] !== undefined) {
    const hi = parseInt(mapped[1], 16);
    const lo = parseInt(mapped[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return ip;
}
