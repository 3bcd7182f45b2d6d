import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { ActorRegistry, conversationKeyString, type ActiveConversation } from '../../../src/actors/actor-registry.js';
import type { ConversationUpdate } from '../../../src/actors/conversation-service.js';
import { createConversationUpdates } from '../../../src/actors/conversation-updates.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

const idle = createMachine({ initial: 'idle', states: { idle: {} } });

function entry(conversationId: string, lastUsed = 0): ActiveConversation {
  return { key: { tenantId: 't', conversationId }, actor: createActor(idle).start(), seq: 0, epoch: 0, lastUsed, sink: null };
}

describe('ActorRegistry', () => {
  const setup = (maxActive: number, busy: Set<string> = new Set()) => {
    const clock = createManualClock();
    const stats = { active: 0, activations: 0, passivations: 0 };
    const registry = new ActorRegistry({ maxActive, idleTimeoutMs: 1_000, clock, busy: (k) => busy.has(k), stats });
    return { registry, stats, clock, busy };
  };

  it('should passivate the least recently used idle actors beyond the cap, never a busy one', () => {
    const { registry, stats, busy } = setup(2);
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    for (const e of [a, b, c]) registry.add(e);
    busy.add(conversationKeyString(a.key));
    registry.touch(b.key); // LRU order now a, c, b
    registry.enforceCap();

    expect([registry.has(a.key), registry.has(b.key), registry.has(c.key)]).toEqual([true, true, false]);
    expect(c.actor.getSnapshot().status).toBe('stopped');
    expect(stats).toEqual({ active: 2, activations: 3, passivations: 1 });
  });

  it('should passivate only actors idle past the timeout, and ignore an entry that was replaced', () => {
    const { registry, stats, clock } = setup(10);
    const old = entry('old', 0);
    registry.add(old);
    clock.advance(2_000);
    const fresh = entry('fresh', clock.now());
    registry.add(fresh);

    expect(registry.passivateIdle()).toBe(1);
    expect(registry.has(old.key)).toBe(false);
    expect(registry.has(fresh.key)).toBe(true);

    // A stale reference (the conversation was re-activated since) must not drop the new actor.
    const again = entry('fresh', clock.now());
    registry.add(again);
    registry.passivate(fresh);
    expect(registry.get(fresh.key)).toBe(again);
    expect(stats.passivations).toBe(1);
  });
});

describe('ConversationUpdates', () => {
  const key = { tenantId: 't', conversationId: 'c' };
  const typing: ConversationUpdate = { type: 'typing', on: true };

  it('should deliver to every listener even when one throws, and stop after unsubscribe', () => {
    const updates = createConversationUpdates(createSilentLogger());
    const got: string[] = [];
    updates.subscribe(key, () => {
      throw new Error('broken socket');
    });
    const off = updates.subscribe(key, (u) => got.push(u.type));
    updates.subscribe({ tenantId: 't', conversationId: 'other' }, () => got.push('other'));

    updates.publish(key, typing);
    off();
    updates.publish(key, typing);
    expect(got).toEqual(['typing']);
  });

  it('should deliver an update to the listeners subscribed when it was published, even if one unsubscribes another meanwhile', () => {
    const updates = createConversationUpdates(createSilentLogger());
    const got: string[] = [];
    let offSecond = (): void => undefined;
    updates.subscribe(key, () => {
      got.push('first');
      offSecond();
    });
    offSecond = updates.subscribe(key, () => got.push('second'));
    updates.publish(key, typing);
    updates.publish(key, typing);
    expect(got).toEqual(['first', 'second', 'first']);
  });
});
