import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { AuditLink } from '../../../src/persistence/ports/audit-trail.js';
import { createSqlAuditTrail } from '../../../src/persistence/sql/index.js';
import { toIso } from '../../../src/persistence/sql/sql-helpers.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { runAuditTrailContract } from '../../contract/audit-trail.contract.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

/** The audit port on real PostgreSQL and on PGlite: the same contract as the memory trail. */
describe.each(SQL_BACKENDS)('SQL audit trail on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  runAuditTrailContract({
    name: backend.name,
    clock: () => createManualClock(),
    tenant: () => `audit-${randomUUID().slice(0, 8)}`,
    async create({ key, clock }) {
      const db = opened.db;
      const trail = createSqlAuditTrail({ db, clock, logger: createSilentLogger(), key });
      return {
        trail,
        async links(tenantId) {
          const rows = await db.em().execute<{ seq: number; type: string; actor: string; payload: unknown; prev_hash: string; hash: string; created_at: Date }[]>(
            `select seq, type, actor, payload, prev_hash, hash, created_at from audit_events where tenant_id = ? order by seq`,
            [tenantId],
          );
          return rows.map((r): AuditLink => ({ seq: r.seq, type: r.type, actor: r.actor, at: toIso(r.created_at), payload: r.payload, prevHash: r.prev_hash, hash: r.hash }));
        },
        async rewrite(tenantId, seq, change) {
          const sets: string[] = [];
          const params: unknown[] = [];
          if (change.payload !== undefined) sets.push('payload = ?::jsonb'), params.push(JSON.stringify(change.payload));
          if (change.hash !== undefined) sets.push('hash = ?'), params.push(change.hash);
          if (change.prevHash !== undefined) sets.push('prev_hash = ?'), params.push(change.prevHash);
          if (change.actor !== undefined) sets.push('actor = ?'), params.push(change.actor);
          if (change.type !== undefined) sets.push('type = ?'), params.push(change.type);
          await db.em().execute(`update audit_events set ${sets.join(', ')} where tenant_id = ? and seq = ?`, [...params, tenantId, seq], 'run');
        },
        async deleteFrom(tenantId, fromSeq) {
          await db.em().execute(`delete from audit_events where tenant_id = ? and seq >= ?`, [tenantId, fromSeq], 'run');
        },
        destroy: async () => {},
      };
    },
  });
});
