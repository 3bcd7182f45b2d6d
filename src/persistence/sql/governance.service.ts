import { HiloError } from '../../kernel/errors.js';
import type { ConversationKey, SnapshotStore } from '../ports/snapshot-store.js';
import {
  createAuditRepository,
  createGovernanceRepository,
  toContactRef,
  type AuditEventRecord,
  type AuditVerification,
  type ChannelIdentityRecord,
  type ContactRecord,
  type ConversationRecordSql,
  type Database,
  type ErasureCounts,
  type LeadRecordSql,
  type TicketRecordSql,
} from './index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';

/** Bumped whenever the export's shape changes incompatibly. */
export const CONTACT_EXPORT_FORMAT_VERSION = 1;

/** Everything Hilo holds about one contact, machine-readable. */
export interface ContactExport {
  format_version: number;
  exported_at: string;
  tenant_id: string;
  /** The contact's thread id (`c_…`), the id the API and the host use. */
  contact_id: string;
  contact: ContactRecord | null;
  channel_identities: ChannelIdentityRecord[];
  conversations: (ConversationRecordSql & { snapshot: { seq: number; savedAt: string; machineVersion: number; state: unknown } | null })[];
  leads: LeadRecordSql[];
  tickets: TicketRecordSql[];
  audit_events: AuditEventRecord[];
}

/** `storedAnswers`: REST answers kept for an `Idempotency-Key` (they hold the replies), dropped with their conversation. */
export type GovernanceCounts = ErasureCounts & { snapshots: number; storedAnswers: number };

export interface EraseResult {
  outcome: 'erased' | 'already_erased';
  contactId: string;
  counts: GovernanceCounts;
  auditSeq: number | null;
}

export interface RetentionResult {
  tenantId: string;
  olderThanDays: number;
  cutoff: string;
  counts: GovernanceCounts;
  auditSeq: number;
}

export interface GovernanceService {
  /** Null when the tenant holds nothing about this contact. */
  exportContact(tenantId: string, contactId: string): Promise<ContactExport | null>;
  /** Null when the contact is unknown and was never erased; erasing twice answers `already_erased`. */
  eraseContact(tenantId: string, contactId: string, actor: string): Promise<EraseResult | null>;
  verifyAudit(tenantId: string): Promise<AuditVerification>;
  enforceRetention(tenantId: string, olderThanDays: number, actor?: string): Promise<RetentionResult>;
  /** Tenants with a retention period in the `tenants` table. */
  retentionPolicies(): Promise<{ tenantId: string; retentionDays: number }[]>;
}

