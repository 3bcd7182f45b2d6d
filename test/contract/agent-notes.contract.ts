import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgentNotes } from '../../src/persistence/ports/agent-notes.js';

/** The behaviour every `AgentNotes` store shares (memory, PGlite, PostgreSQL). */
export function runAgentNotesContract(name: string, create: () => Promise<AgentNotes>): void {
  describe(`AgentNotes contract › ${name}`, () => {
    const tenant = () => `t_${randomUUID().slice(0, 8)}`;

    it('should add notes and list a conversation\'s notes oldest first, per tenant', async () => {
      const notes = await create();
      const t = tenant();
      const author = { id: 'a-1', displayName: 'Ana' };
      const second = await notes.add(t, { conversationId: 'c1', author, text: 'Cliente VIP, llamar', at: '2026-12-03T14:01:00.000Z' });
      const first = await notes.add(t, { conversationId: 'c1', author, text: 'Primera nota ✅', at: '2026-12-03T14:00:00.000Z' });
      await notes.add(t, { conversationId: 'c2', author, text: 'otra', at: '2026-12-03T14:00:00.000Z' });
      await notes.add(tenant(), { conversationId: 'c1', author, text: 'other tenant', at: '2026-12-03T14:00:00.000Z' });
      expect(second.id).not.toBe(first.id);
      expect(await notes.list(t, 'c1')).toEqual([first, second]);
      expect(first).toEqual({ id: first.id, conversationId: 'c1', author, text: 'Primera nota ✅', at: '2026-12-03T14:00:00.000Z' });
    });

    it('should remove a conversation\'s notes', async () => {
      const notes = await create();
      const t = tenant();
      const author = { id: 'a-1', displayName: 'Ana' };
      await notes.add(t, { conversationId: 'c1', author, text: 'x', at: '2026-12-03T14:00:00.000Z' });
      await notes.add(t, { conversationId: 'c1', author, text: 'y', at: '2026-12-03T14:00:01.000Z' });
      expect(await notes.removeConversation(t, 'c1')).toBe(2);
      expect(await notes.list(t, 'c1')).toEqual([]);
    });
  });
}
