import { createHash } from 'node:crypto';
import type { VerifyResult } from '../channel.js';
import { constantTimeEqual, hmacBase64 } from '../signature.js';
import type { FormParams } from './form.js';

/**
 * Twilio's `X-Twilio-Signature`: HMAC-SHA1, keyed by the auth token, over the full URL Twilio
 * called followed by every POST parameter sorted by name as `name + value` (repeated names: each
 * distinct value, sorted), base64. JSON bodies sign the URL alone, which carries `bodySHA256`.
 */
export function computeTwilioSignature(authToken: string, url: string, params: FormParams | Record<string, string>): string {
  const entries: Array<[string, string[]]> = params instanceof Map ? [...params] : Object.entries(params).map(([k, v]) => [k, [v]]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let data = url;
  for (const [name, values] of entries) for (const value of [...new Set(values)].sort()) data += name + value;
  return hmacBase64('sha1', authToken, Buffer.from(data, 'utf8'));
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

/**
 * Twilio may sign the URL with or without the scheme's default port (`:443`), depending on how the
 * webhook was configured; both are tried, nothing else is normalised.
 */
export function urlVariants(url: string): string[] {
  const m = /^(https?:)\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme = '', authority = '', rest = ''] = m;
  const port = DEFAULT_PORTS[scheme.toLowerCase()];
  const hasPort = /:\d+$/.test(authority.replace(/^\[.*\]/, ''));
  if (!port) return [url];
  if (hasPort) return authority.endsWith(`:${port}`) ? [url, `${scheme}//${authority.slice(0, -(port.length + 1))}${rest}`] : [url];
  return [url, `${scheme}//${authority}:${port}${rest}`];
}

export function verifyTwilioSignature(
  authToken: string,
  header: string | undefined,
  url: string,
  body: { kind: 'form'; params: FormParams } | { kind: 'json'; raw: Buffer },
): VerifyResult {
  if (header === undefined || header === '') return { ok: false, status: 401, code: 'HILO_ERR_CHANNEL_SIGNATURE_MISSING' };
  const params = body.kind === 'form' ? body.params : {};
  // Every candidate is compared (no early exit), so timing does not tell which one matched.
  let ok = false;
  for (const candidate of urlVariants(url)) ok = constantTimeEqual(computeTwilioSignature(authToken, candidate, params), header) || ok;
  if (ok && body.kind === 'json') {
    let bodyHash = '';
    try {
      bodyHash = new URL(url).searchParams.get('bodySHA256') ?? '';
    } catch {
      bodyHash = '';
    }
    ok = constantTimeEqual(createHash('sha256').update(body.raw).digest('hex'), bodyHash.toLowerCase());
  }
  return ok ? { ok: true } : { ok: false, status: 403, code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' };
}
