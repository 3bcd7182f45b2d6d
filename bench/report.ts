/** Renders the run's figures into Markdown (`BENCHMARKS.md` or `bench/results/quick.md`). */
import type { LatencySummary } from './lib/histogram.js';
import type { ActivationFigures, BenchResults, EngineFigures, LoadVariantResult, MemoryFigures, ProfileFigures } from './lib/types.js';

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
  /** The Hilo variant whose profile explains a shortfall. */
  profileVariant?: string;
  /** What to look at when the target is missed and no load profile applies. */
  note?: string;
}

const n0 = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
/** A per-connection delta with its sign: RSS can fall by a few bytes when the allocator returns pages. */
const signed = (n: number): string => (n < 0 ? `−${n0(-n)}` : `+${n0(n)}`);
const n1 = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const n2 = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const n3 = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 3, minimumFractionDigits: 3 });
const ratio = (a: number | undefined, b: number | undefined): string => {
  if (a === undefined || b === undefined || b <= 0) return 'n/a';
  const r = a / b;
  return r < 0.1 ? `${r.toPrecision(2)}×` : `${n2(r)}×`;
};
const ok = (met: boolean | null): string => (met === null ? 'not measured' : met ? '**met**' : '**missed**');

function isFigures<T extends object>(v: T | { error: string } | null): v is T {
  return v !== null && !('error' in v);
}

function kneeOf(results: BenchResults, id: string): number | undefined {
  const r = results.load.find((x) => x.id === id);
  return r && !r.error && r.knee ? r.knee.achieved : undefined;
}

