/**
 * Engine alone: Hilo's conversation machine (`src/machines`) in memory, no gateway, no stores,
 * stub effects (`lib/stub-machine.ts`). Child of bench/run.ts, run with `--expose-gc`; it also
 * runs the activation step (`activation.ts`), which needs the same machine.
 *
 * Figures: turns/s and transitions (snapshot changes)/s; `getPersistedSnapshot` + `JSON.stringify`
 * per snapshot; restore (`JSON.parse` + `createActor({ snapshot }).start()`); heap per active actor.
 */
import { performance } from 'node:perf_hooks';
import { createActor, type AnyActorRef } from 'xstate';
import { cleanupActivation, runActivation, type ActivationSpec } from './activation.js';
import { serveIpc } from './lib/ipc.js';
import { createStubMachine, driveActor, startConversation, type DrivenActor } from './lib/stub-machine.js';

export interface EngineSpec {
  actors: number;
  durationMs: number;
  snapshotOps: number;
  heapActors: number;
}

export interface EngineResult {
  turnsPerSecond: number;
  transitionsPerSecond: number;
  snapshotUs: number;
  snapshotBytes: number;
  restoreUs: number;
  heapPerActorBytes: number;
  heapActors: number;
}

const machine = await createStubMachine();

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run the engine step with --expose-gc');
  g();
  g();
};

async function run(spec: EngineSpec): Promise<EngineResult> {
  // Warm the brain's cache and the JIT outside the measurement.
  const warm = driveActor(startConversation(machine, 'warm'));
  for (let i = 0; i < 60; i++) await warm.turn(i);
  warm.actor.stop();

  const driven: DrivenActor[] = Array.from({ length: spec.actors }, (_, i) => driveActor(startConversation(machine, `c${i}`)));
  const initialTransitions = driven.reduce((sum, d) => sum + d.transitions, 0);
  const started = performance.now();
  const deadline = started + spec.durationMs;
  let turns = 0;
  await Promise.all(
    driven.map(async (d) => {
      for (let i = 0; performance.now() < deadline && i < 1_000_000; i++) {
        await d.turn(i);
        turns++;
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const transitions = driven.reduce((sum, d) => sum + d.transitions, 0) - initialTransitions;

  // Snapshot and restore cost, on actors that went through several turns.
  const sample = driven.slice(0, Math.min(driven.length, 100));
  let bytes = 0;
  const texts: string[] = [];
  let t0 = performance.now();
  for (let i = 0; i < spec.snapshotOps; i++) {
    const d = sample[i % sample.length] as DrivenActor;
    const text = JSON.stringify(d.actor.getPersistedSnapshot());
    bytes += text.length;
    if (texts.length < sample.length) texts.push(text);
  }
  const snapshotUs = ((performance.now() - t0) * 1000) / spec.snapshotOps;
  t0 = performance.now();
  for (let i = 0; i < spec.snapshotOps; i++) {
    createActor(machine, { snapshot: JSON.parse(texts[i % texts.length] as string) }).start().stop();
  }
  const restoreUs = ((performance.now() - t0) * 1000) / spec.snapshotOps;
  for (const d of driven) d.actor.stop();
  driven.length = 0;

  // Heap per active actor: restored from a mid-conversation snapshot, kept alive, after full GCs.
  const template = texts[0] as string;
  texts.length = 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: AnyActorRef[] = [];
  for (let i = 0; i < spec.heapActors; i++) kept.push(createActor(machine, { snapshot: JSON.parse(template) }).start());
  gc();
  const after = process.memoryUsage().heapUsed;
  for (const a of kept) a.stop();

  return {
    turnsPerSecond: turns / elapsedS,
    transitionsPerSecond: transitions / elapsedS,
    snapshotUs,
    snapshotBytes: bytes / spec.snapshotOps,
    restoreUs,
    heapPerActorBytes: (after - before) / spec.heapActors,
    heapActors: spec.heapActors,
  };
}

serveIpc(
  { role: 'engine' },
  { run: (args) => run(args as EngineSpec), activation: (args) => runActivation(machine, args as ActivationSpec) },
  () => cleanupActivation(),
);
