import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import type { ActiveConversation } from '../../../src/actors/actor-registry.js';
import { findInbound, idHash, MAX_KNOWN_INBOUND_IDS, noteInbound } from '../../../src/actors/inbound-ids.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/memory/memory-transcript-store.js';
import type { TranscriptStore } from '../../../src/persistence/ports/transcript-store.js';

const key = { tenantId: 't', conversationId: 'c' };
const entry = (): ActiveConversation => ({ key, actor: createActor(createMachine({})).start(), seq: 0, epoch: 0, lastUsed: 0, sink: null });

function counted(store: TranscriptStore): { store: TranscriptStore; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    store: { ...store, hasInbound: (k, id) => (calls.push(`has ${id}`), store.hasInbound(k, id)), list: (k, o) => (calls.push('list'), store.list(k, o)) },
  };
}

describe('inbound ids of a live conversation', () => {
  it('should hash ids to non-negative 31-bit integers, the same id to the same number', () => {
    for (const id of ['', 'a', 'web:visitor-1:m1', 'wamid.HBgLMTgwOTU1NTEyMzQVAgASGBQzQTdGRjY0', 'ñandú 🦜']) {
      const h = idHash(id);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 31).toBe(true);
      expect(idHash(id)).toBe(h);
    }
    expect(idHash('m1')).not.toBe(idHash('m2'));
  });

  it('should read the ids once, answer a new id from memory and find a committed one in the store', async () => {
    const base = createMemoryTranscriptStore();
    await base.append(key, [{ messageId: 'm1', direction: 'in', author: 'customer', channel: 'rest', text: 'hola', at: '2026-12-03T12:00:00.000Z' }]);
    const { store, calls } = counted(base);
    const live = entry();
    expect(await findInbound(store, live, key, 'm2')).toBeNull();
    expect(await findInbound(store, live, key, 'm3')).toBeNull();
    expect(calls).toEqual(['list']);
    expect((await findInbound(store, live, key, 'm1'))?.messageId).toBe('m1');
    expect(calls).toEqual(['list', 'has m1', 'list']);
  });

  it('should let the store decide when a known hash has no line (another id with the same hash, or a line removed by retention)', async () => {
    const { store, calls } = counted(createMemoryTranscriptStore());
    const live = entry();
    live.inboundIds = new Set([idHash('gone')]);
    expect(await findInbound(store, live, key, 'gone')).toBeNull();
    expect(calls).toEqual(['has gone']);
  });

  it('should stop keeping ids past the bound, and always ask the store then', async () => {
    const { store, calls } = counted(createMemoryTranscriptStore());
    const live = entry();
    live.inboundIds = new Set();
    for (let i = 0; i <= MAX_KNOWN_INBOUND_IDS; i++) noteInbound(live, `m${i}`);
    expect(live.inboundIds).toBeNull();
    expect(await findInbound(store, live, key, 'new')).toBeNull();
    expect(calls).toEqual(['has new']);
  });

  it('should ask the store every time for a conversation that is not live', async () => {
    const { store, calls } = counted(createMemoryTranscriptStore());
    expect(await findInbound(store, undefined, key, 'x')).toBeNull();
    expect(await findInbound(store, undefined, key, 'x')).toBeNull();
    expect(calls).toEqual(['has x', 'has x']);
  });
});
