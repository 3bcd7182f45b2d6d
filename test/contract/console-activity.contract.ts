import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConsoleActivity } from '../../src/persistence/ports/console-activity.js';

/** The behaviour every `ConsoleActivity` store shares (memory, PGlite, PostgreSQL). */
export function runConsoleActivityContract(name: string, create: () => Promise<ConsoleActivity>): void {
  describe(`ConsoleActivity contract › ${name}`, () => {
    const tenant = () => `t_${randomUUID().slice(0, 8)}`;

    it("should add entries and list a conversation's entries oldest first, per tenant", async () => {
      const activity = await create();
      const t = tenant();
      const moved = await activity.add(t, { conversationId: 'c1', kind: 'transferred', by: 'Demo', to: 'Carla Núñez', at: '2026-12-07T14:05:00.000Z' });
      const took = await activity.add(t, { conversationId: 'c1', kind: 'took', by: 'Demo', to: null, at: '2026-12-07T14:00:00.000Z' });
      await activity.add(t, { conversationId: 'c2', kind: 'took', by: 'Ana', to: null, at: '2026-12-07T14:00:00.000Z' });
      await activity.add(tenant(), { conversationId: 'c1', kind: 'took', by: 'Otro', to: null, at: '2026-12-07T14:00:00.000Z' });
      expect(took.id).not.toBe(moved.id);
      expect(await activity.list(t, 'c1')).toEqual([took, moved]);
      expect(moved).toEqual({ id: moved.id, conversationId: 'c1', kind: 'transferred', by: 'Demo', to: 'Carla Núñez', at: '2026-12-07T14:05:00.000Z' });
    });

    it("should remove a conversation's entries", async () => {
      const activity = await create();
      const t = tenant();
      await activity.add(t, { conversationId: 'c1', kind: 'took', by: 'Demo', to: null, at: '2026-12-07T14:00:00.000Z' });
      await activity.add(t, { conversationId: 'c1', kind: 'assigned', by: 'Demo', to: 'Ana', at: '2026-12-07T14:00:01.000Z' });
      expect(await activity.removeConversation(t, 'c1')).toBe(2);
      expect(await activity.list(t, 'c1')).toEqual([]);
    });
  });
}
