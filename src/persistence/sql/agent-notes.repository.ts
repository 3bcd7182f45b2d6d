import { randomUUID } from 'node:crypto';
import type { AgentNote, AgentNotes } from '../ports/agent-notes.js';
import type { Database } from './database.js';
import { sqlSafeText } from './sql-safe.js';

interface Row {
  id: string;
  conversation_id: string;
  author_id: string;
  author_name: string;
  text: string;
  at: Date | string;
}

/** Agents' internal notes on `agent_notes`, scoped by tenant. */
export function createSqlAgentNotes(options: { db: Database }): AgentNotes {
  const { db } = options;
  return {
    async add(tenantId, input) {
      const note: AgentNote = { ...input, author: { ...input.author }, id: randomUUID() };
      await db.em().execute(
        `insert into agent_notes (id, tenant_id, conversation_id, author_id, author_name, text, at) values (?, ?, ?, ?, ?, ?, ?)`,
        [note.id, tenantId, note.conversationId, note.author.id, sqlSafeText(note.author.displayName), sqlSafeText(note.text), new Date(note.at)],
        'run',
      );
      return note;
    },
    async list(tenantId, conversationId) {
      const rows = await db.em().execute<Row[]>(
        `select id, conversation_id, author_id, author_name, text, at from agent_notes where tenant_id = ? and conversation_id = ? order by at, id`,
        [tenantId, conversationId],
      );
      return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, author: { id: r.author_id, displayName: r.author_name }, text: r.text, at: new Date(r.at).toISOString() }));
    },
    async removeConversation(tenantId, conversationId) {
      const rows = await db.em().execute<{ id: string }[]>(`delete from agent_notes where tenant_id = ? and conversation_id = ? returning id`, [tenantId, conversationId]);
      return rows.length;
    },
  };
}
