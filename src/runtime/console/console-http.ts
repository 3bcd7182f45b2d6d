/**
 * HTTP pieces of the agent console: the session cookie, CSRF and same-origin checks, JSON bodies
 * checked with zod, and error answers (with `Retry-After` for a rate limit).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ERROR_CODES, HiloError, isHiloError, type HiloErrorCode } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { capProblems, parseJsonBody, type HttpRequest, type HttpResponse } from '../gateway/index.js';

export const SESSION_COOKIE = 'hilo_console';
const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers }, body: body === undefined ? '' : JSON.stringify(body) };
}

/** The console session id from the `Cookie` header, or null. */
export function sessionCookie(headers: Record<string, string>): string | null {
  for (const part of (headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) return part.slice(i + 1).trim() || null;
  }
  return null;
}

export function setSessionCookie(value: string, secure: boolean, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export function clearSessionCookie(secure: boolean): string {
  return setSessionCookie('', secure, 0);
}

/** `api-key:<digest prefix>`: the key in the audit trail, never the key. */
export function apiKeyActor(key: string): string {
  return `api-key:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * The origins a browser page of this server has: `HILO_PUBLIC_URL`'s, else the request's own
 * host over http and https. A request carrying another `Origin` is cross-site.
 */
export function allowedOrigins(headers: Record<string, string>, publicUrl: string | null): string[] {
  if (publicUrl) {
    try {
      return [new URL(publicUrl).origin];
    } catch {
      return [];
    }
  }
  const host = headers.host;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

/** True when `Origin` is absent (not a browser) or one of this server's own. */
export function sameOriginOrNone(headers: Record<string, string>, publicUrl: string | null): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  return allowedOrigins(headers, publicUrl).includes(origin);
}

/** The JSON body checked against `schema`; 415 / 400 otherwise. */
export function readBody<S extends z.ZodType>(req: HttpRequest, schema: S): z.output<S> {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new HiloError('HILO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
  const checked = schema.safeParse(parseJsonBody(req.body));
  if (!checked.success) {
    // One problem per unknown field, not zod's message naming every one of them (a body of 5,000
    // unknown keys was echoed back whole); the first 20 and a count of the rest.
    const path = (p: readonly PropertyKey[]) => p.map(String).join('.') || '(body)';
    const details = capProblems(checked.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ path: path([...issue.path, key]), problem: 'is not allowed' })) : [{ path: path(issue.path), problem: issue.message }])));
    throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details });
  }
  return checked.data;
}

/** An error as the console answers it; unknown failures are logged and answered without detail. */
export function errorAnswer(err: unknown, log: Logger): HttpResponse {
  if (isHiloError(err) && err.code in ERROR_CODES) {
    const error = err instanceof HiloError ? err : new HiloError((err as { code: HiloErrorCode }).code);
    if (error.status >= 500) log.warn({ code: error.code }, 'console request failed');
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const body = error.code === 'HILO_ERR_RATE_LIMITED' ? { error: { code: error.code, message: error.message } } : error.toJSON();
    return json(error.status, body, retry !== undefined ? { 'retry-after': String(retry) } : {});
  }
  log.error({ err }, 'console request failed unexpectedly');
  return json(500, new HiloError('HILO_ERR_INTERNAL').toJSON());
}
