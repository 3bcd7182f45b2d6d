import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMessage } from '../../web-widget/src/format.js';
import { Actions } from './actions.js';
import type { ConsoleController } from './controller.js';
import type { ConsoleContext } from './store.js';
import { badgeLabel, caseBrief, channelLabel, langLabel, leadFieldLabel, stateLabel, t, ticketReasonLabel, type StringKey } from './strings.js';
import { formatClock, formatFull } from './time.js';
import type { ConversationDetail, Lang, Note, TranscriptLine } from './wire.js';

type Resolution = { at: string; by: string | null; outcome: string | null };
type Act = NonNullable<ConversationDetail['activity']>[number];
type Entry = { kind: 'line'; line: TranscriptLine } | { kind: 'note'; note: Note } | { kind: 'resolved'; resolution: Resolution } | { kind: 'act'; act: Act };
const ACT_KEYS: Record<Act['kind'], StringKey> = { took: 'activityTook', transferred: 'activityTransferred', assigned: 'activityAssigned', quote_claimed: 'activityQuoteClaimed', quote_released: 'activityQuoteReleased' };
/** The key of an activity line: a quote claimed for someone else reads "Ana le pasó la cotización a Luis". */
const actKey = (a: Act): StringKey => (a.kind === 'quote_claimed' && a.to ? 'activityQuoteGiven' : a.kind === 'quote_released' && a.to ? 'activityQuoteTakenFrom' : ACT_KEYS[a.kind]);

const AUTHOR_KEYS: Record<string, StringKey> = { customer: 'customer', bot: 'bot', agent: 'agent' };

function timeline(detail: ConversationDetail): Entry[] {
  const entries: Entry[] = [...detail.transcript.map((line) => ({ kind: 'line' as const, line })), ...detail.notes.map((note) => ({ kind: 'note' as const, note }))];
  // How the handoff ended sits in the thread where it happened, as a help desk's activity line.
  const t0 = detail.ticket;
  if (t0 && t0.status !== 'open' && t0.closedAt) entries.push({ kind: 'resolved', resolution: { at: t0.closedAt, by: t0.resolvedBy ?? null, outcome: t0.outcome ?? null } });
  // Who took it and who handed it on, where it happened (Chatwoot's and Zendesk's activity lines).
  for (const act of detail.activity ?? []) entries.push({ kind: 'act', act });
  const at = (e: Entry) => (e.kind === 'line' ? e.line.at : e.kind === 'note' ? e.note.at : e.kind === 'act' ? e.act.at : e.resolution.at);
  // Stable: lines keep their seq order, a note sits after the lines written before it.
  return entries.map((e, i) => ({ e, i })).sort((a, b) => (at(a.e) < at(b.e) ? -1 : at(a.e) > at(b.e) ? 1 : a.i - b.i)).map((x) => x.e);
}

