export type RandomFill = (bytes: Uint8Array) => Uint8Array;

const cryptoFill: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/**
 * A random base64url id without padding: 16 bytes give 22 characters (128 bits).
 * `crypto.getRandomValues` works on plain-http pages too, unlike `crypto.randomUUID`.
 */
export function randomId(fill: RandomFill = cryptoFill, byteLength = 16): string {
  const bytes = fill(new Uint8Array(byteLength));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const VISITOR_ID_RE = /^[A-Za-z0-9_-]{22}$/;

/** The storage key of a tenant's visitor id. */
export function visitorKey(tenant: string): string {
  return `hilo:${tenant}:visitor`;
}

/** Minimal slice of the Web Storage API (lets tests pass a Map-backed fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Returns the visitor id kept for `tenant`, creating and storing it on first use. A corrupt stored
 * value is replaced. When storage is unavailable (blocked cookies, sandboxed frame) the id lives
 * only for this page view.
 */
export function loadVisitorId(storage: KeyValueStorage | null, tenant: string, fill: RandomFill = cryptoFill): string {
  const key = visitorKey(tenant);
  try {
    const stored = storage?.getItem(key);
    if (stored && VISITOR_ID_RE.test(stored)) return stored;
  } catch {
    // Storage can throw on access (SecurityError); fall through to a fresh id.
  }
  const id = randomId(fill);
  try {
    storage?.setItem(key, id);
  } catch {
    // Quota or privacy mode: the id still works for this page view.
  }
  return id;
}
