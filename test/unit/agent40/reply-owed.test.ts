import { describe, expect, it } from 'vitest';
import { buildInboxItem } from '../../../src/actors/console/console-inbox.js';
import type { ConversationView } from '../../../src/actors/conversation-service.js';
import type { TicketRecord } from '../../../src/persistence/ports/records.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';
import { badgeLabel } from '../../../web-console/src/strings.js';

const OPENED = '2026-12-07T14:00:00.000Z';
const at = (min: number) => new Date(Date.parse(OPENED) + min * 60_000).toISOString();
const line = (seq: number, author: 'customer' | 'agent' | 'bot', min: number): TranscriptEntry => ({ seq, messageId: `m${seq}`, direction: author === 'customer' ? 'in' : 'out', author, channel: 'whatsapp', text: 'x', at: at(min), ...(author === 'agent' ? { agentName: 'Rosa' } : {}) }) as TranscriptEntry;
const view = (transcript: TranscriptEntry[]): ConversationView => ({ tenantId: 't', conversationId: 'c1', state: { value: 'handoff.withHuman', tags: [], context: {}, machineVersion: 1, seq: transcript.length }, transcript });
const ticket: TicketRecord = { ticketId: 'tk', number: 'T-000009', tenantId: 't', conversationId: 'c1', kind: 'handoff', reason: 'complaint', summary: 's', status: 'open', openedAt: OPENED, closedAt: null, agentName: null, outcome: null };
const held = { agentId: 'a1', displayName: 'Rosa', conversationId: 'c1', tenantId: 't', assignedAt: OPENED } as never;

/**
 * A customer who writes again after the agent answered waits for the agent's next answer: the
 * inbox counts from that message (Chatwoot's "next response time"), not from the ticket's opening
 * (the list said "espera 8 min" of a customer who wrote 10 s before), and past the SLA the held
 * conversation turns yellow "Esperando" instead of staying green "En curso".
 */
describe('agent40: the reply an agent owes in a held conversation', () => {
  const base = { ticket, assignment: held, handle: null, slaSeconds: 300 };
  const answeredThenWrote = [line(1, 'customer', 0), line(2, 'bot', 0), line(3, 'agent', 2), line(4, 'customer', 8), line(5, 'bot', 8), line(6, 'customer', 9)];

  it('should date the owed reply from the first customer line after the agent\'s last one', () => {
    const item = buildInboxItem({ ...base, view: view(answeredThenWrote), now: Date.parse(at(8.2)) });
    expect(item.replyOwedSince).toBe(at(8));
    expect(item.waitingSince).toBe(OPENED);
    expect(item.priority).toBe('new');
    expect(badgeLabel('es', item)).toBe('En curso');
  });

  it('should turn a held conversation yellow once the customer waited a whole SLA period for the next answer', () => {
    const item = buildInboxItem({ ...base, view: view(answeredThenWrote), now: Date.parse(at(13.5)) });
    expect(item.priority).toBe('waiting');
    expect(badgeLabel('es', item)).toBe('Esperando');
    expect(badgeLabel('en', item)).toBe('Waiting');
  });

  it('should owe nothing once the agent answered last, nor before any agent answered (the ticket\'s wait counts then)', () => {
    const answered = [...answeredThenWrote, line(7, 'agent', 10)];
    const item = buildInboxItem({ ...base, view: view(answered), now: Date.parse(at(30)) });
    expect(item.replyOwedSince).toBeUndefined();
    expect(item.priority).toBe('new');
    const unanswered = buildInboxItem({ ...base, view: view([line(1, 'customer', 0), line(2, 'bot', 0)]), now: Date.parse(at(1)) });
    expect(unanswered.replyOwedSince).toBeUndefined();
    // After the team's hours: the SLA of the owed reply starts at the opening time.
    const hours = { slaStart: () => Date.parse(at(60)), opensAt: () => null };
    expect(buildInboxItem({ ...base, view: view(answeredThenWrote), now: Date.parse(at(30)), hours }).priority).toBe('new');
  });
});
