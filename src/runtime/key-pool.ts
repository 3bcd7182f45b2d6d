import { createStore } from '@xstate/store';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import { parseRetryAfter } from '../kernel/retry.js';
import type { AcquireResult, KeyLease, KeyPoolPort, ReserveResult, ResponseHeaders } from '../actors/brain/llm/key-pool-port.js';

export type { AcquireResult, KeyLease, ReserveResult, ResponseHeaders };

/** One API key of an OpenAI-compatible provider, with the caps Hilo must never cross on it. */
export interface KeyPoolEntry {
  id: string;
  /** Human label for dashboards ("openai-main", "deepseek-2"); never the key. */
  label: string;
  baseURL: string;
  apiKey: string;
  model: string;
  maxConcurrentConversations: number;
  /** Requests per minute allowed by the provider on this key. */
  rpm?: number;
  /** Tokens per minute allowed by the provider on this key. */
  tpm?: number;
}

/** Exactly the shape served on `/metrics.json` and documented for operators. */
export interface PoolStatus {
  pool_status: { key_id: string; active_conversations: number; capacity_pct: number }[];
  total_active: number;
  pool_capacity_pct: number;
  alert: boolean;
}

interface EntryState {
  id: string;
  label: string;
  maxConversations: number;
  rpm: number | null;
  tpm: number | null;
  active: number;
  /** Epoch ms until which no new request goes to this entry. */
  cooldownUntil: number;
  /** Requests inside the sliding window, oldest first. */
  window: { t: number; tokens: number }[];
}

interface PoolContext {
  entries: Record<string, EntryState>;
  /** conversationId → entry id (pinned until release). */
  assignments: Record<string, string>;
}

/** The pool the wiring builds: the brain's port plus what operators read. */
export interface KeyPool extends KeyPoolPort {
  status(): PoolStatus;
  /** The store, for inspection like the other runtime stores (holds no api keys). */
  readonly store: ReturnType<typeof createPoolStore>;
}

const DEFAULT_COOLDOWN_MS = 1_000;

function createPoolStore(entries: readonly KeyPoolEntry[]) {
  const initial: PoolContext = {
    entries: Object.fromEntries(
      entries.map((e) => [
        e.id,
        { id: e.id, label: e.label, maxConversations: e.maxConcurrentConversations, rpm: e.rpm ?? null, tpm: e.tpm ?? null, active: 0, cooldownUntil: 0, window: [] },
      ]),
    ),
    assignments: {},
  };
  const withEntry = (ctx: PoolContext, id: string, update: (e: EntryState) => EntryState): PoolContext => {
    const entry = ctx.entries[id];
    return entry === undefined ? ctx : { ...ctx, entries: { ...ctx.entries, [id]: update(entry) } };
  };
  return createStore({
    context: initial,
    on: {
      assigned: (ctx, ev: { conversationId: string; entryId: string }) => {
        const previous = ctx.assignments[ev.conversationId];
        let next = previous !== undefined ? withEntry(ctx, previous, (e) => ({ ...e, active: e.active - 1 })) : ctx;
        next = withEntry(next, ev.entryId, (e) => ({ ...e, active: e.active + 1 }));
        return { ...next, assignments: { ...next.assignments, [ev.conversationId]: ev.entryId } };
      },
      released: (ctx, ev: { conversationId: string }) => {
        const entryId = ctx.assignments[ev.conversationId];
        if (entryId === undefined) return ctx;
        const { [ev.conversationId]: _dropped, ...assignments } = ctx.assignments;
        return { ...withEntry(ctx, entryId, (e) => ({ ...e, active: e.active - 1 })), assignments };
      },
      windowPruned: (ctx, ev: { entryId: string; before: number }) =>
        withEntry(ctx, ev.entryId, (e) => (e.window.length > 0 && e.window[0]!.t <= ev.before ? { ...e, window: e.window.filter((w) => w.t > ev.before) } : e)),
      requestRecorded: (ctx, ev: { entryId: string; t: number; tokens: number }) =>
        withEntry(ctx, ev.entryId, (e) => ({ ...e, window: [...e.window, { t: ev.t, tokens: ev.tokens }] })),
      cooledDown: (ctx, ev: { entryId: string; until: number }) =>
        withEntry(ctx, ev.entryId, (e) => ({ ...e, cooldownUntil: Math.max(e.cooldownUntil, ev.until) })),
    },
  });
}

/**
 * A pool of provider API keys. Conversations are assigned least-connections and pinned to their
 * entry until released; an entry's conversation cap and its RPM/TPM (sliding window on the injected
 * clock) are never exceeded; 429s and exhausted `x-ratelimit-remaining-*` put an entry on cooldown so
 * new work goes elsewhere. When nothing is usable, `acquire` says so and the caller uses the rule brain.
 *
 * @example
 * const pool = createKeyPool({ entries, clock: systemClock, logger });
 * const got = pool.acquire(conversationId);
 * if (!got.ok) return ruleBrain.understand(input);
 */
