import { readFileSync, writeFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  foldedFile: string;
  totalMs: number;
  /** Samples spent in the profiler itself (`node:inspector`), left out of every other figure. */
  profilerMs: number;
  /** Top functions by self time. */
  top: { name: string; where: string; selfMs: number; pct: number }[];
  /** Self time grouped by where the code comes from. */
  categories: { category: string; selfMs: number; pct: number }[];
  /** Total (inclusive) time per origin: samples with at least one frame of that origin on the stack. */
  inclusive: { category: string; totalMs: number; pct: number }[];
}

const CATEGORIES: [string, RegExp][] = [
  ['xstate (engine)', /node_modules\/xstate\//],
  ['pino (logging)', /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|pino-std-serializers)/],
  ['uWebSockets.js / ws (transport)', /node_modules\/(ws|uWebSockets\.js|@uwsjs)\//],
  ['ioredis (Redis client)', /node_modules\/(ioredis|redis-parser|@ioredis|denque|cluster-key-slot)\//],
  ['MikroORM + knex + pg (SQL)', /node_modules\/(@mikro-orm|knex|pg|pg-protocol|pg-pool|pg-types|kysely)/],
  ['Hilo rule brain', /\/src\/actors\/brain\//],
  ['Hilo tools', /\/src\/actors\/tools\//],
  ['Hilo actor host', /\/src\/actors\//],
  ['Hilo machine', /\/src\/machines\//],
  ['Hilo gateway / runtime', /\/src\/runtime\//],
  ['Hilo persistence', /\/src\/persistence\//],
  ['other node_modules', /node_modules\//],
  ['Node.js internals', /^node:|internal\//],
];

function categoryOf(name: string, url: string): string {
  if (name === '(garbage collector)') return 'garbage collector';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'V8 / native (program)';
  if (url === '' && /^(writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString|writev)$/.test(name)) return 'socket writes (native)';
  if (url === '' && /^(runMicrotasks|processTicksAndRejections)$/.test(name)) return 'Node.js internals';
  for (const [category, re] of CATEGORIES) if (re.test(url)) return category;
  return url === '' ? 'native / builtins' : 'other';
}

/**
 * Summarises a `.cpuprofile`: self time per function and per origin, and a folded-stack file
 * (`frame;frame;frame count`) next to it that any flame graph tool (speedscope, inferno,
 * flamegraph.pl) renders directly.
 */
export function summarizeCpuProfile(file: string, topN = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const label = (id: number): { name: string; where: string; category: string } => {
    const f = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: 0 };
    const short = f.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/');
    return { name: f.functionName || '(anonymous)', where: short ? `${short}:${f.lineNumber + 1}` : '', category: categoryOf(f.functionName, f.url) };
  };

  let totalUs = 0;
  // The profiler's own work (the inspector serialising the profile on `Profiler.stop`, seen as a
  // native `dispatch` under `node:inspector`) is not the program's: left out of every figure.
  let profilerUs = 0;
  const perFunction = new Map<string, { name: string; where: string; us: number }>();
  const perCategory = new Map<string, number>();
  const folded = new Map<string, number>();
  const perCategoryTotal = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const l = label(id);
    if (l.category === 'idle') continue;
    const stack: string[] = [];
    const onStack = new Set<string>();
    let profiler = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const c = label(cur);
      if (c.name !== '(root)') stack.push(`${c.name}${c.where ? ` ${c.where}` : ''}`.replace(/;/g, ','));
      onStack.add(c.category);
      if (byId.get(cur)?.callFrame.url === 'node:inspector') profiler = true;
    }
    if (profiler) {
      profilerUs += us;
      continue;
    }
    for (const c of onStack) perCategoryTotal.set(c, (perCategoryTotal.get(c) ?? 0) + us);
    totalUs += us;
    const key = `${l.name} ${l.where}`;
    const f = perFunction.get(key) ?? { name: l.name, where: l.where, us: 0 };
    f.us += us;
    perFunction.set(key, f);
    perCategory.set(l.category, (perCategory.get(l.category) ?? 0) + us);
    const line = stack.reverse().join(';');
    folded.set(line, (folded.get(line) ?? 0) + us);
  }
  const foldedFile = file.replace(/\.cpuprofile$/, '.folded');
  writeFileSync(foldedFile, [...folded].map(([stack, us]) => `${stack} ${Math.round(us)}`).join('\n') + '\n');
  const pct = (us: number): number => (totalUs > 0 ? (100 * us) / totalUs : 0);
  return {
    file,
    foldedFile,
    totalMs: totalUs / 1000,
    profilerMs: profilerUs / 1000,
    top: [...perFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, pct: pct(f.us) })),
    categories: [...perCategory]
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, selfMs: us / 1000, pct: pct(us) })),
    inclusive: [...perCategoryTotal]
      .filter(([category]) => category !== 'other' && category !== 'native / builtins')
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, totalMs: us / 1000, pct: pct(us) })),
  };
}
