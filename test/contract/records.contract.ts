import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadDraft, LeadPayload } from '../../src/domain/lead.js';
import { createManualClock, type Clock } from '../../src/kernel/clock.js';
import type { ContactDirectory, OpenTicketInput, TicketStore, LeadStore } from '../../src/persistence/ports/records.js';

/** One implementation of the records ports, as the runtime wires them together. */
export interface RecordsUnderTest {
  tickets: TicketStore;
  leads: LeadStore;
  directory: ContactDirectory;
}

export interface RecordsContractOptions {
  name: string;
  /** The three stores of one backend, reading time from `clock`. */
  create: (clock: Clock) => Promise<RecordsUnderTest>;
  /** Frees what `create` opened (the data is per tenant, and every test uses its own tenant). */
  destroy?: (records: RecordsUnderTest) => Promise<void>;
}

const START = Date.UTC(2026, 11, 3, 14, 0, 0);

function leadPayload(leadId: string, name = 'Ana Pérez'): LeadPayload {
  return {
    lead_id: leadId,
    contact_info: { name, phone_or_username: '+18095550101', email: 'ana@example.com' },
    business_context: { company_name: 'Constructora Ozama', interest_area: null },
    problem_statement: 'Materiales para 40 habitaciones',
    urgency_level: 'Alto',
    provenance: { 'contact_info.name': 'wamid.1', 'contact_info.email': 'wamid.2' },
  };
}

/**
 * The one conformance suite every implementation of the records ports passes (`TicketStore`,
 * `LeadStore`, `ContactDirectory` of src/persistence/ports/records.ts): in memory (embedded
 * default and `HILO_STORAGE=memory`) and on SQL (PostgreSQL and PGlite). Conversation ids come
 * from the directory itself, so each backend gets threads it knows.
 *
 * @example
 * runRecordsContract({ name: 'memory', create: async (clock) => ({ tickets: createMemoryTicketStore({ clock }), ... }) });
 */