export function createKeyPool(options: {
  entries: readonly KeyPoolEntry[];
  clock: Clock;
  logger: Logger;
  windowMs?: number;
  alertPct?: number;
  /**
   * When every entry is at its cap, a conversation pinned but silent this long gives its slot to
   * one that needs the model now (the runtime otherwise releases pins after 15 idle minutes, so a
   * small cap would starve everyone else). Longer than any call. Default 60 s.
   */
  pinIdleYieldMs?: number;
}): KeyPool {
  const { clock, windowMs = 60_000, alertPct = 80, pinIdleYieldMs = 60_000 } = options;
  const log = options.logger.child({ component: 'key-pool' });
  const ids = new Set<string>();
  for (const e of options.entries) {
    if (ids.has(e.id)) throw new Error(`duplicate key pool entry id ${e.id}`);
    if (!(e.maxConcurrentConversations > 0)) throw new Error(`key pool entry ${e.id}: maxConcurrentConversations must be > 0`);
    ids.add(e.id);
  }
  const secrets = new Map(options.entries.map((e) => [e.id, { baseURL: e.baseURL, apiKey: e.apiKey, model: e.model }]));
  const order = options.entries.map((e) => e.id);
  const store = createPoolStore(options.entries);
  const ctx = (): PoolContext => store.getSnapshot().context;
  /** Conversation → last acquire (ms), oldest first: who has been silent longest. */
  const touched = new Map<string, number>();
  const touch = (conversationId: string, now: number): void => {
    touched.delete(conversationId);
    touched.set(conversationId, now);
  };

  /**
   * Frees the slot of the longest-silent pin (at least `pinIdleYieldMs`) on a usable entry, for a
   * newcomer: fairness when the pool is full. False when every pin is in use.
   */
  function yieldIdlePin(exclude: readonly string[], now: number): boolean {
    for (const [conversationId, at] of touched) {
      if (now - at < pinIdleYieldMs) return false;
      const entryId = ctx().assignments[conversationId];
      if (entryId === undefined) {
        touched.delete(conversationId);
        continue;
      }
      const e = ctx().entries[entryId]!;
      if (exclude.includes(entryId) || e.cooldownUntil > now) continue;
      store.send({ type: 'released', conversationId });
      touched.delete(conversationId);
      log.info({ event: 'llm.pin_yielded', keyId: entryId, idleMs: now - at }, 'a silent conversation gave its key slot to one that needs it');
      return true;
    }
    return false;
  }

  const leaseOf = (entryId: string): KeyLease => {
    const s = secrets.get(entryId)!;
    return { entryId, label: ctx().entries[entryId]!.label, baseURL: s.baseURL, model: s.model };
  };

  function pick(exclude: readonly string[], now: number): AcquireResult {
    let best: EntryState | undefined;
    let anyCooling = false;
    let soonest = Infinity;
    for (const id of order) {
      const e = ctx().entries[id]!;
      if (exclude.includes(id) || e.active >= e.maxConversations) continue;
      if (e.cooldownUntil > now) {
        anyCooling = true;
        soonest = Math.min(soonest, e.cooldownUntil - now);
        continue;
      }
      // Least connections relative to capacity, so small keys are not filled first.
      if (best === undefined || e.active / e.maxConversations < best.active / best.maxConversations) best = e;
    }
    if (best !== undefined) return { ok: true, lease: leaseOf(best.id) };
    return anyCooling ? { ok: false, reason: 'cooling_down', retryAfterMs: soonest } : { ok: false, reason: 'full' };
  }

  const pool: KeyPool = {
    store,
    acquire(conversationId, opts = {}) {
      const now = clock.now();
      const exclude = opts.exclude ?? [];
      const pinned = ctx().assignments[conversationId];
      if (pinned !== undefined && !exclude.includes(pinned)) {
        touch(conversationId, now);
        return { ok: true, lease: leaseOf(pinned) };
      }
      let got = pick(exclude, now);
      if (!got.ok && got.reason === 'full' && yieldIdlePin(exclude, now)) got = pick(exclude, now);
      if (got.ok) {
        store.send({ type: 'assigned', conversationId, entryId: got.lease.entryId });
        touch(conversationId, now);
      } else log.warn({ reason: got.reason, pool: pool.status().pool_capacity_pct }, 'key pool cannot take a conversation');
      return got;
    },
    reassign(conversationId, exclude) {
      const pinned = ctx().assignments[conversationId];
      const now = clock.now();
      const got = pick([...exclude, ...(pinned !== undefined ? [pinned] : [])], now);
      if (got.ok) {
        store.send({ type: 'assigned', conversationId, entryId: got.lease.entryId });
        touch(conversationId, now);
      }
      return got;
    },
    release(conversationId) {
      store.send({ type: 'released', conversationId });
      touched.delete(conversationId);
    },
    reserveRequest(entryId, estimatedTokens) {
      const now = clock.now();
      store.send({ type: 'windowPruned', entryId, before: now - windowMs });
      const e = ctx().entries[entryId];
      if (e === undefined) throw new Error(`unknown key pool entry ${entryId}`);
      if (e.cooldownUntil > now) return { ok: false, reason: 'cooling_down', retryAfterMs: e.cooldownUntil - now };
      const oldest = e.window[0]?.t ?? now;
      const untilSlot = Math.max(1, oldest + windowMs - now);
      // A spent budget also cools the entry down, so new conversations go elsewhere meanwhile.
      const spent = (reason: 'rpm' | 'tpm', retryAfterMs: number): ReserveResult => {
        store.send({ type: 'cooledDown', entryId, until: now + retryAfterMs });
        return { ok: false, reason, retryAfterMs };
      };
      if (e.rpm !== null && e.window.length + 1 > e.rpm) return spent('rpm', untilSlot);
      if (e.tpm !== null) {
        const used = e.window.reduce((sum, w) => sum + w.tokens, 0);
        if (used + estimatedTokens > e.tpm) {
          // Wait until enough old requests leave the window.
          let freed = 0;
          let wait = untilSlot;
          for (const w of e.window) {
            freed += w.tokens;
            wait = Math.max(1, w.t + windowMs - now);
            if (used - freed + estimatedTokens <= e.tpm) break;
          }
          return spent('tpm', wait);
        }
      }
      store.send({ type: 'requestRecorded', entryId, t: now, tokens: estimatedTokens });
      return { ok: true };
    },
    reportRateLimited(entryId, headers) {
      const now = clock.now();
      const ms = retryAfterMs(headers, now) ?? resetMs(headers, true) ?? DEFAULT_COOLDOWN_MS;
      store.send({ type: 'cooledDown', entryId, until: now + ms });
      log.warn({ keyId: entryId, cooldownMs: ms }, 'key rate limited by provider; cooling down');
      return ms;
    },
    reportHeaders(entryId, headers) {
      const ms = resetMs(headers, false);
      if (ms !== undefined) {
        store.send({ type: 'cooledDown', entryId, until: clock.now() + ms });
        log.info({ keyId: entryId, cooldownMs: ms }, 'provider budget spent on key; cooling down');
      }
    },
    credentials(entryId) {
      const s = secrets.get(entryId);
      if (s === undefined) throw new Error(`unknown key pool entry ${entryId}`);
      return s;
    },
    status() {
      const entries = order.map((id) => ctx().entries[id]!);
      const totalActive = entries.reduce((s, e) => s + e.active, 0);
      const totalCap = entries.reduce((s, e) => s + e.maxConversations, 0);
      const poolPct = totalCap === 0 ? 0 : (totalActive / totalCap) * 100;
      return {
        pool_status: entries.map((e) => ({ key_id: e.id, active_conversations: e.active, capacity_pct: round1((e.active / e.maxConversations) * 100) })),
        total_active: totalActive,
        pool_capacity_pct: round1(poolPct),
        alert: poolPct >= alertPct,
      };
    },
  };
  return pool;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function header(headers: ResponseHeaders | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined | null>)[name];
  return Array.isArray(v) ? v[0] : (v ?? undefined);
}

