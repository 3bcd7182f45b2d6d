import { describe, expect, it } from 'vitest';
import { createActor, createMachine, fromPromise, waitFor } from 'xstate';
import { fromTask } from '../../../src/kernel/promise-logic.js';

/** A machine that invokes `work` and records how it ended; `cancel` leaves the invoking state. */
function machineWith(work: ReturnType<typeof fromTask<number, number>>) {
  return createMachine(
    {
      types: {} as { context: { out: number | null; err: string | null } },
      context: { out: null, err: null },
      initial: 'running',
      states: {
        running: {
          invoke: {
            src: 'work',
            input: () => 20,
            onDone: 'done',
            onError: 'failed',
          },
          on: { cancel: 'cancelled' },
        },
        done: { type: 'final' },
        failed: { type: 'final' },
        cancelled: { type: 'final' },
      },
    },
    { actors: { work } },
  );
}

describe('fromTask (fromPromise with a lazily created AbortSignal)', () => {
  it('produces the same snapshots and done event as fromPromise', async () => {
    const runs = [];
    for (const logic of [fromTask<number, number>(async ({ input }) => input + 1), fromPromise<number, number>(async ({ input }) => input + 1)]) {
      const actor = createActor(machineWith(logic as never)).start();
      const child = actor.getSnapshot().children;
      const childId = Object.keys(child)[0]!;
      const childActor = child[childId]!;
      await waitFor(actor, (s) => s.status === 'done');
      runs.push({ value: actor.getSnapshot().value, child: childActor.getSnapshot() });
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]!.value).toBe('done');
    expect(runs[0]!.child).toMatchObject({ status: 'done', output: 21, input: undefined });
  });

  it('turns a rejection, and a synchronous throw, into an error event', async () => {
    for (const logic of [
      fromTask<number, number>(async () => {
        throw new Error('async');
      }),
      fromTask<number, number>(() => {
        throw new Error('sync');
      }),
    ]) {
      const actor = createActor(machineWith(logic)).start();
      await waitFor(actor, (s) => s.status === 'done');
      expect(actor.getSnapshot().value).toBe('failed');
    }
  });

  it('aborts the signal of a task whose state is left, and only creates it when read', async () => {
    let signal: AbortSignal | null = null;
    let release: (v: number) => void = () => undefined;
    const reading = fromTask<number, number>(({ signal: s }) => {
      signal = s;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const actor = createActor(machineWith(reading)).start();
    expect(signal).not.toBeNull();
    expect(signal!.aborted).toBe(false);
    actor.send({ type: 'cancel' });
    expect(actor.getSnapshot().value).toBe('cancelled');
    expect(signal!.aborted).toBe(true);
    release(1); // settling after the stop changes nothing
    await new Promise((r) => setTimeout(r, 0));
    expect(actor.getSnapshot().value).toBe('cancelled');

    // A task that never reads `signal` gets none: stopping it has nothing to abort and does not throw.
    const quiet = createActor(machineWith(fromTask<number, number>(() => new Promise<number>(() => undefined)))).start();
    quiet.send({ type: 'cancel' });
    expect(quiet.getSnapshot().value).toBe('cancelled');
  });

  it('restores a persisted snapshot taken while the task ran, and runs the task again', async () => {
    let calls = 0;
    const logic = fromTask<number, number>(async ({ input }) => {
      calls++;
      return input * 2;
    });
    const first = createActor(machineWith(logic));
    first.start();
    const persisted = first.getPersistedSnapshot();
    first.stop();
    const restored = createActor(machineWith(logic), { snapshot: persisted }).start();
    await waitFor(restored, (s) => s.status === 'done');
    expect(restored.getSnapshot().value).toBe('done');
    expect(calls).toBe(2);
  });
});
