import type { Understanding } from '../domain/understanding.js';
import { foldAccents } from '../kernel/fold.js';

/**
 * "¿para qué quieren mi correo?", "¿por qué necesitan mi nombre?", "why do you need my email?",
 * "what for?": the customer asks why the form wants what it asks. A salesperson says why (so the
 * advisor can reach them and send what they asked for) and asks again — never "no te entendí".
 */

/** A why, at the start of a short message ("¿y para qué?", "why do you need it?"). */
const WHY_FIRST = /^(?:y |and |pero |but )?(?:para que|pa que|por que|why|what for|how come)\b/;
/** "what do you need my email for?", "for what?". */
const WHAT_FOR = /^(?:what do you need (?:my|the|it|that|this)\b.*\bfor|for what)\b/;

/** True when a short message asks why the form wants a detail. */
export function asksWhyAsked(text: string): boolean {
  const f = foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (f === '' || f.split(' ').length > 10) return false;
  return WHY_FIRST.test(f) || WHAT_FOR.test(f);
}

/** A question about a product ("¿cuánto cuesta el porcelanato?", "do you have white paint?") asked along with an answer. */
const PRODUCT_QUESTION = /\b(?:cuanto|cuantos|cuesta|cuestan|vale|valen|precio|a como|tienen|tiene|hay|venden|how much|price|cost|do you have|do you sell|is there)\b/;

/**
 * The need told with a product question after it: the question is answered (a detour) and the
 * need, read without it, is kept — a clerk answers the price and writes the need down.
 */
export function asksProductToo(understanding: Understanding, text: string): boolean {
  if (understanding.products.length === 0 || !text.includes('?')) return false;
  const intent = understanding.nlu.intent.name;
  if (intent !== 'price_quote' && intent !== 'product_inquiry') return false;
  const need = understanding.leadFields.problem_statement;
  return typeof need === 'string' && need.length < text.trim().length - 3 && PRODUCT_QUESTION.test(foldAccents(text));
}