export function targetsOf(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results.load.filter((x) => x.group === 'hilo')) {
    if (r.error) {
      checks.push({ name: `${r.id}: end to end`, target: '≥ 10,000 turns/s, p99 ≤ 25 ms at 70 %', measured: `failed: ${r.error}`, met: false });
      continue;
    }
    const knee = r.knee?.achieved ?? 0;
    const p99 = r.steady?.latency.p99;
    checks.push({
      name: `${r.id}: throughput at the knee`,
      target: '≥ 10,000 turns/s',
      measured: `${n0(knee)} turns/s`,
      met: knee >= 10_000,
      profileVariant: r.id,
    });
    checks.push({
      name: `${r.id}: p99 at 70 % of the knee`,
      target: '≤ 25 ms',
      measured: p99 !== undefined ? `${n2(p99)} ms at ${n0(r.steady?.offered ?? 0)}/s` : 'n/a',
      met: p99 !== undefined ? p99 <= 25 : null,
      profileVariant: r.id,
    });
  }
  const hilo = kneeOf(results, 'hilo-rest-durable');
  const floor = kneeOf(results, 'io-floor');
  const batchedFloor = kneeOf(results, 'io-floor-batched');
  const peer = kneeOf(results, 'peer-langgraph-postgres');
  // Two floors: the plain one (one INSERT per turn) and one that batches its INSERTs the way the
  // journal's group commit does (the fair floor for a batching Hilo).
  for (const [id, name, f] of [
    ['io-floor', 'Hilo REST durable vs the I/O floor', floor],
    ['io-floor-batched', 'Hilo REST durable vs the batched I/O floor', batchedFloor],
  ] as const) {
    if (!results.load.some((r) => r.id === 'hilo-rest-durable' || r.id === id)) continue;
    checks.push({
      name,
      target: '≥ 70 % of the floor',
      measured: hilo !== undefined && f !== undefined && f > 0 ? `${n0((100 * hilo) / f)} % (${n0(hilo)} vs ${n0(f)} turns/s)` : 'n/a',
      met: hilo !== undefined && f !== undefined && f > 0 ? hilo / f >= 0.7 : null,
      profileVariant: 'hilo-rest-durable',
    });
  }
  if (results.load.some((r) => r.id === 'hilo-rest-durable' || r.id === 'peer-langgraph-postgres')) {
    checks.push({
      name: 'Hilo REST durable vs LangGraph.js + PostgresSaver',
      target: '≥ 10×',
      measured: hilo !== undefined && peer !== undefined && peer > 0 ? `${n2(hilo / peer)}× (${n0(hilo)} vs ${n0(peer)} turns/s)` : 'n/a',
      met: hilo !== undefined && peer !== undefined && peer > 0 ? hilo / peer >= 10 : null,
      profileVariant: 'hilo-rest-durable',
    });
  }
  if (results.activation !== null) {
    const a = results.activation;
    checks.push({
      name: 'Activation from Redis, p99',
      target: '≤ 2 ms',
      measured: isFigures(a) ? `${n3(a.total.p99)} ms (Redis get ${n3(a.get.p99)} ms + restore ${n3(a.restore.p99)} ms, p99 each)` : `failed: ${a.error}`,
      met: isFigures(a) ? a.total.p99 <= 2 : false,
      note: isFigures(a)
        ? a.get.p99 >= a.restore.p99
          ? `The tail is the Redis read, not the engine: \`RedisSnapshotStore.get\` p50 ${n3(a.get.p50)} ms / p90 ${n3(a.get.p90)} ms / p99 ${n3(a.get.p99)} ms against restore p99 ${n3(a.restore.p99)} ms. A body this flat up to p90 with a long tail is scheduling (Redis, this process, the other processes sharing two cores), not work per call. What to do: give Redis its own core (or machine) in production, keep the client on one connection without \`await\` gaps (activate the next conversation while the previous HMGET is in flight), and prefetch the snapshot as soon as the gateway parses the message, before the turn reaches the mailbox.`
          : `The tail is the XState restore (p99 ${n3(a.restore.p99)} ms) more than the Redis read (p99 ${n3(a.get.p99)} ms): a smaller persisted snapshot (fewer invoked children restored, a smaller context) shortens it.`
        : undefined,
    });
  }
  if (results.engine !== null) {
    const e = results.engine;
    checks.push({
      name: 'Heap per active conversation actor',
      target: '≤ 8 KiB',
      measured: isFigures(e) ? `${n0(e.heapPerActorBytes)} B` : `failed: ${e.error}`,
      met: isFigures(e) ? e.heapPerActorBytes <= 8 * 1024 : false,
      note: 'An XState actor holds its snapshot (context + state value), its system registration and the restored children; a smaller context (no copy of the last `Understanding`, ids instead of objects) shrinks it.',
    });
  }
  if (results.memory !== null) {
    const m = results.memory;
    checks.push({
      name: 'RSS per idle widget connection',
      target: '≤ 1 KB',
      measured: isFigures(m) ? `RSS ${n0(m.rssPerConnectionBytes)} B, JS heap ${n0(m.heapPerConnectionBytes)} B; judged on the larger` : `failed: ${m.error}`,
      // RSS alone under-reports when new objects land in pages the start-up already made resident
      // (the rule brain's training frees a lot); the heap delta is a floor for what a connection costs.
      met: isFigures(m) ? Math.max(m.rssPerConnectionBytes, m.heapPerConnectionBytes) <= 1000 : false,
      note: 'RSS alone under-reports here: the start-up (rule brain training) leaves freed pages resident, and new connections fill them, so the JS heap delta is the honest floor. Per idle connection Hilo keeps, in the JS heap, the gateway session object with its closures, the conversation subscription (listener set per conversation), the contact directory entries and the handle map of the actor host, all created by `hello`. What to do: one listener per conversation shared by its sockets, sessions as plain records without per-socket closures, and contact/handle entries created on the first message rather than on `hello` (an idle visitor who never writes then costs only the socket and the session).',
    });
  }
  return checks;
}

function latencyCells(l: LatencySummary | undefined): string {
  return l ? `${n2(l.p50)} | ${n2(l.p99)} | ${n2(l.p999)} | ${n1(l.max)}` : 'n/a | n/a | n/a | n/a';
}

