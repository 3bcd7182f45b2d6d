import type { Clock } from '../../kernel/clock.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses calls before it lets one trial call through. */
  openMs?: number;
  clock: Clock;
  /** Told every state change (metrics, a log line). */
  onStateChange?: (to: BreakerState, from: BreakerState) => void;
}

export const DEFAULT_BREAKER = { failureThreshold: 5, openMs: 30_000 } as const;

/**
 * A circuit breaker for one outside backend of one tenant: `closed` (calls go through; consecutive
 * failures are counted), `open` (calls are refused at once for `openMs`), `half_open` (exactly one
 * trial call goes through; its success closes the circuit, its failure opens it again for another
 * `openMs`). Time comes from the injected clock, so tests move it instead of sleeping.
 *
 * @example
 * const breaker = createCircuitBreaker({ clock });
 * if (!breaker.tryAcquire()) throw new HiloError('HILO_ERR_BACKEND_CIRCUIT_OPEN');
 * try { const v = await call(); breaker.success(); return v; } catch (e) { breaker.failure(); throw e; }
 */
export interface CircuitBreaker {
  readonly state: BreakerState;
  /** May a call go out now? In `half_open` only the first caller gets `true` until it reports. */
  tryAcquire(): boolean;
  success(): void;
  failure(): void;
  /** A call that was let through but ended without telling anything about the backend's health (cancelled). */
  release(): void;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const failureThreshold = options.failureThreshold ?? DEFAULT_BREAKER.failureThreshold;
  const openMs = options.openMs ?? DEFAULT_BREAKER.openMs;
  const { clock } = options;
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialOut = false;

  const move = (to: BreakerState): void => {
    if (to === state) return;
    const from = state;
    state = to;
    options.onStateChange?.(to, from);
  };

  return {
    get state() {
      // An open circuit whose cool-down ended reads as half-open (the next caller is the trial).
      if (state === 'open' && clock.now() - openedAt >= openMs) return 'half_open';
      return state;
    },
    tryAcquire() {
      if (state === 'closed') return true;
      if (state === 'open') {
        if (clock.now() - openedAt < openMs) return false;
        move('half_open');
        trialOut = false;
      }
      if (trialOut) return false;
      trialOut = true;
      return true;
    },
    success() {
      failures = 0;
      trialOut = false;
      move('closed');
    },
    failure() {
      trialOut = false;
      if (state === 'half_open') {
        openedAt = clock.now();
        move('open');
        return;
      }
      failures++;
      if (state === 'closed' && failures >= failureThreshold) {
        openedAt = clock.now();
        failures = 0;
        move('open');
      }
    },
    release() {
      trialOut = false;
    },
  };
}
