import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths never written to logs: message texts, emails, phone numbers, names, secrets.
 * Log ids and counts instead; this list is the safety net.
 */
export const REDACT_PATHS = [
  'text',
  '*.text',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'name',
  '*.name',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

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

interface SerializedError {
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

export function createLogger(options: { level?: string; pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const base = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // `problem`: providers' error texts (Rocket.Chat, Slack, CRM) may echo the payload they refused.
    serializers: { err: (e: unknown) => serializeError(e), error: (e: unknown) => serializeError(e), problem: (p: unknown) => (typeof p === 'string' ? scrubPersonalData(p) : p) },
    base: { app: 'hilo' },
  };
  return options.destination ? pino(base, options.destination as never) : pino(base);
}

/** A logger that writes nothing (tests). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
