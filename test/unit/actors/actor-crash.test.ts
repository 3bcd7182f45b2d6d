import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let ruleBrain: Brain;

beforeAll(async () => {
  ({ tenant, brain: ruleBrain } = await loadDemo());
});

describe('an action that throws while the event is being sent', () => {
  it('should fail only that turn: no unhandled error for the process, other conversations and the next message go on', async () => {
    const unhandled: unknown[] = [];
    const onUncaught = (err: unknown) => unhandled.push(err);
    process.on('uncaughtException', onUncaught);
    let explode = true;
    const { host } = createMemoryHost({
      tenant,
      brain: ruleBrain,
      host: { turnTimeoutMs: 5_000 },
      // Recording the message (`recordIdleMessage` in idle) runs synchronously inside actor.send(user.message), before anyone waits for the turn.
      machine: (m) =>
        m.provide({
          actions: {
            recordIdleMessage: () => {
              if (explode) throw new Error('poisoned record');
            },
          },
        }),
    });
    try {
      const err = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'poisoned', text: 'hola' }).then(
        () => expect.unreachable('the turn should have failed'),
        (e: unknown) => e,
      );
      expect(isHiloError(err, 'HILO_ERR_TURN_FAILED')).toBe(true);
      // xstate reports an error nobody observes by throwing it from a timer: give it the chance.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      explode = false;
      const other = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'bystander', text: 'hola' });
      expect(other.replies.length).toBeGreaterThan(0);
      const next = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'poisoned', text: 'hola' });
      expect(next.replies.length).toBeGreaterThan(0);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
