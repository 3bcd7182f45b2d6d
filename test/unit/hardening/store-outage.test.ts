import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemorySnapshotStore } from '../../../src/persistence/index.js';
import type { SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** A snapshot store (Redis in production) that can go away: every call throws while `down`. */
function flakyStore(): { store: SnapshotStore; setDown(v: boolean): void } {
  const inner = createMemorySnapshotStore({ clock: createManualClock() });
  let down = false;
  const gone = (): never => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
  };
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (down ? Promise.resolve().then(gone) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store, setDown: (v) => void (down = v) };
}

/**
 * The snapshot store going away in the middle of a conversation (Redis stopped mid-turn): the
 * message that met the outage fails, nothing of it is half-recorded, and once the store is back
 * the customer's retry (same message id) is answered exactly once and the thread goes on.
 */
describe('snapshot store outage mid-conversation', () => {
  it('should fail the turn that met the outage, then answer its retry once when the store is back', async () => {
    const flaky = flakyStore();
    const made = createMemoryHost({ tenant, brain, snapshots: flaky.store });
    const host = made.host;
    const first = await host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'outage-1', messageId: 'm1', text: 'hola, tienen cemento?' });
    const c = first.conversationId;
    const lines = (await host.history(T, c, 0)).length;
    flaky.setDown(true);
    // A coded, retryable failure, not HILO_ERR_INTERNAL ("a bug") as an unreachable Redis was.
    await expect(host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'outage-1', messageId: 'm2', text: 'y varilla de 3/8?' })).rejects.toMatchObject({ code: 'HILO_ERR_TURN_FAILED' });
    expect((await host.history(T, c, 0)).length).toBe(lines);
    flaky.setDown(false);
    const retry = await host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'outage-1', messageId: 'm2', text: 'y varilla de 3/8?' });
    expect(retry.duplicate).toBe(false);
    expect(retry.replies.length).toBeGreaterThan(0);
    const again = await host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'outage-1', messageId: 'm2', text: 'y varilla de 3/8?' });
    expect(again.duplicate).toBe(true);
    const history = await host.history(T, c, 0);
    expect(history.filter((l) => l.direction === 'in').map((l) => l.messageId)).toEqual(['m1', 'm2']);
    expect(retry.state.seq).toBe(first.state.seq + 1);
  });
});
