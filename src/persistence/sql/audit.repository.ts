import { createHash } from 'node:crypto';
import { HiloError } from '../../errors.js';
import type { Clock } from '../../runtime/clock.js';
import { canonicalJson } from './canonical-json.js';
import type { Database } from './database.js';
import { nextTenantCounter, toIso } from './sql-helpers.js';

/** `prev_hash` of a tenant's first event. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Keys that would put personal data into the audit trail, which must outlive an erasure. */
const PERSONAL_KEYS = new Set(['name', 'displayname', 'display_name', 'email', 'phone', 'text', 'address', 'company']);

export type AuditVerification = { ok: true; count: number } | { ok: false; brokenAt: number };

export interface AuditRepository {
  /** Appends one event to the tenant's hash chain. The payload holds ids and counts, never personal data. */
  appendAudit(tenantId: string, type: string, actor: string, payload: Record<string, unknown>): Promise<{ seq: number; hash: string }>;
  /** Recomputes the whole chain; `brokenAt` is the first seq whose row no longer matches. */
  verifyAuditChain(tenantId: string): Promise<AuditVerification>;
}

/**
 * `hash = sha256(prev_hash + canonicalJson({ seq, type, actor, at, payload }))`: the envelope is
 * hashed with the payload so that editing the type, actor, time or order breaks the chain too.
 */
export function auditHash(prevHash: string, event: { seq: number; type: string; actor: string; at: string; payload: unknown }): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson({ seq: event.seq, type: event.type, actor: event.actor, at: event.at, payload: event.payload }))
    .digest('hex');
}

const VERIFY_PAGE = 500;

export function createAuditRepository(options: { db: Database; clock: Clock }): AuditRepository {
  const { db, clock } = options;

  return {
    async appendAudit(tenantId, type, actor, payload) {
      assertNoPersonalData(payload);
      const canonicalPayload = JSON.parse(canonicalJson(payload)) as unknown;
      return db.em().transactional(async (tem) => {
        // The counter row lock serialises appends per tenant, so `seq - 1` is the committed tip.
        const seq = await nextTenantCounter(tem, tenantId, 'audit');
        const prev = await tem.execute<{ hash: string }[]>(`select hash from audit_events where tenant_id = ? and seq = ?`, [tenantId, seq - 1]);
        const prevHash = seq === 1 ? AUDIT_GENESIS_HASH : prev[0]?.hash;
        if (prevHash === undefined) throw new Error(`audit chain of tenant ${tenantId} has no event ${seq - 1}`);
        const at = toIso(new Date(clock.now()));
        const hash = auditHash(prevHash, { seq, type, actor, at, payload: canonicalPayload });
        await tem.execute(
          `insert into audit_events (tenant_id, seq, type, actor, payload, prev_hash, hash, created_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
          [tenantId, seq, type, actor, JSON.stringify(canonicalPayload), prevHash, hash, new Date(at)],
          'run',
        );
        return { seq, hash };
      });
    },

    async verifyAuditChain(tenantId) {
      let expectedPrev = AUDIT_GENESIS_HASH;
      let expectedSeq = 1;
      for (;;) {
        const rows = await db.em().execute<
          { seq: number; type: string; actor: string; payload: unknown; prev_hash: string; hash: string; created_at: Date }[]
        >(
          `select seq, type, actor, payload, prev_hash, hash, created_at from audit_events
           where tenant_id = ? and seq >= ? order by seq limit ?`,
          [tenantId, expectedSeq, VERIFY_PAGE],
        );
        for (const row of rows) {
          if (row.seq !== expectedSeq || row.prev_hash !== expectedPrev) return { ok: false, brokenAt: expectedSeq };
          const hash = auditHash(row.prev_hash, { seq: row.seq, type: row.type, actor: row.actor, at: toIso(row.created_at), payload: row.payload });
          if (hash !== row.hash) return { ok: false, brokenAt: row.seq };
          expectedPrev = row.hash;
          expectedSeq += 1;
        }
        if (rows.length < VERIFY_PAGE) break;
      }
      // A deleted tail is invisible to the walk; the counter remembers how far the chain went.
      const counter = await db.em().execute<{ value: number }[]>(
        `select value from tenant_counters where tenant_id = ? and name = 'audit'`,
        [tenantId],
      );
      const issued = counter[0]?.value ?? 0;
      if (issued !== expectedSeq - 1) return { ok: false, brokenAt: expectedSeq };
      return { ok: true, count: expectedSeq - 1 };
    },
  };
}

function assertNoPersonalData(value: unknown, path = 'payload'): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoPersonalData(item, `${path}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(key.toLowerCase())) {
      throw new HiloError('HILO_ERR_INTERNAL', `Audit payloads must not carry personal data (${path}.${key}); record ids instead.`);
    }
    assertNoPersonalData(inner, `${path}.${key}`);
  }
}
