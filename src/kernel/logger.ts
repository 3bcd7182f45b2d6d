import { pino, type Logger } from 'pino';
import { scrubPersonalData, serializeError } from './describe-error.js';

// The serializer and the scrubber live with the other error helpers; re-exported for existing callers.
export { scrubPersonalData, serializeError };

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

export function createLogger(options: { level?: string; pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const base = {
    // The level comes from the caller (`LOG_LEVEL` is read once, by loadConfig).
    level: options.level ?? 'info',
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

/**
 * A child logger made on first use: for work that usually logs nothing at its level (a turn logs
 * once at info, and only on failure below), building a child with its bindings every time is
 * measurable on the hot path.
 *
 * @example
 * const log = lazyChild(parent, () => ({ conversationId }));
 * if (failed) log().error({ err }, 'turn failed');
 */
export function lazyChild(parent: Logger, bindings: () => Record<string, unknown>): () => Logger {
  let child: Logger | null = null;
  return () => (child ??= parent.child(bindings()));
}
