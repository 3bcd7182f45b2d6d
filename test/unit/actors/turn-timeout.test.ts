import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { awaitTurnEnd, watchTurnEnds } from '../../../src/actors/turn-deadline.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { AWAITING_INPUT } from '../../../src/machines/conversation.contract.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let ruleBrain: Brain;

beforeAll(async () => {
  ({ tenant, brain: ruleBrain } = await loadDemo());
});

/** The error a turn failed with (fails the test when the turn succeeds). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the turn should have failed'),
    (err: unknown) => err,
  );
}

describe('turn timeouts are typed, not read from error messages', () => {
  it('should fail a turn with HILO_ERR_TURN_FAILED, not a timeout, when an effect throws an error that says "timeout"', async () => {
    let explode = true;
    const { host } = createMemoryHost({
      tenant,
      brain: ruleBrain,
      host: { turnTimeoutMs: 5_000 },
      // An action failing with a message that merely mentions a timeout (a driver's "Gateway Timeout"),
      // after the store-info effect answered: the actor fails while the host is already waiting for the turn.
      machine: (m) =>
        m.provide({
          actions: {
            settleAnswer: () => {
              if (explode) throw new Error('504 Gateway Timeout from the catalog mirror');
            },
          },
        }),
    });
    const err = await failure(host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'says-timeout', text: 'donde están ubicados?' }));
    expect(isHiloError(err, 'HILO_ERR_TURN_FAILED')).toBe(true);
    expect(isHiloError(err, 'HILO_ERR_TURN_TIMEOUT')).toBe(false);
    expect(host.stats.turnFailures).toBe(1);
    explode = false;
    const next = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'says-timeout', text: 'donde están ubicados?' });
    expect(next.replies.length).toBeGreaterThan(0);
  });

  it('should fail a turn that outlives the host deadline with HILO_ERR_TURN_TIMEOUT', async () => {
    const hanging: Brain = { kind: 'rules', parse: (text) => ruleBrain.parse(text), understand: () => new Promise(() => {}) };
    const { host } = createMemoryHost({ tenant, brain: hanging, host: { turnTimeoutMs: 100 } });
    const started = Date.now();
    const err = await failure(host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'hangs', text: 'hola' }));
    expect(isHiloError(err, 'HILO_ERR_TURN_TIMEOUT')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(host.stats.turnFailures).toBe(1);
  });
});

describe('awaitTurnEnd', () => {
  const machine = createMachine({
    initial: 'idle',
    states: {
      idle: { tags: [AWAITING_INPUT], on: { go: 'busy', crash: 'crashing' } },
      busy: { on: { done: 'idle' } },
      crashing: {
        entry: () => {
          throw new Error('timeout');
        },
      },
    },
  });

  it('should resolve at once when the actor already awaits input', async () => {
    const actor = createActor(machine).start();
    await expect(awaitTurnEnd(actor, 50)).resolves.toBeUndefined();
  });

  it('should resolve when the actor comes back to awaiting input before the deadline', async () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'go' });
    setTimeout(() => actor.send({ type: 'done' }), 10);
    await expect(awaitTurnEnd(actor, 1_000)).resolves.toBeUndefined();
  });

  it('should reject with the coded HILO_ERR_TURN_TIMEOUT when the deadline passes', async () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'go' });
    await expect(awaitTurnEnd(actor, 20)).rejects.toMatchObject({ code: 'HILO_ERR_TURN_TIMEOUT' });
  });

  it('should settle without waiting when the actor fails, whatever its error says', async () => {
    const actor = createActor(machine);
    actor.subscribe({ error: () => undefined });
    actor.start();
    actor.send({ type: 'crash' });
    const settled = await awaitTurnEnd(actor, 10_000).then(
      () => 'resolved',
      (err: unknown) => (isHiloError(err) ? err.code : 'actor error'),
    );
    // Either way the host reads the failed snapshot; what matters is that it is not a timeout.
    expect(settled).not.toBe('HILO_ERR_TURN_TIMEOUT');
    expect(actor.getSnapshot().status).toBe('error');
  });
});

describe('watchTurnEnds (one subscription for the actor\'s life)', () => {
  const machine = createMachine({
    initial: 'idle',
    states: {
      idle: { tags: [AWAITING_INPUT], on: { go: 'busy', crash: 'crashing' } },
      busy: { on: { done: 'idle', crash: 'crashing', finish: 'end' } },
      crashing: {
        entry: () => {
          throw new Error('timeout');
        },
      },
      end: { type: 'final' },
    },
  });

  it('should resolve at once when the actor already awaits input', async () => {
    const actor = createActor(machine);
    const turns = watchTurnEnds(actor);
    actor.start();
    await expect(turns.wait(50)).resolves.toBeUndefined();
  });

  it('should await turn after turn on the same subscription', async () => {
    const actor = createActor(machine);
    const turns = watchTurnEnds(actor);
    actor.start();
    for (let i = 0; i < 3; i++) {
      actor.send({ type: 'go' });
      let ended = false;
      const wait = turns.wait(1_000).then(() => (ended = true));
      await new Promise((r) => setTimeout(r, 5));
      expect(ended).toBe(false);
      actor.send({ type: 'done' });
      await wait;
      expect(ended).toBe(true);
    }
  });

  it('should reject with the coded HILO_ERR_TURN_TIMEOUT when the deadline passes, and serve the next wait after it', async () => {
    const actor = createActor(machine);
    const turns = watchTurnEnds(actor);
    actor.start();
    actor.send({ type: 'go' });
    await expect(turns.wait(20)).rejects.toMatchObject({ code: 'HILO_ERR_TURN_TIMEOUT' });
    const next = turns.wait(1_000);
    actor.send({ type: 'done' });
    await expect(next).resolves.toBeUndefined();
  });

  it('should reject with the actor\'s own error when the actor fails while a turn is awaited', async () => {
    const actor = createActor(machine);
    const turns = watchTurnEnds(actor);
    actor.start();
    actor.send({ type: 'go' });
    const wait = turns.wait(10_000);
    actor.send({ type: 'crash' }); // an action failing inside the running turn
    const settled = await wait.then(
      () => 'resolved',
      (err: unknown) => (isHiloError(err) ? err.code : (err as Error).message),
    );
    // The actor's error (whose message says "timeout"), not the host's coded timeout.
    expect(settled).toBe('timeout');
    expect(actor.getSnapshot().status).toBe('error');
  });

  it('should observe an error thrown inside send with no wait pending (no unhandled error), and settle the next wait at once', async () => {
    const actor = createActor(machine);
    const turns = watchTurnEnds(actor);
    actor.start();
    actor.send({ type: 'crash' });
    expect(actor.getSnapshot().status).toBe('error');
    await expect(turns.wait(10_000)).resolves.toBeUndefined();
  });

  it('should resolve when the actor reaches a final state', async () => {
    const actor = createActor(machine);
    const turns = watchTurnEnds(actor);
    actor.start();
    actor.send({ type: 'go' });
    const last = turns.wait(1_000);
    actor.send({ type: 'finish' });
    await expect(last).resolves.toBeUndefined();
    expect(actor.getSnapshot().status).toBe('done');
  });
});
