/**
 * API keys per tenant. Only SHA-256 digests are kept in memory, and a candidate key is compared
 * against every digest of the tenant with `timingSafeEqual`, so neither the stored keys nor the
 * comparison time give a key away.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ApiKeyRegistry {
  /** Registers a key for a tenant; a tenant may hold several (rotation). */
  add(tenantId: string, key: string): void;
  verify(tenantId: string, key: string): boolean;
  /** A new random key (`hilo_` + 32 url-safe characters); not registered until `add`. */
  generate(): string;
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function createApiKeyRegistry(): ApiKeyRegistry {
  const byTenant = new Map<string, Buffer[]>();
  return {
    add(tenantId, key) {
      if (key.length === 0) throw new RangeError('an API key must not be empty');
      const list = byTenant.get(tenantId) ?? [];
      const hashed = digest(key);
      if (!list.some((existing) => timingSafeEqual(existing, hashed))) list.push(hashed);
      byTenant.set(tenantId, list);
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