function Transcript(props: { detail: ConversationDetail; lang: Lang; timeZone: string | null }) {
  const { detail, lang, timeZone } = props;
  const clock = (iso: string) => formatClock(iso, lang, timeZone);
  const list = useRef<HTMLDivElement>(null);
  const entries = timeline(detail);
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries.length]);
  return (
    <div class="transcript" role="log" aria-live="polite" aria-relevant="additions" aria-label={t(lang, 'transcript')} ref={list} tabIndex={0}>
      <ol>
      {entries.map((entry) => {
        if (entry.kind === 'resolved') {
          const r = entry.resolution;
          return (
            <li key="resolved" class="msg" data-author="activity" data-activity="resolved">
              <span class="text">
                {t(lang, 'resolvedActivity', { name: r.by ?? '—', outcome: r.outcome ?? '—' })} · <time dateTime={r.at} title={formatFull(r.at, lang, timeZone)}>{clock(r.at)}</time>
              </span>
            </li>
          );
        }
        if (entry.kind === 'act') {
          const a = entry.act;
          return (
            <li key={`act-${a.id}`} class="msg" data-author="activity" data-activity={a.kind}>
              <span class="text">
                {t(lang, actKey(a), { name: a.by, to: a.to ?? '—' })} · <time dateTime={a.at} title={formatFull(a.at, lang, timeZone)}>{clock(a.at)}</time>
              </span>
            </li>
          );
        }
        if (entry.kind === 'note') {
          const n = entry.note;
          return (
            <li key={`note-${n.id}`} class="msg" data-author="note">
              <span class="who">
                {t(lang, 'note')} · {n.author.displayName} <time dateTime={n.at} title={formatFull(n.at, lang, timeZone)}>{clock(n.at)}</time>
              </span>
              <span class="text">{n.text}</span>
            </li>
          );
        }
        const l = entry.line;
        const role = AUTHOR_KEYS[l.author];
        const who = l.author === 'agent' && l.agentName ? `${t(lang, 'agent')} · ${l.agentName}` : role ? t(lang, role) : l.author;
        return (
          <li key={`line-${l.id}`} class="msg" data-author={l.author} data-seq={l.seq}>
            <span class="who">
              {who} <time dateTime={l.at} title={formatFull(l.at, lang, timeZone)}>{clock(l.at)}</time>
            </span>
            {/* The widget's formatter: escapes everything, then *bold*, _italic_, links and line breaks, as the customer saw it. */}
            <span class="text formatted" dangerouslySetInnerHTML={{ __html: formatMessage(l.text) }} />
            {l.media?.length ? <span class="media-kinds">{l.media.map((m) => `[${m.fileName ?? m.kind}]`).join(' ')}</span> : null}
          </li>
        );
      })}
      </ol>
    </div>
  );
}

function Field(props: { label: string; value: unknown; lang: Lang; lines?: boolean }) {
  const value = props.value === null || props.value === undefined || props.value === '' ? t(props.lang, 'none') : String(props.value);
  return (
    <>
      <dt>{props.label}</dt>
      <dd class={props.lines ? 'lines' : undefined}>{value}</dd>
    </>
  );
}

