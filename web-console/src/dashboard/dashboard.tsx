import { useEffect, useState } from 'preact/hooks';
import { DashboardError, loadDashboard, trainingHref } from './data.js';
import { DayChart } from './day-chart.js';
import { fillDays, formatConfidence, formatCount, formatCsat, formatDay, formatMs, formatRate, formatUsd, PRESETS, presetRange, type Lang } from './format.js';
import { Bar } from './bar.js';
import { Channels } from './channels.js';
import { Handoffs } from './handoffs.js';
import { Products } from './products.js';
import { dt, dtCount, dtMaybe, intentLabel, funnelStateLabel, leadFieldLabel, type DashKey } from './strings.js';
import { Unmet } from './unmet.js';
import type { DashboardData, Summary } from './wire.js';

type Range = { from: string; to: string };
type Load = { status: 'loading' } | { status: 'error'; code: string } | { status: 'ready'; data: DashboardData };

/** The summary cards: which figure, and how it is written. */
const CARDS: Array<{ key: keyof Summary & DashKey; format: (lang: Lang, s: Summary) => string }> = [
  { key: 'conversations', format: (l, s) => formatCount(l, s.conversations) },
  { key: 'messages', format: (l, s) => formatCount(l, s.messages) },
  { key: 'handoffs', format: (l, s) => formatCount(l, s.handoffs) },
  { key: 'escalation_rate', format: (l, s) => formatRate(l, s.escalation_rate) },
  { key: 'automation_rate', format: (l, s) => formatRate(l, s.automation_rate) },
  { key: 'leads', format: (l, s) => formatCount(l, s.leads) },
  { key: 'lead_conversion', format: (l, s) => formatRate(l, s.lead_conversion) },
  { key: 'csat_avg', format: (l, s) => formatCsat(l, s.csat_avg) },
  { key: 'turn_ms_p50', format: (l, s) => formatMs(l, s.turn_ms_p50) },
  { key: 'turn_ms_p95', format: (l, s) => formatMs(l, s.turn_ms_p95) },
  { key: 'llm_cost', format: (l, s) => formatUsd(l, s.llm_cost) },
];

/** A reply as the owner reads it: the chat's *bold* and _italic_ marks dropped. */
function plainAnswer(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1').replace(/(^|\s)_([^_\n]+)_(?=\s|[.,;:!?]|$)/g, '$1$2');
}

function stageLabel(lang: Lang, stage: string): string {
  if (stage.startsWith('field:')) return dt(lang, 'stageField', { field: leadFieldLabel(lang, stage.slice(6)) });
  return dtMaybe(lang, `stage_${stage}`) ?? stage;
}

/**
 * The admin analytics dashboard (issue 15): summary cards, conversations and handoffs per day,
 * the state and lead funnels, intents, unmet needs, FAQ candidates and the training export, for
 * a range of the tenant's days (default the last 30).
 */
