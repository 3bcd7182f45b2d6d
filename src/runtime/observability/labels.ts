/**
 * Label values must stay few: every distinct value is a series Prometheus keeps forever. Values
 * here come from code (channel names, outbox kinds, error codes, audit types, route patterns),
 * never from customers, tenants' free text or ids; the guard still caps each label at `max`
 * distinct values and turns anything unexpected into `other`, so a bug cannot explode the series.
 */
const SAFE = /^[A-Za-z0-9_.:/-]{1,80}$/;

export type LabelGuard = (value: string) => string;

/**
 * @example
 * const channel = labelGuard(32);
 * histogram.observe({ channel: channel(message.channel) }, seconds);
 */
export function labelGuard(max: number): LabelGuard {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max || !SAFE.test(value)) return 'other';
    seen.add(value);
    return value;
  };
}
