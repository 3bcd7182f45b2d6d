import { EntitySchema } from '@mikro-orm/core';

/** A handoff or quote ticket; `number` is `T-000123`, sequential per tenant. */
export interface TicketRow {
  id: string;
  tenantId: string;
  number: string;
  conversationId: string;
  kind: string;
  reason: string;
  summary: string;
  status: 'open' | 'closed';
  agentName: string | null;
  outcome: string | null;
  idempotencyKey: string | null;
  openedAt: Date;
  closedAt: Date | null;
  /** 1–5, the customer's answer to the question asked after a resolved handoff. */
  rating: number | null;
  ratedAt: Date | null;
  /** The salesperson following a quote up (agent id and display name), null when nobody claimed it. */
  ownerId: string | null;
  ownerName: string | null;
  ownedAt: Date | null;
}

export const TicketSchema = new EntitySchema<TicketRow>({
  name: 'Ticket',
  tableName: 'tickets',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'text' },
    number: { type: 'text' },
    conversationId: { type: 'text' },
    kind: { type: 'text' },
    reason: { type: 'text' },
    summary: { type: 'text' },
    status: { type: 'text' },
    agentName: { type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    idempotencyKey: { type: 'text', nullable: true },
    openedAt: { type: 'datetime' },
    closedAt: { type: 'datetime', nullable: true },
    rating: { type: 'smallint', nullable: true },
    ratedAt: { type: 'datetime', nullable: true },
    ownerId: { type: 'text', nullable: true },
    ownerName: { type: 'text', nullable: true },
    ownedAt: { type: 'datetime', nullable: true },
  },
});
