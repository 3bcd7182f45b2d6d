import { describe, expect, it } from 'vitest';
import { createConsoleStore, visibleItems } from '../../../web-console/src/store.js';
import { formatWaiting, t } from '../../../web-console/src/strings.js';
import type { Agent, ConversationDetail, InboxItem } from '../../../web-console/src/wire.js';

const me: Agent = { id: 'a1', tenant: 'ferreteria', username: 'demo', displayName: 'Demo', role: 'admin', lang: 'es' };

function item(id: string, over: Partial<InboxItem> = {}): InboxItem {
  return {
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
    waitingSince: '2026-12-03T10:00:00.000Z',
    lastMessage: null,
    ...over,
  };
}

/** An open conversation held by a person, with the customer's first line. */
function detailOf(channel: string): ConversationDetail {
  return {
    conversationId: 'c1',
    channel,
    state: 'handoff.withHuman',
    customer: { name: null, profileName: null, phone: null, email: null, lang: 'es' },
    leadDraft: {},
    ticket: null,
    media: [],
    assignee: null,
    awaitingRating: false,
    transcript: [{ seq: 1, id: 'm1', direction: 'in', author: 'customer', channel, text: 'hola', at: '2026-12-03T10:00:00.000Z' }],
    notes: [],
  };
}

function loggedIn() {
  const store = createConsoleStore({ lang: 'es' });
  store.trigger.loggedIn({ agent: me });
  return store;
}

