/**
 * The conversation machine alone (XState interpreting it, stub effects as in `bench/engine.ts`),
 * two checkouts side by side in ONE process, paired rounds interleaved (A B, B A, ...). Each side
 * runs its own BUILT machine (`npm run build` in both checkouts): its `dist` conversation machine,
 * rule brain (reading computed once per distinct message and expectation, turn numbers aside) and
 * tenant; product and store questions are answered at once by stubs, as in `bench/engine.ts`.
 *
 *   npx tsx bench/micro/ab-engine-turn.ts /tmp/base . [rounds=12] [turnsPerRound=4000]
 *   node --import tsx bench/micro/ab-engine-turn.ts . --count 3000   # one side, a fixed number of turns
 *
 * Prints each side's median CPU µs per turn and the median of the paired B/A ratios. As with
 * `ab-steady-turn.ts`, run it both ways and read sqrt(r(A,B) / r(B,A)).
 *
 * `--count N` runs N turns of one checkout after a fixed warm-up and nothing else: under
 * `valgrind --tool=callgrind` the difference between two counts is a load-independent figure
 * (instructions per turn), for a machine shared with other work.
 */
import { join, resolve } from 'node:path';
import { WORKLOAD_TEXTS } from '../lib/workload.js';

interface ActorLike {
  send(e: unknown): void;
  subscribe(f: (s: { hasTag(t: string): boolean; status: string }) => void): unknown;
  start(): ActorLike;
}

async function side(dir: string, actors = 200): Promise<(turns: number) => Promise<number>> {
  const root = resolve(dir);
  const { createActor } = (await import('xstate')) as unknown as { createActor(m: unknown, o: unknown): ActorLike };
  const { createRuleBrain } = (await import(`${root}/dist/src/actors/brain/index.js`)) as { createRuleBrain(o: unknown): { readNow(i: unknown): unknown } };
  const m = (await import(`${root}/dist/src/machines/conversation.machine.js`)) as {
    conversationMachine: unknown;
    provideReader(m: unknown, r: (i: { text: string; expecting: unknown }) => unknown): unknown;
    provideAnswerers(m: unknown, a: unknown): { provide(o: unknown): unknown };
  };
  const { AWAITING_INPUT } = (await import(`${root}/dist/src/machines/index.js`)) as { AWAITING_INPUT: string };
  const { loadTenant } = (await import(`${root}/dist/src/persistence/tenant-loader.js`)) as { loadTenant(p: string): Promise<unknown> };
  const tenant = await loadTenant(join(root, 'tenants', 'ferreteria'));
  const brain = createRuleBrain({ tenant });
  const readings = new Map<string, unknown>();
  const readNow = (input: { text: string; expecting: unknown }): unknown => {
    // The expectation without its turn number (an offer carries the turn it was made), so each
    // distinct message and expectation is read once and the rounds measure the machine.
    const key = `${input.text}\u0000${JSON.stringify(input.expecting, (k, v: unknown) => (k === 'turn' ? undefined : v))}`;
    let known = readings.get(key);
    if (known === undefined) {
      readings.set(key, (known = brain.readNow(input)));
      side.reads++;
    }
    return known;
  };
  const product = () => ({ outcome: 'answered' as const, replies: [{ template: 'product.found', params: { name: 'Cemento', price: '$550.00' } }] });
  const info = () => ({ replies: [{ template: 'info.hours' }] });
  const machine = m.provideAnswerers(m.provideReader(m.conversationMachine, readNow), { answerProduct: product, answerInfo: info });
  let generation = 0;
  let sent = 0;
  const fresh = (): Array<() => Promise<void>> => {
    generation++;
    return Array.from({ length: actors }, (_, i) => {
      const actor = createActor(machine, { input: { tenantId: 'ferreteria', conversationId: `c${generation}-${i}`, lang: 'es' } }).start();
      let waiting: (() => void) | null = null;
      actor.subscribe((s) => {
        if (waiting && (s.hasTag(AWAITING_INPUT) || s.status !== 'active')) {
          const w = waiting;
          waiting = null;
          w();
        }
      });
      let n = 0;
      return () =>
        new Promise<void>((done) => {
          waiting = done;
          const text = WORKLOAD_TEXTS[(n++ + i) % WORKLOAD_TEXTS.length];
          actor.send({ type: 'user.message', messageId: `m${sent++}`, text, channel: 'web', receivedAt: '2026-11-22T12:00:00.000Z' });
        });
    });
  };
  let turnOf = fresh();
  let since = 0;
  const run = async (turns: number): Promise<void> => {
    for (let t = 0; t < turns; t++) await (turnOf[t % turnOf.length] as () => Promise<void>)();
  };
  await run(actors * 12);
  return async (turns) => {
    // Conversations grow (quote lines, focus): a fresh set every 30 turns each, warmed past the first turns.
    if (since >= actors * 30) {
      turnOf = fresh();
      since = 0;
      await run(actors * 12);
    }
    since += turns;
    const before = process.cpuUsage();
    await run(turns);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / turns;
  };
}

/** Brain readings done (cache misses), all sides together: a measured round should do none. */
side.reads = 0;

const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;
const positional = process.argv.slice(2).filter((x) => !x.startsWith('--'));
const countAt = process.argv.indexOf('--count');
if (countAt >= 0) {
  const turns = Number(process.argv[countAt + 1]);
  const run = await side(positional[0] ?? '.');
  const reads = side.reads;
  console.log(`${turns} turns: ${(await run(turns)).toFixed(1)} CPU µs/turn, ${side.reads - reads} brain readings`);
  process.exit(0);
}
const [dirA, dirB] = positional;
if (!dirA || !dirB) throw new Error('usage: npx tsx bench/micro/ab-engine-turn.ts DIR_A DIR_B [rounds] [turnsPerRound]');
const rounds = Number(positional[2] ?? 12);
const turns = Number(positional[3] ?? 4000);
const a = await side(dirA);
const b = await side(dirB);
const ra: number[] = [];
const rb: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  const [x, y] = r % 2 === 0 ? [await a(turns), await b(turns)] : (([q, p]) => [p, q])([await b(turns), await a(turns)]);
  ra.push(x as number);
  rb.push(y as number);
  ratios.push((y as number) / (x as number));
}
console.log(`A ${dirA}: median ${median(ra).toFixed(1)} CPU µs/turn`);
console.log(`B ${dirB}: median ${median(rb).toFixed(1)} CPU µs/turn`);
console.log(`B/A: median of paired ratios ${median(ratios).toFixed(3)} [${ratios.map((x) => x.toFixed(2)).join(', ')}]`);
process.exit(0);
