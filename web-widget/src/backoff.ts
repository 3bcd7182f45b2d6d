export interface BackoffOptions {
  /** First ceiling in ms. */
  baseMs?: number;
  /** Largest ceiling in ms. */
  capMs?: number;
  /** Fraction of the ceiling that jitter may take away (0..1). */
  jitter?: number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based): the ceiling doubles from 0.5 s up to 10 s,
 * and jitter removes up to 30 % of it so that many widgets dropped by one server restart do not
 * all come back in the same millisecond.
 *
 * @example backoffDelay(0, Math.random) // 350..500
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  { baseMs = 500, capMs = 10_000, jitter = 0.3 }: BackoffOptions = {},
): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling * (1 - jitter * r));
}
