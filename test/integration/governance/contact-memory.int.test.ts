import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returningGreeting, summarizeForContext } from '../../../src/actors/memory/contact-memory.js';
import { createContactMemory, type ContactMemory } from '../../../src/persistence/sql/sql-contact-memory.js';
import { createContactRepository, createLeadRepository, createTicketRepository } from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';

describe('contact memory on PostgreSQL', () => {
  let opened: OpenedTestDatabase;
  let memory: ContactMemory;
  const clock = createManualClock();

  beforeAll(async () => {
    opened = await postgresBackend.open();
    memory = createContactMemory({ db: opened.db, clock, logger: createSilentLogger() });
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it('should remember a contact across conversations and recall the name and the open ticket', async () => {
    const tenantId = `memory-${randomUUID()}`;
    const contacts = createContactRepository({ db: opened.db, clock });
    const uuid = await contacts.resolveContact(tenantId, 'web', `visitor-${randomUUID()}`);
    const threadId = `c_${uuid.replace(/-/g, '')}`;

    expect(await memory.recallContact(tenantId, threadId)).toEqual({});
    const stored = await memory.rememberTurn(tenantId, threadId, {
      lang: 'es',
      lead: { draft: { name: { value: 'Rosa Almonte' }, email: { value: 'rosa@ejemplo.do' }, company_name: { value: null } } },
    }, { profileSummary: summarizeForContext([{ seq: 1, messageId: 'm1', direction: 'in', author: 'customer', channel: 'web', text: 'Necesito 10 fundas de cemento', at: new Date(clock.now()).toISOString(), intent: 'price_quote' }], 0).summary });
    expect(stored).toMatchObject({ displayName: 'Rosa Almonte', email: 'rosa@ejemplo.do', company: null, language: 'es' });

    const tickets = createTicketRepository({ db: opened.db, clock });
    const first = await tickets.openTicket({ tenantId, conversationId: threadId, kind: 'quote', reason: 'quote', summary: 'Cotización' });
    await tickets.closeTicket({ tenantId, ticketId: first.id, agentName: 'Carla', outcome: 'enviada' });
    const second = await tickets.openTicket({ tenantId, conversationId: threadId, kind: 'handoff', reason: 'customer_request', summary: 'Quiere hablar con alguien' });
    await createLeadRepository({ db: opened.db, clock }).saveLead({ tenantId, conversationId: threadId, payload: { lead_id: 'x' } });

    // Days later, from the same thread (the contact directory maps every identity to it).
    clock.advance(5 * 24 * 60 * 60 * 1000);
    const recall = await memory.recallContact(tenantId, threadId);
    expect(recall).toMatchObject({ firstName: 'Rosa', openTicket: { number: second.number, kind: 'handoff' }, openLead: { leadId: 'L-000001', status: 'submitted' } });
    expect(recall.summary).toContain('First request: "Necesito 10 fundas de cemento"');
    expect(returningGreeting(recall, 'es')).toContain(`¡Hola de nuevo, Rosa! Tu caso ${second.number} sigue abierto`);

    // A later turn adds the phone without losing the name.
    const later = await memory.rememberTurn(tenantId, uuid, { lang: 'es', lead: { draft: {} } }, { channelPhone: '+18095557777' });
    expect(later).toMatchObject({ displayName: 'Rosa Almonte', phone: '+18095557777' });
  });

  it('should find the same person on another channel by email or phone, and not mix tenants', async () => {
    const tenantId = `memory-same-${randomUUID()}`;
    const contacts = createContactRepository({ db: opened.db, clock });
    const web = await contacts.resolveContact(tenantId, 'web', 'visitor-1');
    const whatsapp = await contacts.resolveContact(tenantId, 'whatsapp', '+18095550001');
    const elsewhere = await contacts.resolveContact(`other-${tenantId}`, 'whatsapp', '+18095550001');
    await contacts.updateProfile(tenantId, whatsapp, { phone: '+18095550001' });
    await contacts.updateProfile(`other-${tenantId}`, elsewhere, { phone: '+18095550001' });

    expect(await memory.findSamePerson(tenantId, web, { phone: '+18095550001' })).toEqual([`c_${whatsapp.replace(/-/g, '')}`]);
    expect(await memory.findSamePerson(tenantId, whatsapp, { phone: '+18095550001' })).toEqual([]);
    expect(await memory.findSamePerson(tenantId, web, {})).toEqual([]);
  });
});
