import type { DueIdleClose, IdleCloseSource, TurnJournal, TurnRecord } from '../ports/turn-journal.js';
import type { ConversationKey, SnapshotEnvelope } from '../ports/snapshot-store.js';
import type { TranscriptEntry } from '../ports/transcript-store.js';
import type { Database } from './database.js';
import type { Logger } from '../../kernel/logger.js';
import { readMediaReferences, type MediaReference } from '../../domain/media.js';
import { messageRowToEntry, toIso, type MessageDbRow } from './sql-helpers.js';
import { sqlSafeJson, sqlSafeJsonText, sqlSafeText } from './sql-safe.js';
import type { EnvelopeJsonMemo } from '../memory/envelope-json.js';
import { shardFencedError, type ShardFence } from '../ports/shard-fence.js';
import { fenceCommitSql } from './sql-turn-fence.js';
import { hotStatement, queryRaw } from './sql-raw.js';
import { createGroupCommit, type GroupCommitStats } from '../../kernel/group-commit.js';

/**
 * Channels whose replies reach the customer through the transcript itself (REST answer, widget
 * history): their replies get no outbox row (nothing would ever read one; the all-in-memory
 * journal queues none either), which spares each such turn an outbox insert and its three index entries.
 */
const TRANSCRIPT_DELIVERED_CHANNELS = new Set(['web', 'rest']);


/**
 * The whole common path of `commit` as one statement, so one round trip and one implicit
 * transaction (a statement with data-modifying CTEs is atomic on its own):
 * - `conv` creates or updates the conversation row. Its `on conflict … do update … where` takes
 *   the row lock either way, so concurrent completions of one turn serialise there; the `where`
 *   lets only a turn SQL does not hold yet (`snapshot_seq < seq`) through, and only then does
 *   the statement return a row. A later completion re-evaluates the `where` against the row the
 *   first one committed, so it writes nothing. A new row always takes the turn (turn seqs start
 *   at 1, above the column's 0).
 * - `line` numbers the turn's entries after the returned `last_seq` (already advanced by `n`);
 *   with no `conv` row it is empty, so no messages and no outbox rows are written.
 * PostgreSQL forbids touching one row twice per statement, hence the conversation's `last_seq`
 * and snapshot are set in the upsert itself rather than in a separate update. The snapshot copy
 * goes to `snapshot_json` (json: stored as given, no jsonb parse or compression per turn) and
 * clears the older jsonb `snapshot` column.
 *
 * $1 tenant, $2 conversation, $3 phase, $4 first line's time (new row's start), $5 savedAt,
 * $6 turn seq, $7 number of lines, $8 snapshot copy (JSON), $9 idle-close time or null,
 * $10… one array per message column, in entry order, $18 the reply's outbox status (null: no row),
 * $19 each line's language, $20 each line's options (JSON text or null; they go into the reply's outbox row too),
 * $21 each line's media references (JSON text or null: customer lines with photos, voice notes...),
 * $22/$23 the recipient's channel and address (null when unknown): a reply row on that channel carries it.
 */
