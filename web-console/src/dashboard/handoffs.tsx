import { Bar } from './bar.js';
import { formatCount, formatMs, type Lang } from './format.js';
import { dt, handoffReasonLabel } from './strings.js';
import type { HandoffStats } from './wire.js';

/**
 * Handoffs to people (owner33): how many went to a person and why, how many the team answered or
 * still owes an answer, and how long the first agent reply took — the owner's view of his staff.
 */
export function Handoffs(props: { lang: Lang; stats: HandoffStats }) {
  const { lang, stats } = props;
  const max = Math.max(0, ...stats.reasons.map((r) => r.count));
  const cards: Array<{ key: string; label: string; value: string; raw: number | null }> = [
    { key: 'tickets', label: dt(lang, 'handoffTickets'), value: formatCount(lang, stats.tickets), raw: stats.tickets },
    { key: 'answered', label: dt(lang, 'handoffAnswered'), value: formatCount(lang, stats.answered), raw: stats.answered },
    { key: 'waiting', label: dt(lang, 'handoffWaiting'), value: formatCount(lang, stats.waiting), raw: stats.waiting },
    { key: 'first_reply_ms_p50', label: dt(lang, 'firstReplyP50'), value: formatMs(lang, stats.first_reply_ms_p50), raw: stats.first_reply_ms_p50 },
    { key: 'first_reply_ms_p95', label: dt(lang, 'firstReplyP95'), value: formatMs(lang, stats.first_reply_ms_p95), raw: stats.first_reply_ms_p95 },
  ];
  return (
    <section aria-labelledby="dash-handoffs">
      <h3 id="dash-handoffs">{dt(lang, 'handoffsTitle')}</h3>
      <dl class="cards">
        {cards.map((c) => (
          <div class={c.key === 'waiting' && stats.waiting > 0 ? 'card warn' : 'card'} key={c.key} data-handoff-figure={c.key} data-value={String(c.raw)}>
            <dt>{c.label}</dt>
            <dd>{c.value}</dd>
          </div>
        ))}
      </dl>
      {stats.reasons.length === 0 ? (
        <p class="none">{dt(lang, 'none')}</p>
      ) : (
        <div class="table-wrap">
          <table data-table="handoff-reasons">
            <thead>
              <tr>
                <th scope="col">{dt(lang, 'handoffReason')}</th>
                <th scope="col">{dt(lang, 'handoffCount')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.reasons.map((r) => (
                <tr key={r.reason} data-reason={r.reason}>
                  <th scope="row">{handoffReasonLabel(lang, r.reason)}</th>
                  <td class="num">
                    <Bar value={r.count} max={max} />
                    {formatCount(lang, r.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
