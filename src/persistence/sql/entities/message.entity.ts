import { EntitySchema } from '@mikro-orm/core';

/** One immutable transcript line. */
export interface MessageRow {
  id: string;
  tenantId: string;
  conversationId: string;
  seq: number;
  messageId: string;
  direction: 'in' | 'out';
  author: string;
  channel: string;
  text: string;
  intent: string | null;
  entities: unknown[] | null;
  agentName: string | null;
  lang: string | null;
  options: { label: string; text: string }[] | null;
  media: unknown[] | null;
  createdAt: Date;
}

export const MessageSchema = new EntitySchema<MessageRow>({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: { type: 'bigint', primary: true },
    tenantId: { type: 'text' },
    conversationId: { type: 'text' },
    seq: { type: 'integer' },
    messageId: { type: 'text' },
    direction: { type: 'text' },
    author: { type: 'text' },
    channel: { type: 'text' },
    text: { type: 'text' },
    intent: { type: 'text', nullable: true },
    entities: { type: 'json', nullable: true },
    agentName: { type: 'text', nullable: true },
    lang: { type: 'text', nullable: true },
    options: { type: 'json', nullable: true },
    media: { type: 'json', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
