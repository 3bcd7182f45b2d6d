/**
 * A strict reader of the Prometheus text exposition format (0.0.4), enough to check what
 * `/metrics` serves: every sample line parsed, HELP/TYPE at most once per family, every sample
 * belonging to a declared family. It throws on anything it cannot read, so a malformed line fails
 * the test that scrapes it.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  /** Family name → declared type. */
  types: Map<string, string>;
  /** Samples named `name` whose labels include every one of `labels`. */
  find(name: string, labels?: Record<string, string>): Sample[];
  /** The single sample named `name` with exactly these labels' values (others allowed), or undefined. */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** The buckets (by `le`), `_sum` and `_count` of one histogram series. */
  histogram(name: string, labels: Record<string, string>): { buckets: Map<string, number>; sum: number; count: number } | undefined;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const m = LABEL.exec(text);
    if (!m || LABEL.lastIndex === start) throw new Error(`unreadable labels in: ${line}`);
    labels[m[1]!] = m[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN' || text === 'Nan') return NaN;
  const n = Number(text);
  if (Number.isNaN(n)) throw new Error(`unreadable value in: ${line}`);
  return n;
}

/** The family a sample belongs to: histograms declare `x` and expose `x_bucket`, `x_sum`, `x_count`. */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      if (types.get(base) === 'histogram' || types.get(base) === 'summary') return base;
    }
  }
  return undefined;
}

export function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const helps = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('# HELP ')) {
      const name = line.slice(7).split(' ')[0]!;
      if (helps.has(name)) throw new Error(`HELP for ${name} twice`);
      helps.add(name);
      continue;
    }
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice(7).split(' ');
      if (types.has(name!)) throw new Error(`TYPE for ${name} twice`);
      types.set(name!, type!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`unreadable sample line: ${line}`);
    const name = m[1]!;
    if (familyOf(name, types) === undefined) throw new Error(`sample before (or without) its TYPE: ${line}`);
    samples.push({ name, labels: m[2] ? parseLabels(m[2], line) : {}, value: parseValue(m[3]!, line) });
  }
  const find = (name: string, labels: Record<string, string> = {}): Sample[] =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  const only = (name: string, labels: Record<string, string>): Sample[] =>
    find(name, labels).filter((s) => Object.keys(s.labels).every((k) => k === 'le' || k in labels));
  return {
    samples,
    types,
    find,
    value(name, labels = {}) {
      const found = only(name, labels);
      if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return found[0]?.value;
    },
    histogram(name, labels) {
      const count = only(`${name}_count`, labels)[0]?.value;
      if (count === undefined) return undefined;
      const buckets = new Map(only(`${name}_bucket`, labels).map((s) => [s.labels.le!, s.value]));
      return { buckets, sum: only(`${name}_sum`, labels)[0]?.value ?? NaN, count };
    },
  };
}
