/**
 * The audit trail: one hash chain per tenant of what happened to customers' data and who did it —
 * erasures and retention runs, tickets opened, leads pushed, agents' messages and resolutions,
 * identity links, refused tool calls and prompt-injection detections. Payloads carry ids, kinds
 * and counts, never personal data (the trail outlives an erasure).
 *
 * Each link is `hash = H(prev_hash + canonicalJson({ seq, type, actor, at, payload }))`, so
 * editing a payload, the type, the actor, the time or the order breaks the chain. `H` is SHA-256,
 * or HMAC-SHA256 with a server secret (`HILO_AUDIT_KEY`) so that someone who can write to the
 * database cannot recompute the chain after an edit; keyed links are stored as `hmac:<hex>`.
 *
 * Two implementations share this file's hashing and verification: SQL (`createSqlAuditTrail` in
 * `sql/audit.repository.ts`) and memory (`memory/memory-audit-trail.ts`).
 */
import { createHash, createHmac } from 'node:crypto';
import { HiloError } from '../../kernel/errors.js';
import { canonicalJson } from '../../kernel/canonical-json.js';

/** `prev_hash` of a tenant's first event. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
const KEYED_PREFIX = 'hmac:';

/**
 * What the trail records through `record` (erasures and retention are appended by governance in
 * their own transaction; identity linking appends its `identity.*` events through `append`).
 */
export type AuditEvent =
  | { type: 'ticket.opened'; conversationId: string; ticketId: string; ticketNumber: string; kind: string; reason: string }
  | { type: 'lead.pushed'; leadId: string; urgency: string | null; destination: 'crm_webhook' | 'embedded' }
  | { type: 'lead.delivery_failed'; leadId: string; code: string; attempts: number }
  /** The customer corrected a registered lead; `amendment` numbers the correction (its `lead.updated` delivery). */
  | { type: 'lead.amended'; leadId: string; amendment: number; destination: 'crm_webhook' | 'embedded' }
  | { type: 'lead.update_delivery_failed'; leadId: string; code: string; attempts: number }
  | { type: 'agent.took_over'; conversationId: string; ticketNumber: string | null }
  | { type: 'agent.message'; conversationId: string; ticketNumber: string; chars: number }
  | { type: 'agent.resolved'; conversationId: string; ticketNumber: string }
  /** The customer called off a handoff before any agent answered (`handoff.cancelling`). */
  | { type: 'ticket.cancelled'; conversationId: string; ticketId: string; ticketNumber: string; by: 'customer' }
  | { type: 'tool.refused'; conversationId: string; messageId: string | null; tool: string; outcome: string }
  | { type: 'security.prompt_injection'; conversationId: string; messageId: string | null; stage: 'understand' | 'compose'; category: string | null; score: number; signals: string[] };

export type AuditEventType = AuditEvent['type'] | 'contact.erased' | 'retention.enforced';

export type AuditBreak = 'hash_mismatch' | 'missing_link' | 'truncated' | 'key_required' | 'unkeyed_after_keyed';

/** The answer of `GET /api/tenants/{t}/audit/verify` (the shape predates keying and stays). */
export type AuditVerification = { ok: true; count: number } | { ok: false; brokenAt: number };

