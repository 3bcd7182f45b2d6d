import { randomUUID } from 'node:crypto';
import { samePhone } from '../../domain/phone.js';
import type { Clock } from '../../kernel/clock.js';
import type {
  ContactDirectory,
  LeadRecord,
  LeadStore,
  OpenTicketInput,
  TicketRecord,
  TicketStore,
} from '../ports/records.js';

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

/** In-process ticket store (embedded default): numbers `T-000001`… per tenant. */
export function createMemoryTicketStore(options: { clock: Clock }): TicketStore {
  const byTenant = new Map<string, TicketRecord[]>();
  const byKey = new Map<string, TicketRecord>();
  return {
    async open(input: OpenTicketInput) {
      const existing = byKey.get(`${input.tenantId}\u0000${input.idempotencyKey}`);
      if (existing) return { ...existing };
      const list = byTenant.get(input.tenantId) ?? [];
      byTenant.set(input.tenantId, list);
      const record: TicketRecord = {
        ticketId: randomUUID(),
        number: `T-${pad(list.length + 1)}`,
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        kind: input.kind,
        reason: input.reason,
        summary: input.summary,
        status: 'open',
        openedAt: new Date(options.clock.now()).toISOString(),
        closedAt: null,
        agentName: null,
        outcome: null,
        rating: null,
      };
      list.push(record);
      byKey.set(`${input.tenantId}\u0000${input.idempotencyKey}`, record);
      return { ...record };
    },
    async close(tenantId, ticketId, agentName, outcome) {
      const record = byTenant.get(tenantId)?.find((t) => t.ticketId === ticketId);
      if (!record) return null;
      if (record.status === 'open') {
        record.status = 'closed';
        record.closedAt = new Date(options.clock.now()).toISOString();
        record.agentName = agentName;
        record.outcome = outcome;
      }
      return { ...record };
    },
    async list(tenantId) {
      return (byTenant.get(tenantId) ?? []).map((t) => ({ ...t }));
    },
    async rate(tenantId, ticketId, rating) {
      const record = byTenant.get(tenantId)?.find((t) => t.ticketId === ticketId);
      if (!record) return false;
      record.rating = rating;
      return true;
    },
  };
}

/** In-process lead store (embedded default): ids `L-000001`… per tenant. */
export function createMemoryLeadStore(options: { clock: Clock }): LeadStore {
  const byTenant = new Map<string, LeadRecord[]>();
  const byKey = new Map<string, LeadRecord>();
  return {
    async save(input) {
      const key = `${input.tenantId}\u0000${input.idempotencyKey}`;
      const existing = byKey.get(key);
      if (existing) return structuredClone(existing);
      const list = byTenant.get(input.tenantId) ?? [];
      byTenant.set(input.tenantId, list);
      const leadId = `L-${pad(list.length + 1)}`;
      const record: LeadRecord = {
        leadId,
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        payload: input.build(leadId),
        createdAt: new Date(options.clock.now()).toISOString(),
      };
      list.push(record);
      byKey.set(key, record);
      return structuredClone(record);
    },
    async list(tenantId) {
      return structuredClone(byTenant.get(tenantId) ?? []);
    },
  };
}

/**
 * In-process contact directory: one conversation per (tenant, channel, external id) until an
 * identity is linked to another thread; facts (phone, email) per thread for cross-channel matches.
 */
export function createMemoryContactDirectory(): ContactDirectory {
  const ids = new Map<string, { tenantId: string; channel: string; externalId: string; conversationId: string }>();
  const facts = new Map<string, { tenantId: string; conversationId: string; phone?: string; email?: string }>();
  const known = new Set<string>();
  const threadKey = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;
  return {
    async resolve(tenantId, channel, externalId) {
      const key = `${tenantId}\u0000${channel}\u0000${externalId}`;
      let found = ids.get(key);
      if (!found) {
        found = { tenantId, channel, externalId, conversationId: `c_${randomUUID().replace(/-/g, '')}` };
        ids.set(key, found);
        known.add(threadKey(tenantId, found.conversationId));
      }
      return found.conversationId;
    },
    async rememberFacts(tenantId, conversationId, f) {
      const k = threadKey(tenantId, conversationId);
      const current = facts.get(k) ?? { tenantId, conversationId };
      facts.set(k, { ...current, ...(f.phone ? { phone: f.phone } : {}), ...(f.email ? { email: f.email.toLowerCase() } : {}) });
    },
    async findOtherThread(tenantId, conversationId, f) {
      const email = f.email?.toLowerCase();
      for (const row of facts.values()) {
        if (row.tenantId !== tenantId || row.conversationId === conversationId) continue;
        if (!((f.phone && samePhone(row.phone, f.phone)) || (email && row.email === email))) continue;
        const identities = [...ids.values()].filter((i) => i.tenantId === tenantId && i.conversationId === row.conversationId);
        // A channel that can carry a code first; the web widget cannot.
        const best = identities.find((i) => i.channel !== 'web') ?? identities[0];
        if (best) return { conversationId: row.conversationId, channel: best.channel, externalId: best.externalId };
      }
      return null;
    },
    async linkIdentity(tenantId, conversationId, channel, externalId) {
      if (!known.has(threadKey(tenantId, conversationId))) return false;
      ids.set(`${tenantId}\u0000${channel}\u0000${externalId}`, { tenantId, channel, externalId, conversationId });
      return true;
    },
  };
}
