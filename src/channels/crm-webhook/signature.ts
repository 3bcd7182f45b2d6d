import type { HiloErrorCode } from '../../kernel/errors.js';
import { constantTimeEqual, hmacHex } from '../signature.js';

export const CRM_SIGNATURE_HEADER = 'X-Hilo-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Signing the timestamp with the body
 * lets a receiver refuse replays outside its window; `v1` names the scheme so a later one can be
 * added beside it.
 */
export function signCrmBody(rawBody: Buffer | string, secret: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `t=${t},v1=${hmacHex('sha256', secret, Buffer.concat([Buffer.from(`${t}.`, 'utf8'), body]))}`;
}

export type CrmSignatureCheck = { ok: true; timestamp: number } | { ok: false; status: number; code: HiloErrorCode };

export interface VerifyCrmSignatureOptions {
  /** How far the signature's `t` may be from `now`, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** The receiver's clock in ms since the epoch. */
  now: number;
}

/**
 * For CRM receivers: checks `X-Hilo-Signature` against the raw body exactly as received (before
 * any JSON parsing). Accepts several `v1=` values and several secrets, so a secret can be rotated
 * without downtime. The comparison is constant time.
 *
 * @example
 * const check = verifyCrmSignature(rawBody, req.headers['x-hilo-signature'], secretFromYourVault, { now: Date.now() });
 * if (!check.ok) return res.writeHead(check.status).end(check.code);
 */
export function verifyCrmSignature(rawBody: Buffer | string, header: string | string[] | undefined, secret: string | readonly string[], options: VerifyCrmSignatureOptions): CrmSignatureCheck {
  const { toleranceSeconds = 300, now } = options;
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return { ok: false, status: 401, code: 'HILO_ERR_CRM_SIGNATURE_MISSING' };
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === null || candidates.length === 0) return { ok: false, status: 401, code: 'HILO_ERR_CRM_SIGNATURE_MISSING' };
  const secrets = typeof secret === 'string' ? [secret] : secret;
  let matched = false;
  for (const s of secrets) {
    const expected = signCrmBody(rawBody, s, t).slice(`t=${t},v1=`.length);
    // Every candidate is compared (no early exit) so timing says nothing about which one matched.
    for (const c of candidates) matched = constantTimeEqual(c, expected) || matched;
  }
  if (!matched) return { ok: false, status: 403, code: 'HILO_ERR_CRM_SIGNATURE_INVALID' };
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return { ok: false, status: 403, code: 'HILO_ERR_CRM_SIGNATURE_EXPIRED' };
  return { ok: true, timestamp: t };
}
