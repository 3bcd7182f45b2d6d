import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRepository,
  createContactRepository,
  createLeadRepository,
  createSqlTranscriptStore,
  createTicketRepository,
  type AuditRepository,
  type ContactRepository,
  type LeadRepository,
  type TicketRepository,
} from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

function tenant(label: string): string {
  return `${label}-${randomUUID()}`;
}

describe.each(SQL_BACKENDS)('SQL repositories on $name', (backend) => {
  let opened: OpenedTestDatabase;
  let contacts: ContactRepository;
  let tickets: TicketRepository;
  let leads: LeadRepository;
  let audit: AuditRepository;
  const clock = createManualClock();

  beforeAll(async () => {
    opened = await backend.open();
    const deps = { db: opened.db, clock };
    contacts = createContactRepository(deps);
    tickets = createTicketRepository(deps);
    leads = createLeadRepository(deps);
    audit = createAuditRepository(deps);
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  describe('tickets', () => {
    it('should number 20 parallel opens T-000001..T-000020 without gaps or duplicates', async () => {
      const tenantId = tenant('tickets');
      const opened20 = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          tickets.openTicket({ tenantId, conversationId: `c-${i}`, kind: 'handoff', reason: 'explicit_request', summary: `Caso ${i}` }),
        ),
      );
      const numbers = opened20.map((t) => t.number).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `T-${String(i + 1).padStart(6, '0')}`));
      expect(new Set(opened20.map((t) => t.id)).size).toBe(20);
      expect((await tickets.listTickets(tenantId)).length).toBe(20);
    });

    it('should return the first ticket for a repeated idempotency key, even when the opens race', async () => {
      const tenantId = tenant('tickets-idem');
      const params = { tenantId, conversationId: 'c-1', kind: 'quote', reason: 'quote_request', summary: 'Cotización', idempotencyKey: 'turn-7:ticket' };
      const results = await Promise.all(Array.from({ length: 5 }, () => tickets.openTicket(params)));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results[0]?.number).toBe('T-000001');
      // The losers' rolled-back transactions gave their numbers back.
      const next = await tickets.openTicket({ ...params, idempotencyKey: 'turn-8:ticket' });
      expect(next.number).toBe('T-000002');
    });

    it('should close an open ticket once and keep the first close', async () => {
      const tenantId = tenant('tickets-close');
      const { id } = await tickets.openTicket({ tenantId, conversationId: 'c-1', kind: 'handoff', reason: 'critical', summary: 'Urgente' });
      clock.advance(60_000);
      const closed = await tickets.closeTicket({ tenantId, ticketId: id, agentName: 'Ana', outcome: 'resuelto' });
      expect(closed).toMatchObject({ id, status: 'closed', agentName: 'Ana', outcome: 'resuelto', closedAt: new Date(clock.now()).toISOString() });
      clock.advance(60_000);
      const again = await tickets.closeTicket({ tenantId, ticketId: id, agentName: 'Luis', outcome: 'otro' });
      expect(again).toEqual(closed);
      expect(await tickets.listTickets(tenantId, { status: 'open' })).toEqual([]);
    });
  });

  describe('contacts', () => {
    it('should resolve one contact for one identity under 10 concurrent first sights', async () => {
      const tenantId = tenant('contacts');
      const ids = await Promise.all(Array.from({ length: 10 }, () => contacts.resolveContact(tenantId, 'whatsapp', '+18095551234')));
      expect(new Set(ids).size).toBe(1);
      expect(await contacts.resolveContact(tenantId, 'whatsapp', '+18095551234')).toBe(ids[0]);
      expect(await contacts.resolveContact(tenantId, 'web', 'visitor-1')).not.toBe(ids[0]);
      // No orphan contacts were left behind by the losers.
      const rows = await opened.db.em().execute<{ n: number }[]>(`select count(*)::int as n from contacts where tenant_id = ?`, [tenantId]);
      expect(rows[0]?.n).toBe(2);
    });

    it('should link a second identity to an existing contact and find it by email or phone', async () => {
      const tenantId = tenant('contacts-link');
      const webContact = await contacts.resolveContact(tenantId, 'web', 'visitor-42');
      const waContact = await contacts.resolveContact(tenantId, 'whatsapp', '+18095550000');
      const linked = await contacts.linkIdentity(tenantId, webContact, 'whatsapp', '+18095550000');
      expect(linked).toEqual({ ok: true, previousContactId: waContact });
      expect(await contacts.resolveContact(tenantId, 'whatsapp', '+18095550000')).toBe(webContact);
      expect(await contacts.linkIdentity(tenantId, randomUUID(), 'telegram', '99')).toEqual({ ok: false, reason: 'unknown_contact' });

      const updated = await contacts.updateProfile(tenantId, webContact, { displayName: 'María Pérez', email: 'Maria@Example.com', phone: '+18095550000', preferences: { lang: 'es' } });
      expect(updated).toMatchObject({ id: webContact, displayName: 'María Pérez', email: 'maria@example.com', preferences: { lang: 'es' } });
      expect((await contacts.findByEmailOrPhone(tenantId, { email: 'MARIA@example.com' })).map((c) => c.id)).toEqual([webContact]);
      expect((await contacts.findByEmailOrPhone(tenantId, { phone: '+18095550000' })).map((c) => c.id)).toEqual([webContact]);
      expect(await contacts.findByEmailOrPhone(tenantId, { email: 'nadie@example.com' })).toEqual([]);
      expect(await contacts.updateProfile(tenantId, randomUUID(), { displayName: 'X' })).toBeNull();
    });

    it('should match a phone stored in any spelling, old rows included, by its canonical digits', async () => {
      const tenantId = tenant('contacts-phone-spellings');
      const stored = ['18095550201', '+18295550202', '849-555-0203', '(809) 555-0204', '00 44 20 7946 0958', '+52 55 1234 5678'];
      const ids: string[] = [];
      for (const [i, phone] of stored.entries()) {
        const id = await contacts.resolveContact(tenantId, 'web', `visitor-${i}`);
        await contacts.updateProfile(tenantId, id, { phone });
        ids.push(id);
      }
      const find = async (phone: string) => (await contacts.findByEmailOrPhone(tenantId, { phone })).map((c) => c.id);
      expect(await find('+1 809 555 0201')).toEqual([ids[0]]);
      expect(await find('8295550202')).toEqual([ids[1]]);
      expect(await find('18495550203')).toEqual([ids[2]]);
      expect(await find('whatsapp:+18095550204')).toEqual([ids[3]]);
      expect(await find('+442079460958')).toEqual([ids[4]]);
      expect(await find('5215512345678')).toEqual([]);
      expect(await find('525512345678')).toEqual([ids[5]]);
      expect(await find('8095550299')).toEqual([]);
    });
  });

  describe('leads', () => {
    it('should number leads L-000001.. per tenant and build the payload with its own id', async () => {
      const tenantId = tenant('leads');
      const saved = await Promise.all(
        Array.from({ length: 5 }, (_, i) => leads.saveLead({ tenantId, conversationId: `c-${i}`, payload: (leadId) => ({ lead_id: leadId, urgency_level: 'Alto' }), provenance: { 'contact_info.email': `m-${i}` } })),
      );
      expect(saved.map((s) => s.leadId).sort()).toEqual(['L-000001', 'L-000002', 'L-000003', 'L-000004', 'L-000005']);
      const listed = await leads.listLeads(tenantId);
      expect(listed.map((l) => l.leadId)).toEqual(['L-000001', 'L-000002', 'L-000003', 'L-000004', 'L-000005']);
      for (const lead of listed) expect(lead.payload).toEqual({ lead_id: lead.leadId, urgency_level: 'Alto' });
      expect(await leads.setCrmStatus(tenantId, 'L-000001', 'delivered')).toBe(true);
      expect((await leads.getLead(tenantId, 'L-000001'))?.crmStatus).toBe('delivered');
    });
  });

  describe('tenant isolation', () => {
    it('should never return rows of tenant B to a query for tenant A', async () => {
      const a = tenant('iso-a');
      const b = tenant('iso-b');
      const transcripts = createSqlTranscriptStore(opened.db);
      for (const t of [a, b]) {
        const contactId = await contacts.resolveContact(t, 'whatsapp', '+18095557777');
        await contacts.updateProfile(t, contactId, { email: 'same@example.com' });
        await tickets.openTicket({ tenantId: t, conversationId: 'shared-conv', kind: 'handoff', reason: 'explicit_request', summary: t });
        await leads.saveLead({ tenantId: t, conversationId: 'shared-conv', contactId, payload: { owner: t } });
        await audit.appendAudit(t, 'lead.saved', 'bot', { leadId: 'L-000001' });
        await transcripts.append({ tenantId: t, conversationId: 'shared-conv' }, [
          { messageId: 'wamid.1', direction: 'in', author: 'customer', channel: 'whatsapp', text: `hola de ${t}`, at: '2026-11-22T12:00:00.000Z' },
        ]);
      }

      const contactA = await contacts.resolveContact(a, 'whatsapp', '+18095557777');
      const contactB = await contacts.resolveContact(b, 'whatsapp', '+18095557777');
      expect(contactA).not.toBe(contactB);
      expect((await contacts.findByEmailOrPhone(a, { email: 'same@example.com', phone: '+18095557777' })).map((c) => c.id)).toEqual([contactA]);
      expect(await contacts.getContact(a, contactB)).toBeNull();
      expect(await contacts.updateProfile(a, contactB, { displayName: 'intruso' })).toBeNull();
      expect(await contacts.linkIdentity(a, contactB, 'web', 'v-1')).toEqual({ ok: false, reason: 'unknown_contact' });

      const ticketsA = await tickets.listTickets(a);
      expect(ticketsA.map((t) => [t.tenantId, t.summary, t.number])).toEqual([[a, a, 'T-000001']]);
      const ticketB = (await tickets.listTickets(b))[0];
      expect(ticketB).toBeDefined();
      expect(await tickets.getTicket(a, ticketB?.id ?? '')).toBeNull();
      expect(await tickets.closeTicket({ tenantId: a, ticketId: ticketB?.id ?? '' })).toBeNull();
      expect((await tickets.getTicket(b, ticketB?.id ?? ''))?.status).toBe('open');

      expect((await leads.listLeads(a)).map((l) => l.payload)).toEqual([{ owner: a }]);
      expect(await leads.setCrmStatus(a, 'L-000001', 'failed')).toBe(true);
      expect((await leads.getLead(b, 'L-000001'))?.crmStatus).toBe('pending');

      expect((await transcripts.list({ tenantId: a, conversationId: 'shared-conv' })).map((e) => e.text)).toEqual([`hola de ${a}`]);
      expect(await audit.verifyAuditChain(a)).toEqual({ ok: true, count: 1 });
    });
  });

  describe('audit chain', () => {
    it('should verify an intact chain and report the first tampered seq', async () => {
      const tenantId = tenant('audit');
      for (let i = 1; i <= 6; i += 1) {
        clock.advance(1_000);
        const { seq } = await audit.appendAudit(tenantId, 'ticket.opened', i % 2 === 0 ? 'agent:ana' : 'bot', { ticket: `T-00000${i}`, nested: { z: i, a: [1, 'dos'] } });
        expect(seq).toBe(i);
      }
      expect(await audit.verifyAuditChain(tenantId)).toEqual({ ok: true, count: 6 });

      await opened.db.em().execute(`update audit_events set payload = ?::jsonb where tenant_id = ? and seq = 4`, [JSON.stringify({ ticket: 'T-999999' }), tenantId], 'run');
      expect(await audit.verifyAuditChain(tenantId)).toEqual({ ok: false, brokenAt: 4 });
    });

    it('should detect a deleted tail and an edited actor', async () => {
      const tenantId = tenant('audit-tail');
      for (let i = 0; i < 3; i += 1) await audit.appendAudit(tenantId, 'lead.saved', 'bot', { n: i });
      await opened.db.em().execute(`delete from audit_events where tenant_id = ? and seq = 3`, [tenantId], 'run');
      expect(await audit.verifyAuditChain(tenantId)).toEqual({ ok: false, brokenAt: 3 });

      const other = tenant('audit-actor');
      for (let i = 0; i < 3; i += 1) await audit.appendAudit(other, 'lead.saved', 'bot', { n: i });
      await opened.db.em().execute(`update audit_events set actor = 'admin' where tenant_id = ? and seq = 2`, [other], 'run');
      expect(await audit.verifyAuditChain(other)).toEqual({ ok: false, brokenAt: 2 });
    });

    it('should keep concurrent appends in one unbroken chain', async () => {
      const tenantId = tenant('audit-race');
      const results = await Promise.all(Array.from({ length: 15 }, (_, i) => audit.appendAudit(tenantId, 'message.in', 'customer', { i })));
      expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect(await audit.verifyAuditChain(tenantId)).toEqual({ ok: true, count: 15 });
      expect(await audit.verifyAuditChain(tenant('audit-empty'))).toEqual({ ok: true, count: 0 });
    });

    it('should refuse payloads that carry personal data', async () => {
      const tenantId = tenant('audit-pii');
      const attempt = audit.appendAudit(tenantId, 'contact.updated', 'bot', { contactId: 'x', changes: { email: 'a@b.c' } });
      await expect(attempt).rejects.toSatisfy((err: unknown) => isHiloError(err, 'HILO_ERR_INTERNAL'));
      expect(await audit.verifyAuditChain(tenantId)).toEqual({ ok: true, count: 0 });
    });
  });
});
