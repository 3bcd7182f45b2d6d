import { randomUUID } from 'node:crypto';
import type { ActivityEntry, ActivityKind, ConsoleActivity } from '../ports/console-activity.js';
import type { Database } from './database.js';
import { sqlSafeText } from './sql-safe.js';

interface Row {
  id: string;
  conversation_id: string;
  kind: string;
  by_name: string;
  to_name: string | null;
  at: Date | string;
}

/** The console's activity lines on `console_activity`, scoped by tenant. */
export function createSqlConsoleActivity(options: { db: Database }): ConsoleActivity {
  const { db } = options;
  return {
    async add(tenantId, input) {
      const entry: ActivityEntry = { ...input, id: randomUUID() };
      await db.em().execute(
        `insert into console_activity (id, tenant_id, conversation_id, kind, by_name, to_name, at) values (?, ?, ?, ?, ?, ?, ?)`,
        [entry.id, tenantId, entry.conversationId, entry.kind, sqlSafeText(entry.by), entry.to === null ? null : sqlSafeText(entry.to), new Date(entry.at)],
        'run',
      );
      return entry;
    },
    async list(tenantId, conversationId) {
      const rows = await db.em().execute<Row[]>(
        `select id, conversation_id, kind, by_name, to_name, at from console_activity where tenant_id = ? and conversation_id = ? order by at, id`,
        [tenantId, conversationId],
      );
      return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, kind: r.kind as ActivityKind, by: r.by_name, to: r.to_name, at: new Date(r.at).toISOString() }));
    },
    async removeConversation(tenantId, conversationId) {
      const rows = await db.em().execute<{ id: string }[]>(`delete from console_activity where tenant_id = ? and conversation_id = ? returning id`, [tenantId, conversationId]);
      return rows.length;
    },
  };
}