function Details(props: { detail: ConversationDetail; lang: Lang; timeZone: string | null }) {
  const { detail, lang, timeZone } = props;
  const lead = Object.entries(detail.leadDraft).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <aside class="details" aria-label={t(lang, 'profile')}>
      <h3>{t(lang, 'profile')}</h3>
      <dl>
        <Field label={t(lang, 'name')} value={detail.customer.name} lang={lang} />
        {detail.customer.profileName ? <Field label={t(lang, 'profileNameLabel')} value={detail.customer.profileName} lang={lang} /> : null}
        <Field label={t(lang, 'phone')} value={detail.customer.phone} lang={lang} />
        <Field label={t(lang, 'email')} value={detail.customer.email} lang={lang} />
        <Field label={t(lang, 'language')} value={langLabel(lang, detail.customer.lang)} lang={lang} />
        <Field label={t(lang, 'channel')} value={channelLabel(lang, detail.channel)} lang={lang} />
        <Field label={t(lang, 'state')} value={stateLabel(lang, detail.state, { held: detail.assignee !== null, awaitingRating: detail.awaitingRating })} lang={lang} />
        <Field label={t(lang, 'assignee')} value={detail.assignee?.displayName} lang={lang} />
      </dl>
      <h3>{t(lang, 'ticket')}</h3>
      {detail.ticket ? (
        <dl>
          <Field label={t(lang, 'ticket')} value={detail.ticket.number} lang={lang} />
          <Field label={t(lang, 'reason')} value={ticketReasonLabel(lang, detail.ticket.reason, detail.ticket.callBack)} lang={lang} />
          {/* Who follows the quote up, before the long summary (on the first screen at 1366 px). */}
          {detail.quote?.number === detail.ticket.number && detail.quote.status === 'open' ? <Field label={t(lang, 'quoteOwner')} value={detail.quote.owner?.displayName ?? t(lang, 'quoteNoOwner')} lang={lang} /> : null}
          {detail.ticket.callBack ? <Field label={t(lang, 'callTo')} value={detail.ticket.callTo ?? t(lang, 'callToNone')} lang={lang} /> : null}
          <Field label={t(lang, 'summary')} value={detail.ticket.summary} lang={lang} lines />
          <Field label={t(lang, 'opened')} value={formatFull(detail.ticket.openedAt, lang, timeZone)} lang={lang} />
          <Field label={t(lang, 'status')} value={t(lang, detail.ticket.status === 'open' ? 'ticketOpen' : 'ticketClosed')} lang={lang} />
          {detail.ticket.status !== 'open' && detail.ticket.resolvedBy ? <Field label={t(lang, 'resolvedBy')} value={`${detail.ticket.resolvedBy}${detail.ticket.closedAt ? ` · ${formatFull(detail.ticket.closedAt, lang, timeZone)}` : ''}`} lang={lang} /> : null}
          {detail.ticket.status !== 'open' && detail.ticket.outcome ? <Field label={t(lang, 'outcome')} value={detail.ticket.outcome} lang={lang} /> : null}
          {detail.ticket.status !== 'open' ? <Field label={t(lang, 'rating')} value={detail.ticket.rating === null ? t(lang, detail.awaitingRating ? 'ratingPending' : 'ratingNone') : `${'★'.repeat(detail.ticket.rating)} ${detail.ticket.rating}/5`} lang={lang} /> : null}
        </dl>
      ) : (
        <p>{t(lang, 'none')}</p>
      )}
      {detail.quote && detail.quote.number !== detail.ticket?.number ? (
        <>
          <h3>{t(lang, 'quoteTicket')}</h3>
          <dl data-quote={detail.quote.number}>
            <Field label={t(lang, 'ticket')} value={detail.quote.number} lang={lang} />
            <Field label={t(lang, 'opened')} value={formatFull(detail.quote.openedAt, lang, timeZone)} lang={lang} />
            <Field label={t(lang, 'status')} value={t(lang, detail.quote.status === 'open' ? 'ticketOpen' : 'ticketClosed')} lang={lang} />
            {detail.quote.status === 'open' ? <Field label={t(lang, 'quoteOwner')} value={detail.quote.owner?.displayName ?? t(lang, 'quoteNoOwner')} lang={lang} /> : null}
            {detail.quote.status !== 'open' && detail.quote.closedBy ? <Field label={t(lang, 'resolvedBy')} value={`${detail.quote.closedBy}${detail.quote.closedAt ? ` · ${formatFull(detail.quote.closedAt, lang, timeZone)}` : ''}`} lang={lang} /> : null}
            {detail.quote.status !== 'open' && detail.quote.outcome ? <Field label={t(lang, 'outcome')} value={detail.quote.outcome} lang={lang} /> : null}
          </dl>
        </>
      ) : null}
      <h3>{t(lang, 'leadDraft')}</h3>
      {lead.length ? (
        <dl>
          {lead.map(([key, value]) => (
            <Field key={key} label={leadFieldLabel(lang, key)} value={typeof value === 'object' ? JSON.stringify(value) : value} lang={lang} />
          ))}
        </dl>
      ) : (
        <p>{t(lang, 'none')}</p>
      )}
      <h3>{t(lang, 'media')}</h3>
      {detail.media.length ? (
        <ul class="media">
          {detail.media.map((m, i) => (
            <li key={`${m.messageId}-${i}`}>
              {m.url && /^https?:\/\//.test(m.url) ? (
                <a href={m.url} target="_blank" rel="noopener noreferrer">
                  {m.fileName ?? m.kind}
                </a>
              ) : (
                <span>
                  {m.fileName ?? m.kind}
                  {m.id ? ` (${m.id})` : ''}
                </span>
              )}{' '}
              <time dateTime={m.at} title={formatFull(m.at, lang, timeZone)}>{formatClock(m.at, lang, timeZone)}</time>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'none')}</p>
      )}
    </aside>
  );
}

