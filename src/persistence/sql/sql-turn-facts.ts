import type { TurnFact, TurnFactsStore } from '../ports/turn-facts.js';
import type { Database } from './database.js';
import { sqlSafeJson } from './sql-safe.js';
import { hotStatement, queryRaw } from './sql-raw.js';

/**
 * One statement per batch: the facts travel as one JSON array and are expanded by
 * `jsonb_to_recordset`. A fact whose conversation is gone (erased between the turn and the write)
 * is dropped rather than failing the batch; a committed turn already recorded is kept once.
 */
const RECORD_SQL = `
insert into turn_facts (tenant_id, conversation_id, seq, message_id, at, day, channel, event, outcome, turn_ms, brain, model,
  tokens_in, tokens_out, cost_usd, tool_calls, intent, reading, confidence, misunderstood, unmet, sentiment, state_from, state_to,
  phase_from, phase_to, handoff_reason, lead_from, lead_to, lead_fields, product, products)
select r."tenantId", r."conversationId", r.seq, r."messageId", r.at, r.day, r.channel, r.event, r.outcome, r."turnMs", r.brain, r.model,
  r."tokensIn", r."tokensOut", r."costUsd", r."toolCalls", r.intent, r.reading, r.confidence, r.misunderstood, r.unmet, r.sentiment, r."stateFrom", r."stateTo",
  r."phaseFrom", r."phaseTo", r."handoffReason", r."leadFrom", r."leadTo", coalesce(array(select jsonb_array_elements_text(r."leadFields")), '{}'), r.product,
  case when r.products is null then null else array(select jsonb_array_elements_text(r.products)) end
from jsonb_to_recordset($1::jsonb) as r("tenantId" text, "conversationId" text, seq int, "messageId" text, at timestamptz, day date,
  channel text, event text, outcome text, "turnMs" float8, brain text, model text, "tokensIn" int, "tokensOut" int, "costUsd" numeric,
  "toolCalls" int, intent text, reading text, confidence real, misunderstood boolean, unmet text, sentiment text, "stateFrom" text, "stateTo" text,
  "phaseFrom" text, "phaseTo" text, "handoffReason" text, "leadFrom" text, "leadTo" text, "leadFields" jsonb, product text, products jsonb)
where r."conversationId" is null
   or exists (select 1 from conversations c where c.tenant_id = r."tenantId" and c.id = r."conversationId")
on conflict (tenant_id, conversation_id, seq) where seq > 0 do nothing`;

const RECORD = hotStatement('record_turn_facts', RECORD_SQL);

/**
 * The SQL turn-facts store (PostgreSQL and embedded PGlite alike).
 *
 * @example
 * const facts = createSqlTurnFacts(db);
 * await facts.record([fact]);
 */
export function createSqlTurnFacts(db: Database): TurnFactsStore {
  return {
    async record(facts) {
      if (facts.length === 0) return;
      await queryRaw(db, RECORD, [sqlSafeJson(facts as TurnFact[])]);
    },
  };
}
