/**
 * One way to turn a caught `unknown` into words, instead of `err instanceof Error ? err.message :
 * String(err)` written at every `catch` (which drops the stack, the code and the cause):
 *
 * - {@link errorMessage}: the message alone, for text that leaves the process or is shown to a
 *   person (a webhook's `problem`, a provider error record, an API answer);
 * - {@link errorSummary}: the same with a coded error's `code` in front, for a stored failure reason
 *   (an outbox row's last error);
 * - {@link serializeError}: for logs — name, code, message, stack and cause, scrubbed of e-mails and
 *   phones. It is the pino serializer of the `err`/`error` keys (`src/kernel/logger.ts`), so a log
 *   call passes the error itself: `log.warn({ err }, '…')`.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Seven or more digits with the separators people and databases put in phone numbers. */
const PHONE = /(?<![\w.(])[+(]?\d[\d\s().-]{5,}\d(?!\w)/g;

/**
 * An error message or stack with e-mail addresses and phone-like digit runs replaced. Database
 * errors quote the offending row ("Key (email)=(ana@…) already exists"), providers echo payloads.
 */
export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? '[phone]' : m));
}

/**
 * The message of whatever was thrown: an `Error`'s message (its name when the message is empty),
 * a string as it is, an object's `message` field, anything else as `String(value)`.
 *
 * @example
 * catch (err) { return { ok: false, problem: errorMessage(err) }; }
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message !== '' ? err.message : err.name;
  if (typeof err === 'string') return err;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') return (err as { message: string }).message;
  return String(err);
}

/** `HILO_ERR_X: message` for a coded Hilo error, otherwise {@link errorMessage}. */
export function errorSummary(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('HILO_ERR_')) return `${code}: ${errorMessage(err)}`;
  return errorMessage(err);
}

export interface SerializedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  cause?: SerializedError | string;
}

/**
 * The one serializer for `err`/`error` log keys: keeps the error's name, code, message and stack
 * (and its cause, serialised the same way), with the message and stack scrubbed of e-mails and
 * phones. Everything else an error carries is dropped: PostgreSQL's `detail`/`where`/`table`,
 * a provider's response body, a request's headers. A string (an `err.message` someone logged)
 * is scrubbed too.
 *
 * @example
 * log.error({ err }, 'journal write failed'); // {"err":{"type":"DatabaseError","code":"23505","message":"…","stack":"…"}}
 */
export function serializeError(err: unknown, depth = 0): SerializedError | string {
  if (typeof err === 'string') return scrubPersonalData(err);
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const out: SerializedError = {
    type: typeof e.name === 'string' ? e.name : (err.constructor?.name ?? 'Object'),
    message: scrubPersonalData(typeof e.message === 'string' ? e.message : ''),
  };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.stack === 'string') out.stack = scrubPersonalData(e.stack);
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
