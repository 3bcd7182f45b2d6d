import type { Assignment, ConversationAssignments } from '../ports/conversation-assignments.js';
import type { Database } from './database.js';

interface Row {
  tenant_id: string;
  conversation_id: string;
  agent_id: string;
  display_name: string;
  assigned_at: Date | string;
}

const toAssignment = (r: Row): Assignment => ({
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  agentId: r.agent_id,
  displayName: r.display_name,
  assignedAt: new Date(r.assigned_at).toISOString(),
});

/**
 * Assignments on `conversation_assignments` (primary key tenant + conversation). A take is one
 * `insert … on conflict do update … where agent_id = excluded.agent_id`: the row's lock makes
 * concurrent takes queue, and only the first (or the holder again) gets a row back.
 */
export function createSqlConversationAssignments(options: { db: Database }): ConversationAssignments {
  const { db } = options;
  const cols = 'tenant_id, conversation_id, agent_id, display_name, assigned_at';
  const get = async (tenantId: string, conversationId: string): Promise<Assignment | null> => {
    const rows = await db.em().execute<Row[]>(`select ${cols} from conversation_assignments where tenant_id = ? and conversation_id = ?`, [tenantId, conversationId]);
    return rows[0] ? toAssignment(rows[0]) : null;
  };
  return {
    async take(tenantId, conversationId, holder, at) {
      const rows = await db.em().execute<Row[]>(
        `insert into conversation_assignments (${cols}) values (?, ?, ?, ?, ?)
         on conflict (tenant_id, conversation_id) do update set display_name = excluded.display_name
         where conversation_assignments.agent_id = excluded.agent_id
         returning ${cols}`,
        [tenantId, conversationId, holder.agentId, holder.displayName, new Date(at)],
      );
      if (rows[0]) return { ok: true, assignment: toAssignment(rows[0]) };
      return { ok: false, current: await get(tenantId, conversationId) };
    },
    async reassign(tenantId, conversationId, fromAgentId, to, at) {
      const rows =
        fromAgentId === null
          ? await db.em().execute<Row[]>(
              `insert into conversation_assignments (${cols}) values (?, ?, ?, ?, ?)
               on conflict (tenant_id, conversation_id) do update set agent_id = excluded.agent_id, display_name = excluded.display_name, assigned_at = excluded.assigned_at
               returning ${cols}`,
              [tenantId, conversationId, to.agentId, to.displayName, new Date(at)],
            )
          : await db.em().execute<Row[]>(
              `update conversation_assignments set agent_id = ?, display_name = ?, assigned_at = ?
               where tenant_id = ? and conversation_id = ? and agent_id = ?
               returning ${cols}`,
              [to.agentId, to.displayName, new Date(at), tenantId, conversationId, fromAgentId],
            );
      if (rows[0]) return { ok: true, assignment: toAssignment(rows[0]) };
      return { ok: false, current: await get(tenantId, conversationId) };
    },
    get,
    async list(tenantId) {
      const rows = await db.em().execute<Row[]>(`select ${cols} from conversation_assignments where tenant_id = ? order by assigned_at, conversation_id`, [tenantId]);
      return rows.map(toAssignment);
    },
    async release(tenantId, conversationId) {
      await db.em().execute(`delete from conversation_assignments where tenant_id = ? and conversation_id = ?`, [tenantId, conversationId], 'run');
    },
  };
}