describe('console store', () => {
  it('should order a tab urgent, then waiting, then new, the longest waiting first', () => {
    const store = loggedIn();
    store.trigger.listed({
      tab: 'waiting',
      query: '',
      items: [
        item('n-late', { waitingSince: '2026-12-03T10:05:00.000Z' }),
        item('n-early', { waitingSince: '2026-12-03T09:00:00.000Z' }),
        item('u', { priority: 'urgent', waitingSince: '2026-12-03T11:00:00.000Z' }),
        item('w', { priority: 'waiting' }),
      ],
    });
    expect(visibleItems(store.getSnapshot().context).map((i) => i.conversationId)).toEqual(['u', 'w', 'n-early', 'n-late']);
  });

  it('should file live items by state and assignee: taken by me leaves waiting and shows in mine', () => {
    const store = loggedIn();
    store.trigger.itemChanged({ item: item('c1') });
    expect(visibleItems(store.getSnapshot().context).map((i) => i.conversationId)).toEqual(['c1']);
    store.trigger.itemChanged({ item: item('c1', { state: 'handoff.withHuman', assignee: { id: 'a1', displayName: 'Demo' } }) });
    expect(visibleItems(store.getSnapshot().context)).toEqual([]);
    store.trigger.tabChanged({ tab: 'mine' });
    expect(visibleItems(store.getSnapshot().context).map((i) => i.conversationId)).toEqual(['c1']);
    // Resolved: removed from "mine", the next frame says it is with the bot again.
    store.trigger.itemRemoved({ conversationId: 'c1' });
    expect(visibleItems(store.getSnapshot().context)).toEqual([]);
  });

  it('should drop items a fresh unfiltered list no longer has (changed while the socket was away)', () => {
    const store = loggedIn();
    store.trigger.itemChanged({ item: item('gone') });
    store.trigger.itemChanged({ item: item('kept') });
    store.trigger.listed({ tab: 'waiting', query: '', items: [item('kept')] });
    expect(visibleItems(store.getSnapshot().context).map((i) => i.conversationId)).toEqual(['kept']);
  });

  it('should ignore an older request answered after the tab changed', () => {
    const store = loggedIn();
    store.trigger.tabChanged({ tab: 'open' });
    store.trigger.listed({ tab: 'waiting', query: '', items: [item('late')] });
    expect(store.getSnapshot().context.listed).toEqual([]);
  });

  it('should append live lines and notes once, in seq order, to the open conversation only', () => {
    const store = loggedIn();
    const detail = detailOf('web');
    store.trigger.selected({ conversationId: 'c1' });
    store.trigger.detailLoaded({ detail });
    const line = { seq: 2, id: 'm2', direction: 'out' as const, author: 'agent', agentName: 'Demo', channel: 'web', text: 'hola', at: '2026-12-03T10:01:00.000Z' };
    store.trigger.lineReceived({ conversationId: 'c1', entry: line });
    store.trigger.lineReceived({ conversationId: 'c1', entry: line });
    store.trigger.lineReceived({ conversationId: 'other', entry: { ...line, id: 'x', seq: 3 } });
    const note = { id: 'n1', author: { id: 'a1', displayName: 'Demo' }, text: 'ojo', at: '2026-12-03T10:02:00.000Z' };
    store.trigger.noteReceived({ conversationId: 'c1', note });
    store.trigger.noteReceived({ conversationId: 'c1', note });
    const after = store.getSnapshot().context.detail!;
    expect(after.transcript.map((l) => l.id)).toEqual(['m1', 'm2']);
    expect(after.notes.map((n) => n.id)).toEqual(['n1']);
  });

  it('should keep the lines and notes that arrived live while the detail was loading or reloading', () => {
    const store = loggedIn();
    const base = detailOf('whatsapp');
    const line = (seq: number, text: string) => ({ seq, id: `m${seq}`, direction: 'in' as const, author: 'customer', channel: 'whatsapp', text, at: `2026-12-03T10:0${seq}:00.000Z` });
    const note = { id: 'n1', author: { id: 'a1', displayName: 'Demo' }, text: 'ojo', at: '2026-12-03T10:02:30.000Z' };

    // Watched before loaded: a line and a note reach the socket first; the detail read predates them.
    store.trigger.selected({ conversationId: 'c1' });
    store.trigger.lineReceived({ conversationId: 'c1', entry: line(2, 'gracias, espero') });
    store.trigger.noteReceived({ conversationId: 'c1', note });
    store.trigger.lineReceived({ conversationId: 'other', entry: line(9, 'not this one') });
    store.trigger.detailLoaded({ detail: base });
    let shown = store.getSnapshot().context.detail!;
    expect(shown.transcript.map((l) => l.text)).toEqual(['hola', 'gracias, espero']);
    expect(shown.notes.map((n) => n.id)).toEqual(['n1']);

    // A refresh (taken, ticket changed) whose answer was read before line 3 arrived live.
    store.trigger.lineReceived({ conversationId: 'c1', entry: line(3, '¿a qué hora?') });
    store.trigger.detailLoaded({ detail: { ...base, state: 'handoff.withHuman', transcript: [...base.transcript, line(2, 'gracias, espero')] } });
    shown = store.getSnapshot().context.detail!;
    expect(shown.transcript.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(shown.notes.map((n) => n.id)).toEqual(['n1']);

    // Another conversation opened: nothing of the first one follows it.
    store.trigger.selected({ conversationId: 'c2' });
    store.trigger.detailLoaded({ detail: { ...base, conversationId: 'c2' } });
    expect(store.getSnapshot().context.detail!.transcript.map((l) => l.seq)).toEqual([1]);
    expect(store.getSnapshot().context.detail!.notes).toEqual([]);
  });

  it('should keep the assignee the socket announced when a detail read before the transfer answers after it', () => {
    const store = loggedIn();
    const bea = { id: 'b1', displayName: 'Bea' };
    const luis = { id: 'l1', displayName: 'Luis' };
    store.trigger.itemChanged({ item: item('c1', { state: 'handoff.withHuman', assignee: bea }) });
    store.trigger.selected({ conversationId: 'c1' });
    store.trigger.detailLoaded({ detail: { ...detailOf('web'), assignee: bea }, seenLive: store.getSnapshot().context.live.c1 ?? 0 });
    // A refresh leaves (taken a moment ago); before it answers, Bea transfers to Luis and the frame arrives.
    const seenLive = store.getSnapshot().context.live.c1 ?? 0;
    store.trigger.itemChanged({ item: item('c1', { state: 'handoff.withHuman', assignee: luis }) });
    expect(store.getSnapshot().context.detail!.assignee).toEqual(luis);
    store.trigger.detailLoaded({ detail: { ...detailOf('web'), assignee: bea }, seenLive });
    expect(store.getSnapshot().context.detail!.assignee).toEqual(luis);
    // A read that left after the frame is the server's word, whatever it says.
    store.trigger.detailLoaded({ detail: { ...detailOf('web'), assignee: null, state: 'triage.idle' }, seenLive: store.getSnapshot().context.live.c1 ?? 0 });
    expect(store.getSnapshot().context.detail!.assignee).toBeNull();
    expect(store.getSnapshot().context.detail!.state).toBe('triage.idle');
  });

  it('should not let a list read before a live change undo it', () => {
    const store = loggedIn();
    store.trigger.itemChanged({ item: item('c1') });
    store.trigger.itemChanged({ item: item('c2') });
    const seenLive = store.getSnapshot().context.live;
    // c1 is taken by me while the list request is in flight; the list still has it waiting, and lacks c2.
    store.trigger.itemChanged({ item: item('c1', { state: 'handoff.withHuman', assignee: { id: me.id, displayName: me.displayName } }) });
    store.trigger.itemChanged({ item: item('c2', { priority: 'urgent' }) });
    store.trigger.listed({ tab: 'waiting', query: '', items: [item('c1')], seenLive });
    const c = store.getSnapshot().context;
    expect(c.items.c1!.assignee?.id).toBe(me.id);
    expect(c.items.c2!.priority).toBe('urgent');
    expect(visibleItems(c).map((i) => i.conversationId)).toEqual(['c2']);
    // Without a live change in between, the list is the truth (c2 gone from the tab).
    store.trigger.listed({ tab: 'waiting', query: '', items: [], seenLive: store.getSnapshot().context.live });
    expect(visibleItems(store.getSnapshot().context)).toEqual([]);
  });

  it('should word waiting times and fill placeholders in both languages', () => {
    expect(formatWaiting(42_000)).toBe('42 s');
    expect(formatWaiting(3 * 60_000 + 5_000)).toBe('3 min');
    expect(formatWaiting(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 05 min');
    expect(formatWaiting(-5)).toBe('0 s');
    expect(t('es', 'alreadyTaken', { name: 'Ana' })).toBe('Ana ya tomó esta conversación.');
    expect(t('en', 'alreadyTaken', { name: 'Ana' })).toBe('Ana already took this conversation.');
  });
});
