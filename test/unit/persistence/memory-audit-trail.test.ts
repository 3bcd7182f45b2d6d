import { randomUUID } from 'node:crypto';
import { createMemoryAuditTrail, type MemoryAuditStore } from '../../../src/persistence/embedded/memory-audit-trail.js';
import { createManualClock } from '../../../src/runtime/clock.js';
import { createSilentLogger } from '../../../src/runtime/logger.js';
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