/** One stored link, as both implementations read it back. */
export interface AuditLink {
  seq: number;
  type: string;
  actor: string;
  /** ISO-8601, milliseconds, `Z`. */
  at: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

/**
 * The port every part of Hilo records through. `record` never throws: a failed append is logged
 * (by type, never payload) and the caller's work goes on — the trail must not take a turn down.
 */
export interface AuditTrail {
  /** Appends one event; `actor` says who acted (`system`, `customer`, `model`, `agent:<digest>`, `api-key:<digest>`). */
  record(tenantId: string, event: AuditEvent, actor?: string): Promise<void>;
  /** Appends an event of another module's vocabulary (e.g. `identity.code_sent`); same rules as `record`. */
  append(tenantId: string, type: string, actor: string, payload: Record<string, unknown>): Promise<void>;
  /** Recomputes the tenant's chain; `brokenAt` is the first seq whose link no longer holds. */
  verify(tenantId: string): Promise<AuditVerification>;
  /** True when links are HMAC-keyed. */
  readonly keyed: boolean;
}

/**
 * The hash of one link. With a key: `hmac:` + HMAC-SHA256; without: SHA-256 hex.
 *
 * @example
 * auditHash(AUDIT_GENESIS_HASH, { seq: 1, type: 'ticket.opened', actor: 'system', at, payload }, key)
 */
export function auditHash(prevHash: string, event: { seq: number; type: string; actor: string; at: string; payload: unknown }, key: string | null = null): string {
  const message = prevHash + canonicalJson({ seq: event.seq, type: event.type, actor: event.actor, at: event.at, payload: event.payload });
  if (key === null) return createHash('sha256').update(message).digest('hex');
  return KEYED_PREFIX + createHmac('sha256', key).update(message).digest('hex');
}

/** Splits an event into the link's type and payload (ids, kinds, counts). */
export function auditPayloadOf(event: AuditEvent): { type: AuditEvent['type']; payload: Record<string, unknown> } {
  const { type, ...payload } = event;
  return { type, payload };
}

/** Keys that would put personal data into the audit trail, which must outlive an erasure. */
const PERSONAL_KEYS = new Set([
  'name',
  'displayname',
  'display_name',
  'email',
  'phone',
  'text',
  'address',
  'company',
  'customertext',
  'message',
  'body',
  'externalid',
  'external_id',
  'handle',
  'username',
  'agentname',
]);

/** Throws `HILO_ERR_INTERNAL` when a payload carries a personal-data key (a programming error). */
export function assertNoPersonalData(value: unknown, path = 'payload'): void {
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

/**
 * Walks a chain in seq order and finds the first link that does not hold. With a key, unkeyed
 * links are accepted only before the first keyed one (a chain started before the key was set);
 * an unkeyed link after a keyed one is a rewrite. Without a key, a keyed link cannot be checked.
 */
export function createChainVerifier(
  key: string | null,
  /** Where the walk starts when older links were dropped (memory mode keeps a bounded window). */
  start: { seq: number; prevHash: string } = { seq: 1, prevHash: AUDIT_GENESIS_HASH },
): {
  /** Checks the next link; returns a break, or null when it holds. */
  next(link: AuditLink): { brokenAt: number; reason: AuditBreak } | null;
  /** After the last link: `issued` is how many links the tenant's counter says were written. */
  finish(issued: number): AuditVerification & { reason?: AuditBreak };
  /** The seq of the first keyed link, null when none is. */
  keyedFrom(): number | null;
} {
  let expectedPrev = start.prevHash;
  let expectedSeq = start.seq;
  let keyedFrom: number | null = null;
  return {
    next(link) {
      if (link.seq !== expectedSeq || link.prevHash !== expectedPrev) return { brokenAt: expectedSeq, reason: 'missing_link' };
      const isKeyed = link.hash.startsWith(KEYED_PREFIX);
      if (isKeyed && key === null) return { brokenAt: link.seq, reason: 'key_required' };
      if (!isKeyed && keyedFrom !== null) return { brokenAt: link.seq, reason: 'unkeyed_after_keyed' };
      if (auditHash(link.prevHash, link, isKeyed ? key : null) !== link.hash) return { brokenAt: link.seq, reason: 'hash_mismatch' };
      if (isKeyed && keyedFrom === null) keyedFrom = link.seq;
      expectedPrev = link.hash;
      expectedSeq += 1;
      return null;
    },
    finish(issued) {
      // A deleted tail is invisible to the walk; the counter remembers how far the chain went.
      if (issued !== expectedSeq - 1) return { ok: false, brokenAt: expectedSeq, reason: 'truncated' };
      return { ok: true, count: expectedSeq - 1 };
    },
    keyedFrom: () => keyedFrom,
  };
}
