import { describe, expect, it } from 'vitest';
import { countIn } from '../../../web-console/src/store.js';
import type { Agent, InboxItem } from '../../../web-console/src/wire.js';

const me: Agent = { id: 'a1', tenant: 'ferreteria', username: 'demo', displayName: 'Demo', role: 'agent', lang: 'es' };
const item = (id: string, over: Partial<InboxItem> = {}): InboxItem => ({
  conversationId: id,
  ticketId: null,
  ticketNumber: null,
  priority: 'new',
  reason: null,
  summary: null,
  channel: 'web',
  customer: { name: null, profileName: null, phoneMasked: null },
  state: 'handoff.waiting',
  assignee: null,
  waitingSince: '2026-12-07T10:00:00.000Z',
  lastMessage: null,
  ...over,
});

describe('the inbox tab counts', () => {
  it('should count handoffs nobody holds as waiting and mine as mine, whatever the open tab or search', () => {
    const items = {
      w1: item('w1'),
      w2: item('w2', { priority: 'urgent' }),
      m1: item('m1', { state: 'handoff.withHuman', assignee: { id: 'a1', displayName: 'Demo' } }),
      o1: item('o1', { state: 'handoff.withHuman', assignee: { id: 'a2', displayName: 'Carla' } }),
      b1: item('b1', { state: 'triage.idle' }),
    };
    expect(countIn({ items, agent: me }, 'waiting')).toBe(2);
    expect(countIn({ items, agent: me }, 'mine')).toBe(1);
    expect(countIn({ items: {}, agent: me }, 'waiting')).toBe(0);
  });
});