function loadTable(rows: LoadVariantResult[]): string[] {
  const out = [
    '| variant | front end | knee: achieved turns/s (offered) | 70 % step: offered/s | p50 ms | p99 ms | p99.9 ms | max ms | CPU-s / 1,000 turns: server | Redis | PostgreSQL | load generator | other processes, cores |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.error) {
      out.push(`| ${r.id} | ${r.frontEnd || 'n/a'} | failed: ${r.error.replace(/\|/g, '/')} | | | | | | | | | | |`);
      continue;
    }
    const knee = r.knee ? `${n0(r.knee.achieved)} (${n0(r.knee.offered)})` : 'none';
    const c = r.steady?.cpuPer1k;
    out.push(
      `| ${r.id} | ${r.frontEnd} | ${knee} | ${r.steady ? n0(r.steady.offered) : 'n/a'} | ${latencyCells(r.steady?.latency)} | ${c ? n3(c.server) : 'n/a'} | ${c ? n3(c.redis) : 'n/a'} | ${c ? n3(c.postgres) : 'n/a'} | ${c ? n3(c.loadgen) : 'n/a'} | ${r.steady?.otherCores !== undefined ? n2(r.steady.otherCores) : 'n/a'} |`,
    );
  }
  const bound = rows.filter((r) => !r.error && (r.steady?.loadgenCores ?? 0) >= 0.6);
  if (bound.length > 0) {
    out.push(
      '',
      `Load generator near its limit (≥ 0.6 core at the 70 % step, so ≈ 0.9 core at the knee): ${bound.map((r) => `${r.id} (${n2(r.steady?.loadgenCores ?? 0)} cores)`).join(', ')}. Those knees measure the client as much as the server and are lower bounds; \`--loadgens 2\` splits the load over two generator processes, at the price of one more process on the two cores.`,
    );
  }
  return out;
}

function ratiosTable(results: BenchResults): string[] {
  const ceiling = kneeOf(results, 'uws-echo');
  const floor = kneeOf(results, 'io-floor');
  const batchedFloor = kneeOf(results, 'io-floor-batched');
  const peerPg = kneeOf(results, 'peer-langgraph-postgres');
  const peerMem = kneeOf(results, 'peer-langgraph-memory');
  const out = [
    '| variant | knee turns/s | ÷ ceiling (uWS echo) | ÷ I/O floor | ÷ batched I/O floor | ÷ LangGraph.js + PostgresSaver | ÷ LangGraph.js + MemorySaver |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of results.load) {
    const k = kneeOf(results, r.id);
    out.push(`| ${r.id} | ${k !== undefined ? n0(k) : 'n/a'} | ${ratio(k, ceiling)} | ${ratio(k, floor)} | ${ratio(k, batchedFloor)} | ${ratio(k, peerPg)} | ${ratio(k, peerMem)} |`);
  }
  return out;
}

function stepsTable(rows: LoadVariantResult[]): string[] {
  const out = [
    '| variant | offered/s | achieved/s | p50 ms | p99 ms | p99.9 ms | max ms | failures | PostgreSQL checkpoints | server event-loop stall max ms (GC pause max / total ms) | within bound |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    for (const s of [...r.steps, ...(r.steady ? [r.steady] : [])]) {
      const fails = s.errors + s.timedOut + s.dropped;
      out.push(`| ${r.id}${s === r.steady ? ' (70 %)' : ''} | ${n0(s.offered)} | ${n0(s.achieved)} | ${latencyCells(s.latency)} | ${fails}${s.firstError ? ` (${s.firstError.replace(/\|/g, '/')})` : ''} | ${s.checkpoints ?? '—'} | ${s.serverStalls ? `${s.serverStalls.loopDelayMaxMs.toFixed(1)} (${s.serverStalls.gcPauseMaxMs.toFixed(1)} / ${s.serverStalls.gcPauseTotalMs.toFixed(0)})` : '—'} | ${s.good ? 'yes' : 'no'} |`);
    }
  }
  return out;
}

function engineSection(e: EngineFigures | { error: string } | null): string[] {
  if (e === null) return ['Not run (`--only`).'];
  if (!isFigures(e)) return [`Failed: ${e.error}`];
  return [
    '| figure | value |',
    '|---|---|',
    `| turns per second (one \`user.message\` until \`awaitingInput\`) | ${n0(e.turnsPerSecond)} |`,
    `| transitions (snapshot changes) per second | ${n0(e.transitionsPerSecond)} |`,
    `| \`getPersistedSnapshot\` + \`JSON.stringify\` | ${n1(e.snapshotUs)} µs, ${n0(e.snapshotBytes)} bytes |`,
    `| restore: \`JSON.parse\` + \`createActor({ snapshot }).start()\` | ${n1(e.restoreUs)} µs |`,
    `| heap per active actor (${n0(e.heapActors)} actors, after full GC) | ${n0(e.heapPerActorBytes)} bytes |`,
  ];
}

