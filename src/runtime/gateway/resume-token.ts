/**
 * Widget resume tokens. A widget thread used to be protected by its visitor id alone; now the
 * server signs the visitor id (HMAC-SHA256 with the server secret, see `server-secret.ts`) and
 * hands the signature to the widget in `welcome`. A later `hello` must carry it to get the
 * thread's history: a visitor id learnt or guessed by someone else opens nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_VERSION = 'r1';

export interface ResumeTokens {
  /** The token of one tenant's visitor: `r1.<base64url HMAC>`. */
  issue(tenantId: string, visitorId: string): string;
  /** Whether `token` is this visitor's (constant-time compare). */
  verify(tenantId: string, visitorId: string, token: unknown): boolean;
}

export function createResumeTokens(secret: Buffer): ResumeTokens {
  if (secret.byteLength < 32) throw new RangeError('the resume token secret needs at least 32 bytes');
  const sign = (tenantId: string, visitorId: string): string =>
    createHmac('sha256', secret).update(`hilo-resume\u0000${tenantId}\u0000${visitorId}`).digest('base64url');
  return {
    issue: (tenantId, visitorId) => `${TOKEN_VERSION}.${sign(tenantId, visitorId)}`,
    verify(tenantId, visitorId, token) {
      if (typeof token !== 'string' || token.length > 200) return false;
      const expected = Buffer.from(`${TOKEN_VERSION}.${sign(tenantId, visitorId)}`);
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** Shortest visitor id accepted for a new thread: 22 base64url characters carry 132 bits. */
export const MIN_NEW_VISITOR_ID_CHARS = 22;
/** Neighbouring characters equal or one apart this many times in a row: not random. */
const MAX_SEQUENTIAL_STEPS = 10;

/**
 * Whether a visitor id can start a new thread: at least 22 characters that look random. The widget
 * sends 16 bytes from `crypto.getRandomValues` as base64url (22 characters); a UUID v4 passes too.
 * Refused: `aaaaaaaaaaaaaaaaaaaaaaaa`, `abcdefghijklmnopqrstuvwx`, `visitor-000000000000001`
 * — anything whose characters repeat or run in sequence (estimated entropy under 64 bits).
 */
export function isStrongVisitorId(id: string): boolean {
  if (id.length < MIN_NEW_VISITOR_ID_CHARS || !/^[A-Za-z0-9_-]+$/.test(id)) return false;
  const counts = new Map<string, number>();
  for (const ch of id) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / id.length) * Math.log2(n / id.length);
  if (perChar * id.length < 64 || counts.size < 8) return false;
  // A short pattern repeated (abcabcabc…, 0123456789012…).
  for (let period = 1; period <= Math.min(12, id.length / 2); period++) {
    if (id.slice(period) === id.slice(0, id.length - period)) return false;
  }
  // Long sequences (abcdefgh…, 01234567…), repeats (00000000) and alternations (abababab).
  let run = 0;
  for (let i = 1; i < id.length; i++) {
    const d = id.charCodeAt(i) - id.charCodeAt(i - 1);
    run = d >= -1 && d <= 1 ? run + 1 : 0;
    if (run >= MAX_SEQUENTIAL_STEPS) return false;
  }
  return true;
}
