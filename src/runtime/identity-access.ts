/**
 * Where identity-link limits count and where their audit events go, by storage mode: counters in
 * Redis when `REDIS_URL` is set (shared by every process), else in the SQL database, else in
 * memory; audit events in the tenant's SQL audit chain when there is a database.
 */
import type { AccessCounters } from '../persistence/ports/access-counters.js';
import { createMemoryAccessCounters } from '../persistence/ports/access-counters.js';
import type { IdentityAuditEvent } from '../actors/identity/link-guard.js';
import { createRedisAccessCounters } from '../persistence/redis/redis-access-counters.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import { createAuditRepository } from '../persistence/sql/audit.repository.js';
import { createSqlAccessCounters } from '../persistence/sql/access-counters.repository.js';
import type { Database } from '../persistence/sql/database.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';

export interface IdentityAccess {
  counters: AccessCounters;
  audit?: (event: IdentityAuditEvent) => Promise<void>;
  close(): Promise<void>;
}

export function createIdentityAccess(options: { redisUrl?: string; redisPrefix?: string; db?: Database; auditTrail?: AuditTrail; clock: Clock; logger: Logger }): IdentityAccess {
  const { db, clock, logger } = options;
  const redis = options.redisUrl ? createRedisAccessCounters({ url: options.redisUrl, ...(options.redisPrefix ? { prefix: options.redisPrefix } : {}), logger }) : null;
  const counters = redis ?? (db ? createSqlAccessCounters({ db, clock }) : createMemoryAccessCounters({ clock }));
  // The runtime's audit port (keyed like every other event, memory mode included) when given.
  const trail = options.auditTrail;
  const auditRepo = trail === undefined && db ? createAuditRepository({ db, clock }) : null;
  return {
    counters,
    ...(trail ? { audit: (e: IdentityAuditEvent) => trail.append(e.tenantId, e.type, 'system:identity-link', e.payload) } : {}),
    ...(auditRepo ? { audit: async (e: IdentityAuditEvent) => void (await auditRepo.appendAudit(e.tenantId, e.type, 'system:identity-link', e.payload)) } : {}),
    close: async () => {
      await redis?.close();
    },
  };
}
