import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../../src/persistence/sql/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const TABLES = [
  'access_counters',
  'agent_notes',
  'agent_sessions',
  'agents',
  'audit_events',
  'channel_identities',
  'console_activity',
  'contacts',
  'conversation_assignments',
  'conversations',
  'intent_corrections',
  'leads',
  'messages',
  'outbox_entries',
  'shard_epochs',
  'tenant_counters',
  'tenants',
  'tickets',
  'turn_facts',
];

async function userTables(opened: OpenedTestDatabase): Promise<string[]> {
  const rows = await opened.db
    .em()
    .execute<{ tablename: string }[]>(`select tablename from pg_tables where schemaname = current_schema() and tablename <> 'mikro_orm_migrations' order by tablename collate "C"`);
  return rows.map((r) => r.tablename);
}

describe.each(SQL_BACKENDS)('SQL migrations on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it('should apply every migration when opening an empty database', async () => {
    const executed = await opened.db.orm.getMigrator().getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await userTables(opened)).toEqual(TABLES);
    expect(opened.db.kind).toBe(backend.name);
  });

  it('should do nothing when up() runs again', async () => {
    const migrator = opened.db.orm.getMigrator();
    expect(await migrator.up()).toEqual([]);
    expect(await migrator.up()).toEqual([]);
    expect(await migrator.getPendingMigrations()).toEqual([]);
    expect((await migrator.getExecutedMigrations()).length).toBe(MIGRATIONS.length);
  });

  it('should go down to an empty schema and back up again', async () => {
    const migrator = opened.db.orm.getMigrator();
    await migrator.down({ to: 0 });
    expect(await userTables(opened)).toEqual([]);
    const reapplied = await migrator.up();
    expect(reapplied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await userTables(opened)).toEqual(TABLES);
  });
});

describe('openDatabase against an unreachable server', () => {
  it('should reject instead of starting without a database', async () => {
    await expect(openDatabase({ url: 'postgres://postgres@127.0.0.1:1/test', logger: createSilentLogger() })).rejects.toThrow();
  });
});
