import type { ConsoleController } from './controller.js';
import { useEffect, useState } from 'preact/hooks';
import { ConversationPanel } from './conversation.js';
import { AlertsMenu } from './alerts-menu.js';
import { DashboardHost } from './dashboard-host.js';
import { InboxPanel } from './inbox.js';
import { LangSwitch } from './lang-switch.js';
import { LoginScreen } from './login.js';
import { placeHash } from './place.js';
import { connectionShown, countIn, type ConsoleStore } from './store.js';
import { t } from './strings.js';
import { browserTimeZone, zoneLabel } from './time.js';
import { useConsoleState } from './use-store.js';

export function App(props: { store: ConsoleStore; controller: ConsoleController }) {
  const state = useConsoleState(props.store);
  const { controller } = props;
  const { lang } = state;
  // The dashboard is for admins only (the analytics API refuses agents too); `#dashboard` opens it.
  const [view, setView] = useState<'inbox' | 'dashboard'>(() => (location.hash === '#dashboard' ? 'dashboard' : 'inbox'));
  useEffect(() => {
    const onHash = () => setView(location.hash === '#dashboard' ? 'dashboard' : 'inbox');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The window title counts the customers waiting for someone: seen from another tab or the taskbar.
  const waiting = state.screen === 'app' ? countIn(state, 'waiting') : 0;
  useEffect(() => {
    const title = `Hilo · ${t(lang, 'appTitle')}`;
    document.title = waiting > 0 ? `(${waiting}) ${title}` : title;
  }, [waiting, lang]);
  const isAdmin = state.agent?.role === 'admin';
  // Every time on the page is the store's; say so when this computer's clock reads otherwise.
  const zone = state.timeZone ? zoneLabel(state.timeZone, browserTimeZone()) : null;
  const shown = isAdmin ? view : 'inbox';
  const shownConnection = connectionShown(state);
  const go = (next: 'inbox' | 'dashboard') => {
    setView(next);
    // Back to the inbox: the address names the agent's place again (`place.ts`).
    history.replaceState(null, '', next === 'dashboard' ? '#dashboard' : placeHash({ tab: state.tab, conversationId: state.selected }) || location.pathname + location.search);
  };
  if (state.screen === 'loading') return <p class="loading">…</p>;
  if (state.screen === 'login') return <LoginScreen lang={lang} error={state.loginError} controller={controller} />;
  return (
    <div class="shell" lang={lang}>
      <a class="skip" href="#inbox-panel">
        {t(lang, 'inbox')}
      </a>
      <header class="top">
        <h1>
          Hilo · <span>{t(lang, 'appTitle')}</span>
        </h1>
        {isAdmin ? (
          <nav class="views" aria-label={t(lang, 'views')}>
            <button type="button" aria-pressed={shown === 'inbox'} data-view="inbox" onClick={() => go('inbox')}>
              {t(lang, 'inbox')}
            </button>
            <button type="button" aria-pressed={shown === 'dashboard'} data-view="dashboard" onClick={() => go('dashboard')}>
              {t(lang, 'dashboard')}
            </button>
          </nav>
        ) : null}
        <span class={`conn conn-${shownConnection}`} role="status" data-connection={shownConnection}>
          {t(lang, shownConnection)}
        </span>
        {zone ? (
          <span class="zone" data-time-zone={state.timeZone ?? ''} title={state.timeZone ?? ''}>
            {t(lang, 'timesIn', { zone })}
          </span>
        ) : null}
        <span class="who-am-i">
          {state.agent?.displayName} ({state.agent?.tenant})
        </span>
        <AlertsMenu state={state} controller={controller} />
        <LangSwitch lang={lang} onChange={(l) => controller.setLang(l)} />
        <button type="button" onClick={() => void controller.logout()}>
          {t(lang, 'logOut')}
        </button>
      </header>
      {state.notice && !state.selected ? (
        <p class={`notice ${state.notice.kind}`} role={state.notice.kind === 'error' ? 'alert' : 'status'}>
          {state.notice.text}
        </p>
      ) : null}
      {shown === 'dashboard' && state.agent ? (
        <DashboardHost tenant={state.agent.tenant} lang={lang} />
      ) : (
        <div class="panes">
          <InboxPanel state={state} controller={controller} />
          <ConversationPanel state={state} controller={controller} />
        </div>
      )}
      <div class="visually-hidden" aria-live="polite" role="status" data-announcer>
        {state.announcement}
      </div>
    </div>
  );
}
