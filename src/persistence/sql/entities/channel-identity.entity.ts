import { EntitySchema } from '@mikro-orm/core';

/** "This WhatsApp number / widget visitor / Telegram id is that contact." */
export interface ChannelIdentityRow {
  tenantId: string;
  channel: string;
  externalId: string;
  contactId: string;
  createdAt: Date;
}

export const ChannelIdentitySchema = new EntitySchema<ChannelIdentityRow>({
  name: 'ChannelIdentity',
  tableName: 'channel_identities',
  properties: {
    tenantId: { type: 'text', primary: true },
    channel: { type: 'text', primary: true },
    externalId: { type: 'text', primary: true },
    contactId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
  },
});
