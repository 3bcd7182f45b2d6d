import { Migration } from '@mikro-orm/migrations';

/**
 * Conversation analytics (issue 15, docs/analytics.md): one `turn_facts` row per turn (what
 * analysis needs and the transcript does not say: time, brain, model, tokens and cost, tool calls,
 * outcome, sentiment, the machine state left and entered, the lead's progress) plus agents' intent
 * corrections, and the views the analytics API reads. Every view is keyed by tenant; days are the
 * tenant's calendar days (`turn_facts.day`, computed in the tenant's time zone when the fact is
 * recorded). No personal data here: texts stay in `messages`, facts carry ids, labels and numbers.
 */
export class Migration20261203160000Analytics extends Migration {
  override up(): void {
    this.addSql(`create table if not exists turn_facts (
      id bigint generated always as identity primary key,
      tenant_id text not null,
      conversation_id text null,
      seq integer not null default 0,
      message_id text null,
      at timestamptz not null,
      day date not null,
      channel text not null,
      event text not null,
      outcome text not null,
      turn_ms double precision null,
      brain text null,
      model text null,
      tokens_in integer null,
      tokens_out integer null,
      cost_usd numeric(14, 6) null,
      tool_calls integer not null default 0,
      intent text null,
      confidence real null,
      misunderstood boolean not null default false,
      unmet text null,
      sentiment text null check (sentiment is null or sentiment in ('positive', 'neutral', 'negative')),
      state_from text null,
      state_to text null,
      phase_from text null,
      phase_to text null,
      handoff_reason text null,
      lead_from text null,
      lead_to text null,
      lead_fields text[] not null default '{}',
      foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade)`);
    this.addSql(`create index if not exists turn_facts_tenant_day_idx on turn_facts (tenant_id, day)`);
    this.addSql(`create index if not exists turn_facts_conversation_idx on turn_facts (tenant_id, conversation_id)`);
    // A committed turn is recorded once, however often its completion is retried.
    this.addSql(`create unique index if not exists turn_facts_turn_unique on turn_facts (tenant_id, conversation_id, seq) where seq > 0`);

    // An agent's correction of the intent the bot read; it wins in the training export.
    this.addSql(`create table if not exists intent_corrections (
      tenant_id text not null,
      conversation_id text not null,
      message_id text not null,
      intent text not null,
      actor text not null,
      created_at timestamptz not null,
      primary key (tenant_id, conversation_id, message_id),
      foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade)`);

    this.addSql(`create or replace view conversation_stats as
      select tenant_id, day,
        count(distinct conversation_id)::int as conversations,
        (count(*) filter (where event = 'user.message'))::int as messages,
        (count(*) filter (where phase_to = 'handoff' and phase_from is distinct from 'handoff'))::int as handoffs,
        (count(*) filter (where lead_to = 'submitted' and lead_from is distinct from 'submitted'))::int as leads,
        (count(*) filter (where phase_to = 'closed' and phase_from is distinct from 'closed'))::int as closed,
        (count(distinct conversation_id) filter (where phase_to = 'handoff' and phase_from is distinct from 'handoff'))::int as handed_off_conversations,
        case when count(distinct conversation_id) = 0 then null
          else 1 - (count(distinct conversation_id) filter (where phase_to = 'handoff' and phase_from is distinct from 'handoff'))::float8 / count(distinct conversation_id) end as automation_rate,
        percentile_cont(0.5) within group (order by turn_ms) filter (where event = 'user.message') as turn_ms_p50,
        percentile_cont(0.95) within group (order by turn_ms) filter (where event = 'user.message') as turn_ms_p95,
        coalesce(sum(cost_usd), 0)::float8 as llm_cost
      from turn_facts where outcome = 'ok'
      group by tenant_id, day`);

    this.addSql(`create or replace view intent_stats as
      select tenant_id, day, intent,
        count(*)::int as count,
        coalesce(sum(confidence), 0)::float8 as confidence_sum,
        avg(confidence)::float8 as mean_confidence,
        (count(*) filter (where misunderstood))::int as misunderstood,
        avg(case when misunderstood then 1.0 else 0.0 end)::float8 as misunderstood_rate,
        (count(*) filter (where phase_to = 'handoff' and phase_from is distinct from 'handoff'))::int as handoffs,
        avg(case when phase_to = 'handoff' and phase_from is distinct from 'handoff' then 1.0 else 0.0 end)::float8 as handoff_rate
      from turn_facts where outcome = 'ok' and event = 'user.message' and intent is not null
      group by tenant_id, day, intent`);

    this.addSql(`create or replace view error_stats as
      select tenant_id, day, outcome as code, count(*)::int as count
      from turn_facts where outcome <> 'ok'
      group by tenant_id, day, outcome`);

    // Entries into each machine state (a turn that moves into it), and the conversations that got there.
    this.addSql(`create or replace view state_funnel as
      select tenant_id, day, state_to as state,
        count(*)::int as entries,
        count(distinct conversation_id)::int as conversations
      from turn_facts where outcome = 'ok' and state_to is not null and state_to is distinct from state_from
      group by tenant_id, day, state_to`);

    // Per conversation with a lead: which stages it reached, dated by the day the lead started.
    this.addSql(`create or replace view lead_progress as
      with facts as (
        select tenant_id, conversation_id, day, lead_to, lead_fields from turn_facts
        where outcome = 'ok' and lead_to is not null and lead_to <> 'none'
      ),
      started as (
        select tenant_id, conversation_id, min(day) as day, bool_or(lead_to = 'submitted') as confirmed
        from facts group by tenant_id, conversation_id
      ),
      fields as (
        select tenant_id, conversation_id, array_agg(distinct field) as fields
        from facts cross join unnest(lead_fields) as field group by tenant_id, conversation_id
      )
      select s.tenant_id, s.conversation_id, s.day, coalesce(f.fields, '{}'::text[]) as fields, s.confirmed,
        exists (select 1 from leads l where l.tenant_id = s.tenant_id and l.conversation_id = s.conversation_id) as pushed,
        -- Accepted by the CRM: its webhook answered (the lead's outbox row is done), or there is no
        -- webhook and the embedded CRM took the lead as it was pushed (no outbox row at all).
        exists (select 1 from leads l where l.tenant_id = s.tenant_id and l.conversation_id = s.conversation_id
                and not exists (select 1 from outbox_entries o where o.tenant_id = l.tenant_id and o.idempotency_key = 'crm:' || l.id and o.status <> 'done')) as accepted
      from started s left join fields f on f.tenant_id = s.tenant_id and f.conversation_id = s.conversation_id`);

    this.addSql(`create or replace view lead_funnel as
      select tenant_id, day, 0 as ord, 'started' as stage, count(*)::int as conversations from lead_progress group by tenant_id, day
      union all
      select p.tenant_id, p.day, 1 + f.ord::int, 'field:' || f.field, count(*)::int
        from lead_progress p
        cross join unnest(array['name', 'email', 'phone_or_username', 'company_name', 'interest_area', 'problem_statement', 'urgency_level']) with ordinality as f(field, ord)
        where f.field = any(p.fields)
        group by p.tenant_id, p.day, f.ord, f.field
      union all
      select tenant_id, day, 20, 'confirmed', count(*)::int from lead_progress where confirmed group by tenant_id, day
      union all
      select tenant_id, day, 21, 'pushed', count(*)::int from lead_progress where pushed group by tenant_id, day
      union all
      select tenant_id, day, 22, 'accepted', count(*)::int from lead_progress where accepted group by tenant_id, day`);

    // Per-contact figures (tenant-scoped by its arguments). A contact's thread id is `c_<uuid without dashes>`
    // (sql-records.ts); a thread moved to another contact by identity linking counts for the contact it belongs to.
    this.addSql(`create or replace function contact_stats(p_tenant text, p_contact uuid)
      returns table (conversations int, messages int, handoffs int, leads int, first_seen timestamptz, last_seen timestamptz,
                     negative_turns int, positive_turns int, llm_cost float8)
      language sql stable as $$
        select count(distinct f.conversation_id)::int,
          (count(*) filter (where f.event = 'user.message'))::int,
          (count(*) filter (where f.phase_to = 'handoff' and f.phase_from is distinct from 'handoff'))::int,
          (count(*) filter (where f.lead_to = 'submitted' and f.lead_from is distinct from 'submitted'))::int,
          min(f.at), max(f.at),
          (count(*) filter (where f.sentiment = 'negative'))::int,
          (count(*) filter (where f.sentiment = 'positive'))::int,
          coalesce(sum(f.cost_usd), 0)::float8
        from turn_facts f
        where f.tenant_id = p_tenant and f.outcome = 'ok'
          and f.conversation_id = 'c_' || replace(p_contact::text, '-', '')
      $$`);
  }

  override down(): void {
    this.addSql(`drop function if exists contact_stats(text, uuid)`);
    for (const view of ['lead_funnel', 'lead_progress', 'state_funnel', 'error_stats', 'intent_stats', 'conversation_stats']) this.addSql(`drop view if exists ${view}`);
    this.addSql(`drop table if exists intent_corrections`);
    this.addSql(`drop table if exists turn_facts`);
  }
}
