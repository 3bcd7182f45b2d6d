/**
 * API keys per tenant. Only SHA-256 digests are kept in memory, and a candidate key is compared
 * against every digest of the tenant with `timingSafeEqual`, so neither the stored keys nor the
 * comparison time give a key away.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ApiKeyRegistry {
  /** Registers a key for a tenant; a tenant may hold several (rotation). */
  add(tenantId: string, key: string): void;
  /** Registers a key by its SHA-256 digest (hex), so configuration need not hold the key itself. */
  addHashed(tenantId: string, sha256Hex: string): void;
  verify(tenantId: string, key: string): boolean;
  /** A new random key (`hilo_` + 32 url-safe characters); not registered until `add`. */
  generate(): string;
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** The SHA-256 digest (hex) under which a key is stored; what `addHashed` expects. */
export function hashApiKey(key: string): string {
  return digest(key).toString('hex');
}

export function createApiKeyRegistry(): ApiKeyRegistry {
  const byTenant = new Map<string, Buffer[]>();
  const store = (tenantId: string, hashed: Buffer): void => {
    const list = byTenant.get(tenantId) ?? [];
    if (!list.some((existing) => timingSafeEqual(existing, hashed))) list.push(hashed);
    byTenant.set(tenantId, list);
  };
  return {
    add(tenantId, key) {
      if (key.length === 0) throw new RangeError('an API key must not be empty');
      store(tenantId, digest(key));
    },
    addHashed(tenantId, sha256Hex) {
      if (!/^[0-9a-fA-F]{64}$/.test(sha256Hex)) throw new RangeError('expected a SHA-256 digest in hex (64 characters)');
      store(tenantId, Buffer.from(sha256Hex, 'hex'));
    },
    verify(tenantId, key) {
      const list = byTenant.get(tenantId);
      if (!list || key.length === 0) return false;
      const hashed = digest(key);
      let match = false;
      // No early exit: the time taken does not tell which key (if any) matched.
      for (const existing of list) match = timingSafeEqual(existing, hashed) || match;
      return match;
    },
    generate() {
      return `hilo_${randomBytes(24).toString('base64url')}`;
    },
  };
}
