import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConversationAssignments } from '../../src/persistence/ports/conversation-assignments.js';

/** The behaviour every `ConversationAssignments` shares (memory, PGlite, PostgreSQL). */
export function runConversationAssignmentsContract(name: string, create: () => Promise<ConversationAssignments>): void {
  describe(`ConversationAssignments contract › ${name}`, () => {
    const tenant = () => `t_${randomUUID().slice(0, 8)}`;
    const at = '2026-12-03T14:00:00.000Z';
    const ana = { agentId: 'a-ana', displayName: 'Ana' };
    const luis = { agentId: 'a-luis', displayName: 'Luis' };

    it('should give a free conversation to the first taker and refuse the next, naming the holder', async () => {
      const store = await create();
      const t = tenant();
      expect(await store.take(t, 'c1', ana, at)).toEqual({ ok: true, assignment: { tenantId: t, conversationId: 'c1', ...ana, assignedAt: at } });
      expect(await store.take(t, 'c1', luis, at)).toEqual({ ok: false, current: { tenantId: t, conversationId: 'c1', ...ana, assignedAt: at } });
      // Taking what you already hold is fine (a double click).
      expect((await store.take(t, 'c1', ana, at)).ok).toBe(true);
      expect(await store.get(t, 'c1')).toMatchObject(ana);
    });

    it('should let exactly one of many concurrent takes win', async () => {
      const store = await create();
      const t = tenant();
      const takers = Array.from({ length: 12 }, (_, i) => ({ agentId: `a-${i}`, displayName: `Agent ${i}` }));
      const results = await Promise.all(takers.map((h) => store.take(t, 'race', h, at)));
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const holder = (await store.get(t, 'race'))!;
      expect(winners[0]).toMatchObject({ assignment: { agentId: holder.agentId } });
      for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ current: { agentId: holder.agentId } });
    });

    it('should reassign only from the expected holder, or from anyone with null', async () => {
      const store = await create();
      const t = tenant();
      await store.take(t, 'c1', ana, at);
      expect(await store.reassign(t, 'c1', 'a-someone', luis, at)).toMatchObject({ ok: false, current: { agentId: 'a-ana' } });
      expect(await store.reassign(t, 'c1', 'a-ana', luis, '2026-12-03T14:05:00.000Z')).toMatchObject({ ok: true, assignment: { agentId: 'a-luis', assignedAt: '2026-12-03T14:05:00.000Z' } });
      expect(await store.reassign(t, 'c1', null, ana, at)).toMatchObject({ ok: true, assignment: { agentId: 'a-ana' } });
      expect(await store.reassign(t, 'free', null, ana, at)).toMatchObject({ ok: true, assignment: { agentId: 'a-ana' } });
      expect(await store.reassign(t, 'other', 'a-ana', luis, at)).toEqual({ ok: false, current: null });
    });

    it('should list a tenant\'s held conversations only, and free one on release', async () => {
      const store = await create();
      const t = tenant();
      await store.take(t, 'c1', ana, at);
      await store.take(t, 'c2', luis, at);
      await store.take(tenant(), 'c3', luis, at);
      expect((await store.list(t)).map((a) => a.conversationId).sort()).toEqual(['c1', 'c2']);
      await store.release(t, 'c1');
      await store.release(t, 'nothing');
      expect(await store.get(t, 'c1')).toBeNull();
      expect((await store.take(t, 'c1', luis, at)).ok).toBe(true);
      expect(await store.get(tenant(), 'c2')).toBeNull();
    });
  });
}
