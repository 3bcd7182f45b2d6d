import { useEffect, useState } from 'preact/hooks';
import type { ConsoleController } from './controller.js';
import type { ConsoleContext } from './store.js';
import { t } from './strings.js';
import type { ConversationDetail } from './wire.js';

/** What the agent can do with the open conversation: take it, hand it on, resolve it, close its quote. */
export function Actions(props: { state: ConsoleContext; detail: ConversationDetail; controller: ConsoleController }) {
  const { state, detail, controller } = props;
  const { lang, agent } = state;
  const [outcome, setOutcome] = useState('');
  const [quoteOutcome, setQuoteOutcome] = useState('');
  const openQuote = detail.quote?.status === 'open';
  const quoteOwner = detail.quote?.owner ?? null;
  const [quoteFor, setQuoteFor] = useState('');
  const [target, setTarget] = useState('');
  const [confirmTake, setConfirmTake] = useState(false);
  const [confirmResolve, setConfirmResolve] = useState(false);
  useEffect(() => {
    setConfirmTake(false);
    setConfirmResolve(false);
  }, [detail.conversationId]);
  const mine = detail.assignee !== null && detail.assignee.id === agent?.id;
  // Someone else holds it: a take would only be refused ("Carla ya la tomó"); an admin moves it with "Transferir a".
  const heldByOther = detail.assignee !== null && !mine;
  const inHandoff = (detail.state ?? '').startsWith('handoff');
  const canAct = mine || agent?.role === 'admin';
  const targets = state.agents.filter((a) => a.id !== detail.assignee?.id);
  // An admin may resolve a handoff nobody took: the customer asked for a person and got no answer, so only on purpose.
  const unanswered = inHandoff && detail.assignee === null;
  const resolve = async (confirmed = false) => {
    setConfirmResolve(false);
    if (outcome.trim() && (await controller.resolve(outcome.trim(), confirmed))) {
      setOutcome('');
      // The form goes away with the handoff: focus returns to the conversation's heading.
      document.getElementById('conversation-title')?.focus();
    }
  };
  return (
    <div class="actions" role="group" aria-label={t(lang, 'actions')}>
      {detail.awaitingRating && !inHandoff ? (
        <p class="status-resolved" data-status="awaiting-rating">
          {t(lang, 'awaitingRating')}
        </p>
      ) : null}
      {!mine && !inHandoff && !detail.awaitingRating && confirmTake ? (
        // The bot holds it and nobody asked for a person (after the rating, say): taken only on
        // purpose, as a help desk reopens a resolved conversation.
        <p class="confirm-take" role="alert" data-status="confirm-take">
          {t(lang, 'takeFromBot')}{' '}
          <button
            type="button"
            class="primary"
            data-action="take-confirm"
            onClick={async () => {
              setConfirmTake(false);
              if (await controller.take()) document.getElementById('reply-text')?.focus();
            }}
          >
            {t(lang, 'takeConfirm')}
          </button>{' '}
          <button type="button" data-action="take-cancel" onClick={() => setConfirmTake(false)}>
            {t(lang, 'cancel')}
          </button>
        </p>
      ) : null}
      {heldByOther ? (
        <p class="held-by-other" data-status="held-by-other">
          {t(lang, agent?.role === 'admin' ? 'heldByOtherAdmin' : 'heldByOther', { name: detail.assignee?.displayName ?? '?' })}
        </p>
      ) : null}
      {!mine && !heldByOther && !(detail.awaitingRating && !inHandoff) && !confirmTake ? (
        <button
          type="button"
          // With the bot and a quote to follow up, the claim leads: taking would silence the bot.
          class={inHandoff || !openQuote ? 'primary' : undefined}
          data-action="take"
          onClick={async () => {
            if (!inHandoff) {
              setConfirmTake(true);
              return;
            }
            // The button goes away once taken: focus moves on to the reply box.
            if (await controller.take()) document.getElementById('reply-text')?.focus();
          }}
        >
          {t(lang, 'take')}
        </button>
      ) : null}
      {canAct && detail.assignee && targets.length ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            // The new holder leaves the list of targets: the select starts afresh for the next hand-over.
            if (target) void controller.transfer(target).then(() => setTarget(''));
          }}
        >
          <label for="transfer-to">{t(lang, 'transferTo')}</label>
          <select id="transfer-to" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">—</option>
            {targets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!target}>
            {t(lang, 'transfer')}
          </button>
        </form>
      ) : null}
      {canAct && (inHandoff || mine) ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (!outcome.trim()) return;
            if (unanswered) setConfirmResolve(true);
            else void resolve();
          }}
        >
          <label for="resolve-outcome">{t(lang, 'outcome')}</label>
          <input id="resolve-outcome" value={outcome} placeholder={t(lang, 'outcomeHint')} maxLength={500} required onInput={(e) => setOutcome(e.currentTarget.value)} />
          <button type="submit" data-action="resolve" disabled={!outcome.trim()}>
            {t(lang, 'resolve')}
          </button>
        </form>
      ) : null}
      {canAct && unanswered && confirmResolve ? (
        <p class="confirm-take" role="alert" data-status="confirm-resolve">
          {t(lang, 'resolveUnanswered')}{' '}
          <button type="button" class="primary" data-action="resolve-confirm" onClick={() => void resolve(true)}>
            {t(lang, 'resolveConfirm')}
          </button>{' '}
          <button type="button" data-action="resolve-cancel" onClick={() => setConfirmResolve(false)}>
            {t(lang, 'cancel')}
          </button>
        </p>
      ) : null}
      {openQuote ? (
        // Who in sales follows it up: claimed without taking the conversation (the bot keeps answering).
        <p class="quote-owner" data-status="quote-owner">
          {quoteOwner ? t(lang, 'quoteOwnedBy', { name: quoteOwner.id === agent?.id ? `${quoteOwner.displayName} (${t(lang, 'you')})` : quoteOwner.displayName }) : null}
          {quoteOwner?.id !== agent?.id && (!quoteOwner || agent?.role === 'admin') ? (
            <>
              {quoteOwner ? ' ' : null}
              <button type="button" class={quoteOwner ? undefined : 'primary'} data-action="claim-quote" title={t(lang, 'quoteClaimTitle')} onClick={() => void controller.claimQuote()}>
                {t(lang, 'quoteClaim')}
              </button>
            </>
          ) : null}
          {quoteOwner && (quoteOwner.id === agent?.id || agent?.role === 'admin') ? (
            <>
              {' '}
              <button type="button" data-action="release-quote" onClick={() => void controller.releaseQuote()}>
                {t(lang, 'quoteRelease')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {openQuote && agent?.role === 'admin' && state.agents.some((a) => a.id !== quoteOwner?.id) ? (
        // An admin hands a quote to a salesperson (or moves it from one on holiday).
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (quoteFor) void controller.claimQuote(quoteFor).then(() => setQuoteFor(''));
          }}
        >
          <label for="quote-for">{t(lang, 'quoteGiveTo')}</label>
          <select id="quote-for" value={quoteFor} onChange={(e) => setQuoteFor(e.currentTarget.value)}>
            <option value="">—</option>
            {state.agents
              .filter((a) => a.id !== quoteOwner?.id)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
          </select>
          <button type="submit" data-action="give-quote" disabled={!quoteFor}>
            {t(lang, 'quoteGive')}
          </button>
        </form>
      ) : null}
      {openQuote ? (
        // Sales follows up the quote the bot promised; whoever did closes it with how it went.
        <form
          class="inline"
          onSubmit={async (e) => {
            e.preventDefault();
            if (quoteOutcome.trim() && (await controller.closeQuote(quoteOutcome.trim()))) setQuoteOutcome('');
          }}
        >
          <label for="quote-outcome">{t(lang, 'quoteOutcome')}</label>
          <input id="quote-outcome" value={quoteOutcome} placeholder={t(lang, 'quoteOutcomeHint')} maxLength={500} required onInput={(e) => setQuoteOutcome(e.currentTarget.value)} />
          <button type="submit" data-action="close-quote" disabled={!quoteOutcome.trim()}>
            {t(lang, 'quoteClose')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
