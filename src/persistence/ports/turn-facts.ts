/**
 * What analysis needs about one turn that the transcript does not say (docs/analytics.md): how
 * long it took, which brain read the message (and the model, tokens and cost when it was an
 * LLM), tool calls, the outcome, the customer's sentiment, the machine state left and entered,
 * and the lead's progress. No personal data: ids, labels and numbers only.
 */
export interface TurnFact {
  tenantId: string;
  /** Null when the turn failed before its conversation was known. */
  conversationId: string | null;
  /** The envelope seq the turn produced; 0 for a turn that failed (nothing was committed). */
  seq: number;
  messageId: string | null;
  /** ISO time of the turn. */
  at: string;
  /** The tenant's calendar day of `at` (`YYYY-MM-DD`, in the tenant's time zone). */
  day: string;
  channel: string;
  /** The machine event (`user.message`, `agent.message`, `conversation.close`, …). */
  event: string;
  /** `ok` or the error code the turn failed with. */
  outcome: string;
  /** Wall time from arrival to committed reply (customer messages), or of the turn itself. */
  turnMs: number | null;
  /** `rule`, `llm`, `fallback` (the rule brain answered for the LLM), null: no reading. */
  brain: string | null;
  model: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /** US dollars from the configured per-model price table; null when unknown. */
  costUsd: number | null;
  toolCalls: number;
  /**
   * The intent the bot acted on (the routing's, `context.routedIntent`), as a built-in behaviour;
   * a message it acted on no intent for (asked to clarify, not understood) keeps the brain's
   * reading. Null: no reading (a rating, a relayed message).
   */
  intent: string | null;
  /** The brain's reading of the message (its top intent), whatever the routing did with it. */
  reading: string | null;
  /** The brain's confidence in its reading. */
  confidence: number | null;
  /** The message was not understood (the streak of misunderstandings grew). */
  misunderstood: boolean;
  /** Why the bot could not serve this message: `not_understood`, `low_confidence`, `not_found`, `handoff_failure`; null when it could. */
  unmet: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  stateFrom: string | null;
  stateTo: string | null;
  phaseFrom: string | null;
  phaseTo: string | null;
  /** Set on the turn that handed the conversation off. */
  handoffReason: string | null;
  /** Lead status before and after (`none`, `collecting`, `confirming`, `submitted`, `failed`). */
  leadFrom: string | null;
  leadTo: string | null;
  /** Lead fields known after the turn (names only, never values). */
  leadFields: string[];
  /** The catalog SKU a customer message was answered with (a product newly in focus); null otherwise. */
  product: string | null;
  /** Every SKU the message was newly answered with, `product` first (a quote of several lines); absent: `product` alone. */
  products?: string[];
}

/**
 * Where turn facts go. Written off the turn's path (after the reply is committed), in batches;
 * recording twice the same committed turn (tenant, conversation, seq > 0) keeps one row.
 */
export interface TurnFactsStore {
  record(facts: readonly TurnFact[]): Promise<void>;
}