/** `retry-after-ms` (OpenAI), else `retry-after` in seconds or as an HTTP date (the kernel's one reading). */
export function retryAfterMs(headers: ResponseHeaders | undefined, now: number): number | undefined {
  const ms = Number(header(headers, 'retry-after-ms'));
  if (header(headers, 'retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  return parseRetryAfter(header(headers, 'retry-after'), now);
}

/**
 * The longest `x-ratelimit-reset-*` among the budgets that are spent (remaining 0), or, when
 * `anyBudget`, among all reported budgets (a 429 without `retry-after`).
 */
function resetMs(headers: ResponseHeaders | undefined, anyBudget: boolean): number | undefined {
  let result: number | undefined;
  for (const kind of ['requests', 'tokens']) {
    const remaining = header(headers, `x-ratelimit-remaining-${kind}`);
    const reset = parseDuration(header(headers, `x-ratelimit-reset-${kind}`));
    if (reset === undefined) continue;
    if (anyBudget ? remaining === undefined || Number(remaining) <= 0 : remaining !== undefined && Number(remaining) <= 0) {
      result = Math.max(result ?? 0, reset);
    }
  }
  return result;
}

/** OpenAI's reset durations: "20ms", "1s", "6m0s", "1m30.5s", "2h1m". */
export function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let matched = '';
  for (const m of text.trim().matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    matched += m[0];
  }
  if (matched !== text.trim()) {
    const plain = Number(text);
    return Number.isFinite(plain) ? plain * 1000 : undefined;
  }
  return Math.ceil(total);
}
