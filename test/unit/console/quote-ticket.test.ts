import { describe, expect, it } from 'vitest';
import { buildInboxItem, handoffTicketOf, matchesQuery } from '../../../src/actors/console/console-inbox.js';
import type { ConversationView } from '../../../src/actors/conversation-service.js';
import type { TicketRecord } from '../../../src/persistence/ports/records.js';

const NOW = Date.parse('2026-12-07T14:00:00.000Z');
const AT = '2026-12-07T13:56:54.000Z';
const view = (state: string): ConversationView => ({
  tenantId: 't',
  conversationId: 'c1',
  state: { value: state, tags: [], context: {}, machineVersion: 1, seq: 2 },
  transcript: [
    { seq: 1, messageId: 'm1', direction: 'in', author: 'customer', channel: 'api', text: 'Necesito una cotización de 200 sacos de cemento', at: AT },
    { seq: 2, messageId: 'm2', direction: 'out', author: 'bot', channel: 'api', text: 'Le pasé tu cotización al equipo de ventas con el número T-000004.', at: AT },
  ],
});
const ticket = (over: Partial<TicketRecord>): TicketRecord => ({ ticketId: 'tq', number: 'T-000004', tenantId: 't', conversationId: 'c1', kind: 'quote', reason: 'quote', summary: 'Cotización', status: 'open', openedAt: AT, closedAt: null, agentName: null, outcome: null, ...over });
const base = { assignment: null, handle: null, now: NOW, slaSeconds: 300 };

describe('a conversation whose only ticket is a quote', () => {
  it('should show and be found by the quote number the bot gave the customer', () => {
    const quote = ticket({});
    const item = buildInboxItem({ ...base, view: view('triage.idle'), ticket: null, quote });
    expect(item).toMatchObject({ ticketNumber: 'T-000004', reason: 'quote', priority: 'new' });
    expect(matchesQuery(item, 't-000004', null)).toBe(true);
  });

  it('should keep the handoff ticket first, and show no quote while a new handoff is being filed', () => {
    const handoff = ticket({ ticketId: 'th', number: 'T-000009', kind: 'handoff', reason: 'customer_request' });
    expect(buildInboxItem({ ...base, view: view('handoff.withHuman'), ticket: handoff, quote: ticket({}) }).ticketNumber).toBe('T-000009');
    expect(buildInboxItem({ ...base, view: view('handoff.waiting'), ticket: null, quote: ticket({}) }).ticketNumber).toBeNull();
  });

  it('should pick tickets by kind: the handoff by default, the quote on request', () => {
    const list = [ticket({}), ticket({ ticketId: 'th', number: 'T-000009', kind: 'handoff', reason: 'customer_request' })];
    expect(handoffTicketOf(list, 'c1')?.number).toBe('T-000009');
    expect(handoffTicketOf(list, 'c1', 'quote')?.number).toBe('T-000004');
  });
});
