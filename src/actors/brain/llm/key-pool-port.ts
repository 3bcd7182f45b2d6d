/**
 * What the LLM client needs from the pool of provider API keys: a key per conversation, request
 * budgets and rate-limit reports. The pool itself (`createKeyPool`) lives in `src/runtime/key-pool.ts`
 * and is handed in by the wiring; the brain only knows this port.
 */

/** What the LLM client needs to call the provider for a conversation. */
export interface KeyLease {
  entryId: string;
  label: string;
  baseURL: string;
  model: string;
}

export type AcquireResult =
  | { ok: true; lease: KeyLease }
  /** `full`: every usable entry is at its conversation cap; `cooling_down`: the rest are rate limited. */
  | { ok: false; reason: 'full' | 'cooling_down'; retryAfterMs?: number };

export type ReserveResult = { ok: true } | { ok: false; reason: 'rpm' | 'tpm' | 'cooling_down'; retryAfterMs: number };

/** Response headers as the provider sent them (a `Headers` object or a plain record). */
export type ResponseHeaders = Headers | Record<string, string | string[] | undefined | null>;

export interface KeyPoolPort {
  /**
   * Assigns the conversation to the least-loaded usable entry, or returns its pinned entry.
   * `exclude` skips entries (a conversation moving away from a rate-limited key).
   */
  acquire(conversationId: string, options?: { exclude?: readonly string[] }): AcquireResult;
  /** Moves a pinned conversation to another usable entry (after a 429); keeps it if none is free. */
  reassign(conversationId: string, exclude: readonly string[]): AcquireResult;
  /** Frees the conversation's slot (conversation closed or widget disconnected). Idempotent. */
  release(conversationId: string): void;
  /** Counts one request against the entry's RPM/TPM window, or says how long to wait. */
  reserveRequest(entryId: string, estimatedTokens: number): ReserveResult;
  /** A 429 from the provider: cool the entry down for `retry-after` (or the reset headers). Returns the cooldown. */
  reportRateLimited(entryId: string, headers?: ResponseHeaders): number;
  /** A successful answer: reads `x-ratelimit-remaining-*` and cools the entry down when a budget is spent. */
  reportHeaders(entryId: string, headers: ResponseHeaders): void;
  /** Base URL, key and model for the client. Internal: never log or serialise the result. */
  credentials(entryId: string): { baseURL: string; apiKey: string; model: string };
}
