import type { Database } from '../../persistence/sql/database.js';
import type { Summary } from './analytics-wire.js';
import type { KnownValues } from './redact.js';

/** A range of the tenant's calendar days, both ends included (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
  /** The tenant's IANA time zone (ratings are dated in it). */
  timeZone: string;
}

export type { Summary } from './analytics-wire.js';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Conditions every query shares: one tenant, the range's days, committed turns. */
const FACTS = `from turn_facts where tenant_id = ? and day between ?::date and ?::date`;

/**
 * The SQL behind the analytics API (docs/analytics.md). Figures over a range are computed on
 * `turn_facts` directly (a conversation active on two days counts once); the per-day views of the
 * migration hold the same definitions for SQL users and BI tools.
 */
export function createAnalyticsQueries(db: Database) {
  const run = <R>(sql: string, params: unknown[]) => db.em().execute<R[]>(sql, params);

  return {
    async summary(tenantId: string, range: DayRange): Promise<Summary> {
      const rows = await run<Record<string, unknown>>(
        `select
          count(distinct conversation_id) filter (where outcome = 'ok') as conversations,
          count(*) filter (where outcome = 'ok' and event = 'user.message') as messages,
          count(*) filter (where outcome = 'ok' and phase_to = 'handoff' and phase_from is distinct from 'handoff') as handoffs,
          count(distinct conversation_id) filter (where outcome = 'ok' and phase_to = 'handoff' and phase_from is distinct from 'handoff') as handed_off,
          count(*) filter (where outcome = 'ok' and lead_to = 'submitted' and lead_from is distinct from 'submitted') as leads,
          count(distinct conversation_id) filter (where outcome = 'ok' and lead_to is not null and lead_to <> 'none') as leads_started,
          percentile_cont(0.5) within group (order by turn_ms) filter (where outcome = 'ok' and event = 'user.message') as p50,
          percentile_cont(0.95) within group (order by turn_ms) filter (where outcome = 'ok' and event = 'user.message') as p95,
          coalesce(sum(cost_usd), 0)::float8 as cost
        ${FACTS}`,
        [tenantId, range.from, range.to],
      );
      const csat = await run<{ avg: unknown }>(
        `select avg(rating)::float8 as avg from tickets
         where tenant_id = ? and rating is not null and (rated_at at time zone ?)::date between ?::date and ?::date`,
        [tenantId, range.timeZone, range.from, range.to],
      );
      const r = rows[0] ?? {};
      const conversations = num(r.conversations);
      const handedOff = num(r.handed_off);
      const escalation = ratio(handedOff, conversations);
      return {
        conversations,
        messages: num(r.messages),
        handoffs: num(r.handoffs),
        escalation_rate: escalation,
        automation_rate: escalation === null ? null : 1 - escalation,
        leads: num(r.leads),
        lead_conversion: ratio(num(r.leads), num(r.leads_started)),
        csat_avg: numOrNull(csat[0]?.avg),
        turn_ms_p50: numOrNull(r.p50),
        turn_ms_p95: numOrNull(r.p95),
        llm_cost: num(r.cost),
      };
    },

    async funnel(tenantId: string, range: DayRange) {
      const states = await run<{ state: string; entries: unknown; conversations: unknown }>(
        `select state_to as state, count(*) as entries, count(distinct conversation_id) as conversations
         ${FACTS} and outcome = 'ok' and state_to is not null and state_to is distinct from state_from
         group by state_to order by count(distinct conversation_id) desc, state_to`,
        [tenantId, range.from, range.to],
      );
      const leads = await run<{ stage: string; ord: unknown; conversations: unknown }>(
        `select stage, min(ord) as ord, sum(conversations) as conversations from lead_funnel
         where tenant_id = ? and day between ?::date and ?::date group by stage order by min(ord)`,
        [tenantId, range.from, range.to],
      );
      return {
        states: states.map((s) => ({ state: s.state, entries: num(s.entries), conversations: num(s.conversations) })),
        leads: leads.map((l) => ({ stage: l.stage, conversations: num(l.conversations) })),
      };
    },

    async intents(tenantId: string, range: DayRange) {
      const rows = await run<Record<string, unknown>>(
        `select intent, count(*) as count, avg(confidence)::float8 as mean_confidence,
           avg(case when misunderstood then 1.0 else 0.0 end)::float8 as misunderstood_rate,
           avg(case when phase_to = 'handoff' and phase_from is distinct from 'handoff' then 1.0 else 0.0 end)::float8 as handoff_rate
         ${FACTS} and outcome = 'ok' and event = 'user.message' and intent is not null
         group by intent order by count(*) desc, intent`,
        [tenantId, range.from, range.to],
      );
      return rows.map((r) => ({ intent: String(r.intent), count: num(r.count), mean_confidence: numOrNull(r.mean_confidence), misunderstood_rate: num(r.misunderstood_rate), handoff_rate: num(r.handoff_rate) }));
    },

    /** Per day of the range with any turn (the `conversation_stats` view): the dashboard's chart. */
    async daily(tenantId: string, range: DayRange) {
      const rows = await run<Record<string, unknown>>(
        `select to_char(day, 'YYYY-MM-DD') as day, conversations, messages, handoffs, leads, automation_rate
         from conversation_stats where tenant_id = ? and day between ?::date and ?::date order by day`,
        [tenantId, range.from, range.to],
      );
      return rows.map((r) => ({ day: String(r.day), conversations: num(r.conversations), messages: num(r.messages), handoffs: num(r.handoffs), leads: num(r.leads), automation_rate: numOrNull(r.automation_rate) }));
    },

    /**
     * Handoffs of the range and why (the turn that handed off, as the summary counts them), and how
     * fast a person answered: per handoff ticket opened in the range, its first agent message before
     * it closed. `unanswered`: tickets no agent has written in; `waiting`: of them, those whose
     * conversation is still with a person (a REST `resolve` before session 34 left its ticket open).
     */
    async handoffs(tenantId: string, range: DayRange) {
      const reasons = await run<{ reason: string | null; count: unknown }>(
        `select handoff_reason as reason, count(*) as count
         ${FACTS} and outcome = 'ok' and phase_to = 'handoff' and phase_from is distinct from 'handoff'
         group by handoff_reason order by count(*) desc, handoff_reason`,
        [tenantId, range.from, range.to],
      );
      const replies = await run<Record<string, unknown>>(
        `with opened as (
           select t.opened_at, t.status,
             (select c.phase from conversations c where c.tenant_id = t.tenant_id and c.id = t.conversation_id) as phase,
             (select min(m.created_at) from messages m
               where m.tenant_id = t.tenant_id and m.conversation_id = t.conversation_id and m.direction = 'out' and m.author = 'agent'
                 and m.created_at >= t.opened_at and (t.closed_at is null or m.created_at <= t.closed_at)) as replied_at
           from tickets t
           where t.tenant_id = ? and t.kind = 'handoff' and (t.opened_at at time zone ?)::date between ?::date and ?::date)
         select count(*) as tickets,
           count(*) filter (where replied_at is not null) as answered,
           count(*) filter (where replied_at is null and status = 'open' and phase = 'handoff') as waiting,
           percentile_cont(0.5) within group (order by extract(epoch from replied_at - opened_at) * 1000) filter (where replied_at is not null) as p50,
           percentile_cont(0.95) within group (order by extract(epoch from replied_at - opened_at) * 1000) filter (where replied_at is not null) as p95
         from opened`,
        [tenantId, range.timeZone, range.from, range.to],
      );
      const r = replies[0] ?? {};
      const tickets = num(r.tickets);
      const answered = num(r.answered);
      return {
        reasons: reasons.map((x) => ({ reason: x.reason ?? 'unknown', count: num(x.count) })),
        tickets,
        answered,
        unanswered: tickets - answered,
        waiting: num(r.waiting),
        first_reply_ms_p50: numOrNull(r.p50),
        first_reply_ms_p95: numOrNull(r.p95),
      };
    },

    /**
     * Per channel the customers wrote from: conversations, customer messages and the handoffs
     * those messages caused. A conversation on two channels (identities linked) counts under each,
     * so the rows may add up to more than the summary's conversations.
     */
    async channels(tenantId: string, range: DayRange) {
      const rows = await run<{ channel: string; conversations: unknown; messages: unknown; handoffs: unknown }>(
        `select channel, count(distinct conversation_id) as conversations, count(*) as messages,
           count(*) filter (where phase_to = 'handoff' and phase_from is distinct from 'handoff') as handoffs
         ${FACTS} and outcome = 'ok' and event = 'user.message'
         group by channel order by count(distinct conversation_id) desc, channel`,
        [tenantId, range.from, range.to],
      );
      return rows.map((r) => ({ channel: r.channel, conversations: num(r.conversations), messages: num(r.messages), handoffs: num(r.handoffs) }));
    },

    /** The products customers were answered with most (`turn_facts.product`), with how many conversations asked. */
    async products(tenantId: string, range: DayRange, limit: number) {
      // Every product a message was answered with (`products`: a quote of several lines), else `product` (rows written before).
      const rows = await run<{ product: string; count: unknown; conversations: unknown }>(
        `select p as product, count(*) as count, count(distinct conversation_id) as conversations
         from turn_facts cross join lateral unnest(coalesce(products, array[product])) as p
         where tenant_id = ? and day between ?::date and ?::date and outcome = 'ok' and event = 'user.message' and product is not null
         group by p order by count(*) desc, count(distinct conversation_id) desc, p limit ?`,
        [tenantId, range.from, range.to, limit],
      );
      return rows.map((r) => ({ sku: r.product, count: num(r.count), conversations: num(r.conversations) }));
    },

    async errors(tenantId: string, range: DayRange) {
      const rows = await run<{ code: string; day: unknown; count: unknown }>(
        `select code, to_char(day, 'YYYY-MM-DD') as day, count from error_stats where tenant_id = ? and day between ?::date and ?::date order by day, code`,
        [tenantId, range.from, range.to],
      );
      return rows.map((r) => ({ code: r.code, day: String(r.day), count: num(r.count) }));
    },

    /** Customer messages the bot could not serve, with the reason and the bot's reply to each (texts are redacted by the caller). */
    async unmetMessages(tenantId: string, range: DayRange, limit: number) {
      return run<{ conversation_id: string; message_id: string; reason: string; text: string; lang: string | null; reply: string | null; intent: string | null }>(
        `select f.conversation_id, f.message_id, f.unmet as reason, m.text, m.lang, f.intent,
           (select r.text from messages r where r.tenant_id = m.tenant_id and r.conversation_id = m.conversation_id and r.seq = m.seq + 1 and r.direction = 'out') as reply
         from turn_facts f join messages m on m.tenant_id = f.tenant_id and m.conversation_id = f.conversation_id and m.direction = 'in' and m.message_id = f.message_id
         where f.tenant_id = ? and f.day between ?::date and ?::date and f.outcome = 'ok' and f.unmet is not null
         order by f.at desc limit ?`,
        [tenantId, range.from, range.to, limit],
      );
    },

    /** Served customer questions and the bot's first reply to each. */
    async servedQuestions(tenantId: string, range: DayRange, limit: number) {
      return run<{ conversation_id: string; question: string; lang: string | null; intent: string; answer: string | null }>(
        `select f.conversation_id, m.text as question, m.lang, f.intent,
           (select r.text from messages r where r.tenant_id = m.tenant_id and r.conversation_id = m.conversation_id and r.seq = m.seq + 1 and r.direction = 'out') as answer
         from turn_facts f join messages m on m.tenant_id = f.tenant_id and m.conversation_id = f.conversation_id and m.direction = 'in' and m.message_id = f.message_id
         where f.tenant_id = ? and f.day between ?::date and ?::date and f.outcome = 'ok' and f.unmet is null and f.event = 'user.message'
           and f.intent in (select jsonb_array_elements_text(?::jsonb)) and f.phase_to is distinct from 'handoff'
         order by f.at desc limit ?`,
        [tenantId, range.from, range.to, JSON.stringify(['product_inquiry', 'price_quote', 'offers', 'store_hours_location', 'job_vacancies', 'account_status']), limit],
      );
    },

    /**
     * Labelled customer turns after `after` (the last row id of the previous page), oldest first:
     * the agent's correction when there is one, else the intent the bot read.
     */
    async trainingPage(tenantId: string, range: DayRange, after: number, limit: number) {
      return run<{ id: unknown; conversation_id: string; message_id: string; text: string; lang: string | null; intent: string; source: string; confidence: number | null; at: unknown }>(
        `select f.id, f.conversation_id, f.message_id, m.text, m.lang, coalesce(c.intent, f.intent) as intent,
           case when c.intent is not null then 'agent' else coalesce(f.brain, 'bot') end as source, f.confidence, f.at
         from turn_facts f
         join messages m on m.tenant_id = f.tenant_id and m.conversation_id = f.conversation_id and m.direction = 'in' and m.message_id = f.message_id
         left join intent_corrections c on c.tenant_id = f.tenant_id and c.conversation_id = f.conversation_id and c.message_id = f.message_id
         where f.tenant_id = ? and f.day between ?::date and ?::date and f.outcome = 'ok' and f.event = 'user.message'
           and coalesce(c.intent, f.intent) is not null and f.id > ?
         order by f.id limit ?`,
        [tenantId, range.from, range.to, after, limit],
      );
    },

    /** What each conversation is known to hold about its customer (lead drafts, leads, the contact), for redaction. */
    async knownValues(tenantId: string, conversationIds: string[]): Promise<Map<string, KnownValues>> {
      const out = new Map<string, KnownValues>();
      if (conversationIds.length === 0) return out;
      const rows = await run<{ id: string; draft: unknown; leads: unknown; contact: unknown }>(
        `select c.id, c.snapshot #> '{snapshot,context,lead,draft}' as draft,
           (select jsonb_agg(l.payload) from leads l where l.tenant_id = c.tenant_id and l.conversation_id = c.id) as leads,
           (select jsonb_build_object('name', k.display_name, 'email', k.email, 'phone', k.phone, 'company', k.company) from contacts k
             where k.tenant_id = c.tenant_id and 'c_' || replace(k.id::text, '-', '') = c.id) as contact
         from conversations c where c.tenant_id = ? and c.id in (select jsonb_array_elements_text(?::jsonb))`,
        [tenantId, JSON.stringify(conversationIds)],
      );
      for (const row of rows) {
        const known: KnownValues = { names: [], emails: [], phones: [], companies: [] };
        const add = (list: string[], v: unknown) => {
          if (typeof v === 'string' && v.trim() !== '' && !list.includes(v.trim())) list.push(v.trim());
        };
        const draft = parseJson(row.draft) as Record<string, { value?: unknown } | undefined> | null;
        if (draft) {
          add(known.names, draft.name?.value);
          add(known.emails, draft.email?.value);
          add(known.phones, draft.phone_or_username?.value);
          add(known.companies, draft.company_name?.value);
        }
        for (const lead of (parseJson(row.leads) as Record<string, unknown>[] | null) ?? []) {
          add(known.names, lead.name);
          add(known.emails, lead.email);
          add(known.phones, lead.phone_or_username);
          add(known.companies, lead.company_name);
        }
        const contact = parseJson(row.contact) as Record<string, unknown> | null;
        if (contact) {
          add(known.names, contact.name);
          add(known.emails, contact.email);
          add(known.phones, contact.phone);
          add(known.companies, contact.company);
        }
        out.set(row.id, known);
      }
      return out;
    },

    async correctIntent(tenantId: string, conversationId: string, messageId: string, intent: string, actor: string, at: Date): Promise<boolean> {
      const rows = await run<{ message_id: string }>(
        `insert into intent_corrections (tenant_id, conversation_id, message_id, intent, actor, created_at)
         select ?, ?, ?, ?, ?, ? where exists (select 1 from messages where tenant_id = ? and conversation_id = ? and direction = 'in' and message_id = ?)
         on conflict (tenant_id, conversation_id, message_id) do update set intent = excluded.intent, actor = excluded.actor, created_at = excluded.created_at
         returning message_id`,
        [tenantId, conversationId, messageId, intent, actor, at, tenantId, conversationId, messageId],
      );
      return rows.length > 0;
    },
  };
}

export type AnalyticsQueries = ReturnType<typeof createAnalyticsQueries>;

function parseJson(v: unknown): unknown {
  if (typeof v === 'string') {
    try {
      return JSON.parse(v);
    } catch {
      return null;
    }
  }
  return v ?? null;
}
