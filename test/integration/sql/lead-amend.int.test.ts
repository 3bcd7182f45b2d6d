import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlLeadStore } from '../../../src/persistence/sql/sql-records.js';
import { createLeadRepository } from '../../../src/persistence/sql/lead.repository.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import type { LeadDraft, LeadPayload } from '../../../src/domain/lead.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

/**
 * `LeadStore.amend` on SQL: a registered lead corrected by the customer keeps its number, gets the
 * new payload, and counts the correction (`amendments`, which keys the CRM's `lead.updated`
 * delivery). Runs on a fresh database of the real PostgreSQL server (unreachable: the suite fails,
 * it never skips) and on PGlite.
 */
function payload(leadId: string, email: string, company = 'Coral Builders'): LeadPayload {
  return {
    lead_id: leadId,
    contact_info: { name: 'Ana Pérez', email, phone_or_username: '+18095550100' },
    business_context: { company_name: company, interest_area: 'Ventas' },
    problem_statement: '300 sacos de cemento al mes',
    urgency_level: 'Alto',
    provenance: { 'contact_info.email': 'm3' },
  };
}

const draft: LeadDraft = {};

describe.each(SQL_BACKENDS)('SQL LeadStore.amend on $name', (backend) => {
  let opened: OpenedTestDatabase | undefined;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  const db = () => {
    if (opened === undefined) throw new Error(`${backend.name} database did not open`);
    return opened.db;
  };

  it('should replace the payload under the same lead id and count each correction', async () => {
    const clock = createManualClock(Date.UTC(2026, 11, 6, 15, 0, 0));
    const leads = createSqlLeadStore({ db: db(), clock });
    const saved = await leads.save({ tenantId: 'ferreteria', conversationId: 'c-1', draft, idempotencyKey: 'k-1', build: (id) => payload(id, 'ana@old.com') });
    expect(saved.amendments ?? 0).toBe(0);

    clock.advance(60_000);
    const first = await leads.amend!('ferreteria', saved.leadId, payload(saved.leadId, 'ana@coral.com'));
    expect(first).toMatchObject({ leadId: saved.leadId, conversationId: 'c-1', amendments: 1 });
    expect(first?.payload.contact_info.email).toBe('ana@coral.com');

    const second = await leads.amend!('ferreteria', saved.leadId, payload(saved.leadId, 'ana@coral.com', 'Coral Builders Ltd'));
    expect(second?.amendments).toBe(2);
    expect(second?.payload.business_context.company_name).toBe('Coral Builders Ltd');

    // Still one lead, stored as last corrected, with its first creation time.
    const listed = await leads.list('ferreteria');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ leadId: saved.leadId, amendments: 2, createdAt: saved.createdAt });
    expect(listed[0]?.payload).toEqual(payload(saved.leadId, 'ana@coral.com', 'Coral Builders Ltd'));

    const row = await createLeadRepository({ db: db(), clock }).getLead('ferreteria', saved.leadId);
    expect(row?.updatedAt).toBe(new Date(clock.now()).toISOString());
    expect(row?.createdAt).not.toBe(row?.updatedAt);
  });

  it('should not count the same payload twice (a replayed turn)', async () => {
    const leads = createSqlLeadStore({ db: db(), clock: createManualClock(0) });
    const saved = await leads.save({ tenantId: 'ferreteria', conversationId: 'c-2', draft, idempotencyKey: 'k-2', build: (id) => payload(id, 'luis@old.com') });
    const corrected = payload(saved.leadId, 'luis@new.com');
    expect((await leads.amend!('ferreteria', saved.leadId, corrected))?.amendments).toBe(1);
    // Same content, keys in another order: jsonb equality, not text equality.
    const { urgency_level: urgency, ...rest } = corrected;
    const reordered = { urgency_level: urgency, ...rest } as LeadPayload;
    expect((await leads.amend!('ferreteria', saved.leadId, reordered))?.amendments).toBe(1);
    expect((await leads.amend!('ferreteria', saved.leadId, payload(saved.leadId, 'luis@old.com')))?.amendments).toBe(2);
  });

  it('should answer null for a lead the tenant does not have, and leave other tenants alone', async () => {
    const leads = createSqlLeadStore({ db: db(), clock: createManualClock(0) });
    const other = await leads.save({ tenantId: 'estudio', conversationId: 'c-3', draft, idempotencyKey: 'k-3', build: (id) => payload(id, 'eva@studio.com') });
    expect(await leads.amend!('ferreteria', 'L-999999', payload('L-999999', 'x@y.com'))).toBeNull();
    // The studio's lead number may equal one of the store's: amending the store's leaves the studio's as it was.
    expect(other.leadId).toBe('L-000001');
    await leads.amend!('ferreteria', 'L-000001', payload('L-000001', 'changed@coral.com'));
    const studio = await leads.list('estudio');
    expect(studio[0]?.amendments ?? 0).toBe(0);
    expect(studio[0]?.payload.contact_info.email).toBe('eva@studio.com');
  });
});