export function Dashboard(props: { tenant: string; lang: Lang }) {
  const { tenant, lang } = props;
  const [range, setRange] = useState<Range | null>(null);
  const [preset, setPreset] = useState<number | null>(30);
  const [today, setToday] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [draft, setDraft] = useState<Range>({ from: '', to: '' });

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    loadDashboard(tenant, range).then(
      (data) => {
        if (!live) return;
        // The first answer (no range asked) ends on the tenant's today: presets count back from it.
        if (range === null) setToday(data.summary.to);
        setDraft({ from: data.summary.from, to: data.summary.to });
        setLoad({ status: 'ready', data });
      },
      (err: unknown) => {
        if (live) setLoad({ status: 'error', code: err instanceof DashboardError ? err.code : 'UNKNOWN' });
      },
    );
    return () => {
      live = false;
    };
  }, [tenant, range]);

  const choosePreset = (days: number) => {
    setPreset(days);
    setRange(today ? presetRange(today, days) : null);
  };
  const applyDraft = (event: Event) => {
    event.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) return;
    setPreset(null);
    setRange({ ...draft });
  };

  return (
    <section class="dashboard" aria-labelledby="dashboard-title" data-status={load.status}>
      <header class="dash-head">
        <h2 id="dashboard-title" tabIndex={-1}>
          {dt(lang, 'title')}
        </h2>
        <form class="range" aria-label={dt(lang, 'range')} onSubmit={applyDraft}>
          <div class="presets" role="group" aria-label={dt(lang, 'range')}>
            {PRESETS.map((days) => (
              <button key={days} type="button" aria-pressed={preset === days} data-preset={days} onClick={() => choosePreset(days)}>
                {dtCount(lang, 'lastDays', days)}
              </button>
            ))}
          </div>
          <label>
            <span>{dt(lang, 'from')}</span>
            <input type="date" name="from" value={draft.from} max={draft.to || undefined} required onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          </label>
          <label>
            <span>{dt(lang, 'to')}</span>
            <input type="date" name="to" value={draft.to} min={draft.from || undefined} required onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          </label>
          <button type="submit">{dt(lang, 'apply')}</button>
        </form>
      </header>
      {load.status === 'loading' ? (
        <p class="dash-status" role="status">
          {dt(lang, 'loading')}
        </p>
      ) : load.status === 'error' ? (
        <p class="dash-status error" role="alert">
          {load.code === 'HILO_ERR_ANALYTICS_UNAVAILABLE' ? dt(lang, 'unavailable') : dt(lang, 'failed', { code: load.code })}
        </p>
      ) : (
        <Figures lang={lang} tenant={tenant} data={load.data} />
      )}
    </section>
  );
}

