/**
 * The `Idempotency-Key` request header of the REST messages API, with Stripe's semantics: the
 * first answer to a key is kept, the same key with the same body gets that answer again
 * (`Idempotent-Replayed: true`) and runs nothing, the same key with another body is refused
 * (`HILO_ERR_IDEMPOTENCY_KEY_REUSED`, 422). Keys are scoped per tenant and API key.
 *
 * The answers live where the deployment is durable (`IdempotencyRecords`: Redis when configured,
 * shared by every member and kept across restarts; else this process's memory, bounded), for
 * `IDEMPOTENCY_KEY_TTL_MS`. Besides, the key becomes the message's id when the body has no
 * `message_id` (`messageIdFor`): the turn journal's de-duplication runs the turn once even where
 * the answer was not kept (memory after a restart, a key evicted).
 */
import { createHash } from 'node:crypto';
import { HiloError, isHiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { createMemoryIdempotencyRecords, MAX_MEMORY_IDEMPOTENCY_KEYS, type IdempotencyRecords } from '../../persistence/ports/idempotency-records.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { HttpResponse } from './transport.js';

/** What a keyed request's work answers: the response, and the conversation it belongs to (its kept answer is erased with it). */
export type KeyedAnswer = HttpResponse & { conversation?: ConversationKey };

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Stripe keeps keys 24 hours. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = MAX_MEMORY_IDEMPOTENCY_KEYS;
const MAX_KEY_CHARS = 255;
/** Visible ASCII only: a key is an opaque token (a UUID, say), compared byte for byte. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyKeys {
  /**
   * Answers `work()` for a key seen for the first time; the kept answer for the same key and
   * fingerprint; `HILO_ERR_IDEMPOTENCY_KEY_REUSED` for another fingerprint. Only 2xx answers are
   * kept: a failure (a store outage, a timeout) may be retried with the same key and runs then.
   */
  run(scope: string, key: string, fingerprint: string, work: () => Promise<KeyedAnswer>): Promise<HttpResponse>;
  /** Requests with a key running in this process now. */
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

/** How long a claim holds while its request runs; past it (a member died mid-turn) the next request with the key runs. */
const CLAIM_LEASE_MS = 60_000;
/** How often a request waits for the answer of the same key running on another member. */
const WAIT_POLL_MS = 50;

export function createIdempotencyKeys(options: { clock: Clock; records?: IdempotencyRecords; ttlMs?: number; maxKeys?: number; leaseMs?: number; logger?: Logger }): IdempotencyKeys {
  const { clock } = options;
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_KEY_TTL_MS;
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  const records = options.records ?? createMemoryIdempotencyRecords({ clock, maxKeys: options.maxKeys ?? MAX_KEYS });
  /** Requests running in this process, by key: a second one at once waits for the first's answer. */
  const running = new Map<string, { fingerprint: string; answer: Promise<HttpResponse> }>();
  const replayed = (answer: HttpResponse): HttpResponse => ({ ...answer, headers: { ...answer.headers, 'idempotent-replayed': 'true' } });
  const unavailable = (err: unknown) => new HiloError('HILO_ERR_TURN_FAILED', 'The Idempotency-Key could not be checked; nothing was run. Send the request again with the same key.', { cause: err });

  /** The first request's kept answer (replayed), or null once this request holds the claim. */
  const claim = async (id: string, fingerprint: string): Promise<HttpResponse | null> => {
    for (;;) {
      const found = await records.claim(id, fingerprint, leaseMs).catch((err: unknown) => Promise.reject(unavailable(err)));
      if (found === null) return null;
      if (found.fingerprint !== fingerprint) throw new HiloError('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
      if (found.answer !== null) return replayed({ ...found.answer, headers: { ...found.answer.headers } });
      // Running on another member (or in a process that restarted): its answer, or its lease's end.
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
  };

  const serve = async (id: string, fingerprint: string, work: () => Promise<KeyedAnswer>): Promise<HttpResponse> => {
    const kept = await claim(id, fingerprint);
    if (kept !== null) return kept;
    let answer: HttpResponse;
    let conversation: ConversationKey | undefined;
    try {
      ({ conversation, ...answer } = await work());
    } catch (err) {
      await records.release(id).catch(() => undefined);
      throw err;
    }
    try {
      if (answer.status >= 200 && answer.status < 300) {
        const kept = await records.complete(id, { fingerprint, answer: { status: answer.status, headers: { ...answer.headers }, body: String(answer.body) }, ...(conversation ? { conversation } : {}) }, ttlMs);
        // Its conversation was erased while it ran: this request is answered, its answer never replayed.
        if (!kept) options.logger?.info({ tenant: conversation?.tenantId }, 'idempotency key answer not kept: conversation erased');
      } else await records.release(id);
    } catch (err) {
      // The turn ran and is answered; a retry is still run once (the key is the message id) and its lease ends.
      options.logger?.warn({ err }, 'idempotency key answer not kept');
    }
    return answer;
  };

  return {
    async run(scope, key, fingerprint, work) {
      const id = `${scope}\n${key}`;
      const here = running.get(id);
      if (here !== undefined) {
        if (here.fingerprint !== fingerprint) throw new HiloError('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
        return replayed(await here.answer);
      }
      const answer = serve(id, fingerprint, work);
      const entry = { fingerprint, answer };
      running.set(id, entry);
      try {
        return await answer;
      } finally {
        if (running.get(id) === entry) running.delete(id);
      }
    },
    get size() {
      return running.size;
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
  work: (keyedMessageId: string | undefined) => Promise<KeyedAnswer>,
): Promise<HttpResponse> {
  const key = idempotencyKeyOf(headers);
  if (key === null) return work(undefined).then(({ conversation: _conversation, ...answer }) => answer);
  const scope = idempotencyScope(request.tenantId, request.apiKey);
  return keys.run(scope, key, fingerprintOf(request.route, request.fields), () => work(messageIdFor(scope, key)).catch((err: unknown) => Promise.reject(asKeyReuse(err))));
}
