import { AuditEventSchema } from './audit-event.entity.js';
import { ChannelIdentitySchema } from './channel-identity.entity.js';
import { ContactSchema } from './contact.entity.js';
import { ConversationSchema } from './conversation.entity.js';
import { LeadSchema } from './lead.entity.js';
import { MessageSchema } from './message.entity.js';
import { OutboxEntrySchema } from './outbox-entry.entity.js';
import { TenantCounterSchema } from './tenant-counter.entity.js';
import { TenantSchema } from './tenant.entity.js';
import { TicketSchema } from './ticket.entity.js';

export {
  AuditEventSchema,
  ChannelIdentitySchema,
  ContactSchema,
  ConversationSchema,
  LeadSchema,
  MessageSchema,
  OutboxEntrySchema,
  TenantCounterSchema,
  TenantSchema,
  TicketSchema,
};
export type { AuditEventRow } from './audit-event.entity.js';
export type { ChannelIdentityRow } from './channel-identity.entity.js';
export type { ContactRow } from './contact.entity.js';
export type { ConversationRow } from './conversation.entity.js';
export type { LeadRow } from './lead.entity.js';
export type { MessageRow } from './message.entity.js';
export type { OutboxEntryRow } from './outbox-entry.entity.js';
export type { TenantCounterRow } from './tenant-counter.entity.js';
export type { TenantRow } from './tenant.entity.js';
export type { TicketRow } from './ticket.entity.js';

/** Every entity MikroORM discovers; the migration below creates exactly these tables. */
export const ALL_ENTITIES = [
  TenantSchema,
  ContactSchema,
  ChannelIdentitySchema,
  ConversationSchema,
  MessageSchema,
  LeadSchema,
  TicketSchema,
  AuditEventSchema,
  OutboxEntrySchema,
  TenantCounterSchema,
];