const COMMIT_TURN_SQL = `
with conv as (
  insert into conversations as c
    (tenant_id, id, phase, started_at, last_activity_at, last_seq, snapshot_json, snapshot_seq, idle_close_at, idle_close_seq, closed_at)
  values ($1::text, $2::text, $3::text, $4::timestamptz, greatest($4::timestamptz, $5::timestamptz), $7::int, $8::json, $6::int,
    $9::timestamptz, case when $9::timestamptz is null then null else $6::int end, case when $3::text = 'closed' then $5::timestamptz end)
  on conflict (tenant_id, id) do update set
    last_seq = c.last_seq + $7::int,
    phase = excluded.phase,
    last_activity_at = greatest(c.last_activity_at, $5::timestamptz),
    snapshot_json = excluded.snapshot_json,
    snapshot = null,
    snapshot_seq = excluded.snapshot_seq,
    idle_close_at = excluded.idle_close_at,
    idle_close_seq = excluded.idle_close_seq,
    closed_at = case when excluded.phase = 'closed' then coalesce(c.closed_at, $5::timestamptz) else null end
  where c.snapshot_seq < excluded.snapshot_seq
  returning c.last_seq
),
line as (
  select (conv.last_seq - $7::int + l.ord)::int as seq, l.*
  from conv, unnest($10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::text[], $19::text[], $20::text[], $21::text[])
    with ordinality as l(message_id, direction, author, channel, text, intent, agent_name, created_at, outbox_status, lang, options, media, ord)
),
message as (
  insert into messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, intent, agent_name, lang, options, media, created_at)
  select $1::text, $2::text, seq, message_id, direction, author, channel, text, intent, agent_name, lang, options::jsonb, media::jsonb, created_at from line order by seq
),
outbox as (
  insert into outbox_entries (tenant_id, conversation_id, kind, payload, status, next_attempt_at, idempotency_key, created_at)
  select $1::text, $2::text, 'reply', jsonb_build_object('messageId', message_id, 'seq', seq, 'channel', channel, 'text', text)
      || case when options is null then '{}'::jsonb else jsonb_build_object('options', options::jsonb) end
      || case when $23::text is not null and channel = $22::text then jsonb_build_object('recipient', $23::text) else '{}'::jsonb end,
    outbox_status, $5::timestamptz, 'reply:' || $2::text || ':' || message_id, $5::timestamptz
  from line where outbox_status is not null order by seq
  on conflict (tenant_id, idempotency_key) do nothing
)
select last_seq from conv`;

const COMMIT_TURN = hotStatement('commit_turn', COMMIT_TURN_SQL);
const COMMIT_TURN_FENCED = hotStatement('commit_turn_fenced', fenceCommitSql(COMMIT_TURN_SQL));

/**
 * Group commit (docs/architecture.md §4 "Turn durability"): the turns of several conversations
 * that piled up while the previous commit statement ran, as ONE statement with the same effect as
 * `COMMIT_TURN_SQL` once per turn. Per-turn values come as arrays (`batch`, one row per turn, its
 * `turn_no` the row's ordinality), lines as arrays with their turn's `turn_no` and their order
 * within it (`ord`), joined back to the conversation rows the upsert returned. A turn SQL already
 * holds returns no `conv` row, so its lines are left out exactly as in the single statement. The
 * caller never puts two turns of one conversation in a batch (one row cannot be touched twice per
 * statement), so the join on (tenant, id) is one-to-one. Rows are upserted in key order, so two
 * batches of two processes lock conversation rows in the same order.
 *
 * $1…$11 per turn: tenant, conversation, phase, first line's time, savedAt, seq, number of lines,
 * snapshot copies, idle-close time or null, the recipient's channel and address or null. The
 * snapshot copies ($8) are one JSON array whose elements are the copies themselves, joined as
 * they are: as a `text[]` each ~2 KB copy had every `"` escaped by the driver (`pg`'s
 * `escapeElement`, ~27 µs per turn) and unescaped again by PostgreSQL; `json_array_elements` of a
 * `json` value hands each element over as its own text, unchanged.
 * `rows from (…) with ordinality` zips the arrays and the elements by position;
 * $12…$25 per line: turn_no, ord, then the single statement's twelve line columns in its order.
 */
