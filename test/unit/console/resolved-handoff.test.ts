import { describe, expect, it } from 'vitest';
import { buildInboxItem, inView, matchesQuery } from '../../../src/actors/console/console-inbox.js';
import type { ConversationView } from '../../../src/actors/conversation-service.js';
import type { TicketRecord } from '../../../src/persistence/ports/records.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';
import { createConsoleStore, visibleItems } from '../../../web-console/src/store.js';

const NOW = Date.parse('2026-12-03T15:00:00.000Z');
const line = (seq: number, author: TranscriptEntry['author'], text: string): TranscriptEntry => ({ seq, messageId: `m${seq}`, direction: author === 'customer' ? 'in' : 'out', author, channel: 'whatsapp', text, at: '2026-12-03T14:58:00.000Z' });
const view = (state: string, context: Record<string, unknown>): ConversationView => ({ tenantId: 't', conversationId: 'c1', state: { value: state, tags: [], context, machineVersion: 1, seq: 3 }, transcript: [line(1, 'customer', 'quiero hablar con una persona'), line(2, 'agent', 'listo'), line(3, 'bot', '¿Del 1 al 5, cómo te atendimos?')] });
const closedTicket: TicketRecord = { ticketId: 'tk', number: 'T-000007', tenantId: 't', conversationId: 'c1', kind: 'handoff', reason: 'customer_request', summary: 'El cliente pidió hablar con una persona.', status: 'closed', openedAt: '2026-12-03T14:58:00.000Z', closedAt: '2026-12-03T14:59:00.000Z', agentName: 'Demo', outcome: 'ok' };
const base = { ticket: closedTicket, assignment: null, handle: '18095551337', now: NOW, slaSeconds: 300 };

describe('a handoff resolved by an agent while the bot waits for the rating', () => {
  it('should be marked awaitingRating and be in no inbox view (resolved, as Chatwoot moves it out of "Open")', () => {
    const item = buildInboxItem({ ...base, view: view('triage.idle', { ratingAsk: { ticketId: 'tk', number: 'T-000007' } }) });
    expect(item.awaitingRating).toBe(true);
    for (const v of ['waiting', 'mine', 'open'] as const) expect(inView(item, v, 'a1')).toBe(false);
  });

  it('should show again in "open" as a bot conversation once the rating question is answered or lapses', () => {
    const item = buildInboxItem({ ...base, view: view('triage.idle', { ratingAsk: null }) });
    expect(item).not.toHaveProperty('awaitingRating');
    expect(inView(item, 'open', 'a1')).toBe(true);
  });

  it('should not mark a new handoff opened after the question as awaiting a rating', () => {
    const item = buildInboxItem({ ...base, ticket: { ...closedTicket, status: 'open' }, view: view('handoff.waiting', { ratingAsk: { ticketId: 'tk', number: 'T-000007' } }) });
    expect(item).not.toHaveProperty('awaitingRating');
    expect(inView(item, 'waiting', 'a1')).toBe(true);
  });

  it('should leave the page’s open list when the live socket says it was resolved', () => {
    const store = createConsoleStore({ lang: 'es' });
    store.trigger.loggedIn({ agent: { id: 'a1', tenant: 't', username: 'demo', displayName: 'Demo', role: 'admin', lang: 'es' } });
    store.trigger.tabChanged({ tab: 'open' });
    const held = buildInboxItem({ ...base, ticket: { ...closedTicket, status: 'open' }, view: view('handoff.withHuman', {}), assignment: { tenantId: 't', conversationId: 'c1', agentId: 'a1', displayName: 'Demo', assignedAt: '2026-12-03T14:58:30.000Z' } });
    store.trigger.itemChanged({ item: held });
    expect(visibleItems(store.getSnapshot().context).map((i) => i.conversationId)).toEqual(['c1']);
    store.trigger.itemRemoved({ conversationId: 'c1' });
    store.trigger.itemChanged({ item: buildInboxItem({ ...base, view: view('triage.idle', { ratingAsk: { ticketId: 'tk', number: 'T-000007' } }) }) });
    expect(visibleItems(store.getSnapshot().context)).toEqual([]);
  });
});

describe('the provider display name in inbox items', () => {
  it('should carry it beside the stated name and find it by search', () => {
    const item = buildInboxItem({ ...base, profileName: 'Carla (WA)', view: view('triage.idle', {}) });
    expect(item.customer).toEqual({ name: null, profileName: 'Carla (WA)', phoneMasked: '•••• 1337' });
    expect(matchesQuery(item, 'carla', null)).toBe(true);
    const stated = buildInboxItem({ ...base, profileName: 'Carla (WA)', view: view('triage.idle', { contact: { name: 'Carla Peña' } }) });
    expect(stated.customer).toMatchObject({ name: 'Carla Peña', profileName: 'Carla (WA)' });
  });
});