function activationSection(a: ActivationFigures | { error: string } | null): string[] {
  if (a === null) return ['Not run (`--only`).'];
  if (!isFigures(a)) return [`Failed: ${a.error}`];
  const row = (name: string, l: LatencySummary): string => `| ${name} | ${n3(l.p50)} | ${n3(l.p90)} | ${n3(l.p99)} | ${n3(l.p999)} | ${n3(l.max)} |`;
  return [
    `${n0(a.conversations)} conversations stored in Redis (pipelined, ${n1(a.writeSeconds)} s), ${n0(a.accesses)} accesses drawn from Zipf(s = 1.1) through an LRU of live actors; ${n0(a.activations)} accesses activated (${n0((100 * a.activations) / Math.max(1, a.accesses))} %), ${n0(a.hits)} found the actor live.`,
    '',
    '| activation, ms | p50 | p90 | p99 | p99.9 | max |',
    '|---|---|---|---|---|---|',
    row('total (get + restore)', a.total),
    row('`RedisSnapshotStore.get`', a.get),
    row('XState restore', a.restore),
  ];
}

function memorySection(m: MemoryFigures | { error: string } | null, e: EngineFigures | { error: string } | null): string[] {
  const out: string[] = [];
  if (m === null) out.push('Idle connections: not run (`--only`).');
  else if (!isFigures(m)) out.push(`Idle connections: failed: ${m.error}`);
  else
    out.push(
      `- ${n0(m.idleConnections)} idle widget connections to Hilo (${m.transport}), each after \`hello\` → \`welcome\`: RSS ${signed(m.rssPerConnectionBytes)} bytes and JS heap ${signed(m.heapPerConnectionBytes)} bytes per connection (server process, after two full GCs on both sides of the measurement).`,
    );
  if (e !== null && isFigures(e)) out.push(`- Heap per active conversation actor (engine alone): ${n0(e.heapPerActorBytes)} bytes.`);
  return out;
}

