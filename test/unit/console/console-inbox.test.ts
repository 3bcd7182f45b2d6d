import { describe, expect, it } from 'vitest';
import { buildInboxItem, compareInboxItems, inView, maskPhone, matchesQuery, type InboxItem } from '../../../src/actors/console/console-inbox.js';
import type { ConversationView } from '../../../src/actors/conversation-service.js';
import type { TicketRecord } from '../../../src/persistence/ports/records.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const NOW = Date.parse('2026-12-03T15:00:00.000Z');

function line(seq: number, author: TranscriptEntry['author'], at: string, text = 'x', extra: Partial<TranscriptEntry> = {}): TranscriptEntry {
  return { seq, messageId: `m${seq}`, direction: author === 'customer' ? 'in' : 'out', author, channel: 'whatsapp', text, at, ...extra } as TranscriptEntry;
}

function view(transcript: TranscriptEntry[], state = 'handoff.withHuman', context: Record<string, unknown> = {}): ConversationView {
  return { tenantId: 't', conversationId: 'c1', state: { value: state, tags: [], context, machineVersion: 1, seq: transcript.length }, transcript };
}

function ticket(reason: TicketRecord['reason'], openedAt = '2026-12-03T14:58:00.000Z'): TicketRecord {
  return { ticketId: 'tk', number: 'T-000007', tenantId: 't', conversationId: 'c1', kind: 'handoff', reason, summary: 'Pide un agente', status: 'open', openedAt, closedAt: null, agentName: null, outcome: null };
}

describe('console inbox items', () => {
  it('should mark critical and high-priority handoffs urgent, a customer who wrote again waiting, a fresh one new', () => {
    const opened = [line(1, 'customer', '2026-12-03T14:58:00.000Z', 'quiero una persona'), line(2, 'bot', '2026-12-03T14:58:00.000Z')];
    const base = { assignment: null, handle: '+18095551337', now: NOW, slaSeconds: 300 };
    expect(buildInboxItem({ ...base, view: view(opened), ticket: ticket('critical') }).priority).toBe('urgent');
    expect(buildInboxItem({ ...base, view: view(opened), ticket: ticket('customer_request') }).priority).toBe('new');
    const again = [...opened, line(3, 'customer', '2026-12-03T14:59:00.000Z', '¿hola?')];
    expect(buildInboxItem({ ...base, view: view(again), ticket: ticket('customer_request') }).priority).toBe('waiting');
    // Past the SLA without an agent reply: waiting; once an agent answered: new again.
    expect(buildInboxItem({ ...base, now: NOW + 10 * 60_000, view: view(opened), ticket: ticket('customer_request') }).priority).toBe('waiting');
    const answered = [...again, line(4, 'agent', '2026-12-03T14:59:30.000Z', 'Hola', { agentName: 'Rosa' })];
    const item = buildInboxItem({ ...base, view: view(answered), ticket: ticket('customer_request') });
    expect(item).toMatchObject({ priority: 'new', ticketNumber: 'T-000007', channel: 'whatsapp', customer: { name: null, phoneMasked: '•••• 1337' }, lastMessage: { author: 'Rosa', text: 'Hola' }, waitingSince: '2026-12-03T14:58:00.000Z' });
  });

  it("should preview the customer's or an agent's last line, not the bot's notices after it", () => {
    const base = { assignment: null, handle: null, now: NOW, slaSeconds: 300, ticket: ticket('critical') };
    const t = [line(1, 'customer', '2026-12-03T14:58:00.000Z', 'huele a gas en la cocina'), line(2, 'bot', '2026-12-03T14:58:01.000Z', 'Ya lo pasé a una persona'), line(3, 'bot', '2026-12-03T14:58:02.000Z', 'Ahora mismo nuestro equipo no está disponible')];
    expect(buildInboxItem({ ...base, view: view(t) }).lastMessage).toMatchObject({ author: 'customer', text: 'huele a gas en la cocina' });
    const answered = [...t, line(4, 'agent', '2026-12-03T14:59:00.000Z', 'Cierre la llave del gas', { agentName: 'Rosa' })];
    expect(buildInboxItem({ ...base, view: view(answered) }).lastMessage).toMatchObject({ author: 'Rosa', text: 'Cierre la llave del gas' });
    // Only the bot has spoken (a greeting the widget opened with): its last line.
    expect(buildInboxItem({ ...base, view: view([line(1, 'bot', '2026-12-03T14:58:00.000Z', 'Hola')]) }).lastMessage).toMatchObject({ author: 'bot', text: 'Hola' });
  });

  it('should take the customer name from the contact profile, else from the lead draft', () => {
    const t = [line(1, 'customer', '2026-12-03T14:58:00.000Z')];
    const base = { ticket: null, assignment: null, handle: null, now: NOW, slaSeconds: 300 };
    expect(buildInboxItem({ ...base, view: view(t, 'triage.idle', { contact: { name: 'Ana Pérez', phone: '8095550000' } }) }).customer).toEqual({ name: 'Ana Pérez', profileName: null, phoneMasked: '•••• 0000' });
    expect(buildInboxItem({ ...base, view: view(t, 'triage.idle', { lead: { draft: { name: { value: 'Luis' } } } }) }).customer.name).toBe('Luis');
  });

  it('should order urgent, then waiting, then new, each longest waiting first', () => {
    const item = (conversationId: string, priority: InboxItem['priority'], waitingSince: string) => ({ conversationId, priority, waitingSince }) as InboxItem;
    const items = [item('a', 'new', '2026-12-03T10:00:00.000Z'), item('b', 'urgent', '2026-12-03T12:00:00.000Z'), item('c', 'waiting', '2026-12-03T11:00:00.000Z'), item('d', 'urgent', '2026-12-03T09:00:00.000Z'), item('e', 'new', '2026-12-03T08:00:00.000Z')];
    expect(items.sort(compareInboxItems).map((i) => i.conversationId)).toEqual(['d', 'b', 'c', 'e', 'a']);
  });

  it('should search name, phone digits, ticket number and last message, ignoring case and accents', () => {
    const item = { conversationId: 'c_9', customer: { name: 'José Núñez', phoneMasked: '•••• 1337' }, ticketNumber: 'T-000042', lastMessage: { author: 'customer', text: 'Necesito cemento', at: '' } } as InboxItem;
    expect(['jose', 'NUÑEZ', 't-000042', 'cemento', '555-1337'].map((q) => matchesQuery(item, q, '18095551337'))).toEqual([true, true, true, true, true]);
    expect(['maria', '999'].map((q) => matchesQuery(item, q, '18095551337'))).toEqual([false, false]);
  });

  it('should file items into the three views', () => {
    const waiting = { state: 'handoff.withHuman', assignee: null } as InboxItem;
    const mine = { state: 'handoff.withHuman', assignee: { id: 'me', displayName: 'Yo' } } as InboxItem;
    const bot = { state: 'triage.idle', assignee: null } as InboxItem;
    const closed = { state: 'closed', assignee: null } as InboxItem;
    expect([waiting, mine, bot, closed].map((i) => [inView(i, 'waiting', 'me'), inView(i, 'mine', 'me'), inView(i, 'open', 'me')])).toEqual([
      [true, false, true],
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
    expect(maskPhone('12')).toBeNull();
  });
});
