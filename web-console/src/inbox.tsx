import { useRef } from 'preact/hooks';
import type { ConsoleController } from './controller.js';
import { countIn, visibleItems, type ConsoleContext } from './store.js';
import { badgeLabel, channelLabel, formatWaiting, plainPreview, t, type StringKey } from './strings.js';
import { useNow } from './use-store.js';
import { formatWeekdayTime } from './time.js';
import type { InboxView } from './wire.js';

/** `short`: the label shown, so the tabs keep one line in a 300 px inbox; the full one is the tab's name. */
const ALL_TABS: Array<{ view: InboxView; label: StringKey; short?: StringKey }> = [
  { view: 'waiting', label: 'tabWaiting' },
  { view: 'mine', label: 'tabMine' },
  { view: 'open', label: 'tabOpen', short: 'tabOpenShort' },
  { view: 'quotes', label: 'tabQuotes' },
];

/** The inbox: its tabs (arrow keys move between them), a search box and the items, urgent first. */
export function InboxPanel(props: { state: ConsoleContext; controller: ConsoleController }) {
  const { state, controller } = props;
  const { lang } = state;
  const now = useNow(1000);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const items = visibleItems(state);
  // The list is one Tab stop (the open conversation's item, else the first): arrow keys, Home and End
  // move inside it, Enter opens. Before, every item was a Tab stop: 30 waiting customers, 30 Tabs.
  const current = Math.max(0, items.findIndex((i) => i.conversationId === state.selected));
  const onItemKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    let next = step === 0 ? -1 : Math.min(items.length - 1, Math.max(0, index + step));
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = items.length - 1;
    if (next < 0) return;
    event.preventDefault();
    itemRefs.current[next]?.focus();
  };
  // A tenant that files no quotes (the studio) has no quotes tab, unless one is open anyway.
  const TABS = ALL_TABS.filter((tab) => tab.view !== 'quotes' || state.filesQuotes || countIn(state, 'quotes') > 0 || state.tab === 'quotes');

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let next = step === 0 ? -1 : (index + step + TABS.length) % TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    event.preventDefault();
    controller.setTab(TABS[next]!.view);
    tabRefs.current[next]?.focus();
  };

  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title" class="visually-hidden">
        {t(lang, 'inbox')}
      </h2>
      <div role="tablist" aria-label={t(lang, 'inbox')} class="tabs">
        {TABS.map((tab, index) => {
          const selected = state.tab === tab.view;
          return (
            <button
              key={tab.view}
              type="button"
              role="tab"
              id={`tab-${tab.view}`}
              aria-selected={selected}
              aria-controls="inbox-panel"
              aria-label={tab.short ? t(lang, tab.label) : undefined}
              title={tab.short ? t(lang, tab.label) : undefined}
              tabIndex={selected ? 0 : -1}
              ref={(el) => {
                tabRefs.current[index] = el;
              }}
              onClick={() => controller.setTab(tab.view)}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              {t(lang, tab.short ?? tab.label)}
              {tab.view !== 'open' && countIn(state, tab.view) > 0 ? (
                <>
                  {' '}
                  <span class="count" data-count={tab.view}>
                    {countIn(state, tab.view)}
                  </span>
                </>
              ) : null}
            </button>
          );
        })}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`tab-${state.tab}`}>
        <label class="search">
          <span class="visually-hidden">{t(lang, 'search')}</span>
          <input type="search" placeholder={t(lang, 'searchHint')} title={t(lang, 'search')} value={state.query} onInput={(e) => controller.setQuery(e.currentTarget.value)} />
        </label>
        {state.tab === 'quotes' ? (
          // A filter inside the tab, not a fifth tab: the tabs keep one line in a 300 px inbox.
          <button type="button" class="toggle" aria-pressed={state.quotesMine} data-action="quotes-mine" onClick={() => controller.setQuotesMine(!state.quotesMine)}>
            {t(lang, 'quoteMine')}
          </button>
        ) : null}
        {items.length === 0 ? (
          <p class="empty" data-empty={state.tab}>
            {state.query.trim() ? t(lang, 'emptySearch', { q: state.query.trim() }) : t(lang, state.tab === 'waiting' ? 'emptyWaiting' : state.tab === 'mine' ? 'emptyMine' : state.tab === 'quotes' ? (state.quotesMine ? 'emptyQuotesMine' : 'emptyQuotes') : 'emptyOpen')}
          </p>
        ) : (
          <ul class="items">
            {items.map((item, index) => {
              const waited = now - Date.parse(item.waitingSince);
              const name = item.customer.name ?? item.customer.profileName ?? t(lang, 'noName');
              const quoteTab = state.tab === 'quotes' && item.openQuote !== undefined;
              return (
                <li key={item.conversationId}>
                  <button
                    type="button"
                    class={`item priority-${item.priority}`}
                    data-conversation={item.conversationId}
                    data-priority={item.priority}
                    aria-current={state.selected === item.conversationId ? 'true' : undefined}
                    tabIndex={index === current ? 0 : -1}
                    ref={(el) => {
                      itemRefs.current[index] = el;
                    }}
                    onKeyDown={(e) => onItemKey(e, index)}
                    onClick={() => controller.select(item.conversationId)}
                  >
                    <span class="item-top">
                      <span class="badge">{badgeLabel(lang, item)}</span>
                      <strong class="item-name">{name}</strong>
                      {quoteTab ? null : item.state.startsWith('handoff') && item.lastMessage !== null && item.lastMessage.author !== 'customer' ? (
                        // The agent wrote last (bot lines are not in lastMessage): nobody is waiting for an answer.
                        <time class="waited" dateTime={item.lastMessage.at}>
                          {t(lang, 'answeredAgo', { time: formatWaiting(now - Date.parse(item.lastMessage.at)) })}
                        </time>
                      ) : item.state.startsWith('handoff') ? (
                        // The customer wrote after the agent's answer: they wait since then, not since the ticket.
                        <time class="waited" dateTime={item.replyOwedSince ?? item.waitingSince} data-owed={item.replyOwedSince ? 'true' : undefined}>
                          {t(lang, 'waiting', { time: formatWaiting(item.replyOwedSince ? now - Date.parse(item.replyOwedSince) : waited) })}
                        </time>
                      ) : (
                        <time class="waited" dateTime={item.lastMessage?.at ?? item.waitingSince}>
                          {t(lang, 'activeAgo', { time: formatWaiting(now - Date.parse(item.lastMessage?.at ?? item.waitingSince)) })}
                        </time>
                      )}
                    </span>
                    <span class="item-meta">
                      {[item.ticketNumber, channelLabel(lang, item.channel), item.customer.phoneMasked].filter(Boolean).join(' · ')}
                      {quoteTab ? (
                        // Sales reads how long the customer has waited for the promised quote (on its own line's
                        // end, so the name beside the badge is not cut to "Cliente sin ..." at 1366 px).
                        <>
                          {' · '}
                          <time class="waited" dateTime={item.openQuote!.openedAt}>
                            {t(lang, 'quoteAgo', { time: formatWaiting(now - Date.parse(item.openQuote!.openedAt)) })}
                          </time>
                        </>
                      ) : null}
                    </span>
                    {item.lastMessage ? <span class="item-last">{item.lastMessage.author === 'customer' ? '' : `${item.lastMessage.author === 'bot' ? 'Bot' : item.lastMessage.author}: `}{plainPreview(item.lastMessage.text)}</span> : null}
                    {item.opensAt && Date.parse(item.opensAt) > now ? (
                      <span class="item-opens" data-opens-at={item.opensAt}>
                        {t(lang, 'waitsForOpening', { time: formatWeekdayTime(item.opensAt, lang, state.timeZone) })}
                      </span>
                    ) : null}
                    <span class="item-assignee">
                      {quoteTab ? (item.openQuote!.owner ? t(lang, 'quoteOwnedBy', { name: item.openQuote!.owner.displayName }) : t(lang, 'quoteUnowned')) : item.assignee ? t(lang, 'heldBy', { name: item.assignee.displayName }) : t(lang, 'unassigned')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
