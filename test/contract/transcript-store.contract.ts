import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationKey } from '../../src/persistence/ports/snapshot-store.js';
import type { NewTranscriptEntry, TranscriptStore } from '../../src/persistence/ports/transcript-store.js';

export interface TranscriptStoreContractOptions<S extends TranscriptStore = TranscriptStore> {
  name: string;
  create: () => Promise<S>;
  /** Closes the store and removes whatever it wrote. */
  destroy: (store: S) => Promise<void>;
}

function uniqueKey(label = 'conv'): ConversationKey {
  return { tenantId: `tenant-${randomUUID()}`, conversationId: `${label}-${randomUUID()}` };
}

let minted = 0;

function inbound(text: string, messageId = `wamid.${++minted}-${randomUUID()}`): NewTranscriptEntry {
  return { messageId, direction: 'in', author: 'customer', channel: 'whatsapp', text, at: '2026-11-22T12:00:00.000Z', intent: 'greeting' };
}

function outbound(text: string): NewTranscriptEntry {
  return { messageId: `out-${++minted}-${randomUUID()}`, direction: 'out', author: 'bot', channel: 'whatsapp', text, at: '2026-11-22T12:00:01.000Z' };
}

/**
 * The one conformance suite every `TranscriptStore` passes (in-memory, PostgreSQL, ...).
 *
 * @example
 * runTranscriptStoreContract({ name: 'memory', create: async () => createMemoryTranscriptStore(), destroy: (s) => s.close() });
 */