const ADVICE: Record<string, string> = {
  'xstate (engine)': 'XState interpretation dominates (the host already awaits turns through one subscription per actor): with the rule brain and the tenant\'s own data a product or store question is one event and three microsteps (`idle` → `routing` → `answering.*.asking` → `idle`; small talk two) with four context copies, and most of what XState allocates per turn is its own Sets, Maps and arrays per microstep. The routing state evaluates ~40 guards in order (`evaluateGuard`); fewer would take a routing decision computed once per message instead of an ordered guard list, and keeping the context small keeps each copy cheap.',
  'pino (logging)': 'Logging costs a visible share: the per-turn `info` lines (gateway and host both log every turn) should go to `debug` or be sampled; keep child loggers per conversation instead of creating one per turn.',
  'MikroORM + knex + pg (SQL)': 'The turn already commits through the `pg` driver as one prepared statement (transcript rows, outbox rows, snapshot copy and timer in one CTE; `src/persistence/sql/sql-turn-journal.ts`), with no ORM, transaction object or identity map; what is left here is the driver\'s protocol work (serialising the turn\'s parameter arrays, parsing the reply) and knex\'s pool hand-out per statement. Turns that finish while a statement runs already share the next one (group commit); what would remove more is a connection of its own for the hot path (no knex pool hand-out) and the turn\'s lines as fewer, wider parameters.',
  'ioredis (Redis client)': 'Redis client time: one conditional `EVALSHA` per turn (the envelope) and no `GET` for live actors. ioredis auto-pipelining was measured and rejected (2026-12-04: +50 % CPU per put alone, +30 % at 32 concurrent puts): Node already coalesces the writes of one tick.',
  'garbage collector': 'Allocation pressure: avoid JSON round trips of the context per turn (`getPersistedSnapshot` copies), reuse frame buffers, and do not build log objects that the log level discards.',
  'Hilo rule brain': 'The rule brain caches its readings per text and expectation (2,000 per tenant), so this share is the first reading of each new text (feature extraction `transform`, entity extractors; ~100–200 µs): a repeated message costs a few µs. With the LLM brain this share becomes network wait, which costs no CPU.',
  'Hilo tools': 'Tool work per turn, mostly the product tool around the catalog resolver, whose results are already cached per folded query (`result-cache.ts`, copies on the way out): the copies, the follow-up readers and the quote rendering remain.',
  'uWebSockets.js / ws (transport)': 'Transport time is close to the echo servers: little to gain here beyond fewer frames per turn (typing on/off + message + ack is four frames for one reply).',
  'Hilo actor host': 'Actor host bookkeeping per turn (a live actor already knows its customer messages\' ids, so new messages cost no transcript lookup): the turn record, the envelope and its persisted snapshot, rendering the replies, and the live updates (which the cluster also forwards, so they are published even with no local listener).',
  'Hilo gateway / runtime': 'Gateway work per request: body validation and JSON encoding; pre-serialise constant parts of the answer and avoid per-request closures.',
  'Hilo persistence': 'Store code per turn: in memory the envelope is serialised once per turn and shared by the snapshot store and the journal copy (durable mode still serialises it twice: the Redis put and the journal\'s copy); the SQL journal binds the turn\'s lines as column arrays and makes every string safe for PostgreSQL (`sql-safe.ts`). What is left is the JSON text itself (the persisted snapshot is ~1.7 KB, two thirds of it the last reading with its whole intent ranking).',
  'Hilo machine': 'Machine code (guards, actions) per turn: move pure computations out of hot guards and keep actions allocation-free.',
  'socket writes (native)': 'Socket writes: the kernel\'s loopback `write`/`writev` time, and mostly the time the server was off the CPU inside them (the profiler samples on a wall-clock timer, and a write to loopback wakes Redis or PostgreSQL, which on two cores often takes the writer\'s CPU at once; measured in session 19, the process\'s whole system CPU per durable turn was about half of what the profile charged to these functions). A durable turn writes twice (the Redis snapshot put, the one journal statement) and the widget\'s frames of a turn go out corked; turns that finish together share one journal statement (group commit, `src/kernel/group-commit.ts`), so under load there are fewer than one PostgreSQL write per turn; compare with `io-floor-batched`, the floor that batches the same way.',
  'Node.js internals': 'Node internals (timers, promises, streams): fewer promise hops per turn (each `await` in the host and the mailbox is a microtask), and one timer per turn at most.',
  'V8 / native (program)': 'Native time (program): JSON parse/stringify and socket syscalls; fewer frames and smaller JSON per turn.',
  'native / builtins': 'Builtins (JSON, regular expressions): fewer JSON round trips and simpler regular expressions in the brain.',
  'other node_modules': 'Other libraries: see the top functions below.',
};

function profileSection(p: ProfileFigures): string[] {
  const s = p.summary;
  const out = [
    `#### Profile of ${p.variant} at ${n0(p.rate)} turns/s offered`,
    '',
    `V8's CPU profiler (the one \`node --cpu-prof\` uses, 1 ms sampling) started and stopped in the Hilo child through \`node:inspector\` around one ${'load'} step, after a warm-up, so start-up and module loading stay out: ${n0(s.totalMs)} ms of non-idle samples. Raw profile: \`${s.file}\` (open in Chrome DevTools or speedscope); folded stacks for a flame graph: \`${s.foldedFile}\` (\`flamegraph.pl\`, \`inferno-flamegraph\` or speedscope).`,
    '',
    '| where the time goes (self time) | ms | share |',
    '|---|---|---|',
    ...s.categories.slice(0, 10).map((c) => `| ${c.category} | ${n0(c.selfMs)} | ${n1(c.pct)} % |`),
    '',
    '| top functions by self time | where | ms | share |',
    '|---|---|---|---|',
    ...s.top.map((f) => `| \`${f.name.replace(/\|/g, '/')}\` | ${f.where.replace(/\|/g, '/')} | ${n0(f.selfMs)} | ${n1(f.pct)} % |`),
    '',
    'What to do about it, from the largest shares down:',
    '',
  ];
  const asyncContext = s.top.some((f) => f.name === '_propagate' || f.name === 'promiseInitHook');
  for (const c of s.categories.filter((x) => ADVICE[x.category] !== undefined).slice(0, 4)) {
    const extra =
      c.category === 'Node.js internals' && asyncContext
        ? ' Here `AsyncLocalStorage` is active (`_propagate` / `promiseInitHook` in the top functions: MikroORM keeps its transaction context in one), so every promise of every turn pays a hook; passing the forked `EntityManager` explicitly instead of relying on the ORM\'s context removes that tax.'
        : '';
    out.push(`- **${c.category} (${n1(c.pct)} %)**: ${ADVICE[c.category]}${extra}`);
  }
  return out;
}

