import { Migration } from '@mikro-orm/migrations';

/**
 * The first schema. Hand-written SQL that runs unchanged on PostgreSQL 15+ and on PGlite.
 * `tenant_id` is a plain column without a foreign key to `tenants`: tenants are defined by files
 * and need no row; isolation comes from every query filtering by it (and the tests proving so).
 * Tenant-owned children reference their parent through `(tenant_id, id)` so a row can never point
 * at another tenant's parent.
 */
export class Migration20261122000000Initial extends Migration {
  override up(): void {
    this.addSql(`create table tenants (
      id text primary key,
      name text not null,
      settings jsonb not null default '{}'::jsonb,
      retention_days integer null check (retention_days is null or retention_days > 0),
      created_at timestamptz not null
    )`);

    this.addSql(`create table tenant_counters (
      tenant_id text not null,
      name text not null,
      value integer not null,
      primary key (tenant_id, name)
    )`);

    this.addSql(`create table contacts (
      id uuid primary key,
      tenant_id text not null,
      display_name text null,
      email text null,
      phone text null,
      company text null,
      language text null,
      preferences jsonb not null default '{}'::jsonb,
      profile_summary text null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (tenant_id, id)
    )`);
    this.addSql(`create index contacts_tenant_email_idx on contacts (tenant_id, lower(email))`);
    this.addSql(`create index contacts_tenant_phone_idx on contacts (tenant_id, phone)`);

    this.addSql(`create table channel_identities (
      tenant_id text not null,
      channel text not null,
      external_id text not null,
      contact_id uuid not null,
      created_at timestamptz not null,
      primary key (tenant_id, channel, external_id),
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade
    )`);
    this.addSql(`create index channel_identities_contact_idx on channel_identities (tenant_id, contact_id)`);

    this.addSql(`create table conversations (
      tenant_id text not null,
      id text not null,
      contact_id uuid null,
      phase text not null default 'triage',
      started_at timestamptz not null,
      last_activity_at timestamptz not null,
      closed_at timestamptz null,
      outcome text null,
      last_seq integer not null default 0,
      primary key (tenant_id, id),
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
    )`);

    this.addSql(`create table messages (
      id bigint generated always as identity primary key,
      tenant_id text not null,
      conversation_id text not null,
      seq integer not null check (seq > 0),
      message_id text not null,
      direction text not null check (direction in ('in', 'out')),
      author text not null,
      channel text not null,
      text text not null,
      intent text null,
      entities jsonb null,
      agent_name text null,
      created_at timestamptz not null,
      constraint messages_seq_unique unique (tenant_id, conversation_id, seq),
      constraint messages_message_id_unique unique (tenant_id, conversation_id, direction, message_id),
      foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade
    )`);

    this.addSql(`create table leads (
      tenant_id text not null,
      id text not null,
      conversation_id text null,
      contact_id uuid null,
      payload jsonb not null,
      provenance jsonb not null default '{}'::jsonb,
      status text not null,
      crm_status text not null,
      idempotency_key text null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (tenant_id, id),
      constraint leads_idempotency_unique unique (tenant_id, idempotency_key),
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
    )`);

    this.addSql(`create table tickets (
      id uuid primary key,
      tenant_id text not null,
      number text not null,
      conversation_id text not null,
      kind text not null,
      reason text not null,
      summary text not null,
      status text not null check (status in ('open', 'closed')),
      agent_name text null,
      outcome text null,
      idempotency_key text null,
      opened_at timestamptz not null,
      closed_at timestamptz null,
      constraint tickets_number_unique unique (tenant_id, number),
      constraint tickets_idempotency_unique unique (tenant_id, idempotency_key)
    )`);

    this.addSql(`create table audit_events (
      tenant_id text not null,
      seq integer not null check (seq > 0),
      type text not null,
      actor text not null,
      payload jsonb not null,
      prev_hash text not null,
      hash text not null,
      created_at timestamptz not null,
      primary key (tenant_id, seq)
    )`);

    this.addSql(`create table outbox_entries (
      id bigint generated always as identity primary key,
      tenant_id text not null,
      conversation_id text not null,
      kind text not null,
      payload jsonb not null,
      status text not null default 'pending',
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      idempotency_key text not null,
      created_at timestamptz not null,
      constraint outbox_idempotency_unique unique (tenant_id, idempotency_key)
    )`);
    this.addSql(`create index outbox_due_idx on outbox_entries (status, next_attempt_at)`);
  }

  override down(): void {
    for (const table of [
      'outbox_entries',
      'audit_events',
      'tickets',
      'leads',
      'messages',
      'conversations',
      'channel_identities',
      'contacts',
      'tenant_counters',
      'tenants',
    ]) {
      this.addSql(`drop table if exists ${table}`);
    }
  }
}
