/**
 * CPU per reading of the rule brain with its reading cache off, two checkouts' sources in one
 * process, rounds alternated (A first in even rounds): what every message never seen before pays
 * for the brain's readers, apart from the machine and the host. Session 28 (perf18) put a cheap
 * pre-check in front of several readers; this is where they show.
 *
 *   npx tsx bench/micro/ab-brain-uncached.ts /tmp/perf-base . [rounds=12] [texts=1500]
 *
 * Each side builds its own brain for ferreteria (its own tenant loader and catalog) and reads the
 * same distinct messages (the load benchmark's `unseenTexts()`) with no expectation and after a
 * product answer. Prints each side's median µs per reading and the median of the paired B/A ratios.
 */
import { resolve } from 'node:path';

type Understand = (input: { text: string; lang: 'es'; expecting: { kind: string }; messageId: string; idempotencyKey: string }) => Promise<unknown>;

async function side(dir: string): Promise<Understand> {
  const root = resolve(dir);
  const { createRuleBrain } = (await import(`${root}/src/actors/brain/index.ts`)) as { createRuleBrain(o: { tenant: unknown; readingCacheSize: number }): { understand: Understand } };
  const { loadTenant } = (await import(`${root}/src/persistence/tenant-loader.ts`)) as { loadTenant(path: string): Promise<unknown> };
  const brain = createRuleBrain({ tenant: await loadTenant(`${root}/tenants/ferreteria`), readingCacheSize: 0 });
  return (input) => brain.understand(input);
}

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: npx tsx bench/micro/ab-brain-uncached.ts DIR_A DIR_B [rounds] [texts]');
const rounds = Number(process.argv[4] ?? 12);
const { unseenTexts } = (await import(`${resolve(dirB)}/bench/lib/workload.ts`)) as { unseenTexts(): string[] };
const texts = unseenTexts().slice(0, Number(process.argv[5] ?? 1500));
const EXPECTING = [{ kind: 'none' }, { kind: 'product' }];
const a = await side(dirA);
const b = await side(dirB);

async function round(read: Understand): Promise<number> {
  const before = process.cpuUsage();
  let n = 0;
  for (const text of texts) for (const expecting of EXPECTING) await read({ text, lang: 'es', expecting, messageId: `m${n}`, idempotencyKey: `k${n++}` });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / n;
}

await round(a);
await round(b);
const ra: number[] = [];
const rb: number[] = [];
for (let r = 0; r < rounds; r++) {
  if (r % 2 === 0) {
    ra.push(await round(a));
    rb.push(await round(b));
  } else {
    rb.push(await round(b));
    ra.push(await round(a));
  }
}
const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;
const pairs = ra.map((x, i) => (rb[i] as number) / x);
console.log(`A ${dirA}: median ${median(ra).toFixed(1)} CPU µs/reading [${ra.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`B ${dirB}: median ${median(rb).toFixed(1)} CPU µs/reading [${rb.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`B/A: median of paired ratios ${median(pairs).toFixed(3)} [${pairs.map((x) => x.toFixed(2)).join(', ')}]`);
process.exit(0);
