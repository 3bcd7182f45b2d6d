import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryAuditTrail, type MemoryAuditStore } from '../../../src/persistence/memory/memory-audit-trail.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { runAuditTrailContract } from '../../contract/audit-trail.contract.js';

const store: MemoryAuditStore = new Map();

runAuditTrailContract({
  name: 'memory',
  clock: () => createManualClock(),
  tenant: () => `t-${randomUUID().slice(0, 8)}`,
  async create({ key, clock }) {
    const trail = createMemoryAuditTrail({ clock, logger: createSilentLogger(), key, store });
    return {
      trail,
      links: async (tenantId) => trail.links(tenantId).map((l) => ({ ...l })),
      async rewrite(tenantId, seq, change) {
        const link = trail.links(tenantId).find((l) => l.seq === seq);
        if (!link) throw new Error(`no link ${seq}`);
        Object.assign(link, change);
      },
      async deleteFrom(tenantId, fromSeq) {
        const links = trail.links(tenantId);
        links.splice(links.findIndex((l) => l.seq === fromSeq));
      },
      destroy: async () => {},
    };
  },
});

describe('memory audit trail window', () => {
  it('should keep only the newest links of a long-running process and still verify them, and still find an edit', async () => {
    const trail = createMemoryAuditTrail({ clock: createManualClock(), logger: createSilentLogger(), maxLinksPerTenant: 3 });
    for (let i = 0; i < 5; i++) await trail.record('t', { type: 'agent.message', conversationId: 'c', ticketNumber: 'T-1', chars: i });
    expect(trail.links('t').map((l) => l.seq)).toEqual([3, 4, 5]);
    expect(await trail.verify('t')).toEqual({ ok: true, count: 5 });
    (trail.links('t')[1] as { payload: unknown }).payload = { conversationId: 'c', ticketNumber: 'T-1', chars: 99 };
    expect(await trail.verify('t')).toEqual({ ok: false, brokenAt: 4 });
  });
});
