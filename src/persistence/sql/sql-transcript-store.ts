import type { ConversationKey } from '../ports/snapshot-store.js';
import type { NewTranscriptEntry, TranscriptEntry, TranscriptStore } from '../ports/transcript-store.js';
import type { Database } from './database.js';
import { copyMediaReference } from '../../domain/media.js';
import { messageRowToEntry, toIso, type MessageDbRow } from './sql-helpers.js';
import { hotStatement, queryRaw, withRawTransaction } from './sql-raw.js';
import { sqlSafeJson, sqlSafeNullable, sqlSafeText } from './sql-safe.js';

/** Creates the thread on first sight and reserves `$5` seqs under the conversation row's lock. */
const APPEND_RESERVE = hotStatement(
  'append_reserve',
  `insert into conversations (tenant_id, id, phase, started_at, last_activity_at, last_seq)
   values ($1, $2, 'triage', $3, $4, $5)
   on conflict (tenant_id, id) do update
     set last_seq = conversations.last_seq + excluded.last_seq,
         last_activity_at = greatest(conversations.last_activity_at, excluded.last_activity_at)
   returning last_seq`,
);

/** A conversation's lines after a seq, oldest first; `$4` null reads them all (`limit null`). */
const LIST_AFTER = hotStatement(
  'list_after',
  `select seq, message_id, direction, author, channel, text, intent, agent_name, lang, options, media, created_at from messages
   where tenant_id = $1 and conversation_id = $2 and seq > $3 order by seq limit $4`,
);

/** Whether a customer message id is already in the transcript (a retried delivery). */
const HAS_INBOUND = hotStatement('has_inbound', `select 1 from messages where tenant_id = $1 and conversation_id = $2 and direction = 'in' and message_id = $3 limit 1`);

/**
 * `TranscriptStore` on PostgreSQL/PGlite. Seqs are gap-free per conversation: one upsert on the
 * conversation row both creates the thread on first sight and reserves `n` seqs under that row's
 * lock, and the messages are inserted in the same transaction (a rollback returns the seqs).
 * `close()` does not close the database: whoever opened it owns it.
 */
export function createSqlTranscriptStore(db: Database): TranscriptStore {
  return {
    async append(key: ConversationKey, entries: NewTranscriptEntry[]): Promise<TranscriptEntry[]> {
      if (entries.length === 0) return [];
      const first = entries[0] as NewTranscriptEntry;
      const last = entries[entries.length - 1] as NewTranscriptEntry;
      // Through the driver (sql-raw.ts): no `em.transactional()`, whose AsyncLocalStorage context
      // would switch on a promise hook for the rest of the process.
      return withRawTransaction(db, async (query) => {
        const rows = await query<{ last_seq: number }>(APPEND_RESERVE, [key.tenantId, key.conversationId, new Date(first.at), new Date(last.at), entries.length]);
        const lastSeq = rows[0]?.last_seq;
        if (typeof lastSeq !== 'number') throw new Error('conversation upsert returned no seq');
        const firstSeq = lastSeq - entries.length + 1;

        const stored = entries.map((entry, i): TranscriptEntry => ({ ...copyEntry(entry), seq: firstSeq + i }));
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (const e of stored) {
          const n = values.length;
          tuples.push(`(${Array.from({ length: 14 }, (_, i) => `$${n + i + 1}`).join(', ')})`);
          // Strings made safe for PostgreSQL (sql-safe.ts): one NUL must never fail an append.
          values.push(key.tenantId, key.conversationId, e.seq, sqlSafeText(e.messageId), e.direction, e.author, sqlSafeText(e.channel), sqlSafeText(e.text), sqlSafeNullable(e.intent ?? null), sqlSafeNullable(e.agentName ?? null), e.lang ?? null, e.options ? sqlSafeJson(e.options) : null, e.media && e.media.length > 0 ? sqlSafeJson(e.media) : null, new Date(e.at));
        }
        await query(
          `insert into messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, intent, agent_name, lang, options, media, created_at)
           values ${tuples.join(', ')}`,
          values,
        );
        return stored;
      });
    },

    async list(key: ConversationKey, options: { afterSeq?: number; limit?: number } = {}): Promise<TranscriptEntry[]> {
      const { limit } = options;
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
        throw new RangeError(`limit must be a non-negative integer, got ${String(limit)}`);
      }
      if (limit === 0) return [];
      // Read at activation and by the runtime per message: straight through the driver (sql-raw.ts).
      const rows = await queryRaw<MessageDbRow>(db, LIST_AFTER, [key.tenantId, key.conversationId, Math.floor(options.afterSeq ?? 0), limit ?? null]);
      return rows.map(messageRowToEntry);
    },

    async hasInbound(key: ConversationKey, messageId: string): Promise<boolean> {
      const rows = await queryRaw<unknown>(db, HAS_INBOUND, [key.tenantId, key.conversationId, messageId]);
      return rows.length > 0;
    },

    async close(): Promise<void> {
      // The database belongs to whoever opened it; nothing to release here.
    },
  };
}

function copyEntry(entry: NewTranscriptEntry): NewTranscriptEntry {
  return {
    messageId: entry.messageId,
    direction: entry.direction,
    author: entry.author,
    channel: entry.channel,
    text: entry.text,
    at: toIso(entry.at),
    ...(entry.intent !== undefined ? { intent: entry.intent } : {}),
    ...(entry.agentName !== undefined ? { agentName: entry.agentName } : {}),
    ...(entry.lang !== undefined ? { lang: entry.lang } : {}),
    ...(entry.options !== undefined ? { options: entry.options.map((o) => ({ label: o.label, text: o.text })) } : {}),
    ...(entry.media !== undefined && entry.media.length > 0 ? { media: entry.media.map(copyMediaReference) } : {}),
  };
}
