import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGovernanceService, type GovernanceService } from '../../../src/persistence/sql/governance.service.js';
import type { RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { createSqlTranscriptStore } from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';
import { appendUnrelatedAudit, connectRedis, createSnapshotStore, deleteKeysUnder, seedContact, uniquePrefix } from './fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

describe('governance service on PostgreSQL and Redis', () => {
  let opened: OpenedTestDatabase;
  let redis: Redis;
  let snapshots: RedisSnapshotStore;
  let governance: GovernanceService;
  const prefix = uniquePrefix();
  const clock = createManualClock();

  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const rows = await opened.db.em().execute<{ n: string | number }[]>(sql, params);
    return Number(rows[0]?.n ?? 0);
  };

  beforeAll(async () => {
    redis = await connectRedis();
    opened = await postgresBackend.open();
    snapshots = createSnapshotStore(redis, prefix, clock);
    governance = createGovernanceService({ db: opened.db, snapshots, clock, logger: createSilentLogger() });
  });

  afterAll(async () => {
    await opened?.dispose();
    if (redis) {
      await deleteKeysUnder(redis, prefix);
      redis.disconnect();
    }
  });

  it('should export the contact, identities, transcripts, leads with provenance, tickets and snapshot', async () => {
    const tenantId = `gov-export-${randomUUID()}`;
    const seeded = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'ana' });
    await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'otro' });

    const data = await governance.exportContact(tenantId, seeded.threadId);
    expect(data).not.toBeNull();
    expect(data?.format_version).toBe(1);
    expect(data?.contact_id).toBe(seeded.threadId);
    expect(data?.contact).toMatchObject({ id: seeded.contactUuid, displayName: seeded.name, email: seeded.email, phone: seeded.phone, company: seeded.company });
    expect(data?.channel_identities.map((i) => `${i.channel}:${i.externalId}`).sort()).toEqual([`web:visitor-ana`, `whatsapp:${seeded.phone}`]);
    expect(data?.conversations).toHaveLength(1);
    expect(data?.conversations[0]?.conversationId).toBe(seeded.threadId);
    expect(data?.conversations[0]?.transcript.map((m) => m.text)).toEqual([seeded.texts[0], `Gracias, ${seeded.name}.`, seeded.texts[1], seeded.texts[2]]);
    expect(data?.conversations[0]?.snapshot).toMatchObject({ seq: 1, machineVersion: 3 });
    expect(data?.leads).toHaveLength(1);
    expect(data?.leads[0]).toMatchObject({ leadId: seeded.leadId, provenance: { 'contact_info.name': 'wa-ana-1' } });
    expect(data?.tickets.map((t) => t.number)).toEqual([seeded.ticketNumber]);
    // The other contact's data stays out of this export.
    expect(JSON.stringify(data)).not.toContain('otro');

    // The uuid form of the id names the same contact.
    const byUuid = await governance.exportContact(tenantId, seeded.contactUuid);
    expect(byUuid?.conversations.map((c) => c.conversationId)).toEqual([seeded.threadId]);
  });

  it('should answer null when exporting or erasing a contact the tenant never had', async () => {
    const tenantId = `gov-unknown-${randomUUID()}`;
    expect(await governance.exportContact(tenantId, `c_${randomUUID().replace(/-/g, '')}`)).toBeNull();
    expect(await governance.exportContact(tenantId, 'not-an-id')).toBeNull();
    expect(await governance.eraseContact(tenantId, randomUUID(), 'test')).toBeNull();
  });

  it('should erase every SQL row and the Redis snapshot, keep the ticket number and leave a verifiable audit record without personal data', async () => {
    const tenantId = `gov-erase-${randomUUID()}`;
    await appendUnrelatedAudit(opened.db, clock, tenantId);
    const seeded = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'luis' });
    const other = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'rosa' });
    // An agent's console note and assignment on each conversation (personal data about the customer).
    for (const conversationId of [seeded.threadId, other.threadId]) {
      await opened.db.em().execute(`insert into agent_notes (id, tenant_id, conversation_id, author_id, author_name, text, at) values (?, ?, ?, 'a1', 'Ana', 'cliente de obra grande, luis@example.com', now())`, [randomUUID(), tenantId, conversationId], 'run');
      await opened.db.em().execute(`insert into conversation_assignments (tenant_id, conversation_id, agent_id, display_name, assigned_at) values (?, ?, 'a1', 'Ana', now())`, [tenantId, conversationId], 'run');
    }

    const result = await governance.eraseContact(tenantId, seeded.threadId, 'api:test');
    expect(await count(`select count(*) as n from agent_notes where tenant_id = ? and conversation_id = ?`, [tenantId, seeded.threadId])).toBe(0);
    expect(await count(`select count(*) as n from conversation_assignments where tenant_id = ? and conversation_id = ?`, [tenantId, seeded.threadId])).toBe(0);
    expect(await count(`select count(*) as n from agent_notes where tenant_id = ? and conversation_id = ?`, [tenantId, other.threadId])).toBe(1);
    expect(result).toMatchObject({
      outcome: 'erased',
      contactId: seeded.threadId,
      counts: { contacts: 1, identities: 2, conversations: 1, messages: 4, leads: 1, tickets: 1, agentNotes: 1, snapshots: 1 },
      auditSeq: 2,
    });

    const t = [tenantId, seeded.threadId];
    expect(await count(`select count(*) as n from messages where tenant_id = ? and conversation_id = ?`, t)).toBe(0);
    expect(await count(`select count(*) as n from conversations where tenant_id = ? and id = ?`, t)).toBe(0);
    expect(await count(`select count(*) as n from leads where tenant_id = ? and conversation_id = ?`, t)).toBe(0);
    expect(await count(`select count(*) as n from contacts where tenant_id = ? and id = ?`, [tenantId, seeded.contactUuid])).toBe(0);
    expect(await count(`select count(*) as n from channel_identities where tenant_id = ? and contact_id = ?`, [tenantId, seeded.contactUuid])).toBe(0);
    expect(await snapshots.get({ tenantId, conversationId: seeded.threadId })).toBeNull();

    const tickets = await opened.db.em().execute<{ number: string; status: string; summary: string }[]>(
      `select number, status, summary from tickets where tenant_id = ? and conversation_id = ?`,
      t,
    );
    expect(tickets).toEqual([{ number: seeded.ticketNumber, status: 'open', summary: '' }]);

    // Nothing personal is left anywhere in the tenant's rows about this contact, audit included.
    const everything = JSON.stringify(
      await opened.db.em().execute(
        `select 'a' as t, payload::text as v from audit_events where tenant_id = ?
         union all select 't', summary from tickets where tenant_id = ? and conversation_id = ?`,
        [tenantId, tenantId, seeded.threadId],
      ),
    );
    for (const secret of [seeded.name, seeded.email, seeded.phone, seeded.company, ...seeded.texts]) expect(everything).not.toContain(secret);

    const events = await opened.db.em().execute<{ seq: number; type: string; payload: Record<string, unknown> }[]>(
      `select seq, type, payload from audit_events where tenant_id = ? order by seq`,
      [tenantId],
    );
    expect(events.map((e) => e.type)).toEqual(['tenant.configured', 'contact.erased']);
    expect(events[1]?.payload).toMatchObject({ contactId: seeded.threadId, conversationIds: [seeded.threadId], counts: { messages: 4 } });
    expect(await governance.verifyAudit(tenantId)).toEqual({ ok: true, count: 2 });

    // The other contact is untouched.
    expect((await governance.exportContact(tenantId, other.threadId))?.conversations[0]?.transcript).toHaveLength(4);
    expect(await snapshots.get({ tenantId, conversationId: other.threadId })).not.toBeNull();

    // Nothing is left to export; the erasure record stays in the tenant's audit trail.
    const after = await governance.exportContact(tenantId, seeded.threadId);
    expect(after).toBeNull();
  });

  it('should treat a second erasure as already done, without a new audit event', async () => {
    const tenantId = `gov-twice-${randomUUID()}`;
    const seeded = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'pedro' });
    expect((await governance.eraseContact(tenantId, seeded.contactUuid, 'api:test'))?.outcome).toBe('erased');
    const again = await governance.eraseContact(tenantId, seeded.threadId, 'api:test');
    expect(again).toMatchObject({ outcome: 'already_erased', auditSeq: null, counts: { messages: 0, contacts: 0 } });
    expect(await governance.verifyAudit(tenantId)).toEqual({ ok: true, count: 1 });
  });

  it('should report the first broken seq when an audit row is tampered with', async () => {
    const tenantId = `gov-tamper-${randomUUID()}`;
    await appendUnrelatedAudit(opened.db, clock, tenantId);
    const a = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'uno' });
    const b = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'dos' });
    await governance.eraseContact(tenantId, a.threadId, 'api:test');
    await governance.eraseContact(tenantId, b.threadId, 'api:test');
    expect(await governance.verifyAudit(tenantId)).toEqual({ ok: true, count: 3 });

    await opened.db.em().execute(
      `update audit_events set payload = jsonb_set(payload, '{counts,messages}', '0'::jsonb) where tenant_id = ? and seq = 2`,
      [tenantId],
      'run',
    );
    expect(await governance.verifyAudit(tenantId)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('should erase only conversations idle longer than the retention period and audit the run', async () => {
    const tenantId = `gov-retention-${randomUUID()}`;
    const old = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'vieja' });
    // A contact that comes back keeps its old thread (and its old profile) alive.
    const returning = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'vuelve' });
    clock.advance(40 * DAY);
    const recent = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'nueva' });
    clock.advance(1 * DAY);
    await createSqlTranscriptStore(opened.db).append({ tenantId, conversationId: returning.threadId }, [
      { messageId: 'wa-vuelve-9', direction: 'in', author: 'customer', channel: 'whatsapp', text: 'Hola otra vez', at: new Date(clock.now()).toISOString() },
    ]);

    const result = await governance.enforceRetention(tenantId, 30);
    expect(result).toMatchObject({ tenantId, olderThanDays: 30, counts: { conversations: 1, messages: 4, leads: 1, tickets: 1, contacts: 1, snapshots: 1 } });
    expect(result.cutoff).toBe(new Date(clock.now() - 30 * DAY).toISOString());

    expect(await governance.exportContact(tenantId, old.threadId)).toBeNull();
    expect(await snapshots.get({ tenantId, conversationId: old.threadId })).toBeNull();
    expect((await governance.exportContact(tenantId, recent.threadId))?.conversations).toHaveLength(1);
    expect((await governance.exportContact(tenantId, returning.threadId))?.conversations[0]?.transcript).toHaveLength(5);

    const events = await opened.db.em().execute<{ type: string; actor: string; payload: Record<string, unknown> }[]>(
      `select type, actor, payload from audit_events where tenant_id = ? order by seq`,
      [tenantId],
    );
    expect(events).toEqual([{ type: 'retention.enforced', actor: 'retention-job', payload: expect.objectContaining({ olderThanDays: 30, cutoff: result.cutoff }) }]);
    expect(await governance.verifyAudit(tenantId)).toEqual({ ok: true, count: 1 });

    // A second run finds nothing more to erase and still leaves its record.
    const second = await governance.enforceRetention(tenantId, 30);
    expect(second.counts).toMatchObject({ conversations: 0, messages: 0, contacts: 0 });
    expect(await governance.verifyAudit(tenantId)).toEqual({ ok: true, count: 2 });
  });

  it('should refuse a retention period that is not a positive whole number of days', async () => {
    await expect(governance.enforceRetention(`gov-bad-${randomUUID()}`, 0)).rejects.toMatchObject({ code: 'HILO_ERR_HTTP_VALIDATION' });
    await expect(governance.enforceRetention(`gov-bad-${randomUUID()}`, 1.5)).rejects.toMatchObject({ code: 'HILO_ERR_HTTP_VALIDATION' });
  });
});
