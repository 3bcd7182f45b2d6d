import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const T = 'ferreteria';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/**
 * A resolve (or any agent event) the machine ignores changes nothing, so nothing is written: the
 * seq stays, no snapshot is put, no transcript line appears (harden11 saw the seq go up with 0
 * replies on every repeated resolve).
 */
describe('an agent event that changes nothing', () => {
  async function handedOff(made: ReturnType<typeof createMemoryHost>, sender: string): Promise<string> {
    let result = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: sender, text: 'quiero hablar con una persona' });
    for (const text of ['Ana Pérez', '8095550123', 'sí']) {
      if (result.state.value === 'handoff.withHuman') break;
      result = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: sender, text });
    }
    expect(result.state.value).toBe('handoff.withHuman');
    return result.conversationId;
  }

  it('should not write a turn for a second resolve of a resolved handoff', async () => {
    const made = createMemoryHost({ tenant, brain });
    const c = await handedOff(made, 'noop-resolve-1');
    const first = await made.host.resolveHandoff(T, c, 'Ana', 'entregado');
    expect(first.replies.length).toBeGreaterThan(0);
    const seq = first.state.seq;
    const lines = (await made.host.history(T, c, 0)).length;
    let puts = 0;
    const put = made.snapshots.put.bind(made.snapshots);
    made.snapshots.put = async (...args) => {
      puts++;
      return put(...args);
    };
    const again = await made.host.resolveHandoff(T, c, 'Luis', 'otra cosa');
    expect(again.replies).toEqual([]);
    expect(again.state.seq).toBe(seq);
    expect(again.stateBefore).toBe(again.state.value);
    expect(puts).toBe(0);
    expect((await made.host.history(T, c, 0)).length).toBe(lines);
    // The conversation goes on: the next customer message is the next seq.
    const next = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'noop-resolve-1', text: 'hola' });
    expect(next.state.seq).toBe(seq + 1);
    expect(next.replies.length).toBeGreaterThan(0);
  });

  it('should not write a turn for a resolve of a never handed off conversation, nor after a restart', async () => {
    const made = createMemoryHost({ tenant, brain });
    const hello = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'noop-resolve-2', text: 'hola' });
    const c = hello.conversationId;
    const lines = (await made.host.history(T, c, 0)).length;
    const ignored = await made.host.resolveHandoff(T, c, 'Ana', 'entregado');
    expect(ignored.replies).toEqual([]);
    expect(ignored.state.seq).toBe(hello.state.seq);
    // Passivated and activated again from the store: still the same seq, nothing lost.
    await made.host.evict(T, c);
    const again = await made.host.resolveHandoff(T, c, 'Ana', 'entregado');
    expect(again.state.seq).toBe(hello.state.seq);
    expect((await made.host.history(T, c, 0)).length).toBe(lines);
  });

  it('should still write a resolve that closes a handoff', async () => {
    const made = createMemoryHost({ tenant, brain });
    const c = await handedOff(made, 'noop-resolve-3');
    const before = (await made.host.getConversation(T, c))?.state?.seq ?? 0;
    const done = await made.host.resolveHandoff(T, c, 'Ana', 'entregado');
    expect(done.state.seq).toBe(before + 1);
    expect(done.state.value).not.toMatch(/^handoff/);
  });
});
