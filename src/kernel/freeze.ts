/**
 * Freezes plain data (objects and arrays) all the way down and returns it: what a cache hands out
 * to every caller without a copy (a caller that tried to change it would throw, never change the
 * next caller's).
 *
 * @example
 * const reading = deepFreeze(brain.read(text));
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
  return Object.freeze(value);
}
