import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import {
  AUDIT_GENESIS_HASH,
  assertNoPersonalData,
  auditHash,
  auditPayloadOf,
  createChainVerifier,
  type AuditBreak,
  type AuditTrail,
  type AuditVerification,
} from '../ports/audit-trail.js';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { Database } from './database.js';
import { nextTenantCounter, toIso } from './sql-helpers.js';

export { AUDIT_GENESIS_HASH, auditHash };
export type { AuditVerification };

export interface AuditRepository {
  /** Appends one event to the tenant's hash chain. The payload holds ids and counts, never personal data. */
  appendAudit(tenantId: string, type: string, actor: string, payload: Record<string, unknown>): Promise<{ seq: number; hash: string }>;
  /** Recomputes the whole chain; `brokenAt` is the first seq whose row no longer matches. */
  verifyAuditChain(tenantId: string): Promise<AuditVerification>;
  /** The same walk, with why it broke (for the log) and where keyed links start. */
  inspectAuditChain(tenantId: string): Promise<AuditInspection>;
}

export type AuditInspection = AuditVerification & { reason?: AuditBreak; keyedFrom: number | null };

export interface AuditRepositoryOptions {
  db: Database;
  clock: Clock;
  /** `HILO_AUDIT_KEY`: links are HMAC-SHA256 with it, so a database writer cannot recompute them. */
  key?: string | null;
}

/**
 * Appends one link inside the caller's transaction, so an erasure and its record commit (or roll
 * back) together. The counter row lock serialises appends per tenant, so `seq - 1` is the tip.
 */
export async function appendAuditIn(
  tem: EntityManager,
  options: { clock: Clock; key?: string | null },
  tenantId: string,
  type: string,
  actor: string,
  payload: Record<string, unknown>,
): Promise<{ seq: number; hash: string }> {
  assertNoPersonalData(payload);
  const canonicalPayload = JSON.parse(canonicalJson(payload)) as unknown;
  const seq = await nextTenantCounter(tem, tenantId, 'audit');
  const prev = await tem.execute<{ hash: string }[]>(`select hash from audit_events where tenant_id = ? and seq = ?`, [tenantId, seq - 1]);
  const prevHash = seq === 1 ? AUDIT_GENESIS_HASH : prev[0]?.hash;
  if (prevHash === undefined) throw new Error(`audit chain of tenant ${tenantId} has no event ${seq - 1}`);
  const at = toIso(new Date(options.clock.now()));
  const hash = auditHash(prevHash, { seq, type, actor, at, payload: canonicalPayload }, options.key ?? null);
  await tem.execute(
    `insert into audit_events (tenant_id, seq, type, actor, payload, prev_hash, hash, created_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
    [tenantId, seq, type, actor, JSON.stringify(canonicalPayload), prevHash, hash, new Date(at)],
    'run',
  );
  return { seq, hash };
}

const VERIFY_PAGE = 500;

export function createAuditRepository(options: AuditRepositoryOptions): AuditRepository {
  const { db, clock } = options;
  const key = options.key ?? null;

  const inspect = async (tenantId: string): Promise<AuditInspection> => {
    const verifier = createChainVerifier(key);
    let nextSeq = 1;
    for (;;) {
      const rows = await db.em().execute<
        { seq: number; type: string; actor: string; payload: unknown; prev_hash: string; hash: string; created_at: Date }[]
      >(
        `select seq, type, actor, payload, prev_hash, hash, created_at from audit_events
         where tenant_id = ? and seq >= ? order by seq limit ?`,
        [tenantId, nextSeq, VERIFY_PAGE],
      );
      for (const row of rows) {
        const broken = verifier.next({ seq: row.seq, type: row.type, actor: row.actor, at: toIso(row.created_at), payload: row.payload, prevHash: row.prev_hash, hash: row.hash });
        if (broken) return { ok: false, ...broken, keyedFrom: verifier.keyedFrom() };
        nextSeq = row.seq + 1;
      }
      if (rows.length < VERIFY_PAGE) break;
    }
    const counter = await db.em().execute<{ value: number }[]>(`select value from tenant_counters where tenant_id = ? and name = 'audit'`, [tenantId]);
    return { ...verifier.finish(counter[0]?.value ?? 0), keyedFrom: verifier.keyedFrom() };
  };

  return {
    async appendAudit(tenantId, type, actor, payload) {
      assertNoPersonalData(payload);
      return db.em().transactional((tem) => appendAuditIn(tem, { clock, key }, tenantId, type, actor, payload));
    },

    async verifyAuditChain(tenantId) {
      const inspected = await inspect(tenantId);
      return inspected.ok ? { ok: true, count: inspected.count } : { ok: false, brokenAt: inspected.brokenAt };
    },

    inspectAuditChain: inspect,
  };
}

/**
 * The audit port over SQL (durable and embedded PGlite modes).
 *
 * @example
 * const audit = createSqlAuditTrail({ db, clock, logger, key: config.auditKey });
 * await audit.record('ferreteria', { type: 'ticket.opened', conversationId, ticketId, ticketNumber, kind: 'handoff', reason: 'customer_request' });
 */
export function createSqlAuditTrail(options: AuditRepositoryOptions & { logger: Logger }): AuditTrail {
  const repo = createAuditRepository(options);
  const log = options.logger.child({ component: 'audit' });
  const append = async (tenantId: string, type: string, actor: string, payload: Record<string, unknown>): Promise<void> => {
    try {
      await repo.appendAudit(tenantId, type, actor, payload);
    } catch (err) {
      log.error({ tenant: tenantId, type, code: (err as { code?: unknown }).code ?? null }, 'audit event not recorded');
    }
  };
  return {
    keyed: (options.key ?? null) !== null,
    async record(tenantId, event, actor = 'system') {
      const { type, payload } = auditPayloadOf(event);
      await append(tenantId, type, actor, payload);
    },
    append,
    async verify(tenantId) {
      const inspected = await repo.inspectAuditChain(tenantId);
      if (inspected.ok) return { ok: true, count: inspected.count };
      log.warn({ tenant: tenantId, brokenAt: inspected.brokenAt, reason: inspected.reason ?? null, keyedFrom: inspected.keyedFrom }, 'audit chain broken');
      return { ok: false, brokenAt: inspected.brokenAt };
    },
  };
}
