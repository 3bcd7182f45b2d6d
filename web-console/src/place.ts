import type { ConsoleStore } from './store.js';
import type { InboxView } from './wire.js';

/**
 * Where the agent is (the inbox tab and the open conversation), kept in the page's address
 * (`/console#mine/c_...`), so a reload, a tab the browser restores or a link a colleague pastes
 * opens the same place, as Chatwoot's and Zendesk's conversation addresses do. Before, a reload
 * mid-shift dropped the agent on "Esperando" with nothing open. `#dashboard` stays the dashboard's.
 */
export interface Place {
  tab: InboxView;
  conversationId: string | null;
}

/** The page's address, as the controller and the keeper see it (the browser's `location.hash`, `history.replaceState`). */
export interface PlaceAddress {
  read(): string;
  write(hash: string): void;
}

const VIEWS: ReadonlySet<string> = new Set<InboxView>(['waiting', 'mine', 'open', 'quotes']);
/** Conversation ids as the server hands them out (`c_<hex>`, a REST caller's own ids): nothing that needs escaping. */
const CONVERSATION_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

/** `#mine/c_...`, `#quotes`; the first tab with nothing open is the bare page (no hash). */
export function placeHash(place: Place): string {
  if (place.conversationId === null) return place.tab === 'waiting' ? '' : `#${place.tab}`;
  return `#${place.tab}/${encodeURIComponent(place.conversationId)}`;
}

/** The place an address names, or null (no hash, the dashboard, anything else). */
export function parsePlace(hash: string): Place | null {
  const [tab, raw, ...rest] = hash.replace(/^#/, '').split('/');
  if (!tab || !VIEWS.has(tab) || rest.length > 0) return null;
  if (raw === undefined || raw === '') return { tab: tab as InboxView, conversationId: null };
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return CONVERSATION_ID.test(id) ? { tab: tab as InboxView, conversationId: id } : null;
}

/**
 * Writes the agent's place into the address as it changes (replacing the entry: the Back button
 * leaves the console, as before). Not while the dashboard is shown; an explicit logout clears it
 * (the next person at this computer starts afresh), an expired session keeps it for the login
 * that follows. Returns the unsubscribe.
 */
export function keepPlace(store: ConsoleStore, address: PlaceAddress): () => void {
  let last: string | null = null;
  let screen = store.getSnapshot().context.screen;
  const sub = store.subscribe((snapshot) => {
    const c = snapshot.context;
    const was = screen;
    screen = c.screen;
    if (address.read() === '#dashboard') return;
    // The login form after the app: logged out on purpose (no error) clears the place; a login form
    // at start-up or after an expired session keeps it for the login that follows.
    const next = c.screen === 'app' ? placeHash({ tab: c.tab, conversationId: c.selected }) : c.screen === 'login' && was === 'app' && c.loginError === null ? '' : null;
    if (next === null || next === last) return;
    last = next;
    if (address.read() !== next) address.write(next);
  });
  return () => sub.unsubscribe();
}
