import { EntitySchema } from '@mikro-orm/core';

/** A person a tenant talks to, whatever the channel; holds the long-term profile. */
export interface ContactRow {
  id: string;
  tenantId: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  language: string | null;
  preferences: Record<string, unknown>;
  profileSummary: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ContactSchema = new EntitySchema<ContactRow>({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'text' },
    displayName: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    company: { type: 'text', nullable: true },
    language: { type: 'text', nullable: true },
    preferences: { type: 'json' },
    profileSummary: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
