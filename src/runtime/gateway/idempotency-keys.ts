/**
 * The `Idempotency-Key` request header of the REST messages API, with Stripe's semantics: the
 * first answer to a key is kept, the same key with the same body gets that answer again
 * (`Idempotent-Replayed: true`) and runs nothing, the same key with another body is refused
 * (`HILO_ERR_IDEMPOTENCY_KEY_REUSED`, 422). Keys are scoped per tenant and API key.
 *
 * The answers live in this process (bounded, for `IDEMPOTENCY_KEY_TTL_MS`); what makes the turn
 * run once everywhere — after a restart, on another cluster member — is that the key becomes the
 * message's id when the body has no `message_id` (`messageIdFor`), the durable de-duplication of
 * the turn journal.
 */
import { createHash } from 'node:crypto';
import { HiloError, isHiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import { createLru } from '../../kernel/lru.js';
import type { HttpResponse } from './transport.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Stripe keeps keys 24 hours. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = 10_000;
const MAX_KEY_CHARS = 255;
/** Visible ASCII only: a key is an opaque token (a UUID, say), compared byte for byte. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

interface Entry {
  fingerprint: string;
  expiresAt: number;
  /** The first request's answer, or the request still running. */
  answer: HttpResponse | Promise<HttpResponse>;
}

export interface IdempotencyKeys {
  /**
   * Answers `work()` for a key seen for the first time; the kept answer for the same key and
   * fingerprint; `HILO_ERR_IDEMPOTENCY_KEY_REUSED` for another fingerprint. Only 2xx answers are
   * kept: a failure (a store outage, a timeout) may be retried with the same key and runs then.
   */
  run(scope: string, key: string, fingerprint: string, work: () => Promise<HttpResponse>): Promise<HttpResponse>;
  readonly size: number;
}

/**
 * The key of a request, checked: null without the header; a `HILO_ERR_HTTP_VALIDATION` when it is
 * empty, longer than 255 characters or not visible ASCII.
 */
export function idempotencyKeyOf(headers: Record<string, string | undefined>): string | null {
  const raw = headers[IDEMPOTENCY_KEY_HEADER];
  if (raw === undefined) return null;
  if (!KEY_SHAPE.test(raw)) {
    const problem = raw.length > MAX_KEY_CHARS ? `must have at most ${MAX_KEY_CHARS} characters` : 'must be 1 to 255 visible ASCII characters (a UUID, say)';
    throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: [{ path: 'header Idempotency-Key', problem }] });
  }
  return raw;
}

/** The scope of a key: the tenant and a hash of the API key (the key itself is never kept). */
export function idempotencyScope(tenantId: string, apiKey: string): string {
  return `${tenantId}:${createHash('sha256').update(apiKey).digest('base64url').slice(0, 22)}`;
}

/** The message id a key stands for when the body names none: the same on every member and after a restart. */
export function messageIdFor(scope: string, key: string): string {
  return `idem:${createHash('sha256').update(`${scope}\n${key}`).digest('base64url').slice(0, 32)}`;
}

/** A body's fingerprint: the parsed fields in a fixed order (so spacing and field order do not count). */
export function fingerprintOf(route: string, fields: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify([route, ...fields])).digest('base64url');
}

/**
 * A message id that came from the key met the turn journal's conflict (another text under it,
 * found after this process forgot the key): the key's error, not the message id's.
 */
export function asKeyReuse(err: unknown): unknown {
  return isHiloError(err, 'HILO_ERR_IDEMPOTENCY_CONFLICT') ? new HiloError('HILO_ERR_IDEMPOTENCY_KEY_REUSED', undefined, { cause: err }) : err;
}

export function createIdempotencyKeys(options: { clock: Clock; ttlMs?: number; maxKeys?: number }): IdempotencyKeys {
  const { clock } = options;
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_KEY_TTL_MS;
  const entries = createLru<Entry>(options.maxKeys ?? MAX_KEYS);
  const replayed = (answer: HttpResponse): HttpResponse => ({ ...answer, headers: { ...answer.headers, 'idempotent-replayed': 'true' } });

  return {
    async run(scope, key, fingerprint, work) {
      const id = `${scope}\n${key}`;
      const now = clock.now();
      const entry = entries.get(id);
      if (entry !== undefined && entry.expiresAt > now) {
        if (entry.fingerprint !== fingerprint) throw new HiloError('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
        return replayed(await entry.answer);
      }
      const running = work();
      const fresh: Entry = { fingerprint, expiresAt: now + ttlMs, answer: running };
      entries.set(id, fresh);
      try {
        const answer = await running;
        if (answer.status >= 200 && answer.status < 300) fresh.answer = answer;
        else if (entries.get(id) === fresh) entries.delete(id);
        return answer;
      } catch (err) {
        if (entries.get(id) === fresh) entries.delete(id);
        throw err;
      }
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Runs one REST request under its `Idempotency-Key` header, if it has one: `work` gets the message
 * id the key stands for (undefined without a key) and runs at most once per key and body.
 *
 * @example
 * return idempotent(keys, req.headers, { tenantId, apiKey, route: 'messages', fields: [sender, text] }, (keyedId) => turn(keyedId));
 */
export function idempotent(
  keys: IdempotencyKeys,
  headers: Record<string, string | undefined>,
  request: { tenantId: string; apiKey: string; route: string; fields: readonly unknown[] },
  work: (keyedMessageId: string | undefined) => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const key = idempotencyKeyOf(headers);
  if (key === null) return work(undefined);
  const scope = idempotencyScope(request.tenantId, request.apiKey);
  return keys.run(scope, key, fingerprintOf(request.route, request.fields), () => work(messageIdFor(scope, key)).catch((err: unknown) => Promise.reject(asKeyReuse(err))));
}
