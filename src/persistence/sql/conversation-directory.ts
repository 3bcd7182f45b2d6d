import {
  clampLimit,
  decodeListCursor,
  encodeListCursor,
  type ConversationDirectory,
  type ConversationListItem,
} from '../ports/conversation-directory.js';
import type { Database } from './database.js';
import { toIso } from './sql-helpers.js';

interface Row {
  id: string;
  phase: string;
  started_at: Date | string;
  last_activity_at: Date | string;
  last_seq: number;
}

/**
 * The tenant's conversations from the `conversations` table (written by the turn journal in the
 * turn's transaction), newest activity first, paged by a keyset cursor.
 */
export function createSqlConversationDirectory(db: Database): ConversationDirectory {
  return {
    async list(tenantId, query = {}) {
      const limit = clampLimit(query.limit);
      const after = query.cursor ? decodeListCursor(query.cursor) : null;
      const params: unknown[] = [tenantId];
      let where = 'tenant_id = ?';
      if (query.phase !== undefined) {
        where += ' and phase = ?';
        params.push(query.phase);
      }
      if (after) {
        where += ' and (last_activity_at, id) < (?::timestamptz, ?)';
        params.push(after.lastActivityAt, after.conversationId);
      }
      params.push(limit + 1);
      const rows = await db
        .em()
        .execute<Row[]>(
          `select id, phase, started_at, last_activity_at, last_seq from conversations where ${where} order by last_activity_at desc, id desc limit ?`,
          params,
        );
      const items: ConversationListItem[] = rows.slice(0, limit).map((r) => ({
        conversationId: r.id,
        phase: r.phase,
        startedAt: toIso(r.started_at),
        lastActivityAt: toIso(r.last_activity_at),
        messages: Number(r.last_seq),
      }));
      const last = items[items.length - 1];
      return { items, next: rows.length > limit && last ? encodeListCursor(last) : null };
    },
  };
}