function Composer(props: { state: ConsoleContext; detail: ConversationDetail; controller: ConsoleController }) {
  const { state, detail, controller } = props;
  const { lang } = state;
  const [text, setText] = useState('');
  const [noteChosen, setAsNote] = useState(false);
  // Resolved and waiting for the rating: nothing to say to the customer now, notes still welcome.
  // Held by another agent: replies are theirs (or an admin's); a colleague leaves a note.
  const heldByOther = detail.assignee !== null && detail.assignee.id !== state.agent?.id && state.agent?.role !== 'admin';
  const resolvedOnly = detail.awaitingRating && !(detail.state ?? '').startsWith('handoff');
  const notesOnly = resolvedOnly || heldByOther;
  const asNote = noteChosen || notesOnly;
  // Nobody holds it (the bot, or a handoff an agent has not taken): the server refuses a reply until
  // someone takes it, so the reply takes it first ("Tomar y enviar") instead of inviting the agent to
  // type and then refusing. An admin's reply in a handoff takes it on the server already.
  const takesFirst = !asNote && detail.assignee === null && !(state.agent?.role === 'admin' && (detail.state ?? '').startsWith('handoff'));
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const customerLang: Lang = detail.customer.lang === 'en' ? 'en' : detail.customer.lang === 'es' ? 'es' : lang;

  const submit = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    if (takesFirst && !(await controller.take())) {
      setBusy(false);
      return;
    }
    const ok = await controller.send(value, asNote);
    setBusy(false);
    if (ok) setText('');
    area.current?.focus();
  };

  return (
    <form
      class={`composer${asNote ? ' as-note' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="composer-tools">
        {notesOnly ? (
          <p class="notes-only" data-notes-only>
            {resolvedOnly ? t(lang, 'notesOnly') : t(lang, 'notesOnlyHeld', { name: detail.assignee?.displayName ?? '?' })}
          </p>
        ) : (
          <label class="check">
            <input type="checkbox" checked={asNote} onChange={(e) => setAsNote(e.currentTarget.checked)} /> {t(lang, 'internalNote')}
          </label>
        )}
        {state.canned.length && !notesOnly ? (
          <label>
            <span>{t(lang, 'canned')}</span>{' '}
            <select
              value=""
              onChange={(e) => {
                const reply = state.canned.find((c) => c.id === e.currentTarget.value);
                if (reply) setText((current) => (current.trim() ? `${current.trimEnd()} ${reply.text[customerLang]}` : reply.text[customerLang]));
                e.currentTarget.value = '';
                area.current?.focus();
              }}
            >
              <option value="">{t(lang, 'cannedPick')}</option>
              {state.canned.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <label for="reply-text" class="visually-hidden">
        {asNote ? t(lang, 'note') : t(lang, 'reply')}
      </label>
      <textarea
        id="reply-text"
        ref={area}
        rows={3}
        maxLength={4000}
        value={text}
        placeholder={`${asNote ? t(lang, 'note') : t(lang, 'reply')} — ${t(lang, 'replyHint')}`}
        aria-describedby="reply-hint"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <span id="reply-hint" class="visually-hidden">
        {t(lang, 'replyHint')}
        {takesFirst ? ` ${t(lang, 'takeAndSendHint')}` : ''}
      </span>
      <button type="submit" class="primary" data-takes-first={takesFirst ? 'true' : undefined} title={takesFirst ? t(lang, 'takeAndSendHint') : undefined} disabled={busy || !text.trim()}>
        {asNote ? t(lang, 'addNote') : takesFirst ? t(lang, 'takeAndSend') : t(lang, 'send')}
      </button>
    </form>
  );
}

/** The open conversation: who, where and what state, the live transcript with notes, actions and the reply box. */
export function ConversationPanel(props: { state: ConsoleContext; controller: ConsoleController }) {
  const { state, controller } = props;
  const { lang, detail } = state;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!detail) return;
    heading.current?.focus();
    // One column (tablets, phones): the conversation sits below the inbox; bring it to the top of
    // the screen, or the agent sees only its first line under the list.
    if (window.matchMedia?.('(max-width: 900px)').matches) heading.current?.closest('section')?.scrollIntoView({ block: 'start' });
    // Focus moves here once per opened conversation, not on every live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail?.conversationId]);

  if (!state.selected) {
    return (
      <section class="conversation empty-state">
        <p>{t(lang, 'pickConversation')}</p>
      </section>
    );
  }
  if (!detail) {
    return (
      <section class="conversation empty-state" aria-busy="true">
        <p>…</p>
      </section>
    );
  }
  const item = state.items[detail.conversationId];
  const close = () => {
    const id = detail.conversationId;
    controller.select(null);
    // Back to the list, on the item just closed (focus scrolls it into view on a phone), or at the
    // search box when it left the tab (transferred, resolved): a keyboard user goes on from there.
    const item = document.querySelector<HTMLElement>(`.items [data-conversation="${CSS.escape(id)}"]`);
    (item ?? document.querySelector<HTMLElement>('.inbox input[type="search"]'))?.focus();
    if (!item && window.matchMedia?.('(max-width: 900px)').matches) document.querySelector('.inbox')?.scrollIntoView({ block: 'start' });
  };
  return (
    <section
      class="conversation"
      aria-labelledby="conversation-title"
      data-conversation={detail.conversationId}
      onKeyDown={(e) => {
        // Escape closes the conversation, as in a help desk's list, unless it would throw away what is
        // being typed or answer a confirmation question.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        const target = e.target as HTMLInputElement;
        if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && target.value.trim()) return;
        if (target.closest?.('[role="alert"]')) return;
        e.preventDefault();
        close();
      }}
    >
      <header class="conversation-head">
        <h2 id="conversation-title" tabIndex={-1} ref={heading}>
          {detail.customer.name ?? detail.customer.profileName ?? t(lang, 'noName')}
          {!detail.customer.name && detail.customer.profileName ? <span class="profile-hint"> ({t(lang, 'profileName')})</span> : null}
          {detail.ticket ? <span class="ticket-no"> · {detail.ticket.number}</span> : null}
        </h2>
        <p class="conversation-meta">
          <span data-field="channel" data-channel={detail.channel}>{channelLabel(lang, detail.channel)}</span> · <span data-field="state" data-state={detail.state ?? ''}>{stateLabel(lang, detail.state, { held: detail.assignee !== null, awaitingRating: detail.awaitingRating })}</span> ·{' '}
          <span data-field="assignee">{detail.assignee ? t(lang, 'heldBy', { name: detail.assignee.displayName }) : t(lang, 'unassigned')}</span>
          {item && (detail.state ?? '').startsWith('handoff') ? <span class={`badge priority-${item.priority}`}> {badgeLabel(lang, item)}</span> : null}
        </p>
        <button
          type="button"
          class="close"
          aria-label={t(lang, 'closeConversation')}
          onClick={close}
        >
          ×
        </button>
      </header>
      <Actions state={state} detail={detail} controller={controller} />
      {state.notice ? (
        <p class={`notice ${state.notice.kind}`} role={state.notice.kind === 'error' ? 'alert' : 'status'} data-notice={state.notice.kind}>
          {state.notice.text}
        </p>
      ) : null}
      <div class="conversation-body">
        <div class="thread">
          {detail.ticket?.status === 'open' && caseBrief(detail.ticket.summary) ? (
            // The first thing to read, over the thread (the side column is narrow, and last on a phone).
            <p class="case-strip" data-case-strip>
              <strong>{detail.ticket.number}</strong> · {caseBrief(detail.ticket.summary)}
            </p>
          ) : null}
          <Transcript detail={detail} lang={lang} timeZone={state.timeZone} />
          <Composer state={state} detail={detail} controller={controller} />
        </div>
        <Details detail={detail} lang={lang} timeZone={state.timeZone} />
      </div>
    </section>
  );
}