const COMMIT_TURNS_SQL = `
with batch as (
  select * from rows from (unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[]), json_array_elements($8::json),
      unnest($9::timestamptz[], $10::text[], $11::text[]))
    with ordinality as b(tenant_id, id, phase, started_at, saved_at, seq, n, snapshot, idle_close_at, recipient_channel, recipient_to, turn_no)
),
conv as (
  insert into conversations as c
    (tenant_id, id, phase, started_at, last_activity_at, last_seq, snapshot_json, snapshot_seq, idle_close_at, idle_close_seq, closed_at)
  select tenant_id, id, phase, started_at, greatest(started_at, saved_at), n, snapshot::json, seq,
    idle_close_at, case when idle_close_at is null then null else seq end, case when phase = 'closed' then saved_at end
  from batch order by tenant_id, id
  on conflict (tenant_id, id) do update set
    last_seq = c.last_seq + excluded.last_seq,
    phase = excluded.phase,
    last_activity_at = greatest(c.last_activity_at, (select b.saved_at from batch b where b.tenant_id = excluded.tenant_id and b.id = excluded.id)),
    snapshot_json = excluded.snapshot_json,
    snapshot = null,
    snapshot_seq = excluded.snapshot_seq,
    idle_close_at = excluded.idle_close_at,
    idle_close_seq = excluded.idle_close_seq,
    closed_at = case when excluded.phase = 'closed' then coalesce(c.closed_at, excluded.closed_at) else null end
  where c.snapshot_seq < excluded.snapshot_seq
  returning c.tenant_id, c.id, c.last_seq
),
line as (
  select (conv.last_seq - b.n + l.ord)::int as seq, b.turn_no, b.tenant_id, b.id as conversation_id, b.saved_at, b.recipient_channel, b.recipient_to,
    l.message_id, l.direction, l.author, l.channel, l.text, l.intent, l.agent_name, l.created_at, l.outbox_status, l.lang, l.options, l.media
  from unnest($12::int[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::timestamptz[], $22::text[], $23::text[], $24::text[], $25::text[])
    as l(turn_no, ord, message_id, direction, author, channel, text, intent, agent_name, created_at, outbox_status, lang, options, media)
  join batch b on b.turn_no = l.turn_no
  join conv on conv.tenant_id = b.tenant_id and conv.id = b.id
),
message as (
  insert into messages (tenant_id, conversation_id, seq, message_id, direction, author, channel, text, intent, agent_name, lang, options, media, created_at)
  select tenant_id, conversation_id, seq, message_id, direction, author, channel, text, intent, agent_name, lang, options::jsonb, media::jsonb, created_at
  from line order by turn_no, seq
),
outbox as (
  insert into outbox_entries (tenant_id, conversation_id, kind, payload, status, next_attempt_at, idempotency_key, created_at)
  select tenant_id, conversation_id, 'reply', jsonb_build_object('messageId', message_id, 'seq', seq, 'channel', channel, 'text', text)
      || case when options is null then '{}'::jsonb else jsonb_build_object('options', options::jsonb) end
      || case when recipient_to is not null and channel = recipient_channel then jsonb_build_object('recipient', recipient_to) else '{}'::jsonb end,
    outbox_status, saved_at, 'reply:' || conversation_id || ':' || message_id, saved_at
  from line where outbox_status is not null order by turn_no, seq
  on conflict (tenant_id, idempotency_key) do nothing
)
select tenant_id, id, last_seq from conv`;

const COMMIT_TURNS = hotStatement('commit_turns', COMMIT_TURNS_SQL);

/** The most turns one group-commit statement carries. */
const DEFAULT_MAX_BATCH = 64;

/**
 * The parameters of `COMMIT_TURNS_SQL` ($1…$25) from the single statement's parameters of turns
 * of distinct conversations (one layout to keep true; benchmarks replay captured turns through it).
 */
export function commitTurnsValues(singles: readonly (readonly unknown[])[]): unknown[] {
  const perTurn = Array.from({ length: 11 }, () => [] as unknown[]);
  const perLine = Array.from({ length: 14 }, () => [] as unknown[]);
  const copies: string[] = [];
  singles.forEach((v, i) => {
    // $1…$9 of the single statement ($8, the copy, into one JSON array below), then $22/$23 (the recipient).
    for (let k = 0; k < 9; k++) if (k !== 7) (perTurn[k] as unknown[]).push(v[k]);
    copies.push(v[7] as string);
    (perTurn[9] as unknown[]).push(v[21]);
    (perTurn[10] as unknown[]).push(v[22]);
    const ids = v[9] as unknown[];
    for (let j = 0; j < ids.length; j++) {
      (perLine[0] as unknown[]).push(i + 1);
      (perLine[1] as unknown[]).push(j + 1);
      for (let k = 0; k < 12; k++) (perLine[k + 2] as unknown[]).push((v[9 + k] as unknown[])[j]);
    }
  });
  // Each copy is JSON text already made safe (sqlSafeJson): joined, they are one JSON array.
  return [...perTurn.slice(0, 7), `[${copies.join(',')}]`, ...perTurn.slice(8), ...perLine];
}

