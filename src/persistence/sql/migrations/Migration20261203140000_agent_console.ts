import { Migration } from '@mikro-orm/migrations';

/**
 * The agent console (issue 14): agent accounts per tenant (scrypt hashes), their sessions (the
 * cookie id stored as its SHA-256 only), who holds which conversation (one row per tenant +
 * conversation: the primary key is what makes a take race have one winner) and internal notes.
 */
export class Migration20261203140000AgentConsole extends Migration {
  override up(): void {
    this.addSql(`create table if not exists agents (
      id uuid primary key,
      tenant_id text not null,
      username text not null,
      display_name text not null,
      role text not null check (role in ('agent', 'admin')),
      lang text not null check (lang in ('es', 'en')),
      password_hash text not null,
      created_at timestamptz not null,
      unique (tenant_id, username))`);
    this.addSql(`create table if not exists agent_sessions (
      id_hash text primary key,
      tenant_id text not null,
      agent_id uuid not null references agents (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null)`);
    this.addSql(`create index if not exists agent_sessions_agent_idx on agent_sessions (tenant_id, agent_id)`);
    this.addSql(`create table if not exists conversation_assignments (
      tenant_id text not null,
      conversation_id text not null,
      agent_id text not null,
      display_name text not null,
      assigned_at timestamptz not null,
      primary key (tenant_id, conversation_id))`);
    this.addSql(`create table if not exists agent_notes (
      id uuid primary key,
      tenant_id text not null,
      conversation_id text not null,
      author_id text not null,
      author_name text not null,
      text text not null,
      at timestamptz not null)`);
    this.addSql(`create index if not exists agent_notes_conversation_idx on agent_notes (tenant_id, conversation_id, at)`);
  }

  override down(): void {
    this.addSql(`drop table if exists agent_notes`);
    this.addSql(`drop table if exists conversation_assignments`);
    this.addSql(`drop table if exists agent_sessions`);
    this.addSql(`drop table if exists agents`);
  }
}
