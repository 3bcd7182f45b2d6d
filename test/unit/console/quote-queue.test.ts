import { describe, expect, it } from 'vitest';
import { buildInboxItem, compareInboxItems, inView } from '../../../src/actors/console/console-inbox.js';
import { closeQuoteTicket } from '../../../src/actors/console/quote-close.js';
import type { ConsoleActor } from '../../../src/actors/console/console-auth.js';
import type { ConversationView } from '../../../src/actors/conversation-service.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import type { TicketRecord } from '../../../src/persistence/ports/records.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';
import { alertFor } from '../../../web-console/src/alerts.js';

const NOW = Date.parse('2026-12-07T16:00:00.000Z');
const line = (seq: number, text: string, at: string): TranscriptEntry => ({ seq, messageId: `m${seq}`, direction: 'in', author: 'customer', channel: 'web', text, at });
const view = (id: string, state: string, at = '2026-12-07T15:00:00.000Z'): ConversationView => ({ tenantId: 't', conversationId: id, state: { value: state, tags: [], context: {}, machineVersion: 1, seq: 2 }, transcript: [line(1, 'cotización de 200 sacos de cemento', at)] });
const quote = (id: string, over: Partial<TicketRecord> = {}): TicketRecord => ({ ticketId: `q-${id}`, number: `T-00000${id.length}`, tenantId: 't', conversationId: id, kind: 'quote', reason: 'quote', summary: 'Cotización: 200 sacos de cemento', status: 'open', openedAt: '2026-12-07T15:00:00.000Z', closedAt: null, agentName: null, outcome: null, ...over });
const base = { assignment: null, handle: null, now: NOW, slaSeconds: 300 };
const actor: ConsoleActor = { tenantId: 't', agentId: 'a1', displayName: 'Demo', role: 'agent', auditActor: 'agent:x', csrfToken: null, sessionHash: null, agent: null };

describe('the quotes queue (sales follows up the quotes the bot promised)', () => {
  it('should list a conversation whose quote is open under quotes, also while an agent talks to the customer', () => {
    const item = buildInboxItem({ ...base, view: view('c1', 'triage.idle'), ticket: null, quote: quote('c1') });
    expect(item.openQuote).toEqual({ ticketId: 'q-c1', number: 'T-000002', openedAt: '2026-12-07T15:00:00.000Z', owner: null });
    expect(inView(item, 'quotes', 'a1')).toBe(true);
    const handoff: TicketRecord = { ...quote('c1'), ticketId: 'h1', number: 'T-000009', kind: 'handoff', reason: 'agent_takeover' };
    const talking = buildInboxItem({ ...base, view: view('c1', 'handoff.withHuman'), ticket: handoff, quote: quote('c1') });
    expect(talking.ticketNumber).toBe('T-000009');
    expect(inView(talking, 'quotes', 'a1')).toBe(true);
  });

  it('should leave the queue once the quote is closed, and keep bot conversations without a quote out of it', () => {
    const closed = buildInboxItem({ ...base, view: view('c1', 'triage.idle'), ticket: null, quote: quote('c1', { status: 'closed', closedAt: '2026-12-07T15:30:00.000Z', agentName: 'Demo', outcome: 'vendida' }) });
    expect(closed).not.toHaveProperty('openQuote');
    expect(inView(closed, 'quotes', 'a1')).toBe(false);
    expect(inView(buildInboxItem({ ...base, view: view('c2', 'triage.idle'), ticket: null, quote: null }), 'quotes', 'a1')).toBe(false);
  });

  it('should put the oldest open quote first', () => {
    const older = buildInboxItem({ ...base, view: view('c1', 'triage.idle', '2026-12-07T15:50:00.000Z'), ticket: null, quote: quote('c1', { openedAt: '2026-12-07T09:00:00.000Z' }) });
    const newer = buildInboxItem({ ...base, view: view('c22', 'triage.idle', '2026-12-07T08:00:00.000Z'), ticket: null, quote: quote('c22', { openedAt: '2026-12-07T15:55:00.000Z' }) });
    expect([newer, older].sort(compareInboxItems).map((i) => i.conversationId)).toEqual(['c1', 'c22']);
  });

  it('should alert sales once for a new quote', () => {
    const item = buildInboxItem({ ...base, view: view('c1', 'triage.idle'), ticket: null, quote: quote('c1') });
    expect(alertFor(undefined, item, 'a1', new Set(), Date.parse('2026-12-07T15:01:00.000Z'))).toMatchObject({ kind: 'quote', ticketNumber: 'T-000002' });
    expect(alertFor(item, item, 'a1', new Set(), Date.parse('2026-12-07T15:01:00.000Z'))).toBeNull();
    // Yesterday's quote, whose customer writes again, is not a new one.
    expect(alertFor(undefined, item, 'a1', new Set(), Date.parse('2026-12-08T15:00:00.000Z'))).toBeNull();
  });

  it('should close the quote with who and how, once; a conversation without a quote is told so', async () => {
    const store = createMemoryTicketStore({ clock: createManualClock(NOW) });
    const opened = await store.open({ tenantId: 't', conversationId: 'c1', kind: 'quote', reason: 'quote', summary: 'Cotización', idempotencyKey: 'k1' });
    const first = await closeQuoteTicket(store, actor, 'c1', 'Vendida: factura 4411');
    expect(first).toMatchObject({ number: opened.number, already_closed: false, resolution: { agent: 'Demo', outcome: 'Vendida: factura 4411' } });
    expect((await store.list('t'))[0]).toMatchObject({ status: 'closed', agentName: 'Demo', outcome: 'Vendida: factura 4411' });
    const again = await closeQuoteTicket(store, { ...actor, displayName: 'Carla' }, 'c1', 'No compró');
    expect(again).toMatchObject({ already_closed: true, resolution: { agent: 'Demo', outcome: 'Vendida: factura 4411' } });
    await expect(closeQuoteTicket(store, actor, 'c2', 'x')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_NO_QUOTE' });
  });
});
