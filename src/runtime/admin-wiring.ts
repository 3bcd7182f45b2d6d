import { createGovernanceService } from '../persistence/sql/governance.service.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import type { IdempotencyRecords } from '../persistence/ports/idempotency-records.js';
import { createAdminRoutes, startRetentionJob, type RetentionJob } from './admin-routes.js';
import type { ApiKeyRegistry } from './api-keys.js';
import type { Route } from './gateway/index.js';
import type { HiloStorage } from './storage.js';

/**
 * Governance (export, erase, retention) needs the SQL records: durable mode only. Audit
 * verification works in every mode (memory mode verifies its in-memory chain).
 */
export function createAdminWiring(options: {
  storage: HiloStorage;
  audit: AuditTrail;
  apiKeys: ApiKeyRegistry;
  hasTenant: (tenantId: string) => boolean;
  /** A contact's conversation is being erased: drop its live actor and fence it so nothing writes its state back (in a cluster, on every member). */
  onConversationErased: (tenantId: string, conversationId: string) => void | Promise<void>;
  /** Refuses a contact's erasure before anything is dropped (a cluster member of an older release is live). */
  beforeErase?: () => Promise<void>;
  /** Where REST `Idempotency-Key` answers are kept: an erased conversation's answers go too. */
  idempotencyRecords?: IdempotencyRecords;
  auditKey: string | null;
  /** Clustered runtime: enforce retention only for the tenants whose home shard this member owns. */
  retentionRunsHere?: (tenantId: string) => boolean;
  clock: Clock;
  logger: Logger;
}): { routes: Route[]; retention: RetentionJob | null } {
  const { storage, audit, apiKeys, hasTenant, clock, logger } = options;
  if (!storage.db) return { routes: createAdminRoutes({ governance: null, audit, apiKeys, hasTenant }), retention: null };
  const governance = createGovernanceService({
    db: storage.db,
    snapshots: storage.snapshots,
    clock,
    logger,
    auditKey: options.auditKey,
    onConversationErased: (key) => options.onConversationErased(key.tenantId, key.conversationId),
    ...(options.beforeErase ? { beforeErase: options.beforeErase } : {}),
    ...(options.idempotencyRecords ? { forgetStoredAnswers: (key) => options.idempotencyRecords!.forgetConversation(key) } : {}),
  });
  return { routes: createAdminRoutes({ governance, audit, apiKeys, hasTenant }), retention: startRetentionJob({ governance, clock, logger, ...(options.retentionRunsHere ? { runsHere: options.retentionRunsHere } : {}) }) };
}
