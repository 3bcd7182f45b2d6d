import type { AnyActorRef, PromiseActorLogic, PromiseSnapshot } from 'xstate';

/** The events XState's own promise logic relays to itself (same names, so snapshots and inspectors see no difference). */
const RESOLVE = 'xstate.promise.resolve';
const REJECT = 'xstate.promise.reject';
const STOP = 'xstate.stop';

/** The `AbortController` of each running task, created only when its body reads `signal`. */
const controllers = new WeakMap<AnyActorRef, AbortController>();

interface TaskArgs<TInput> {
  input: TInput;
  /** Aborted when the invoking state is left before the task settles. Created on first read. */
  readonly signal: AbortSignal;
}

/**
 * XState's `fromPromise`, with one difference: the `AbortSignal` is created the first time the task
 * reads it, not for every invocation. A conversation turn invokes two or three promise actors and
 * none of Hilo's reads the signal, while Node's `AbortController` + `AbortSignal` (an EventTarget)
 * cost about a tenth of an in-memory turn's CPU (profile in BENCHMARKS.md). Everything else —
 * snapshot shape, the `xstate.promise.resolve`/`reject` events, stopping — is XState's logic as
 * published in xstate 5 (`actors/promise.ts`), so machines, persisted snapshots and the inspector
 * cannot tell the two apart.
 *
 * @example
 * const machine = conversationMachine.provide({ actors: { understand: fromTask(async ({ input }) => brain.understand(input)) } });
 */
export function fromTask<TOutput, TInput>(body: (args: TaskArgs<TInput>) => PromiseLike<TOutput> | TOutput): PromiseActorLogic<TOutput, TInput> {
  const logic = {
    config: body,
    transition: (state: PromiseSnapshot<TOutput, TInput>, event: { type: string; data?: unknown }, scope: { self: AnyActorRef }) => {
      if (state.status !== 'active') return state;
      switch (event.type) {
        case RESOLVE:
          return { ...state, status: 'done', output: event.data as TOutput, input: undefined };
        case REJECT:
          return { ...state, status: 'error', error: event.data, input: undefined };
        case STOP:
          controllers.get(scope.self)?.abort();
          controllers.delete(scope.self);
          return { ...state, status: 'stopped', input: undefined };
        default:
          return state;
      }
    },
    start: (state: PromiseSnapshot<TOutput, TInput>, { self, system }: { self: AnyActorRef; system: { _relay: (source: AnyActorRef, target: AnyActorRef, event: unknown) => void } }) => {
      if (state.status !== 'active') return;
      const args: TaskArgs<TInput> = {
        input: state.input as TInput,
        get signal() {
          let controller = controllers.get(self);
          if (!controller) {
            controller = new AbortController();
            controllers.set(self, controller);
          }
          return controller.signal;
        },
      };
      let settled: Promise<TOutput>;
      try {
        settled = Promise.resolve(body(args));
      } catch (err) {
        // A body that throws synchronously fails the task, as an async function's throw would.
        settled = Promise.reject(err);
      }
      settled.then(
        (response) => {
          if (self.getSnapshot().status !== 'active') return;
          controllers.delete(self);
          system._relay(self, self, { type: RESOLVE, data: response });
        },
        (errorData: unknown) => {
          if (self.getSnapshot().status !== 'active') return;
          controllers.delete(self);
          system._relay(self, self, { type: REJECT, data: errorData });
        },
      );
    },
    getInitialSnapshot: (_: unknown, input: TInput) => ({ status: 'active', output: undefined, error: undefined, input }),
    getPersistedSnapshot: (snapshot: PromiseSnapshot<TOutput, TInput>) => snapshot,
    restoreSnapshot: (snapshot: unknown) => snapshot,
  };
  return logic as unknown as PromiseActorLogic<TOutput, TInput>;
}