export function runTranscriptStoreContract<S extends TranscriptStore>(options: TranscriptStoreContractOptions<S>): void {
  describe(`TranscriptStore contract: ${options.name}`, () => {
    let store: S;

    beforeEach(async () => {
      store = await options.create();
    });

    afterEach(async () => {
      await options.destroy(store);
    });

    it('should return an empty list for a conversation with no entries', async () => {
      expect(await store.list(uniqueKey())).toEqual([]);
    });

    it('should number entries from 1 in append order, across appends, without gaps', async () => {
      const key = uniqueKey();
      const first = await store.append(key, [inbound('Hola'), outbound('¡Hola! ¿En qué te ayudo?')]);
      const second = await store.append(key, [inbound('Precio del arroz'), outbound('El arroz cuesta RD$ 50.'), outbound('¿Algo más?')]);

      expect(first.map((e) => e.seq)).toEqual([1, 2]);
      expect(second.map((e) => e.seq)).toEqual([3, 4, 5]);
      expect(first[0]).toMatchObject({ direction: 'in', author: 'customer', channel: 'whatsapp', text: 'Hola', intent: 'greeting' });

      const listed = await store.list(key);
      expect(listed).toEqual([...first, ...second]);
      expect(listed.map((e) => e.text)).toEqual(['Hola', '¡Hola! ¿En qué te ayudo?', 'Precio del arroz', 'El arroz cuesta RD$ 50.', '¿Algo más?']);
    });

    it('should keep every field of an entry, including the optional ones', async () => {
      const key = uniqueKey();
      const entry: NewTranscriptEntry = {
        messageId: `agent-${randomUUID()}`,
        direction: 'out',
        author: 'agent',
        channel: 'web',
        text: 'Soy Ana, te ayudo con tu caso.',
        at: '2026-11-22T12:05:00.000Z',
        agentName: 'Ana',
        intent: 'support',
      };
      const [stored] = await store.append(key, [entry]);
      expect(stored).toEqual({ ...entry, seq: 1 });
      expect(await store.list(key)).toEqual([{ ...entry, seq: 1 }]);
    });

    it('should page with afterSeq and limit', async () => {
      const key = uniqueKey();
      await store.append(key, Array.from({ length: 10 }, (_, i) => outbound(`línea ${i + 1}`)));

      expect((await store.list(key, { afterSeq: 3 })).map((e) => e.seq)).toEqual([4, 5, 6, 7, 8, 9, 10]);
      expect((await store.list(key, { limit: 3 })).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.list(key, { afterSeq: 4, limit: 2 })).map((e) => e.seq)).toEqual([5, 6]);
      expect((await store.list(key, { afterSeq: 9, limit: 5 })).map((e) => e.seq)).toEqual([10]);
      expect(await store.list(key, { afterSeq: 10 })).toEqual([]);
      expect(await store.list(key, { afterSeq: 50 })).toEqual([]);
      expect((await store.list(key, { afterSeq: 0 })).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await store.list(key, { afterSeq: 7, limit: 1 }))[0]?.text).toBe('línea 8');
    });

    it('should keep conversations of one tenant apart', async () => {
      const tenantId = `tenant-${randomUUID()}`;
      const one: ConversationKey = { tenantId, conversationId: 'c-1' };
      const two: ConversationKey = { tenantId, conversationId: 'c-2' };
      await store.append(one, [inbound('uno'), outbound('uno-resp')]);
      const stored = await store.append(two, [inbound('dos')]);

      expect(stored.map((e) => e.seq)).toEqual([1]);
      expect((await store.list(one)).map((e) => e.text)).toEqual(['uno', 'uno-resp']);
      expect((await store.list(two)).map((e) => e.text)).toEqual(['dos']);
    });

    it('should keep the same conversation id apart under two tenants', async () => {
      const conversationId = `shared-${randomUUID()}`;
      const a: ConversationKey = { tenantId: `tenant-a-${randomUUID()}`, conversationId };
      const b: ConversationKey = { tenantId: `tenant-b-${randomUUID()}`, conversationId };
      const messageId = `wamid.shared-${randomUUID()}`;

      await store.append(a, [inbound('de a', messageId), outbound('resp a')]);
      expect(await store.list(b)).toEqual([]);
      expect(await store.hasInbound(b, messageId)).toBe(false);

      const stored = await store.append(b, [inbound('de b')]);
      expect(stored[0]?.seq).toBe(1);
      expect((await store.list(a)).map((e) => e.text)).toEqual(['de a', 'resp a']);
      expect(await store.hasInbound(a, messageId)).toBe(true);
    });

    it('should report inbound message ids only, per conversation', async () => {
      const key = uniqueKey();
      const other = uniqueKey();
      const inboundId = `wamid.${randomUUID()}`;
      const reply = outbound('respuesta');
      await store.append(key, [inbound('hola', inboundId), reply]);

      expect(await store.hasInbound(key, inboundId)).toBe(true);
      // An outbound id is not an inbound delivery.
      expect(await store.hasInbound(key, reply.messageId)).toBe(false);
      expect(await store.hasInbound(key, `wamid.${randomUUID()}`)).toBe(false);
      expect(await store.hasInbound(other, inboundId)).toBe(false);
    });

    it('should never produce duplicate or missing seqs under concurrent appends to one conversation', async () => {
      const key = uniqueKey();
      const batches = Array.from({ length: 20 }, (_, b) => [inbound(`b${b}-in`), outbound(`b${b}-out-1`), outbound(`b${b}-out-2`)]);
      const results = await Promise.all(batches.map((batch) => store.append(key, batch)));

      const all = await store.list(key);
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      // Each append's entries stay contiguous and in its own order.
      for (const [b, stored] of results.entries()) {
        expect(stored.map((e) => e.text)).toEqual([`b${b}-in`, `b${b}-out-1`, `b${b}-out-2`]);
        const seqs = stored.map((e) => e.seq);
        expect(seqs[1]).toBe((seqs[0] ?? 0) + 1);
        expect(seqs[2]).toBe((seqs[0] ?? 0) + 2);
      }
      const returnedSeqs = results.flat().map((e) => e.seq).sort((x, y) => x - y);
      expect(returnedSeqs).toEqual(all.map((e) => e.seq));
    });

    it('should store unicode text unchanged', async () => {
      const key: ConversationKey = { tenantId: `tienda-ñandú-${randomUUID()}`, conversationId: `conversación-💬-${randomUUID()}` };
      const text = '¡Hola! ¿Tienen plátanos? 🍌 Santo Domingo 🇩🇴 — 日本語, עברית, 👩🏽‍💻\n"comillas" y \\barras\\';
      const [stored] = await store.append(key, [inbound(text)]);
      expect(stored?.text).toBe(text);
      expect((await store.list(key))[0]?.text).toBe(text);
    });

    it('should accept an empty append without writing or using a seq', async () => {
      const key = uniqueKey();
      expect(await store.append(key, [])).toEqual([]);
      expect(await store.list(key)).toEqual([]);
      const [first] = await store.append(key, [inbound('primero')]);
      expect(first?.seq).toBe(1);
      expect(await store.append(key, [])).toEqual([]);
      const [second] = await store.append(key, [outbound('segundo')]);
      expect(second?.seq).toBe(2);
    });

    it('should return copies that do not alias what is stored', async () => {
      const key = uniqueKey();
      const entry = inbound('original');
      const [stored] = await store.append(key, [entry]);
      entry.text = 'cambiado por el llamador';
      if (stored) stored.text = 'cambiado en el resultado';
      const [listed] = await store.list(key);
      if (listed) listed.text = 'cambiado en la lista';
      expect((await store.list(key))[0]?.text).toBe('original');
    });

    it('should not alias the nested fields either (options, media)', async () => {
      const key = uniqueKey();
      const reply: NewTranscriptEntry = { ...outbound('¿Cuál?'), options: [{ label: '1. Gris', text: 'gris' }] };
      const photo: NewTranscriptEntry = { ...inbound('mira'), media: [{ kind: 'image', id: 'media-1', caption: 'mira' }] };
      const stored = await store.append(key, [photo, reply]);
      photo.media![0]!.id = 'cambiado por el llamador';
      reply.options!.push({ label: '2. Blanco', text: 'blanco' });
      stored[0]!.media![0]!.caption = 'cambiado en el resultado';
      stored[1]!.options![0]!.label = 'cambiado en el resultado';
      const listed = await store.list(key);
      listed[1]!.options!.pop();
      expect(await store.list(key)).toEqual([
        { ...inbound('mira', photo.messageId), media: [{ kind: 'image', id: 'media-1', caption: 'mira' }], seq: 1 },
        { ...reply, options: [{ label: '1. Gris', text: 'gris' }], seq: 2 },
      ]);
    });

    it('should allow close() to be called more than once', async () => {
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