export function runRecordsContract(options: RecordsContractOptions): void {
  describe(`records contract: ${options.name}`, () => {
    let clock: ReturnType<typeof createManualClock>;
    let records: RecordsUnderTest;
    let tenantId: string;

    beforeEach(async () => {
      clock = createManualClock(START);
      records = await options.create(clock);
      tenantId = `records-${randomUUID().slice(0, 8)}`;
    });

    afterEach(async () => {
      await options.destroy?.(records);
    });

    const thread = (channel = 'whatsapp', externalId = `1809${Math.floor(Math.random() * 1e7)}`, tenant = tenantId) =>
      records.directory.resolve(tenant, channel, externalId);

    const ticketInput = (conversationId: string, over: Partial<OpenTicketInput> = {}): OpenTicketInput => ({
      tenantId,
      conversationId,
      kind: 'handoff',
      reason: 'customer_request',
      summary: 'Quiere hablar con una persona',
      idempotencyKey: `ticket:${randomUUID()}`,
      ...over,
    });

    describe('TicketStore', () => {
      it('should open a ticket numbered T-000001 in a fresh tenant, open, at the clock time', async () => {
        const conversationId = await thread();
        const ticket = await records.tickets.open(ticketInput(conversationId, { kind: 'quote', reason: 'quote', summary: '10 sacos de cemento' }));
        expect(ticket).toEqual({
          ticketId: expect.any(String),
          number: 'T-000001',
          tenantId,
          conversationId,
          kind: 'quote',
          reason: 'quote',
          summary: '10 sacos de cemento',
          status: 'open',
          openedAt: new Date(START).toISOString(),
          closedAt: null,
          agentName: null,
          outcome: null,
          rating: null,
        });
      });

      it("should store the customer's rating on the ticket (the last one wins) and refuse another tenant's ticket", async () => {
        const ticket = await records.tickets.open(ticketInput(await thread()));
        expect(await records.tickets.rate!(tenantId, ticket.ticketId, 2)).toBe(true);
        expect(await records.tickets.rate!(tenantId, ticket.ticketId, 5)).toBe(true);
        expect((await records.tickets.list(tenantId)).find((t) => t.ticketId === ticket.ticketId)?.rating).toBe(5);
        expect(await records.tickets.rate!(`${tenantId}-other`, ticket.ticketId, 4)).toBe(false);
      });

      it('should give an open quote one owner: claimed once, kept against a second claim, moved only from the owner expected', async () => {
        const quote = await records.tickets.open(ticketInput(await thread(), { kind: 'quote', reason: 'quote' }));
        const ana = { id: 'agent-ana', displayName: 'Ana Pérez' };
        const luis = { id: 'agent-luis', displayName: 'Luis' };
        clock.advance(60_000);
        const first = await records.tickets.claim!(tenantId, quote.ticketId, ana, null);
        expect(first).toEqual({ ok: true, ticket: { ...quote, owner: { ...ana, at: new Date(START + 60_000).toISOString() } } });
        clock.advance(60_000);
        // Claiming again keeps the time it was first claimed; another agent's claim changes nothing.
        expect(await records.tickets.claim!(tenantId, quote.ticketId, ana, null)).toEqual(first);
        expect(await records.tickets.claim!(tenantId, quote.ticketId, luis, null)).toEqual({ ok: false, ticket: first!.ticket });
        expect(await records.tickets.claim!(tenantId, quote.ticketId, luis, 'agent-someone-else')).toEqual({ ok: false, ticket: first!.ticket });
        // Moved by someone who saw Ana own it (an admin handing it to Luis).
        const moved = await records.tickets.claim!(tenantId, quote.ticketId, luis, ana.id);
        expect(moved?.ok).toBe(true);
        expect(moved?.ticket.owner).toEqual({ ...luis, at: new Date(START + 120_000).toISOString() });
        expect((await records.tickets.list(tenantId))[0]?.owner?.displayName).toBe('Luis');
        // Let go only by whom it is expected from; then anyone may claim it.
        expect((await records.tickets.release!(tenantId, quote.ticketId, ana.id))?.ok).toBe(false);
        const released = await records.tickets.release!(tenantId, quote.ticketId, luis.id);
        expect(released).toEqual({ ok: true, ticket: quote });
        expect((await records.tickets.list(tenantId))[0]).toEqual(quote);
        expect((await records.tickets.claim!(tenantId, quote.ticketId, ana, null))?.ok).toBe(true);
        expect(await records.tickets.release!(tenantId, randomUUID(), ana.id)).toBeNull();
        // Of two claims at once on an unclaimed quote, one wins.
        const other = await records.tickets.open(ticketInput(await thread(), { kind: 'quote', reason: 'quote' }));
        const both = await Promise.all([records.tickets.claim!(tenantId, other.ticketId, ana, null), records.tickets.claim!(tenantId, other.ticketId, luis, null)]);
        expect(both.filter((b) => b?.ok)).toHaveLength(1);
        // Closed, another tenant's, unknown: not claimed.
        await records.tickets.close(tenantId, other.ticketId, 'Ana Pérez', 'vendida');
        expect((await records.tickets.claim!(tenantId, other.ticketId, { id: 'agent-x', displayName: 'X' }, null))?.ok).toBe(false);
        expect(await records.tickets.claim!(`${tenantId}-other`, quote.ticketId, ana, null)).toBeNull();
        expect(await records.tickets.claim!(tenantId, randomUUID(), ana, null)).toBeNull();
        expect(await records.tickets.claim!(tenantId, 'not-a-ticket-id', ana, null)).toBeNull();
      });

      it('should number tickets in order within a tenant and from 1 in each tenant', async () => {
        const a = await thread();
        const first = await records.tickets.open(ticketInput(a));
        const second = await records.tickets.open(ticketInput(a));
        const otherTenant = `records-${randomUUID().slice(0, 8)}`;
        const elsewhere = await records.tickets.open({ ...ticketInput(await thread('whatsapp', '18095550199', otherTenant)), tenantId: otherTenant });
        expect([first.number, second.number, elsewhere.number]).toEqual(['T-000001', 'T-000002', 'T-000001']);
        expect(new Set([first.ticketId, second.ticketId, elsewhere.ticketId]).size).toBe(3);
      });

      it('should open once per idempotency key: the same key gives back the same ticket', async () => {
        const conversationId = await thread();
        const input = ticketInput(conversationId);
        const first = await records.tickets.open(input);
        clock.advance(60_000);
        const again = await records.tickets.open({ ...input, summary: 'another summary' });
        expect(again).toEqual(first);
        expect(await records.tickets.list(tenantId)).toHaveLength(1);
      });

      it('should open one ticket when the same key arrives twice at once', async () => {
        const input = ticketInput(await thread());
        const [a, b] = await Promise.all([records.tickets.open(input), records.tickets.open(input)]);
        expect(a.ticketId).toBe(b.ticketId);
        expect(a.number).toBe('T-000001');
        expect(await records.tickets.list(tenantId)).toHaveLength(1);
        // The number the losing attempt may have drawn is not skipped.
        expect((await records.tickets.open(ticketInput(await thread()))).number).toBe('T-000002');
      });

      it('should close a ticket with the agent, the outcome and the clock time, once', async () => {
        const opened = await records.tickets.open(ticketInput(await thread()));
        clock.advance(5 * 60_000);
        const closed = await records.tickets.close(tenantId, opened.ticketId, 'María (agente)', 'resuelto');
        expect(closed).toEqual({ ...opened, status: 'closed', closedAt: new Date(START + 5 * 60_000).toISOString(), agentName: 'María (agente)', outcome: 'resuelto' });
        clock.advance(60_000);
        // Closing again changes nothing: the first agent and outcome stay.
        expect(await records.tickets.close(tenantId, opened.ticketId, 'Pedro', 'otra cosa')).toEqual(closed);
        expect(await records.tickets.list(tenantId)).toEqual([closed]);
      });

      it('should answer null when closing a ticket it does not have, or another tenant\'s', async () => {
        const opened = await records.tickets.open(ticketInput(await thread()));
        expect(await records.tickets.close(tenantId, randomUUID(), 'María', 'x')).toBeNull();
        expect(await records.tickets.close(tenantId, 'not-a-ticket-id', 'María', 'x')).toBeNull();
        expect(await records.tickets.close(`records-${randomUUID().slice(0, 8)}`, opened.ticketId, 'María', 'x')).toBeNull();
        expect((await records.tickets.list(tenantId))[0]?.status).toBe('open');
      });

      it('should list a tenant\'s tickets in opening order and nothing of other tenants', async () => {
        expect(await records.tickets.list(tenantId)).toEqual([]);
        const a = await records.tickets.open(ticketInput(await thread()));
        clock.advance(1_000);
        const b = await records.tickets.open(ticketInput(await thread(), { reason: 'complaint' }));
        const otherTenant = `records-${randomUUID().slice(0, 8)}`;
        await records.tickets.open({ ...ticketInput(await thread('web', 'visitor-1', otherTenant)), tenantId: otherTenant });
        expect(await records.tickets.list(tenantId)).toEqual([a, b]);
      });
    });

    describe('LeadStore', () => {
      const saveInput = (conversationId: string, idempotencyKey = `lead:${randomUUID()}`) => ({
        tenantId,
        conversationId,
        draft: { name: { value: 'Ana Pérez', sourceMessageId: 'wamid.1' } } satisfies LeadDraft,
        idempotencyKey,
        build: (leadId: string) => leadPayload(leadId),
      });

      it('should save a lead as L-000001 with the payload built for its id, at the clock time', async () => {
        const conversationId = await thread();
        const built: string[] = [];
        const lead = await records.leads.save({ ...saveInput(conversationId), build: (id) => (built.push(id), leadPayload(id)) });
        expect(built).toEqual(['L-000001']);
        expect(lead).toEqual({ leadId: 'L-000001', tenantId, conversationId, payload: leadPayload('L-000001'), createdAt: new Date(START).toISOString() });
      });

      it('should save once per idempotency key, without building the payload again', async () => {
        const input = saveInput(await thread());
        const first = await records.leads.save(input);
        let builtAgain = 0;
        clock.advance(60_000);
        const again = await records.leads.save({ ...input, build: (id) => (builtAgain++, leadPayload(id, 'Otra Persona')) });
        expect(again).toEqual(first);
        expect(builtAgain).toBe(0);
        expect(await records.leads.list(tenantId)).toEqual([first]);
      });

      it('should save one lead when the same key arrives twice at once', async () => {
        const input = saveInput(await thread());
        const [a, b] = await Promise.all([records.leads.save(input), records.leads.save(input)]);
        expect(a).toEqual(b);
        expect(await records.leads.list(tenantId)).toHaveLength(1);
        expect((await records.leads.save(saveInput(await thread()))).leadId).toBe('L-000002');
      });

      it('should number leads per tenant and list them in saving order', async () => {
        const a = await records.leads.save(saveInput(await thread()));
        clock.advance(1_000);
        const b = await records.leads.save(saveInput(await thread()));
        const otherTenant = `records-${randomUUID().slice(0, 8)}`;
        const elsewhere = await records.leads.save({ ...saveInput(await thread('web', 'visitor-9', otherTenant)), tenantId: otherTenant });
        expect([a.leadId, b.leadId, elsewhere.leadId]).toEqual(['L-000001', 'L-000002', 'L-000001']);
        expect(await records.leads.list(tenantId)).toEqual([a, b]);
        expect(await records.leads.list(`records-${randomUUID().slice(0, 8)}`)).toEqual([]);
      });

      it('should keep each of several phones on its own, saved and amended (lead15)', async () => {
        const withPhones = (id: string, phones: string[]): LeadPayload => {
          const p = leadPayload(id);
          return { ...p, contact_info: { ...p.contact_info, phone_or_username: phones[0]!, phones } };
        };
        const saved = await records.leads.save({ ...saveInput(await thread()), build: (id) => withPhones(id, ['+18095551234', '+18295559876']) });
        expect((await records.leads.list(tenantId))[0]?.payload.contact_info).toMatchObject({ phone_or_username: '+18095551234', phones: ['+18095551234', '+18295559876'] });
        if (!records.leads.amend) return;
        await records.leads.amend(tenantId, saved.leadId, withPhones(saved.leadId, ['+18095551234', '+18295559870']));
        expect((await records.leads.list(tenantId))[0]?.payload.contact_info.phones).toEqual(['+18095551234', '+18295559870']);
      });

      it('should hand out copies: changing a returned record changes nothing stored', async () => {
        const saved = await records.leads.save(saveInput(await thread()));
        saved.payload.contact_info.name = 'changed';
        expect((await records.leads.list(tenantId))[0]?.payload.contact_info.name).toBe('Ana Pérez');
      });
    });

    describe('ContactDirectory', () => {
      it('should give one channel identity one thread, and different identities or tenants different threads', async () => {
        const a = await thread('whatsapp', '18095550101');
        expect(await thread('whatsapp', '18095550101')).toBe(a);
        expect(a).toMatch(/^c_[0-9a-f]{32}$/);
        expect(await thread('telegram', '18095550101')).not.toBe(a);
        expect(await thread('whatsapp', '18095550102')).not.toBe(a);
        expect(await thread('whatsapp', '18095550101', `records-${randomUUID().slice(0, 8)}`)).not.toBe(a);
      });

      it('should find another thread of the same person by phone (digits, however spelled) or email (any case)', async () => {
        const web = await thread('web', `visitor-${randomUUID()}`);
        await records.directory.rememberFacts!(tenantId, web, { phone: '18095550101', email: 'Ana@Example.com' });
        const newcomer = await thread('telegram', 'tg-77');
        expect(await records.directory.findOtherThread!(tenantId, newcomer, { phone: '+1 809 555 0101' })).toMatchObject({ conversationId: web, channel: 'web' });
        expect(await records.directory.findOtherThread!(tenantId, newcomer, { email: 'ana@example.COM' })).toMatchObject({ conversationId: web, channel: 'web' });
        expect(await records.directory.findOtherThread!(tenantId, newcomer, { phone: '18095550999' })).toBeNull();
        // Never the asking thread itself, and never another tenant's.
        expect(await records.directory.findOtherThread!(tenantId, web, { phone: '18095550101' })).toBeNull();
        const otherTenant = `records-${randomUUID().slice(0, 8)}`;
        expect(await records.directory.findOtherThread!(otherTenant, await thread('telegram', 'tg-77', otherTenant), { phone: '18095550101' })).toBeNull();
      });

      it('should link a channel identity to an existing thread, and name a channel that can carry a code first', async () => {
        const web = await thread('web', `visitor-${randomUUID()}`);
        await thread('whatsapp', '18095550123');
        expect(await records.directory.linkIdentity!(tenantId, web, 'whatsapp', '18095550123')).toBe(true);
        expect(await thread('whatsapp', '18095550123')).toBe(web);
        await records.directory.rememberFacts!(tenantId, web, { phone: '18095550123' });
        const other = await thread('telegram', 'tg-88');
        expect(await records.directory.findOtherThread!(tenantId, other, { phone: '18095550123' })).toEqual({ conversationId: web, channel: 'whatsapp', externalId: '18095550123' });
      });

      it('should refuse to link an identity to a thread it does not know', async () => {
        const unknown = `c_${randomUUID().replace(/-/g, '')}`;
        expect(await records.directory.linkIdentity!(tenantId, unknown, 'whatsapp', '18095550155')).toBe(false);
        expect(await thread('whatsapp', '18095550155')).not.toBe(unknown);
      });
    });
  });
}