export function renderReport(results: BenchResults): string {
  const m = results.machine;
  const targets = targetsOf(results);
  const missed = targets.filter((t) => t.met === false);
  const others = results.load.map((r) => r.steady?.otherCores).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  const medianOther = others.length > 0 ? (others[Math.floor(others.length / 2)] as number) : 0;
  const lines: string[] = [
    results.mode === 'quick' ? '# Hilo benchmarks — quick smoke run' : '# Hilo benchmarks',
    '',
    `Written by \`bench/run.ts\` on ${m.date}; every figure below is the one the run printed. ${results.mode === 'quick' ? 'This is the `--quick` smoke run: tiny rates and durations, it proves the harness works and its figures mean nothing.' : 'Reproduce with the command below on an otherwise idle machine; run-to-run noise on a shared 2-core machine is easily ±20 %.'}`,
    '',
    ...(medianOther >= 0.3
      ? [
          `> **This run shared the machine.** During the 70 % steps, processes outside the benchmark kept a median of ${n2(medianOther)} of the ${m.cores} cores busy (column "other processes" below; load average ${m.loadBefore[0] ?? '?'} at the start). Every throughput figure here is therefore a pessimistic lower bound, and the ratios between variants measured minutes apart carry that noise too.`,
          '',
        ]
      : []),
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu} |`,
    `| cores | ${m.cores} (shared by the server under test, the load generator, Redis and PostgreSQL) |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| OS | ${m.os} |`,
    `| Node.js | ${m.node} |`,
    `| Redis | ${m.redis} (127.0.0.1:6379) |`,
    `| PostgreSQL | ${m.postgres} (127.0.0.1:5432) |`,
    `| date | ${m.date} |`,
    `| load average (1/5/15 min) before → after | ${m.loadBefore.join(' / ')} → ${m.loadAfter.join(' / ')} |`,
    `| run time | ${n0(results.durationS)} s |`,
    '',
    '## Command',
    '',
    '```sh',
    results.command,
    '```',
    '',
    '| setting | value |',
    '|---|---|',
    ...Object.entries(results.settings).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## Targets (2 cores, stub brain)',
    '',
    '| target | goal | measured | result |',
    '|---|---|---|---|',
    ...targets.map((t) => `| ${t.name} | ${t.target} | ${t.measured.replace(/\|/g, '/')} | ${ok(t.met)} |`),
    '',
    missed.length > 0 ? 'Each shortfall has its profile and what to do about it at the end of this file ("Shortfalls").' : 'Every target measured in this run was met.',
    '',
    '## How it measures',
    '',
    '- **Processes**: every server variant runs alone in its own child process (`node --import tsx`), the load generator in another; they talk to the orchestrator over IPC only.',
    '- **Open loop**: message *i* is due at *start + i / rate*; latency is measured from that intended time to the end of the turn, so queueing behind a slow answer counts (no coordinated omission). Latencies go into an HdrHistogram (µs, 3 significant digits); histograms of several generators merge.',
    '- **End of a turn**: WebSocket variants — the `ack` frame for the `clientMessageId` (Hilo sends it after the turn is persisted and its replies are out; the echo servers send the reply frame, then the `ack`). HTTP variants — the `200` response.',
    `- **Knee**: after a warm-up, the rate steps up by ${results.settings['rate factor between steps'] ?? ''} from a per-variant start rate${results.mode === 'full' ? ' (a rate that misses the bound is measured twice before it counts, since the machine is shared; one refinement step goes between the last good and the first bad rate; when even the start rate misses, the rate steps down by the same factor up to four times, then one refinement step between the first good and the last bad rate)' : ''}; a step is good when p99 ≤ ${results.settings['knee bound: p99'] ?? ''}, achieved ≥ 95 % of offered and failures ≤ 0.1 %. The knee is the last good step; latencies and CPU are then reported from a longer step at 70 % of it. After an overloaded step the server gets low-rate probes until its backlog is gone.`,
    '- **PostgreSQL checkpoints**: the orchestrator runs `CHECKPOINT` after each variant\'s warm-up, so no variant flushes the WAL an earlier one wrote, and every step records how many checkpoints happened during it (`pg_stat_bgwriter`, the "PostgreSQL checkpoints" column of "Every step"): a checkpoint inside a durable step writes the pages it dirtied and full-page images after it, which shows as tens of milliseconds of p99.',
    '- **Stalls**: every server child reports, per step, its longest event-loop stall (`monitorEventLoopDelay`, 10 ms resolution) and its garbage-collection pauses (the "server event-loop stall" column of "Every step"): a p99 that jumps while the stall stays small waited outside the process (a store, the scheduler); a stall near the p99 was the server\'s own (GC or synchronous work).',
    '- **Load generators**: a full run starts a new load-generator process for every load variant, so none is measured by a generator that lived through the variants before it.',
    '- **Interference**: the 70 % step also records how many cores processes other than the four measured ones kept busy (from `/proc/stat`), because the machine is shared with other users; a large figure there means the row is pessimistic.',
    '- **CPU per 1,000 turns** (at the 70 % step): server and load generator from `process.cpuUsage()` reported over IPC; Redis from `INFO cpu` (`used_cpu_sys + used_cpu_user`); PostgreSQL from utime + stime in `/proc/<pid>/stat` of every `postgres` process (backends and background writers). Redis and PostgreSQL are shared with anything else running on the machine.',
    '- **Workload**: every variant gets the same rotation of Spanish customer messages (greeting, product and price questions, store hours, thanks) — self-serve traffic that never hands off or starts a lead, so every conversation stays in the same loop. After the first turns that rotation is answered from the rule brain\'s reading cache; `hilo-ws-memory-unseen` (group "workload", no target of its own) sends instead the same kind of questions as sentences never sent before in the run (`unseenTexts()` in bench/lib/workload.ts: 40 questions × 12 openings × 10 endings, typed three ways, 14,190 in all), as real customers write, so its knee is the cost of reading a new message.',
    '- **Fairness**: Hilo uses its rule brain; the LangGraph.js peer reads messages with the same rule brain (`createRuleBrain`) and answers with the same tools and reply templates, so the comparison is engine + persistence.',
    '',
    '| variant | what runs | front end |',
    '|---|---|---|',
    ...results.load.map((r) => `| ${r.id} | ${r.title} | ${r.frontEnd || 'n/a'} |`),
    '',
    'The I/O floor and the peer sit behind `bench/servers/http-front.ts` (plain `node:http`: the same route, `Bearer` check and JSON body as Hilo\'s REST channel, no rate limiter), because Hilo\'s REST channel goes through Hilo\'s own gateway; Hilo\'s variants use Hilo\'s gateway unchanged (the transport it picks is shown).',
    '',
    '## Throughput and latency',
    '',
    ...loadTable(results.load),
    '',
    '## Ratios (knee throughput, this run)',
    '',
    ...ratiosTable(results),
    '',
    '## Engine alone',
    '',
    'The conversation machine (`src/machines`) in memory with stub effects that resolve at once (`understand` returns the rule brain\'s reading, computed once per distinct message), no gateway, no stores.',
    '',
    ...engineSection(results.engine),
    '',
    '## Activation',
    '',
    'One activation = `RedisSnapshotStore.get` (HMGET + envelope checks + `JSON.parse`) + `createActor(machine, { snapshot }).start()`; evicted actors are stopped (passivation). Accesses run one at a time.',
    '',
    ...activationSection(results.activation),
    '',
    '## Memory',
    '',
    ...memorySection(results.memory, results.engine),
    '',
  ];
  if (missed.length > 0 || results.profiles.length > 0) {
    lines.push('## Shortfalls: profiles and what to do', '');
    for (const t of missed.filter((x) => x.note)) lines.push(`- **${t.name}** (${t.measured}): ${t.note}`);
    if (missed.some((x) => x.note)) lines.push('');
    for (const p of results.profiles) {
      const which = missed.filter((t) => t.profileVariant === p.variant).map((t) => t.name);
      if (which.length > 0) lines.push(`Explains: ${which.join('; ')}.`, '');
      lines.push(...profileSection(p), '');
    }
  }
  lines.push('## Every step', '', ...stepsTable(results.load), '');
  return lines.join('\n');
}
