/**
 * A histogram for the turn path. prom-client's `Histogram.observe` validates and hashes the label
 * object on every call (~0.4 µs); here each label combination resolves once to a series of plain
 * numbers and an observation is a bucket search and three additions (~20 ns with the lookup).
 * The exposition is prom-client's: the metric registers on a prom-client `Registry` and answers its
 * `get()` with the same value shape a prom-client histogram does (`_bucket{le}`, `_sum`, `_count`).
 */
import type { Metric, Registry } from 'prom-client';

interface Series {
  readonly labels: Readonly<Record<string, string>>;
  /** Per bucket (not cumulative); the last slot is above the highest bound. */
  readonly counts: Float64Array;
  sum: number;
  count: number;
  observe(value: number): void;
}

export interface FastHistogram<L extends string> {
  readonly name: string;
  /** The series of one label combination, created on first use; keep it to observe without a lookup. */
  series(labels: Readonly<Record<L, string>>): { observe(value: number): void };
}

export function createFastHistogram<L extends string>(options: {
  name: string;
  help: string;
  labelNames: readonly L[];
  buckets: readonly number[];
  registry: Registry;
}): FastHistogram<L> {
  const { name, help, labelNames } = options;
  const bounds = Float64Array.from(options.buckets);
  const boundsText = options.buckets.map(String);
  /** Every series, in creation order (the exposition's order). */
  const all: Series[] = [];
  /** Label values in `labelNames` order → series, one map level per label: no key string to build per call. */
  const index = new Map<string, unknown>();

  const create = (labels: Readonly<Record<L, string>>): Series => {
    const series: Series = {
      labels: Object.fromEntries(labelNames.map((l) => [l, labels[l]])),
      counts: new Float64Array(bounds.length + 1),
      sum: 0,
      count: 0,
      observe(value) {
        let i = 0;
        while (i < bounds.length && value > bounds[i]!) i++;
        series.counts[i]! += 1;
        series.sum += value;
        series.count += 1;
      },
    };
    all.push(series);
    return series;
  };

  const metric = {
    name,
    help,
    type: 'histogram' as const,
    aggregator: 'sum' as const,
    async get() {
      const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
      for (const s of all) {
        let cumulative = 0;
        for (let i = 0; i < bounds.length; i++) {
          cumulative += s.counts[i]!;
          values.push({ labels: { ...s.labels, le: boundsText[i]! }, value: cumulative, metricName: `${name}_bucket` });
        }
        values.push({ labels: { ...s.labels, le: '+Inf' }, value: s.count, metricName: `${name}_bucket` });
        values.push({ labels: { ...s.labels }, value: s.sum, metricName: `${name}_sum` });
        values.push({ labels: { ...s.labels }, value: s.count, metricName: `${name}_count` });
      }
      return { name, help, type: 'histogram' as const, values, aggregator: 'sum' as const };
    },
    reset() {
      for (const s of all) {
        s.counts.fill(0);
        s.sum = 0;
        s.count = 0;
      }
    },
  };
  // The registry reads metrics through `get()` alone; its type names prom-client's own classes.
  options.registry.registerMetric(metric as unknown as Metric);

  return {
    name,
    series(labels) {
      let level = index;
      for (let i = 0; i < labelNames.length - 1; i++) {
        const value = labels[labelNames[i]!];
        let next = level.get(value) as Map<string, unknown> | undefined;
        if (next === undefined) {
          next = new Map();
          level.set(value, next);
        }
        level = next;
      }
      const last = labels[labelNames[labelNames.length - 1]!];
      let s = level.get(last) as Series | undefined;
      if (s === undefined) {
        s = create(labels);
        level.set(last, s);
      }
      return s;
    },
  };
}
