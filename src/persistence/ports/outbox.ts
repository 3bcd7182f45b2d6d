/**
 * The outbox port: rows a committed turn (or an effect) wants delivered once to an outside
 * system. Rows are stored untyped (`kind` and a JSON `payload`); the typed messages and their
 * idempotency keys live with the worker (`src/runtime/outbox/messages.ts`), which parses every
 * row it claims.
 */

/** One outbox row as the worker sees it. */
export interface OutboxEntry {
  id: string;
  tenantId: string;
  conversationId: string;
  /** `reply` (written by the turn journal) or a side effect (`handoff.notify`, `crm.lead`, …). */
  kind: string;
  payload: Record<string, unknown>;
  /** Attempts so far, this claim included. */
  attempts: number;
  idempotencyKey: string;
  /** Clustered runtime only: the row's shard and the shard epoch this claim was made under. */
  shard?: number | null;
  claimEpoch?: number | null;
}

export interface NewOutboxEntry {
  tenantId: string;
  conversationId: string;
  kind: string;
  /** A JSON object (stored as `jsonb`). */
  payload: object;
  /** Unique per tenant: enqueueing the same key twice stores one row. */
  idempotencyKey: string;
}

/**
 * Which rows a claim may take. A lane is one tenant today; with shards across members it gains
 * the shard, so each member drains only the lanes it holds.
 */
export interface OutboxClaimScope {
  /** Only this tenant's rows. */
  tenantId?: string;
  /** None of these tenants' rows (their lanes are busy in this process). */
  excludeTenants?: readonly string[];
  /**
   * Clustered runtime (docs/cluster.md): only rows of these shards, each claimed under the
   * member's epoch — nothing of a shard whose `shard_epochs` row is higher (a newer owner), and
   * rows another owner claimed under a lower epoch are taken over at once (it lost the shard).
   */
  shards?: readonly { shard: number; epoch: number }[];
}

/**
 * The outbox as the worker uses it. Rows are `pending` → claimed (`sending`, leased until
 * `next_attempt_at`) → `done` or `failed`; a retry puts the row back to `pending` with a later
 * `next_attempt_at`. A claim whose worker died expires with its lease and is claimed again.
 */
export interface OutboxRepository {
  /** Inserts a row unless one with the same key exists; true when inserted. */
  enqueue(entry: NewOutboxEntry): Promise<boolean>;
  /** Claims up to `limit` due rows (oldest first) within `scope`, leasing them for `leaseMs`. */
  claimDue(limit: number, leaseMs: number, scope?: OutboxClaimScope): Promise<OutboxEntry[]>;
  markDone(id: string, result: { providerMessageId?: string | null; note?: string | null }): Promise<void>;
  /**
   * Puts a row claimed under `claimEpoch` back to `pending`, due now, without counting the
   * attempt (its shard moved before it was sent). Does nothing when another claim took it since.
   */
  release?(id: string, claimEpoch: number): Promise<void>;
  /** `retryAt` null: final failure. */
  markFailed(id: string, error: string, retryAt: number | null): Promise<void>;
  /**
   * Records a provider delivery status on the row that sent `providerMessageId`; false when none
   * did. Providers send statuses out of order (a `sent` after its `read`): a status never replaces
   * one further along (`deliveryStatusRank`), so the row keeps the furthest.
   */
  recordDeliveryStatus(tenantId: string, providerMessageId: string, status: string, error: string | null): Promise<boolean>;
}

/**
 * How far along a delivery status is: `queued` < `sent` < `failed` < `delivered` < `read`; an
 * unknown status ranks lowest. `failed` is over `sent` (the provider gave up after sending) and
 * under `delivered` (a message seen delivered did not fail).
 */
export const DELIVERY_STATUS_RANK: Readonly<Record<string, number>> = { queued: 1, sent: 2, failed: 3, delivered: 4, read: 5 };

export function deliveryStatusRank(status: string | null): number {
  return status === null ? -1 : (DELIVERY_STATUS_RANK[status] ?? 0);
}
