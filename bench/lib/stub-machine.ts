import { join } from 'node:path';
import { createActor, fromPromise, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import type { Understanding } from '../../src/domain/understanding.js';
import { AWAITING_INPUT, conversationMachine } from '../../src/machines/index.js';
import { provideAnswerers, provideReader } from '../../src/machines/conversation.machine.js';
import type { UnderstandActorInput } from '../../src/machines/index.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import { projectRoot } from '../../src/runtime/project-root.js';
import { withBenchClassifier } from './model-cache.js';
import { WORKLOAD_TEXTS } from './workload.js';

/**
 * Hilo's conversation machine provided with stub effects that resolve at once. The message is
 * read at once, as with the rule brain in production (`provideReader`; `understand` is the same
 * reading as an actor, for a reading that throws), computed once per distinct (text, expectation),
 * so what is measured is the machine, not the classifier. The catalog and store answers are given
 * at once too, as the tenant's own data is in production (`provideAnswerers`).
 */
export async function createStubMachine(): Promise<AnyStateMachine> {
  const tenant = await loadTenant(join(projectRoot(), 'tenants', 'ferreteria'));
  const brain = createRuleBrain({ tenant, ...withBenchClassifier(tenant) });
  const readings = new Map<string, Understanding>();
  const understandCached = async (input: UnderstandActorInput): Promise<Understanding> => {
    const key = `${input.text}\u0000${JSON.stringify(input.expecting)}`;
    const known = readings.get(key);
    if (known) return known;
    const fresh: Understanding = await brain.understand(input);
    readings.set(key, fresh);
    return fresh;
  };
  // As in production with the rule brain: the message is read in the step that received it (`provideReader`).
  const readNow = (input: UnderstandActorInput): Understanding => {
    const key = `${input.text}\u0000${JSON.stringify(input.expecting)}`;
    const known = readings.get(key);
    if (known) return known;
    const fresh = brain.readNow!(input);
    readings.set(key, fresh);
    return fresh;
  };
  const product = () => ({ outcome: 'answered' as const, replies: [{ template: 'product.found', params: { name: 'Cemento', price: '$550.00' } }] });
  const info = () => ({ replies: [{ template: 'info.hours' }] });
  return provideAnswerers(provideReader(conversationMachine, readNow), { answerProduct: product, answerInfo: info }).provide({
    actors: {
      understand: fromPromise(({ input }: { input: UnderstandActorInput }) => understandCached(input)),
      answerProduct: fromPromise(async () => product()),
      answerAccount: fromPromise(async () => ({ outcome: 'need_account_id' as const, replies: [{ template: 'account.askId' }] })),
      answerInfo: fromPromise(async () => info()),
      createTicket: fromPromise(async () => ({ ticketId: 't-1', number: 'T-000001' })),
      pushLead: fromPromise(async () => ({ leadId: 'l-1', payload: {} })),
    },
  } as never) as unknown as AnyStateMachine;
}

/** An actor plus a way to await the end of each turn (the `awaitingInput` tag), without `waitFor`'s per-call subscription. */
export interface DrivenActor {
  actor: AnyActorRef;
  transitions: number;
  turn(i: number): Promise<void>;
}

export function driveActor(actor: AnyActorRef): DrivenActor {
  let waiting: (() => void) | null = null;
  const d: DrivenActor = {
    actor,
    transitions: 0,
    turn(i) {
      return new Promise<void>((resolve) => {
        waiting = resolve;
        actor.send({ type: 'user.message', messageId: `m${i}`, text: WORKLOAD_TEXTS[i % WORKLOAD_TEXTS.length], channel: 'web', receivedAt: '2026-11-22T12:00:00.000Z' });
      });
    },
  };
  actor.subscribe((s: { hasTag(tag: string): boolean; status: string }) => {
    d.transitions++;
    if (waiting && (s.hasTag(AWAITING_INPUT) || s.status !== 'active')) {
      const w = waiting;
      waiting = null;
      w();
    }
  });
  return d;
}

export function startConversation(machine: AnyStateMachine, conversationId: string): AnyActorRef {
  return createActor(machine, { input: { tenantId: 'ferreteria', conversationId, lang: 'es' } }).start();
}

/** A persisted snapshot after `turns` turns of the workload: what a typical stored conversation holds. */
export async function sampleSnapshot(machine: AnyStateMachine, turns = 6): Promise<unknown> {
  const d = driveActor(startConversation(machine, 'sample'));
  for (let i = 0; i < turns; i++) await d.turn(i);
  const snapshot = d.actor.getPersistedSnapshot();
  d.actor.stop();
  return JSON.parse(JSON.stringify(snapshot));
}
