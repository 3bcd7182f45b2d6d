import { LEAD_FIELDS } from '../domain/lead.js';
import type { ConversationEmitted } from '../machines/conversation.contract.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';

/**
 * What the host hands its observer after each committed turn (`HostObserver.committed`): the
 * machine state left and entered, the context before and after, what the machine emitted. The
 * observer reads it with {@link readCommittedTurn}; nothing here is stored as is.
 */
export interface CommittedTurn {
  key: ConversationKey;
  seq: number;
  /** The customer's message id (customer turns); null for agent and timer turns. */
  messageId: string | null;
  channel: string;
  /** The machine event type (`user.message`, `agent.message`, `conversation.close`, …). */
  event: string;
  /** ISO time of the commit (the host's clock). */
  at: string;
  /** Host-clock milliseconds from the turn's start to its commit. */
  ms: number;
  stateFrom: string;
  stateTo: string;
  before: unknown;
  after: unknown;
  emitted: readonly ConversationEmitted[];
}

/** A committed turn read for analytics: labels and numbers only, no customer text. */
export interface TurnReading {
  /** What the routing acted on (`context.routedIntent`), else the brain's reading. */
  intent: string | null;
  /** The brain's reading (its top intent), whatever the routing did with it. */
  reading: string | null;
  confidence: number | null;
  misunderstood: boolean;
  unmet: 'not_understood' | 'low_confidence' | 'not_found' | 'handoff_failure' | null;
  phaseFrom: string;
  phaseTo: string;
  handoffReason: string | null;
  leadFrom: string | null;
  leadTo: string | null;
  leadFields: string[];
  /** The SKU a customer message was answered with (newly in focus: a follow-up on it is not counted again). */
  product: string | null;
  /**
   * `product` and the other SKUs the same answer newly priced beside it ("40 fundas de cemento y 20
   * varillas": both; the focus keeps the others in `recent`); empty when `product` is null.
   */
  products: string[];
}

/** Below this the triage asks instead of acting (`MIN_INTENT_CONFIDENCE`, docs/architecture.md §3). */
const LOW_CONFIDENCE = 0.3;
/** Handoffs that happened because the bot failed, not because the customer asked. */
const FAILURE_HANDOFFS: ReadonlySet<string> = new Set(['not_understood', 'brain_unavailable', 'lead_push_failed']);

interface ContextView {
  misunderstoodStreak?: number;
  handoffReason?: string | null;
  understanding?: { nlu?: { intent?: { name?: string; confidence?: number } } } | null;
  routedIntent?: { name: string } | null;
  lead?: { status?: string; draft?: Record<string, unknown> };
  productFocus?: { sku?: string; query?: string; recent?: string[] } | null;
}

const view = (context: unknown): ContextView => (context !== null && typeof context === 'object' ? (context as ContextView) : {});
const phaseOf = (state: string): string => state.split('.')[0] ?? state;

/**
 * Reads a committed turn: the intent and confidence of a customer message, whether it was not
 * understood or could not be served (and why), the handoff it caused, the lead's progress.
 *
 * @example
 * const reading = readCommittedTurn(turn); // { intent: 'product', unmet: 'not_found', … }
 */
export function readCommittedTurn(turn: CommittedTurn): TurnReading {
  const before = view(turn.before);
  const after = view(turn.after);
  const customer = turn.event === 'user.message';
  const phaseFrom = phaseOf(turn.stateFrom);
  const phaseTo = phaseOf(turn.stateTo);
  const handoffReason = phaseTo === 'handoff' && phaseFrom !== 'handoff' ? (after.handoffReason ?? null) : null;
  const reading = customer ? (after.understanding?.nlu?.intent?.name ?? null) : null;
  // Counted as what the bot did ("y el normal?" after a product: a product question, though read as
  // a complaint); a message it could not act on counts under its reading, so `misunderstood_rate`
  // still tells which readings the bot fails on.
  const intent = customer ? (after.routedIntent?.name ?? reading) : null;
  const confidence = customer ? (after.understanding?.nlu?.intent?.confidence ?? null) : null;
  const misunderstood = customer && ((after.misunderstoodStreak ?? 0) > (before.misunderstoodStreak ?? 0) || handoffReason === 'not_understood');
  const templates = turn.emitted.flatMap((e) => (e.type === 'reply' && 'template' in e.reply ? [e.reply.template] : []));
  let unmet: TurnReading['unmet'] = null;
  if (customer) {
    if (handoffReason !== null && FAILURE_HANDOFFS.has(handoffReason)) unmet = 'handoff_failure';
    else if (misunderstood) unmet = 'not_understood';
    // Not carried at all (also when something related is offered instead: "No vendemos neveras, lo
    // que sí tenemos para eso…" is still neveras the owner may decide to stock), or a good of the
    // trade not in stock: both a need the catalog did not meet.
    else if (templates.some((t) => t === 'product.not_found' || t === 'product.not_found_related' || t.startsWith('product.not_stocked'))) unmet = 'not_found';
    else if (intent === 'unknown' || (confidence !== null && confidence < LOW_CONFIDENCE && templates.some((t) => t.startsWith('clarify.')))) unmet = 'low_confidence';
  }
  const leadTo = after.lead?.status ?? null;
  const draft = after.lead?.draft ?? {};
  const leadFields = leadTo !== null && leadTo !== 'none' ? LEAD_FIELDS.filter((f) => draft[f] !== undefined && draft[f] !== null) : [];
  // The product the answer put in focus: a new SKU, or the same asked for again in other words
  // ("y si compro 50?" keeps both and is not a second asking).
  const focus = after.productFocus;
  const was = before.productFocus;
  const product = customer && unmet === null && typeof focus?.sku === 'string' && (focus.sku !== was?.sku || focus.query !== was?.query) ? focus.sku : null;
  // Answered beside it in the same turn: in the focus's `recent` now and in neither the focus nor its `recent` before.
  const known = new Set([was?.sku, ...(was?.recent ?? [])]);
  const beside = product !== null && Array.isArray(focus?.recent) ? focus.recent.filter((sku) => typeof sku === 'string' && sku !== product && !known.has(sku)) : [];
  const products = product !== null ? [product, ...new Set(beside)] : [];
  return { intent, reading, confidence, misunderstood, unmet, phaseFrom, phaseTo, handoffReason, leadFrom: before.lead?.status ?? null, leadTo, leadFields, product, products };
}