/** The group-commit statement, for benchmarks that replay it (bench/micro/commit-sql-cost.ts). */
export const COMMIT_TURNS_STATEMENT = COMMIT_TURNS;

/** A turn waiting for the group commit: its conversation and the single statement's parameters. */
interface PendingTurn {
  key: string;
  values: unknown[];
}

/** One conversation, as a map key (NUL cannot occur: every bound string went through sqlSafeText). */
const conversationKeyOf = (tenantId: string, conversationId: string): string => `${tenantId}\u0000${conversationId}`;

/** The SQL turn journal, with its group commit's counters (null when fenced: fenced turns are never batched). */
export type SqlTurnJournal = TurnJournal & IdleCloseSource & { groupCommitStats(): GroupCommitStats | null };

/** A turn SQL already holds, read back by its message ids (the rare recovery path). */
const STORED_LINES = hotStatement(
  'stored_lines',
  `select seq, message_id, direction, author, channel, text, intent, agent_name, lang, options, media, created_at from messages
   where tenant_id = $1 and conversation_id = $2 and message_id = any($3::text[])
   order by seq`,
);

/**
 * The journal's snapshot copy: what every activation reads. Turns write `snapshot_json`; `snapshot`
 * (jsonb) holds the copy of a conversation with no turn since Migration20261204000000_snapshot_json.
 */
const LAST_COMMITTED = hotStatement('last_committed', `select snapshot_seq, coalesce(snapshot_json, snapshot::json) as snapshot from conversations where tenant_id = $1 and id = $2`);

/**
 * The SQL side of a turn (step 2 of the commit, see docs/architecture.md §4 "Turn durability"):
 * one statement writes the turn's transcript rows, its outbox rows, the snapshot copy with its
 * seq and the idle-close timer on the conversation row, atomically. Idempotent by the turn's
 * seq: the conversation row's `snapshot_seq` says which turns SQL already holds, so completing
 * a turn twice (activation after a crash, a retried completion, two at once) returns the stored
 * rows and writes nothing. Also the durable timer source: due idle-close timers are a scan of
 * the same rows.
 *
 * Group commit (not when `fence` is given): one commit statement is in flight at a time; the turns
 * of other conversations that arrive meanwhile go out together as one statement
 * (`COMMIT_TURNS_SQL`, up to `maxBatch` turns, default 64; 1 turns it off) as soon as it returns.
 * A lone turn is sent at once with the single statement. If a batch fails, each of its turns is
 * sent again alone, so a turn PostgreSQL refuses for good fails only its own commit.
 * `groupCommitStats()` counts statements and batches.
 *
 * @example
 * const journal = createSqlTurnJournal(db);
 * const stored = await journal.commit(key, envelope.turn, envelope);
 */
