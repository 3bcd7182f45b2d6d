import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { AUDIT_GENESIS_HASH, assertNoPersonalData, auditHash, auditPayloadOf, createChainVerifier, type AuditLink, type AuditTrail } from '../ports/audit-trail.js';
import { canonicalJson } from '../../kernel/canonical-json.js';

export interface MemoryAuditTrail extends AuditTrail {
  /** The tenant's stored links, in order: the live rows (tests alter them to prove `verify` notices). */
  links(tenantId: string): AuditLink[];
}

/**
 * The audit trail of the all-in-memory mode: the same chain, hashing and verification as SQL, kept
 * in process memory (it ends with the process, like everything else in that mode).
 *
 * @example
 * const audit = createMemoryAuditTrail({ clock, logger, key: config.auditKey });
 */
/**
 * Where the memory trail keeps its chains; pass one to share it between trails (tests). `base` is
 * the seq and prev hash of the oldest link kept once older ones were dropped.
 */
export type MemoryAuditStore = Map<string, { links: AuditLink[]; issued: number; base?: { seq: number; prevHash: string } }>;

/** Links kept per tenant in memory mode; older ones are dropped (the chain verifies from the oldest kept). */
export const MEMORY_AUDIT_MAX_LINKS = 100_000;

export function createMemoryAuditTrail(options: { clock: Clock; logger: Logger; key?: string | null; store?: MemoryAuditStore; maxLinksPerTenant?: number }): MemoryAuditTrail {
  const maxLinks = options.maxLinksPerTenant ?? MEMORY_AUDIT_MAX_LINKS;
  const key = options.key ?? null;
  const log = options.logger.child({ component: 'audit' });
  const chains: MemoryAuditStore = options.store ?? new Map();
  const chainOf = (tenantId: string) => {
    let chain = chains.get(tenantId);
    if (!chain) {
      chain = { links: [], issued: 0 };
      chains.set(tenantId, chain);
    }
    return chain;
  };

  const append = async (tenantId: string, type: string, actor: string, payload: Record<string, unknown>): Promise<void> => {
    try {
      assertNoPersonalData(payload);
      const chain = chainOf(tenantId);
      const seq = chain.issued + 1;
      const prevHash = chain.links.at(-1)?.hash ?? AUDIT_GENESIS_HASH;
      const at = new Date(options.clock.now()).toISOString();
      const canonicalPayload = JSON.parse(canonicalJson(payload)) as unknown;
      const hash = auditHash(prevHash, { seq, type, actor, at, payload: canonicalPayload }, key);
      chain.links.push({ seq, type, actor, at, payload: canonicalPayload, prevHash, hash });
      chain.issued = seq;
      // A long-running memory-mode process must not grow without bound: drop the oldest links.
      if (chain.links.length > maxLinks) {
        chain.links.splice(0, chain.links.length - maxLinks);
        const oldest = chain.links[0] as AuditLink;
        chain.base = { seq: oldest.seq, prevHash: oldest.prevHash };
      }
    } catch (err) {
      log.error({ tenant: tenantId, type, code: (err as { code?: unknown }).code ?? null }, 'audit event not recorded');
    }
  };

  return {
    keyed: key !== null,
    async record(tenantId, event, actor = 'system') {
      const { type, payload } = auditPayloadOf(event);
      await append(tenantId, type, actor, payload);
    },
    append,
    async verify(tenantId) {
      const chain = chainOf(tenantId);
      const verifier = createChainVerifier(key, chain.base);
      for (const link of chain.links) {
        const broken = verifier.next(link);
        if (broken) {
          log.warn({ tenant: tenantId, brokenAt: broken.brokenAt, reason: broken.reason, keyedFrom: verifier.keyedFrom() }, 'audit chain broken');
          return { ok: false, brokenAt: broken.brokenAt };
        }
      }
      const done = verifier.finish(chain.issued);
      if (done.ok) return { ok: true, count: done.count };
      log.warn({ tenant: tenantId, brokenAt: done.brokenAt, reason: done.reason ?? null }, 'audit chain broken');
      return { ok: false, brokenAt: done.brokenAt };
    },
    links: (tenantId) => chainOf(tenantId).links,
  };
}
