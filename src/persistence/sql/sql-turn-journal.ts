import type { TurnJournal, TurnRecord } from '../../actors/conversation-host.js';
import type { DueIdleClose, IdleCloseSource } from '../../runtime/timers.js';
import type { ConversationKey, SnapshotEnvelope } from '../snapshot-store.js';
import type { MessageAuthor, TranscriptEntry } from '../transcript-store.js';
import type { Database } from './database.js';
import { toIso } from './sql-helpers.js';

/** Channels whose replies reach the customer through the transcript itself (REST answer, widget history). */
const TRANSCRIPT_DELIVERED_CHANNELS = new Set(['web', 'rest']);

interface MessageDbRow {
  seq: number;
  message_id: string;
  direction: 'in' | 'out';
  author: string;
  channel: string;
  text: string;
  intent: string | null;
  agent_name: string | null;
  created_at: Date | string;
}

/**
 * The SQL side of a turn (step 2 of the commit, see docs/architecture.md §4 "Turn durability"):
 * one transaction writes the turn's transcript rows, its outbox rows, the snapshot copy with its
 * seq and the idle-close timer on the conversation row. Idempotent by the turn's seq: the
 * conversation row's `snapshot_seq` says which turns SQL already holds, so completing a turn
 * twice (activation after a crash, a retried completion) returns the stored rows and writes
 * nothing. Also the durable timer source: due idle-close timers are a scan of the same rows.
 *
 * @example
 * const journal = createSqlTurnJournal(db);
 * const stored = await journal.commit(key, envelope.turn, envelope);
 */
