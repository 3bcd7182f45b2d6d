/**
 * The one reader of `Authorization: Bearer <key>` for every route that takes a key (the REST API,
 * governance, analytics, the console's API access, the tenant admin API, `/metrics`), so they
 * cannot disagree on what was sent.
 */
import { HiloError } from '../../kernel/errors.js';

const SINGLE = /^Bearer\s+(\S+)$/i;

/**
 * The key of a Bearer header; null when there is none (absent, empty, another scheme). Both
 * transports join a repeated header with `, ` (`HttpRequest.headers`); a key holds no whitespace,
 * so a comma with whitespace after it — or ending the value — is a second header, and two
 * credentials are refused with `400 HILO_ERR_AUTH_REPEATED` rather than read as none (401
 * "missing", which reads wrong) or as whichever came first (node:http kept the first one).
 *
 * @example
 * bearerKey('Bearer k_123'); // 'k_123'
 * bearerKey('Bearer a, Bearer b'); // throws HILO_ERR_AUTH_REPEATED
 */
export function bearerKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (value.length === 0) return null;
  if (/,\s/.test(value) || value.endsWith(',')) throw new HiloError('HILO_ERR_AUTH_REPEATED');
  return SINGLE.exec(value)?.[1] ?? null;
}
