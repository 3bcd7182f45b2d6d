import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
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
    async claim(tenantId, ticketId, owner, expectedOwnerId) {
      const record = byTenant.get(tenantId)?.find((t) => t.ticketId === ticketId);
      if (!record) return null;
      const current = record.owner?.id ?? null;
      const ok = record.status === 'open' && (current === null || current === owner.id || current === expectedOwnerId);
      if (ok && current !== owner.id) record.owner = { id: owner.id, displayName: owner.displayName, at: new Date(options.clock.now()).toISOString() };
      return { ok, ticket: structuredClone(record) };
    },
    async release(tenantId, ticketId, expectedOwnerId) {
      const record = byTenant.get(tenantId)?.find((t) => t.ticketId === ticketId);
      if (!record) return null;
      const ok = record.status === 'open' && record.owner?.id === expectedOwnerId;
      if (ok) delete record.owner;
      return { ok, ticket: structuredClone(record) };
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
    async amend(tenantId, leadId, payload) {
      const record = (byTenant.get(tenantId) ?? []).find((r) => r.leadId === leadId);
      if (!record) return null;
      // The same payload again (a replayed turn) is no new correction.
      if (isDeepStrictEqual(record.payload, payload)) return structuredClone(record);
      record.payload = structuredClone(payload);
      record.amendments = (record.amendments ?? 0) + 1;
      return structuredClone(record);
    },
  };
}

/**
 * In-process contact directory: one conversation per (tenant, channel, external id) until an
 * identity is linked to another thread; facts (phone, email) per thread for cross-channel matches.
 *
 * Compact, since every widget visitor who says hello gets an identity: one entry per identity
 * (one flat key string → the conversation id) and nothing per thread. Linking and cross-thread
 * matches walk the identities (rare operations, as `findOtherThread` always did).
 */
export function createMemoryContactDirectory(): ContactDirectory {
  /** `tenant \0 channel \0 externalId` → conversation id, in the order identities were first seen. */
  const ids = new Map<string, string>();
  const facts = new Map<string, { tenantId: string; conversationId: string; phone?: string; email?: string }>();
  /** Threads no identity points at any more (their first identity was linked elsewhere): still known. */
  const unpointed = new Set<string>();
  const threadKey = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;
  // `join` builds one flat string: a chain of concatenations would keep every piece.
  const identityKey = (tenantId: string, channel: string, externalId: string) => [tenantId, channel, externalId].join('\u0000');
  const identityOf = (key: string) => {
    const a = key.indexOf('\u0000');
    const b = key.indexOf('\u0000', a + 1);
    return { tenantId: key.slice(0, a), channel: key.slice(a + 1, b), externalId: key.slice(b + 1) };
  };
  /** Whether `resolve` created this thread (some identity of the tenant points at it, or once did). */
  const isKnown = (tenantId: string, conversationId: string): boolean => {
    if (unpointed.has(threadKey(tenantId, conversationId))) return true;
    const prefix = `${tenantId}\u0000`;
    for (const [key, thread] of ids) if (thread === conversationId && key.startsWith(prefix)) return true;
    return false;
  };
  return {
    async resolve(tenantId, channel, externalId) {
      const key = identityKey(tenantId, channel, externalId);
      let conversationId = ids.get(key);
      if (conversationId === undefined) {
        // Prefixed before the dashes go, so the id is one flat string too.
        conversationId = `c_${randomUUID()}`.replace(/-/g, '');
        ids.set(key, conversationId);
      }
      return conversationId;
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
        const identities = [...ids]
          .filter(([, thread]) => thread === row.conversationId)
          .map(([key]) => identityOf(key))
          .filter((i) => i.tenantId === tenantId);
        // A channel that can carry a code first; the web widget cannot.
        const best = identities.find((i) => i.channel !== 'web') ?? identities[0];
        if (best) return { conversationId: row.conversationId, channel: best.channel, externalId: best.externalId };
      }
      return null;
    },
    async linkIdentity(tenantId, conversationId, channel, externalId) {
      if (!isKnown(tenantId, conversationId)) return false;
      const key = identityKey(tenantId, channel, externalId);
      const before = ids.get(key);
      ids.set(key, conversationId);
      // The thread this identity pointed at stays known even when no identity points at it now.
      if (before !== undefined && before !== conversationId && !isKnown(tenantId, before)) unpointed.add(threadKey(tenantId, before));
      return true;
    },
  };
}
