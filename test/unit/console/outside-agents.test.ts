import { describe, expect, it } from 'vitest';
import { API_AGENT_LINE_PREFIX, createOutsideAgents, lastAgentLineVia, outsideHolder } from '../../../src/actors/console/outside-agents.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryConversationAssignments } from '../../../src/persistence/memory/memory-conversation-assignments.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';

const T = 'ferreteria';
const C = 'conv-outside-1';

/**
 * A take or a first answer from Rocket.Chat or the REST agent route: that agent holds the
 * conversation, and the console's thread gets the same "took" line a console take writes.
 */
async function setUp(transcript: Array<{ author: string; at: string; agentName?: string }>, context: Record<string, unknown> = {}) {
  const clock = createManualClock();
  const tickets = createMemoryTicketStore({ clock });
  await tickets.open({ tenantId: T, conversationId: C, kind: 'handoff', reason: 'customer_request', summary: 's', idempotencyKey: 'k1' });
  const assignments = createMemoryConversationAssignments();
  const lines: Array<{ conversationId: string; by: string }> = [];
  const host = { getConversation: async () => ({ tenantId: T, conversationId: C, state: { value: 'handoff.withHuman', context }, transcript }) } as never;
  const outside = createOutsideAgents({ host, tickets, assignments, recordTook: async (_t, conversationId, by) => void lines.push({ conversationId, by }), now: () => new Date(clock.now()).toISOString() });
  return { outside, assignments, lines };
}

describe('console: agents outside the console', () => {
  it('should make the first outside answerer the holder and write one "took" line for the thread', async () => {
    const later = '2026-11-22T12:05:00.000Z'; // after the ticket opened (the manual clock's start)
    const { outside, assignments, lines } = await setUp([
      { author: 'customer', at: later },
      { author: 'agent', at: later, agentName: 'María' },
    ]);
    expect(await outside.claimAnswered(T, C)).toBe(true);
    expect(await assignments.get(T, C)).toMatchObject({ agentId: 'rocketchat:María', displayName: 'María (Rocket.Chat)' });
    expect(lines).toEqual([{ conversationId: C, by: 'María (Rocket.Chat)' }]);
    // Her next answer claims nothing again: one line per take.
    expect(await outside.claimAnswered(T, C)).toBe(false);
    expect(lines).toHaveLength(1);
  });

  it('should say "María (API)" when her first answer came through the REST agent route, read from the line ids the machine keeps', async () => {
    const later = '2026-11-22T12:05:00.000Z';
    // The REST route's line id (`api:…`) is in the machine's context on whichever member ran the turn.
    const { outside, assignments, lines } = await setUp(
      [
        { author: 'customer', at: later },
        { author: 'agent', at: later, agentName: 'María' },
      ],
      { agentMessageIds: ['rocketchat:old-1', `${API_AGENT_LINE_PREFIX}5f0c`] },
    );
    expect(await outside.claimAnswered(T, C)).toBe(true);
    expect(await assignments.get(T, C)).toMatchObject({ agentId: 'api:María', displayName: 'María (API)' });
    expect(lines).toEqual([{ conversationId: C, by: 'María (API)' }]);
    // The newest line from Rocket.Chat (an API line before it) is Rocket.Chat's.
    const other = await setUp([{ author: 'agent', at: later, agentName: 'Pedro' }], { agentMessageIds: ['api:1', 'rocketchat:2'] });
    expect(await other.outside.claimAnswered(T, C)).toBe(true);
    expect(other.lines).toEqual([{ conversationId: C, by: 'Pedro (Rocket.Chat)' }]);
    expect(lastAgentLineVia({})).toBe('rocketchat');
    expect(lastAgentLineVia({ agentMessageIds: 'api:x' })).toBe('rocketchat');
  });

  it('should record a Rocket.Chat takeover as that agent holding it, and leave a console holder in place', async () => {
    const { outside, assignments, lines } = await setUp([]);
    expect(await outside.took(T, C, '  Pedro  ')).toBe(true);
    expect(await assignments.get(T, C)).toMatchObject({ displayName: 'Pedro (Rocket.Chat)' });
    expect(lines.map((l) => l.by)).toEqual(['Pedro (Rocket.Chat)']);

    const other = await setUp([]);
    await other.assignments.take(T, C, { agentId: 'agent-1', displayName: 'Demo' }, new Date().toISOString());
    expect(await other.outside.took(T, C, 'Pedro')).toBe(false);
    expect(await other.assignments.get(T, C)).toMatchObject({ displayName: 'Demo' });
    expect(other.lines).toEqual([]);
  });

  it('should claim nothing without an agent line after the ticket opened, nor for a blank name', async () => {
    const { outside, lines } = await setUp([{ author: 'agent', at: '2000-01-01T00:00:00.000Z', agentName: 'Old' }]);
    expect(await outside.claimAnswered(T, C)).toBe(false);
    expect(await outside.took(T, C, '   ')).toBe(false);
    expect(lines).toEqual([]);
    expect(outsideHolder('x'.repeat(80)).displayName).toBe(`${'x'.repeat(60)} (Rocket.Chat)`);
  });
});
