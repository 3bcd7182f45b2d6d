import { describe, expect, it } from 'vitest';
import type { ConsoleActor } from '../../../src/actors/console/console-auth.js';
import { claimQuoteTicket, releaseQuoteTicket } from '../../../src/actors/console/quote-owner.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { createConsoleStore, visibleItems } from '../../../web-console/src/store.js';
import type { InboxItem } from '../../../web-console/src/wire.js';

const NOW = Date.parse('2026-12-07T16:00:00.000Z');
const agent = (agentId: string, displayName: string, role: 'agent' | 'admin' = 'agent'): ConsoleActor => ({ tenantId: 't', agentId, displayName, role, auditActor: `agent:${agentId}`, csrfToken: null, sessionHash: null, agent: null });
const ana = agent('a-ana', 'Ana');
const luis = agent('a-luis', 'Luis');
const boss = agent('a-boss', 'Jefa', 'admin');

async function storeWithQuote() {
  const tickets = createMemoryTicketStore({ clock: createManualClock(NOW) });
  await tickets.open({ tenantId: 't', conversationId: 'c1', kind: 'handoff', reason: 'customer_request', summary: 'persona', idempotencyKey: 'h1' });
  const quote = await tickets.open({ tenantId: 't', conversationId: 'c1', kind: 'quote', reason: 'quote', summary: 'Cotización', idempotencyKey: 'q1' });
  return { tickets, quote };
}

describe('quote owners (a salesperson claims the quote, the bot keeps the conversation)', () => {
  it("should let an agent claim an unclaimed quote (the quote, not the conversation's handoff ticket), once", async () => {
    const { tickets, quote } = await storeWithQuote();
    expect(await claimQuoteTicket(tickets, ana, 'c1', { id: ana.agentId, displayName: 'Ana' })).toEqual({ number: quote.number, owner: { id: 'a-ana', displayName: 'Ana' }, changed: true, from: null });
    expect(await claimQuoteTicket(tickets, ana, 'c1', { id: ana.agentId, displayName: 'Ana' })).toMatchObject({ changed: false, from: null });
    const [handoff, stored] = await tickets.list('t');
    expect(handoff?.owner).toBeUndefined();
    expect(stored?.owner).toMatchObject({ id: 'a-ana', displayName: 'Ana' });
  });

  it("should refuse a colleague's claim naming the owner, and let an admin move it", async () => {
    const { tickets } = await storeWithQuote();
    await claimQuoteTicket(tickets, ana, 'c1', { id: ana.agentId, displayName: 'Ana' });
    await expect(claimQuoteTicket(tickets, luis, 'c1', { id: luis.agentId, displayName: 'Luis' })).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_QUOTE_TAKEN', details: { owner: { id: 'a-ana', displayName: 'Ana' } } });
    expect(await claimQuoteTicket(tickets, boss, 'c1', { id: luis.agentId, displayName: 'Luis' })).toMatchObject({ owner: { id: 'a-luis' }, changed: true, from: 'Ana' });
  });

  it('should let the owner or an admin let a quote go, and refuse a colleague', async () => {
    const { tickets, quote } = await storeWithQuote();
    expect(await releaseQuoteTicket(tickets, ana, 'c1')).toEqual({ number: quote.number, released: false, from: null });
    await claimQuoteTicket(tickets, ana, 'c1', { id: ana.agentId, displayName: 'Ana' });
    await expect(releaseQuoteTicket(tickets, luis, 'c1')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_QUOTE_TAKEN' });
    expect(await releaseQuoteTicket(tickets, ana, 'c1')).toEqual({ number: quote.number, released: true, from: 'Ana' });
    await claimQuoteTicket(tickets, luis, 'c1', { id: luis.agentId, displayName: 'Luis' });
    expect(await releaseQuoteTicket(tickets, boss, 'c1')).toMatchObject({ released: true, from: 'Luis' });
    expect((await tickets.list('t'))[1]?.owner).toBeUndefined();
  });

  it('should refuse a closed quote and a conversation without one', async () => {
    const { tickets, quote } = await storeWithQuote();
    await tickets.close('t', quote.ticketId, 'Ana', 'vendida');
    await expect(claimQuoteTicket(tickets, ana, 'c1', { id: ana.agentId, displayName: 'Ana' })).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_QUOTE_CLOSED', details: { closedBy: 'Ana' } });
    await expect(claimQuoteTicket(tickets, ana, 'c2', { id: ana.agentId, displayName: 'Ana' })).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_NO_QUOTE' });
  });

  it('should show under "Mis cotizaciones" only the quotes the agent follows up', () => {
    const quoteItem = (id: string, owner: { id: string; displayName: string } | null): InboxItem => ({
      conversationId: id, ticketId: null, ticketNumber: 'T-000001', priority: 'new', reason: 'quote', summary: null, channel: 'web',
      customer: { name: null, profileName: null, phoneMasked: null }, state: 'triage.idle', assignee: null, waitingSince: '2026-12-07T10:00:00.000Z', lastMessage: null,
      openQuote: { ticketId: `q-${id}`, number: 'T-000001', openedAt: '2026-12-07T10:00:00.000Z', owner },
    });
    const store = createConsoleStore({ lang: 'es' });
    store.trigger.loggedIn({ agent: { id: 'a-ana', tenant: 't', username: 'ana', displayName: 'Ana', role: 'agent', lang: 'es' } });
    for (const i of [quoteItem('mine', { id: 'a-ana', displayName: 'Ana' }), quoteItem('luis', { id: 'a-luis', displayName: 'Luis' }), quoteItem('nobody', null)]) store.trigger.itemChanged({ item: i });
    store.trigger.tabChanged({ tab: 'quotes' });
    expect(visibleItems(store.getSnapshot().context)).toHaveLength(3);
    store.trigger.quotesMineChanged({ mine: true });
    expect(visibleItems(store.getSnapshot().context).map((i) => i.conversationId)).toEqual(['mine']);
    // Only the quotes tab is filtered.
    store.trigger.tabChanged({ tab: 'open' });
    expect(visibleItems(store.getSnapshot().context)).toHaveLength(3);
  });
});
