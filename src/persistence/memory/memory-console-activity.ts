import { randomUUID } from 'node:crypto';
import type { ActivityEntry, ConsoleActivity } from '../ports/console-activity.js';

/** The console's activity lines in process memory. */
export function createMemoryConsoleActivity(): ConsoleActivity {
  const entries = new Map<string, ActivityEntry[]>();
  const key = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;
  return {
    async add(tenantId, input) {
      const entry: ActivityEntry = { ...input, id: randomUUID() };
      const k = key(tenantId, input.conversationId);
      entries.set(k, [...(entries.get(k) ?? []), entry]);
      return { ...entry };
    },
    async list(tenantId, conversationId) {
      return [...(entries.get(key(tenantId, conversationId)) ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((e) => ({ ...e }));
    },
    async removeConversation(tenantId, conversationId) {
      const k = key(tenantId, conversationId);
      const n = entries.get(k)?.length ?? 0;
      entries.delete(k);
      return n;
    },
  };
}
