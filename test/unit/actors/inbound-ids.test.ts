import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import type { ActiveConversation } from '../../../src/actors/actor-registry.js';
import { EXACT_INBOUND_IDS, findInbound, idHash, KnownInboundIds, MAX_KNOWN_INBOUND_IDS, noteInbound } from '../../../src/actors/inbound-ids.js';
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
    live.inboundIds = new KnownInboundIds();
    live.inboundIds.add(idHash('gone'));
    expect(await findInbound(store, live, key, 'gone')).toBeNull();
    expect(calls).toEqual(['has gone']);
  });

  it('should answer new ids from memory past the exact hashes (a long thread), with every noted id still known and few false positives', async () => {
    const { store, calls } = counted(createMemoryTranscriptStore());
    const live = entry();
    live.inboundIds = new KnownInboundIds();
    const noted = Array.from({ length: 400 }, (_, i) => `web:visitor-7:m${i}`);
    for (const id of noted) noteInbound(live, id);
    expect(live.inboundIds?.size).toBe(400);
    expect(400).toBeGreaterThan(EXACT_INBOUND_IDS);
    // No false negatives: every committed id is looked up in the store.
    for (const id of noted) expect(live.inboundIds!.mayHave(idHash(id)), id).toBe(true);
    // New ids: at 400 ids in 4,096 bits with three probes, about 2 % are false positives (then the store is asked).
    for (let i = 0; i < 1_000; i++) expect(await findInbound(store, live, key, `web:visitor-7:new-${i}`)).toBeNull();
    const asked = calls.filter((c) => c.startsWith('has ')).length;
    expect(asked).toBeLessThan(50);
    expect(calls.filter((c) => c === 'list')).toEqual([]);
  });

  it('should stop keeping ids past the bound, and always ask the store then', async () => {
    const { store, calls } = counted(createMemoryTranscriptStore());
    const live = entry();
    live.inboundIds = new KnownInboundIds();
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
