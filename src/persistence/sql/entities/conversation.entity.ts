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
  },
});
