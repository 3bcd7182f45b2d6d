/**
 * CPU per reading of the rule brain with its reading cache off, two checkouts' sources, rounds
 * alternated (A first in even rounds): what every message never seen before pays for the brain's
 * readers, apart from the machine and the host. Session 28 (perf18) put a cheap pre-check in front
 * of several readers; this is where they show.
 *
 *   npx tsx bench/micro/ab-brain-uncached.ts /tmp/perf-base . [rounds=12] [texts=1500]
 *
 * Each side builds its own brain for ferreteria (its own tenant loader and catalog) and reads the
 * same distinct messages (the load benchmark's `unseenTexts()`) with no expectation and after a
 * product answer.
 *
 * **Load order.** In one process the side whose modules load second reads dearer, whichever it is
 * (session 28: ~43 % in both orders; the cause is V8's, not the code's). So the comparison runs in
 * two child processes, one loading A first and one loading B first, each warming both sides over
 * the whole text set three times (alternating) before its measured rounds; the B/A ratio of each is
 * the median of its paired ratios, and their geometric mean, √(r(A first) × r(B first)), cancels the
 * load-order bias. Both figures are printed: if they disagree by much more than the run-to-run
 * spread, the bias is there.
 *
 * **A bias this does not cancel** (session 29, load average 20–26): the start's sources against a
 * copy of them (`cp -r src tenants bench package.json tsconfig.json` to another folder) read B/A
 * 1.447 with A loaded first and 1.560 with B loaded first: the copy was dearer in both orders, so
 * what remains is tied to the tree, not the order, and its cause is not found. Run the same check
 * (a tree against its copy) before reading a comparison, and treat a ratio inside that spread as
 * no evidence.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Understand = (input: { text: string; lang: 'es'; expecting: { kind: string }; messageId: string; idempotencyKey: string }) => Promise<unknown>;

interface ChildResult {
  first: 'A' | 'B';
  ra: number[];
  rb: number[];
}

const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;

async function side(dir: string): Promise<Understand> {
  const root = resolve(dir);
  const { createRuleBrain } = (await import(`${root}/src/actors/brain/index.ts`)) as { createRuleBrain(o: { tenant: unknown; readingCacheSize: number }): { understand: Understand } };
  const { loadTenant } = (await import(`${root}/src/persistence/tenant-loader.ts`)) as { loadTenant(path: string): Promise<unknown> };
  const brain = createRuleBrain({ tenant: await loadTenant(`${root}/tenants/ferreteria`), readingCacheSize: 0 });
  return (input) => brain.understand(input);
}

/** One process's measure: both sides loaded (`first` loaded first), warmed, then paired rounds. */
async function child(dirA: string, dirB: string, first: 'A' | 'B', rounds: number, count: number): Promise<ChildResult> {
  const { unseenTexts } = (await import(`${resolve(dirB)}/bench/lib/workload.ts`)) as { unseenTexts(): string[] };
  const texts = unseenTexts().slice(0, count);
  const EXPECTING = [{ kind: 'none' }, { kind: 'product' }];
  let a: Understand;
  let b: Understand;
  if (first === 'A') {
    a = await side(dirA);
    b = await side(dirB);
  } else {
    b = await side(dirB);
    a = await side(dirA);
  }
  const round = async (read: Understand): Promise<number> => {
    const before = process.cpuUsage();
    let n = 0;
    for (const text of texts) for (const expecting of EXPECTING) await read({ text, lang: 'es', expecting, messageId: `m${n}`, idempotencyKey: `k${n++}` });
    const used = process.cpuUsage(before);
    return (used.user + used.system) / n;
  };
  // Warm-up: every text through both sides three times, alternating, so each side's code and
  // regular expressions are optimised before anything is measured.
  for (let w = 0; w < 3; w++) {
    await round(w % 2 === 0 ? a : b);
    await round(w % 2 === 0 ? b : a);
  }
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
  return { first, ra, rb };
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, dirA, dirB, first, rounds, count] = args as [string, string, string, 'A' | 'B', string, string];
  process.stdout.write(`${JSON.stringify(await child(dirA, dirB, first, Number(rounds), Number(count)))}\n`);
  process.exit(0);
}

const [dirA, dirB] = args;
if (!dirA || !dirB) throw new Error('usage: npx tsx bench/micro/ab-brain-uncached.ts DIR_A DIR_B [rounds] [texts]');
const rounds = Number(args[2] ?? 12);
const count = Number(args[3] ?? 1500);
const self = fileURLToPath(import.meta.url);
const ratios: number[] = [];
for (const first of ['A', 'B'] as const) {
  const run = spawnSync(process.execPath, [...process.execArgv, self, '--child', dirA, dirB, first, String(rounds), String(count)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`the child loading ${first} first failed (${run.status})`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as ChildResult;
  const pairs = result.ra.map((x, i) => (result.rb[i] as number) / x);
  ratios.push(median(pairs));
  console.log(`${first} loaded first: A ${median(result.ra).toFixed(1)}, B ${median(result.rb).toFixed(1)} CPU µs/reading; B/A median of paired ratios ${median(pairs).toFixed(3)} [${pairs.map((x) => x.toFixed(2)).join(', ')}]`);
}
console.log(`B/A, load order cancelled √(r(A first) × r(B first)): ${Math.sqrt((ratios[0] as number) * (ratios[1] as number)).toFixed(3)}`);
process.exit(0);
