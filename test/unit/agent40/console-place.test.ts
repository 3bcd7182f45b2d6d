import { describe, expect, it } from 'vitest';
import { keepPlace, parsePlace, placeHash } from '../../../web-console/src/place.js';
import { createConsoleStore } from '../../../web-console/src/store.js';

const AGENT = { id: 'a1', tenant: 'ferreteria', username: 'demo', displayName: 'Demo', role: 'admin' as const, lang: 'es' as const };

describe('console: the agent\'s place in the address', () => {
  it('should write and read back a tab and an open conversation, and refuse anything else', () => {
    expect(placeHash({ tab: 'mine', conversationId: 'c_0f3a' })).toBe('#mine/c_0f3a');
    expect(placeHash({ tab: 'waiting', conversationId: null })).toBe('');
    expect(placeHash({ tab: 'quotes', conversationId: null })).toBe('#quotes');
    for (const place of [{ tab: 'open', conversationId: 'c_abc' }, { tab: 'quotes', conversationId: 'rest:cliente-7' }, { tab: 'mine', conversationId: null }] as const) {
      expect(parsePlace(placeHash(place))).toEqual(place);
    }
    expect(parsePlace('#dashboard')).toBeNull();
    expect(parsePlace('')).toBeNull();
    expect(parsePlace('#mine/c_1/extra')).toBeNull();
    expect(parsePlace('#mine/%E0%A4%A')).toBeNull(); // broken escape
    expect(parsePlace('#mine/%3Cscript%3E')).toBeNull(); // not an id
    expect(parsePlace('#all/c_1')).toBeNull();
  });

  it('should follow the tab and the open conversation, leave #dashboard alone, and clear only on a logout', () => {
    const store = createConsoleStore({ lang: 'es' });
    let hash = '#mine/c_before'; // a reload: the controller reads this before the login resets it
    const writes: string[] = [];
    keepPlace(store, { read: () => hash, write: (h) => void writes.push((hash = h)) });
    // The login form at start-up (no session yet) keeps the place for the login that follows.
    store.trigger.loggedOut({});
    expect(hash).toBe('#mine/c_before');
    store.trigger.loggedIn({ agent: AGENT });
    store.trigger.tabChanged({ tab: 'mine' });
    store.trigger.selected({ conversationId: 'c_before' });
    expect(hash).toBe('#mine/c_before');
    store.trigger.tabChanged({ tab: 'quotes' });
    store.trigger.selected({ conversationId: 'c_2' });
    expect(hash).toBe('#quotes/c_2');
    store.trigger.selected({ conversationId: null });
    expect(hash).toBe('#quotes');
    // The dashboard owns the address while shown.
    hash = '#dashboard';
    store.trigger.selected({ conversationId: 'c_3' });
    expect(hash).toBe('#dashboard');
    hash = '';
    // An expired session keeps the place; a logout on purpose clears it.
    store.trigger.selected({ conversationId: 'c_4' });
    expect(hash).toBe('#quotes/c_4');
    store.trigger.loggedOut({ error: 'La sesión terminó' });
    expect(hash).toBe('#quotes/c_4');
    store.trigger.loggedIn({ agent: AGENT });
    store.trigger.loggedOut({});
    expect(hash).toBe('');
    expect(writes.length).toBeGreaterThan(3);
  });
});
