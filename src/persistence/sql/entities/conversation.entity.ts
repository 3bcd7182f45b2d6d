import { EntitySchema } from '@mikro-orm/core';

/** The thread. `lastSeq` is the transcript's high-water mark, bumped under the row lock. */
export interface ConversationRow {
  tenantId: string;
  id: string;
  contactId: string | null;
  phase: string;
  startedAt: Date;
  lastActivityAt: Date;
  closedAt: Date | null;
  outcome: string | null;
  lastSeq: number;
  /** Copy of the last committed snapshot envelope, as turns before Migration20261204000000_snapshot_json wrote it (jsonb). */
  snapshot: Record<string, unknown> | null;
  /** Copy of the last committed snapshot envelope (turn durability; json; see sql-turn-journal.ts). */
  snapshotJson: Record<string, unknown> | null;
  /** Seq of the last turn committed to SQL. */
  snapshotSeq: number;
  /** Durable idle-close timer and the turn seq that armed it. */
  idleCloseAt: Date | null;
  idleCloseSeq: number | null;
}

export const ConversationSchema = new EntitySchema<ConversationRow>({
  name: 'Conversation',
  tableName: 'conversations',
  properties: {
    tenantId: { type: 'text', primary: true },
    id: { type: 'text', primary: true },
    contactId: { type: 'uuid', nullable: true },
    phase: { type: 'text' },
    startedAt: { type: 'datetime' },
    lastActivityAt: { type: 'datetime' },
    closedAt: { type: 'datetime', nullable: true },
    outcome: { type: 'text', nullable: true },
    lastSeq: { type: 'integer' },
    snapshot: { type: 'json', nullable: true },
    snapshotJson: { type: 'json', nullable: true },
    snapshotSeq: { type: 'integer' },
    idleCloseAt: { type: 'datetime', nullable: true },
    idleCloseSeq: { type: 'integer', nullable: true },
  },
});