export function createSqlTurnJournal(db: Database): TurnJournal & IdleCloseSource {
  return {
    async commit(key: ConversationKey, turn: TurnRecord, envelope: SnapshotEnvelope): Promise<TranscriptEntry[]> {
      const copy: Record<string, unknown> = { ...envelope };
      delete copy.turn;
      const first = turn.entries[0];
      const at = new Date(first?.at ?? envelope.savedAt);
      return db.em().transactional(async (tem) => {
        // The no-op update takes the row lock, so concurrent completions of one turn serialise here.
        const locked = await tem.execute<{ last_seq: number; snapshot_seq: number }[]>(
          `insert into conversations (tenant_id, id, phase, started_at, last_activity_at, last_seq, snapshot_seq)
           values (?, ?, ?, ?, ?, 0, 0)
           on conflict (tenant_id, id) do update set last_seq = conversations.last_seq
           returning last_seq, snapshot_seq`,
          [key.tenantId, key.conversationId, turn.phase, at, at],
        );
        const row = locked[0];
        if (row === undefined) throw new Error('conversation upsert returned no row');
        if (row.snapshot_seq >= turn.seq) {
          if (turn.entries.length === 0) return [];
          const ids = turn.entries.map((e) => e.messageId);
          const rows = await tem.execute<MessageDbRow[]>(
            `select seq, message_id, direction, author, channel, text, intent, agent_name, created_at from messages
             where tenant_id = ? and conversation_id = ? and message_id in (${ids.map(() => '?').join(', ')})
             order by seq`,
            [key.tenantId, key.conversationId, ...ids],
          );
          return rows.map(toEntry);
        }
        // A gap (snapshot_seq < turn.seq - 1) means an earlier turn record was lost with its
        // snapshot store (e.g. Redis flushed): this turn is still recorded rather than wedged.
        const firstSeq = row.last_seq + 1;
        const stored: TranscriptEntry[] = turn.entries.map((e, i) => ({ ...e, at: toIso(e.at), seq: firstSeq + i }));
        await tem.execute(
          `update conversations set
             last_seq = ?, phase = ?, last_activity_at = greatest(last_activity_at, ?),
             snapshot = ?::jsonb, snapshot_seq = ?, idle_close_at = ?, idle_close_seq = ?,
             closed_at = case when ? = 'closed' then coalesce(closed_at, ?) else null end
           where tenant_id = ? and id = ?`,
          [
            row.last_seq + stored.length,
            turn.phase,
            new Date(envelope.savedAt),
            JSON.stringify(copy),
            turn.seq,
            turn.idleCloseAt === null ? null : new Date(turn.idleCloseAt),
            turn.idleCloseAt === null ? null : turn.seq,
            turn.phase,
            new Date(envelope.savedAt),
            key.tenantId,
            key.conversationId,
          ],
          'run',
        );
        if (stored.length > 0) {
          const values: unknown[] = [];
          for (const e of stored) {
            values.push(key.tenantId, key.conversationId, e.seq, e.messageId, e.direction, e.author, e.channel, e.text, e.intent ?? null, e.agentName ?? null, new Date(e.at));
          }
          await tem.execute(
            `insert into messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, intent, agent_name, created_at)
             values ${stored.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
            values,
            'run',
          );
        }
        const replies = stored.filter((e) => e.direction === 'out');
        if (replies.length > 0) {
          const now = new Date(envelope.savedAt);
          const values: unknown[] = [];
          for (const r of replies) {
            // Widget and REST replies are delivered by the transcript (answer, history by seq);
            // other channels' senders pick up the pending rows.
            const status = TRANSCRIPT_DELIVERED_CHANNELS.has(r.channel) ? 'done' : 'pending';
            values.push(key.tenantId, key.conversationId, 'reply', JSON.stringify({ messageId: r.messageId, seq: r.seq, channel: r.channel, text: r.text }), status, now, `reply:${key.conversationId}:${r.messageId}`, now);
          }
          await tem.execute(
            `insert into outbox_entries (tenant_id, conversation_id, kind, payload, status, next_attempt_at, idempotency_key, created_at)
             values ${replies.map(() => '(?, ?, ?, ?::jsonb, ?, ?, ?, ?)').join(', ')}
             on conflict (tenant_id, idempotency_key) do nothing`,
            values,
            'run',
          );
        }
        return stored;
      });
    },

    async lastCommitted(key: ConversationKey): Promise<{ seq: number; envelope: SnapshotEnvelope | null }> {
      const rows = await db.em().execute<{ snapshot_seq: number; snapshot: SnapshotEnvelope | string | null }[]>(
        `select snapshot_seq, snapshot from conversations where tenant_id = ? and id = ?`,
        [key.tenantId, key.conversationId],
      );
      const row = rows[0];
      if (row === undefined) return { seq: 0, envelope: null };
      const envelope = typeof row.snapshot === 'string' ? (JSON.parse(row.snapshot) as SnapshotEnvelope) : row.snapshot;
      return { seq: row.snapshot_seq, envelope };
    },

    async dueIdleCloses(now: number, limit: number): Promise<DueIdleClose[]> {
      // The scheduler serves every tenant, so this is the one query not scoped by tenant.
      const rows = await db.em().execute<{ tenant_id: string; id: string; idle_close_seq: number }[]>(
        `select tenant_id, id, idle_close_seq from conversations
         where idle_close_at is not null and idle_close_at <= ?
         order by idle_close_at limit ?`,
        [new Date(now), limit],
      );
      return rows.map((r) => ({ key: { tenantId: r.tenant_id, conversationId: r.id }, seq: r.idle_close_seq }));
    },

    async deferIdleClose(key: ConversationKey, seq: number, dueAt: number | null): Promise<void> {
      await db.em().execute(
        `update conversations set idle_close_at = ?, idle_close_seq = case when ?::timestamptz is null then null else idle_close_seq end
         where tenant_id = ? and id = ? and idle_close_seq = ?`,
        [dueAt === null ? null : new Date(dueAt), dueAt === null ? null : new Date(dueAt), key.tenantId, key.conversationId, seq],
        'run',
      );
    },
  };
}

function toEntry(row: MessageDbRow): TranscriptEntry {
  return {
    seq: row.seq,
    messageId: row.message_id,
    direction: row.direction,
    author: row.author as MessageAuthor,
    channel: row.channel,
    text: row.text,
    at: toIso(row.created_at),
    ...(row.intent !== null ? { intent: row.intent } : {}),
    ...(row.agent_name !== null ? { agentName: row.agent_name } : {}),
  };
}
