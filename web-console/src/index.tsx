import { render } from 'preact';
import { createConsoleApi } from './api.js';
import { createAlertOutput } from './alerts.js';
import { App } from './app.js';
import { createConsoleController, LANG_KEY } from './controller.js';
import { createConsoleStore } from './store.js';
import { normalizeLang } from './strings.js';
import { keepPlace, parsePlace, type PlaceAddress } from './place.js';

/**
 * Entry point of `/console/console.js`: the agent console page (served with a strict CSP, so
 * everything lives in this bundle and `console.css`).
 */
(function boot(): void {
  const root = document.getElementById('console');
  if (!root) return;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    stored = null;
  }
  const lang = normalizeLang(stored) ?? normalizeLang(navigator.language) ?? 'es';
  document.documentElement.lang = lang;
  const store = createConsoleStore({ lang });
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/console/ws`;
  let controller: ReturnType<typeof createConsoleController> | null = null;
  const api = createConsoleApi({ onUnauthorized: () => controller?.sessionExpired(), onReach: (reached) => controller?.serverReached(reached) });
  const address: PlaceAddress = { read: () => location.hash, write: (hash) => history.replaceState(null, '', hash || location.pathname + location.search) };
  controller = createConsoleController(store, api, wsUrl, createAlertOutput(), address);
  keepPlace(store, address);
  // A conversation's address pasted into an open console (a colleague's link): go there.
  window.addEventListener('hashchange', () => {
    const place = parsePlace(location.hash);
    if (!place || store.getSnapshot().context.screen !== 'app') return;
    if (store.getSnapshot().context.tab !== place.tab) controller?.setTab(place.tab);
    if (place.conversationId) controller?.select(place.conversationId);
  });
  store.subscribe((s) => {
    if (document.documentElement.lang !== s.context.lang) document.documentElement.lang = s.context.lang;
  });
  render(<App store={store} controller={controller} />, root);
  void controller.boot();
})();