export interface GovernanceServiceOptions {
  db: Database;
  /** `HILO_AUDIT_KEY`: the audit chain is HMAC-SHA256 keyed with it (null: plain SHA-256). */
  auditKey?: string | null;
  snapshots: SnapshotStore;
  clock: Clock;
  logger: Logger;
  /**
   * Called for every erased conversation before its snapshot is deleted, so the host can drop a
   * live actor that would otherwise persist its state again.
   */
  onConversationErased?: (key: ConversationKey) => void | Promise<void>;
  /**
   * Drops what else the deployment keeps about an erased conversation outside SQL and snapshots:
   * the REST `Idempotency-Key` answers (Redis or memory). Returns how many went.
   */
  forgetStoredAnswers?: (key: ConversationKey) => Promise<number>;
  /**
   * Asked before a contact's erasure drops anything; throwing refuses it whole (a cluster with a
   * member that would not honour it: `HILO_ERR_CLUSTER_UPGRADE_PENDING`). Retention does not ask.
   */
  beforeErase?: () => Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_RETENTION_DAYS = 36_500;

/**
 * Export, erasure, audit verification and retention for the SQL-backed runtime.
 *
 * @example
 * const governance = createGovernanceService({ db, snapshots, clock, logger });
 * const data = await governance.exportContact('ferreteria', 'c_0f3a…');
 * await governance.eraseContact('ferreteria', 'c_0f3a…', 'api');
 */
export function createGovernanceService(options: GovernanceServiceOptions): GovernanceService {
  const { db, snapshots, clock } = options;
  const log = options.logger.child({ component: 'governance' });
  const repo = createGovernanceRepository({ db, clock, auditKey: options.auditKey ?? null });
  const audit = createAuditRepository({ db, clock, key: options.auditKey ?? null });

  /** Snapshots and stored answers of erased conversations; counts how many of each went. */
  const dropSnapshots = async (tenantId: string, conversationIds: Iterable<string>, dropped = { snapshots: 0, storedAnswers: 0 }): Promise<{ snapshots: number; storedAnswers: number }> => {
    for (const conversationId of new Set(conversationIds)) {
      const key = { tenantId, conversationId };
      await options.onConversationErased?.(key);
      if ((await snapshots.get(key).catch(() => null)) !== null) dropped.snapshots += 1;
      await snapshots.delete(key);
      dropped.storedAnswers += (await options.forgetStoredAnswers?.(key)) ?? 0;
    }
    return dropped;
  };

  return {
    async exportContact(tenantId, contactId) {
      const data = await repo.collectContact(tenantId, contactId);
      if (data === null) return null;
      const conversations = [];
      for (const conversation of data.conversations) {
        const envelope = await snapshots.get({ tenantId, conversationId: conversation.conversationId });
        conversations.push({
          ...conversation,
          snapshot: envelope === null ? null : { seq: envelope.seq, savedAt: envelope.savedAt, machineVersion: envelope.machineVersion, state: envelope.snapshot },
        });
      }
      log.info({ tenant: tenantId, conversations: conversations.length, leads: data.leads.length, tickets: data.tickets.length }, 'contact exported');
      return {
        format_version: CONTACT_EXPORT_FORMAT_VERSION,
        exported_at: new Date(clock.now()).toISOString(),
        tenant_id: tenantId,
        contact_id: toContactRef(contactId).threadId,
        contact: data.contact,
        channel_identities: data.identities,
        conversations,
        leads: data.leads,
        tickets: data.tickets,
        audit_events: data.auditEvents,
      };
    },

    async eraseContact(tenantId, contactId, actor) {
      await options.beforeErase?.();
      const ref = toContactRef(contactId);
      // Snapshots first: a failure here leaves the SQL rows, so a retry still finds the threads.
      const before = await repo.conversationIdsOf(tenantId, contactId);
      const dropped = await dropSnapshots(tenantId, [...before, ref.threadId]);
      const erased = await repo.eraseContact(tenantId, contactId, actor);
      if (erased.outcome === 'not_found') return null;
      // Threads that appeared between the two reads.
      await dropSnapshots(tenantId, erased.conversationIds.filter((id) => !before.includes(id)), dropped);
      // Erased means unreadable, also in the embedded database's files (dead tuples, WAL).
      if (erased.outcome === 'erased') await db.scrubDeleted();
      log.info({ tenant: tenantId, outcome: erased.outcome, counts: erased.counts, ...dropped, auditSeq: erased.audit?.seq ?? null }, 'contact erased');
      return {
        outcome: erased.outcome,
        contactId: ref.threadId,
        counts: { ...erased.counts, ...dropped },
        auditSeq: erased.audit?.seq ?? null,
      };
    },

    verifyAudit(tenantId) {
      return audit.verifyAuditChain(tenantId);
    },

    async enforceRetention(tenantId, olderThanDays, actor = 'retention-job') {
      if (!Number.isInteger(olderThanDays) || olderThanDays < 1 || olderThanDays > MAX_RETENTION_DAYS) {
        throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, {
          details: [{ path: 'older_than_days', problem: `must be an integer between 1 and ${MAX_RETENTION_DAYS}` }],
        });
      }
      const cutoffMs = clock.now() - olderThanDays * DAY_MS;
      const erased = await repo.eraseExpired(tenantId, cutoffMs, actor, { olderThanDays });
      const dropped = await dropSnapshots(tenantId, erased.conversationIds);
      if (erased.conversationIds.length > 0 || Object.values(erased.counts).some((n) => typeof n === 'number' && n > 0)) await db.scrubDeleted();
      log.info({ tenant: tenantId, olderThanDays, counts: erased.counts, ...dropped, auditSeq: erased.audit.seq }, 'retention enforced');
      return { tenantId, olderThanDays, cutoff: erased.cutoff, counts: { ...erased.counts, ...dropped }, auditSeq: erased.audit.seq };
    },

    retentionPolicies() {
      return repo.retentionPolicies();
    },
  };
}
