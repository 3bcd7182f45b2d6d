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

/** The storage key of a tenant's resume token (see docs/protocol.md "Resume tokens"). */
export function resumeTokenKey(tenant: string): string {
  return `hilo:${tenant}:resume`;
}

const TOKEN_RE = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * The resume token the server gave this visitor id, or undefined. Kept as `<visitorId> <token>`,
 * so a token is never sent with another visitor id.
 */
export function loadResumeToken(storage: KeyValueStorage | null, tenant: string, visitorId: string): string | undefined {
  try {
    const [id, token] = (storage?.getItem(resumeTokenKey(tenant)) ?? '').split(' ');
    return id === visitorId && token !== undefined && TOKEN_RE.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

export function saveResumeToken(storage: KeyValueStorage | null, tenant: string, visitorId: string, token: string): void {
  if (!TOKEN_RE.test(token)) return;
  try {
    storage?.setItem(resumeTokenKey(tenant), `${visitorId} ${token}`);
  } catch {
    // Without storage the token lives in memory only: a reload starts a new conversation.
  }
}

/**
 * A fresh visitor id replacing the stored one: the server refused to resume the old id (no valid
 * token, e.g. a visitor id from before tokens or a changed server secret). The old thread stays
 * on the server; this browser starts a new one.
 */
export function renewVisitorId(storage: KeyValueStorage | null, tenant: string, fill: RandomFill = cryptoFill): string {
  const id = randomId(fill);
  try {
    storage?.setItem(visitorKey(tenant), id);
    storage?.setItem(resumeTokenKey(tenant), '');
  } catch {
    // The id still works for this page view.
  }
  return id;
}