export function createSqlTurnJournal(db: Database, options: { fence?: ShardFence; maxBatch?: number; logger?: Logger; envelopeCopyJson?: EnvelopeJsonMemo } = {}): SqlTurnJournal {
  // Clustered runtime only (docs/cluster.md): without a fence the statement and its cost are the single-process ones.
  const fence = options.fence;
  const commitOne = async (turn: PendingTurn): Promise<number | null> => (await queryRaw<{ last_seq: number | null }>(db, COMMIT_TURN, turn.values))[0]?.last_seq ?? null;
  const commitMany = async (turns: PendingTurn[]): Promise<(number | null)[]> => {
    const rows = await queryRaw<{ tenant_id: string; id: string; last_seq: number }>(db, COMMIT_TURNS, commitTurnsValues(turns.map((t) => t.values)));
    const applied = new Map(rows.map((r) => [conversationKeyOf(r.tenant_id, r.id), r.last_seq]));
    // A turn with no row back is one SQL already holds: the caller reads its stored lines.
    return turns.map((t) => applied.get(t.key) ?? null);
  };
  // Group commit of the turns of different conversations (no timer: a lone turn goes out at once,
  // alone, with the single statement). Fenced turns (the clustered runtime) are never batched:
  // each keeps its own fenced statement, whose refusal must reach only its own writer.
  const group = fence
    ? null
    : createGroupCommit<PendingTurn, number | null>({
        keyOf: (t) => t.key,
        one: commitOne,
        many: commitMany,
        maxBatch: options.maxBatch ?? DEFAULT_MAX_BATCH,
        // Each turn is retried alone (a refusal reaches only its caller); the batch's own failure is logged once, code only.
        onBatchFailed: (err, size) => options.logger?.warn({ err: { code: (err as { code?: unknown }).code }, turns: size }, 'group commit: a batch failed; its turns were sent one by one'),
      });
  return {
    groupCommitStats: () => group?.stats() ?? null,

    async commit(key: ConversationKey, turn: TurnRecord, envelope: SnapshotEnvelope): Promise<TranscriptEntry[]> {
      const copyOf = (): Record<string, unknown> => {
        const copy: Record<string, unknown> = { ...envelope };
        delete copy.turn;
        return copy;
      };
      // The snapshot store's text of this very envelope without its turn, when it wrote it (commit step 1): one serialisation per turn.
      const shared = options.envelopeCopyJson?.take(envelope);
      const snapshotCopy = shared === undefined ? sqlSafeJson(copyOf()) : sqlSafeJsonText(shared, copyOf);
      const savedAt = toIso(envelope.savedAt);
      // Every string bound below goes through the SQL layer's own guard (sql-safe.ts): one NUL or
      // unpaired surrogate must never fail the commit (and, before the host quarantined such
      // turns, replay on every activation). The cleaned lines are also what the caller gets back.
      const lines = turn.entries.map((e) => sanitizeLine({ ...e, at: toIso(e.at) }));
      const columns = {
        messageId: [] as string[], direction: [] as string[], author: [] as string[], channel: [] as string[], text: [] as string[],
        intent: [] as (string | null)[], agentName: [] as (string | null)[], at: [] as string[], outboxStatus: [] as (string | null)[],
        lang: [] as (string | null)[], options: [] as (string | null)[], media: [] as (string | null)[],
      };
      for (const e of lines) {
        columns.messageId.push(e.messageId);
        columns.direction.push(e.direction);
        columns.author.push(e.author);
        columns.channel.push(e.channel);
        columns.text.push(e.text);
        columns.intent.push(e.intent ?? null);
        columns.agentName.push(e.agentName ?? null);
        columns.at.push(e.at);
        columns.lang.push(e.lang ?? null);
        columns.options.push(e.options && e.options.length > 0 ? sqlSafeJson(e.options) : null);
        columns.media.push(e.media && e.media.length > 0 ? sqlSafeJson(e.media) : null);
        // Widget and REST replies are delivered by the transcript (answer, history by seq): no
        // row; other channels' senders pick up the pending rows.
        columns.outboxStatus.push(e.direction !== 'out' || TRANSCRIPT_DELIVERED_CHANNELS.has(e.channel) ? null : 'pending');
      }
      // A gap (snapshot_seq < turn.seq - 1) means an earlier turn record was lost with its
      // snapshot store (e.g. Redis flushed): this turn is still recorded rather than wedged.
      const writer = fence?.writer(key);
      if (fence && writer && writer.epoch === null) {
        fence.refused(writer.shard, 'journal', 'lease_lapsed');
        throw shardFencedError(writer.shard, 'journal', 'lease_lapsed');
      }
      const values = [
        sqlSafeText(key.tenantId),
        sqlSafeText(key.conversationId),
        sqlSafeText(turn.phase),
        lines[0]?.at ?? savedAt,
        savedAt,
        turn.seq,
        lines.length,
        snapshotCopy,
        turn.idleCloseAt === null ? null : toIso(turn.idleCloseAt),
        columns.messageId,
        columns.direction,
        columns.author,
        columns.channel,
        columns.text,
        columns.intent,
        columns.agentName,
        columns.at,
        columns.outboxStatus,
        columns.lang,
        columns.options,
        columns.media,
        // The customer's address on the channel the replies go to, so the sender needs no lookup.
        turn.recipient ? sqlSafeText(turn.recipient.channel) : null,
        turn.recipient ? sqlSafeText(turn.recipient.to) : null,
      ];
      let lastSeq: number | null;
      if (fence && writer) {
        const row = (await queryRaw<{ last_seq: number | null; fenced: boolean }>(db, COMMIT_TURN_FENCED, [...values, writer.shard, writer.epoch]))[0];
        if (row?.fenced === true) {
          fence.refused(writer.shard, 'journal', 'epoch');
          throw shardFencedError(writer.shard, 'journal', 'epoch');
        }
        lastSeq = row?.last_seq ?? null;
      } else {
        const pending: PendingTurn = { key: conversationKeyOf(values[0] as string, values[1] as string), values };
        lastSeq = group ? await group.submit(pending) : await commitOne(pending);
      }
      if (lastSeq !== null) {
        const firstSeq = lastSeq - lines.length + 1;
        return lines.map((e, i) => ({ ...e, seq: firstSeq + i }));
      }
      // SQL already holds this turn (the rare recovery path): answer with what it stored.
      if (lines.length === 0) return [];
      const ids = lines.map((e) => e.messageId);
      const rows = await queryRaw<MessageDbRow>(db, STORED_LINES, [sqlSafeText(key.tenantId), sqlSafeText(key.conversationId), ids]);
      return rows.map(messageRowToEntry);
    },

    async lastCommitted(key: ConversationKey): Promise<{ seq: number; envelope: SnapshotEnvelope | null }> {
      const rows = await queryRaw<{ snapshot_seq: number; snapshot: SnapshotEnvelope | string | null }>(db, LAST_COMMITTED, [key.tenantId, key.conversationId]);
      const row = rows[0];
      if (row === undefined) return { seq: 0, envelope: null };
      const envelope = typeof row.snapshot === 'string' ? (JSON.parse(row.snapshot) as SnapshotEnvelope) : row.snapshot;
      return { seq: row.snapshot_seq, envelope };
    },

    async dueIdleCloses(now: number, limit: number, shards?: readonly number[]): Promise<DueIdleClose[]> {
      // The scheduler serves every tenant, so this is the one query not scoped by tenant; in a
      // cluster each member scans its own shards (the fenced statement writes `shard`).
      if (shards !== undefined && shards.length === 0) return [];
      const rows = await db.em().execute<{ tenant_id: string; id: string; idle_close_seq: number }[]>(
        `select tenant_id, id, idle_close_seq from conversations
         where idle_close_at is not null and idle_close_at <= ? ${shards === undefined ? '' : 'and shard in (select jsonb_array_elements_text(?::jsonb)::int)'}
         order by idle_close_at limit ?`,
        shards === undefined ? [new Date(now), limit] : [new Date(now), JSON.stringify(shards), limit],
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

/** A transcript line with every string made safe for PostgreSQL (sql-safe.ts). */
function sanitizeLine<L extends { messageId: string; author: string; channel: string; text: string; intent?: string; agentName?: string; media?: MediaReference[] }>(line: L): L {
  const out = { ...line, messageId: sqlSafeText(line.messageId), channel: sqlSafeText(line.channel), text: sqlSafeText(line.text) };
  if (line.intent !== undefined) out.intent = sqlSafeText(line.intent);
  if (line.agentName !== undefined) out.agentName = sqlSafeText(line.agentName);
  if (line.media !== undefined) out.media = readMediaReferences(JSON.parse(sqlSafeJson(line.media)));
  return out;
}
