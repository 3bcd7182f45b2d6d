import type { RoutedIntent } from '../machines/routed-intent.js';

/**
 * The part of a conversation's context that says what a customer's message was about: the
 * intent the routing acted on (`routedIntent`, set by the machine's `route` action) and the brain's
 * reading of the message (`understanding.nlu.intent`). Read by the host (transcript lines, the
 * 'turn' log line) and by analytics (`turn-facts.ts`); docs/architecture.md §3, "The turn's intent".
 */
export interface TurnIntentView {
  routedIntent?: RoutedIntent | null;
  understanding?: { nlu?: { intent?: { name?: string; label?: string; confidence?: number } } } | null;
}

/**
 * The intent a customer turn records on its transcript lines, in the tenant's words: the label of
 * the intent the routing acted on (`agendar_cita`), else its behaviour's name (`product_inquiry`);
 * undefined when the routing acted on none (a clarifying question, a message not understood, a
 * rating, a message relayed to the human holding the conversation).
 *
 * @example
 * routedLabelOf({ routedIntent: { name: 'product_inquiry' }, understanding: { nlu: { intent: { name: 'complaint' } } } }) // 'product_inquiry'
 */
export function routedLabelOf(context: TurnIntentView): string | undefined {
  const routed = context.routedIntent;
  return routed ? (routed.label ?? routed.name) : undefined;
}

/** The brain's reading of the last message (its label, else its behaviour), for logs and debugging. */
export function readingLabelOf(context: TurnIntentView): string | undefined {
  const intent = context.understanding?.nlu?.intent;
  return intent ? (intent.label ?? intent.name) : undefined;
}
