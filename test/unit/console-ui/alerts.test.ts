import { describe, expect, it } from 'vitest';
import { alertFor, parseAlertSettings, waitingSinceListed } from '../../../web-console/src/alerts.js';
import type { InboxItem } from '../../../web-console/src/wire.js';

const ME = 'a1';
const mine = { id: ME, displayName: 'Demo' };
const carla = { id: 'a2', displayName: 'Carla' };
const item = (over: Partial<InboxItem> = {}): InboxItem => ({
  conversationId: 'c1',
  ticketId: 'tk1',
  ticketNumber: 'T-000009',
  priority: 'new',
  reason: 'customer_request',
  summary: null,
  channel: 'web',
  customer: { name: 'Ramón', profileName: null, phoneMasked: null },
  state: 'handoff.waiting',
  assignee: null,
  waitingSince: '2026-12-07T10:00:00.000Z',
  lastMessage: { author: 'customer', text: 'quiero hablar con una persona', at: '2026-12-07T10:00:00.000Z' },
  ...over,
});
const none = new Set<string>();

describe('the console alerts (sound, desktop notification)', () => {
  it('should alert once when a customer starts waiting, not for every later frame of the same wait', () => {
    expect(alertFor(undefined, item(), ME, none)).toMatchObject({ kind: 'waiting', name: 'Ramón', ticketNumber: 'T-000009', text: 'quiero hablar con una persona' });
    expect(alertFor(item({ state: 'triage.idle' }), item(), ME, none)?.kind).toBe('waiting');
    const again = item({ priority: 'waiting', lastMessage: { author: 'customer', text: 'hola??', at: '2026-12-07T10:03:00.000Z' } });
    expect(alertFor(item(), again, ME, none)).toBeNull();
  });

  it('should not alert for a bot conversation, one another agent took, or a resolved one waiting for its rating', () => {
    expect(alertFor(undefined, item({ state: 'triage.idle' }), ME, none)).toBeNull();
    expect(alertFor(item(), item({ state: 'handoff.withHuman', assignee: carla }), ME, none)).toBeNull();
    expect(alertFor(undefined, item({ state: 'triage.idle', awaitingRating: true }), ME, none)).toBeNull();
  });

  it('should alert the agent a conversation is handed to, but not the agent who took it', () => {
    const held = item({ state: 'handoff.withHuman', assignee: carla });
    expect(alertFor(held, item({ state: 'handoff.withHuman', assignee: mine }), ME, none)).toMatchObject({ kind: 'assigned', name: 'Ramón' });
    expect(alertFor(item(), item({ state: 'handoff.withHuman', assignee: mine }), ME, new Set(['c1']))).toBeNull();
  });

  it('should alert when the customer writes in a conversation this agent holds, not for the agent’s own lines', () => {
    const before = item({ state: 'handoff.withHuman', assignee: mine, lastMessage: { author: 'Demo', text: 'Hola, soy Demo', at: '2026-12-07T10:01:00.000Z' } });
    const wrote = item({ state: 'handoff.withHuman', assignee: mine, lastMessage: { author: 'customer', text: 'el pedido no llegó', at: '2026-12-07T10:02:00.000Z' } });
    expect(alertFor(before, wrote, ME, none)).toMatchObject({ kind: 'customerWrote', text: 'el pedido no llegó' });
    expect(alertFor(wrote, wrote, ME, none)).toBeNull();
    expect(alertFor(wrote, before, ME, none)).toBeNull();
  });

  it('should name the customer by profile name, else leave the name to the ticket number', () => {
    expect(alertFor(undefined, item({ customer: { name: null, profileName: 'Carla (WA)', phoneMasked: null } }), ME, none)?.name).toBe('Carla (WA)');
    expect(alertFor(undefined, item({ customer: { name: null, profileName: null, phoneMasked: null } }), ME, none)?.name).toBeNull();
  });

  it('should read stored settings, damaged ones as the defaults (sound on, desktop off)', () => {
    expect(parseAlertSettings(null)).toEqual({ sound: true, desktop: false });
    expect(parseAlertSettings('{"sound":false,"desktop":true}')).toEqual({ sound: false, desktop: true });
    expect(parseAlertSettings('{oops')).toEqual({ sound: true, desktop: false });
    expect(parseAlertSettings('{"sound":"yes"}')).toEqual({ sound: true, desktop: false });
  });

  it('should ring, on the minute refresh, a customer who started waiting and whose live frame has not come; never twice', () => {
    const bot = item({ conversationId: 'c2', state: 'triage.idle', ticketId: null, ticketNumber: null, customer: { name: 'Tomás', profileName: null, phoneMasked: null } } as Partial<InboxItem>);
    const waiting = item({ conversationId: 'c2', customer: { name: 'Tomás', profileName: null, phoneMasked: null } });
    const known = { c1: item() };
    // A customer the list did not have, now waiting; one already waiting is no news.
    expect(waitingSinceListed(known, known, [item(), waiting], ME, none).map((a) => a.name)).toEqual(['Tomás']);
    // Known in the bot's hands before, waiting now.
    expect(waitingSinceListed({ ...known, c2: bot }, { ...known, c2: bot }, [waiting], ME, none)).toHaveLength(1);
    // Its frame came while the list was asked for (it rang then): not again.
    expect(waitingSinceListed({ ...known, c2: bot }, { ...known, c2: waiting }, [waiting], ME, none)).toEqual([]);
    // A conversation only in the bot's hands rings nothing.
    expect(waitingSinceListed(known, known, [bot], ME, none)).toEqual([]);
  });
});
