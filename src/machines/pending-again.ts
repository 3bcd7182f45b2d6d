/**
 * "¿sigues ahí?", "hello??" right after the bot asked something no expectation holds — which of the
 * products listed, how many square metres, which product: a clerk says "aquí estoy" and asks that
 * again in a line, never "¿en qué más te puedo ayudar?" as if nothing were pending.
 */
import type { Expectation } from '../domain/understanding.js';
import type { ProductFocus, ReplyDirective } from './conversation.contract.js';

/** The parts of the conversation's context this reads. */
export interface PendingView {
  turn: number;
  expecting: Expectation;
  productFocus?: ProductFocus | null;
}

/** The question the last answer left open, asked again briefly; null when none is. */
export function pendingQuestionAgain(context: PendingView): ReplyDirective | null {
  const focus = context.productFocus;
  const lastTurn = focus?.turn !== undefined && context.turn - focus.turn === 1;
  if (focus && lastTurn && focus.measure) return { template: `pending.measure.${focus.measure.asked}`, params: { product: focus.name } };
  if (focus && lastTurn && (focus.options?.length ?? 0) >= 2) return { template: 'pending.pick', params: { product: focus.query } };
  if (context.expecting.kind === 'product') return { template: 'pending.product' };
  return null;
}

/**
 * The focus with its turn renewed when its question (which of the list, the measurement) was just
 * asked again: a second "¿sigues ahí?" asks it once more, and "4 por 5" or "el de 1/2" after the
 * ping answers it, as it would have right after the first asking. Null when nothing of the focus
 * was asked again.
 */
export function focusAskedAgain(context: PendingView): ProductFocus | null {
  const asked = pendingQuestionAgain(context);
  const focus = context.productFocus;
  if (!asked || !focus || !('template' in asked) || asked.template === 'pending.product') return null;
  return { ...focus, turn: context.turn };
}