function Figures(props: { lang: Lang; tenant: string; data: DashboardData }) {
  const { lang, tenant, data } = props;
  const s = data.summary;
  const days = fillDays(s.from, s.to, data.days);
  const maxState = Math.max(0, ...data.funnel.states.map((x) => x.conversations));
  const maxLead = Math.max(0, ...data.funnel.leads.map((x) => x.conversations));
  const labels = { day: dt(lang, 'day'), conversations: dt(lang, 'conversations'), handoffs: dt(lang, 'handoffs') };
  return (
    <div class="figures">
      <p class="range-shown" data-range={`${s.from}..${s.to}`}>
        {dt(lang, 'rangeShown', { from: formatDay(lang, s.from), to: formatDay(lang, s.to), tz: s.time_zone })}
      </p>
      <section aria-labelledby="dash-summary">
        <h3 id="dash-summary">{dt(lang, 'summary')}</h3>
        <dl class="cards">
          {CARDS.map((card) => (
            <div class="card" key={card.key} data-figure={card.key} data-value={String(s[card.key])}>
              <dt>{dt(lang, card.key)}</dt>
              <dd>{card.format(lang, s)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="dash-days">
        <h3 id="dash-days">{dt(lang, 'perDay')}</h3>
        <figure class="chart" role="img" aria-label={dt(lang, 'perDayChart', { from: formatDay(lang, s.from), to: formatDay(lang, s.to) })}>
          <DayChart lang={lang} days={days} labels={labels} />
        </figure>
        <details class="chart-table">
          <summary>{dt(lang, 'showTable')}</summary>
          <table data-table="days">
            <caption class="visually-hidden">{dt(lang, 'perDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{dt(lang, 'day')}</th>
                <th scope="col">{labels.conversations}</th>
                <th scope="col">{labels.handoffs}</th>
              </tr>
            </thead>
            <tbody>
              {data.days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <th scope="row">{formatDay(lang, d.day)}</th>
                  <td>{formatCount(lang, d.conversations)}</td>
                  <td>{formatCount(lang, d.handoffs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <Channels lang={lang} channels={data.channels} />

      <div class="two">
        <section aria-labelledby="dash-states">
          <h3 id="dash-states">{dt(lang, 'stateFunnel')}</h3>
          {data.funnel.states.length === 0 ? (
            <p class="none">{dt(lang, 'none')}</p>
          ) : (
            <table data-table="states">
              <thead>
                <tr>
                  <th scope="col">{dt(lang, 'state')}</th>
                  <th scope="col">{dt(lang, 'conversations')}</th>
                  <th scope="col">{dt(lang, 'entries')}</th>
                </tr>
              </thead>
              <tbody>
                {data.funnel.states.map((x) => (
                  <tr key={x.state} data-state={x.state}>
                    <th scope="row" title={x.state}>
                      {funnelStateLabel(lang, x.state)}
                    </th>
                    <td class="num">
                      <Bar value={x.conversations} max={maxState} />
                      {formatCount(lang, x.conversations)}
                    </td>
                    <td class="num">{formatCount(lang, x.entries)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="dash-leads">
          <h3 id="dash-leads">{dt(lang, 'leadFunnel')}</h3>
          {data.funnel.leads.length === 0 ? (
            <p class="none">{dt(lang, 'none')}</p>
          ) : (
            <table data-table="leads">
              <thead>
                <tr>
                  <th scope="col">{dt(lang, 'stage')}</th>
                  <th scope="col">{dt(lang, 'conversations')}</th>
                </tr>
              </thead>
              <tbody>
                {data.funnel.leads.map((x) => (
                  <tr key={x.stage} data-stage={x.stage}>
                    <th scope="row">{stageLabel(lang, x.stage)}</th>
                    <td class="num">
                      <Bar value={x.conversations} max={maxLead} />
                      {formatCount(lang, x.conversations)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <Handoffs lang={lang} stats={data.handoffs} />

      <section aria-labelledby="dash-intents">
        <h3 id="dash-intents">{dt(lang, 'intents')}</h3>
        {data.intents.length === 0 ? (
          <p class="none">{dt(lang, 'none')}</p>
        ) : (
          <table data-table="intents">
            <thead>
              <tr>
                <th scope="col">{dt(lang, 'intent')}</th>
                <th scope="col">{dt(lang, 'count')}</th>
                <th scope="col">{dt(lang, 'meanConfidence')}</th>
                <th scope="col">{dt(lang, 'misunderstoodRate')}</th>
                <th scope="col">{dt(lang, 'handoffRate')}</th>
              </tr>
            </thead>
            <tbody>
              {data.intents.map((x) => (
                <tr key={x.intent} data-intent={x.intent}>
                  <th scope="row" title={x.intent}>
                    {intentLabel(lang, x.intent)}
                  </th>
                  <td class="num">{formatCount(lang, x.count)}</td>
                  <td class="num">{formatConfidence(lang, x.mean_confidence)}</td>
                  <td class="num">{formatRate(lang, x.misunderstood_rate)}</td>
                  <td class="num">{formatRate(lang, x.handoff_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Products lang={lang} products={data.products} />

      <Unmet lang={lang} groups={data.unmet.groups} />

      <section aria-labelledby="dash-faq">
        <h3 id="dash-faq">{dt(lang, 'faq')}</h3>
        {data.faq.length === 0 ? (
          <p class="none">{dt(lang, 'none')}</p>
        ) : (
          <table data-table="faq">
            <thead>
              <tr>
                <th scope="col">{dt(lang, 'question')}</th>
                <th scope="col">{dt(lang, 'times')}</th>
                <th scope="col">{dt(lang, 'intent')}</th>
                <th scope="col">{dt(lang, 'answer')}</th>
              </tr>
            </thead>
            <tbody>
              {data.faq.map((f) => (
                <tr key={f.terms} data-terms={f.terms}>
                  <th scope="row">{f.question}</th>
                  <td class="num">{formatCount(lang, f.count)}</td>
                  <td title={f.intent}>{intentLabel(lang, f.intent)}</td>
                  <td class="answer">{f.answer === null ? '—' : plainAnswer(f.answer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="dash-training">
        <h3 id="dash-training">{dt(lang, 'training')}</h3>
        <p>
          <a class="download" href={trainingHref(tenant, s)} download={`training-${tenant}-${s.from}-${s.to}.jsonl`} data-action="training">
            {dt(lang, 'trainingLink')}
          </a>{' '}
          <span class="intro">{dt(lang, 'trainingNote')}</span>
        </p>
      </section>
    </div>
  );
}
