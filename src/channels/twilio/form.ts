import { HiloError } from '../../kernel/errors.js';
import { decodeUtf8 } from '../raw-body.js';

/** Form parameters in arrival order; a repeated name keeps every value. */
export type FormParams = Map<string, string[]>;

const MAX_PARAMS = 256;

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch (cause) {
    // A stray `%` or a percent-encoded sequence that is not UTF-8.
    throw new HiloError('HILO_ERR_CHANNEL_INVALID_BODY', 'The form body has a broken percent-encoding.', { cause });
  }
}

/**
 * Strict `application/x-www-form-urlencoded` parsing: valid UTF-8, valid percent-encoding, at most
 * 256 parameters. (`URLSearchParams` would silently replace broken bytes with U+FFFD, and the
 * signature would then be checked against values Twilio never sent.)
 */
export function parseForm(raw: Buffer): FormParams {
  const text = decodeUtf8(raw);
  const params: FormParams = new Map();
  if (text.length === 0) return params;
  const pairs = text.split('&');
  if (pairs.length > MAX_PARAMS) throw new HiloError('HILO_ERR_CHANNEL_VALIDATION', undefined, { details: [{ path: '', problem: `more than ${MAX_PARAMS} parameters` }] });
  for (const pair of pairs) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1));
    const list = params.get(name);
    if (list) list.push(value);
    else params.set(name, [value]);
  }
  return params;
}

/** `a=1&b=2` with `encodeURIComponent` (spaces as `%20`); for fakes and the Messages API. */
export function encodeForm(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}
