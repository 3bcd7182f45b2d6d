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

/**
 * "¿quién me va a llamar?", "¿cuándo me contactan?", "¿cuánto tardan en llamarme?", "who will
 * contact me?", "how long until I hear back?": the customer asks who answers their request and
 * how. A salesperson says so (an advisor, by the contact given, by urgency) and goes on — never
 * "no te entendí", nor the delivery times the words "cuánto tardan" lean to.
 */
const WHO_CONTACTS = [
  /\bquien(?:es)? (?:me|nos) (?:va|van|iria|irian)? ?a? ?(?:llam|contact|escrib|atend|atiend|respond|comunic)\w*/,
  /\bquien(?:es)? (?:me|nos) (?:llama|llaman|contacta|contactan|escribe|escriben|atiende|atienden|responde|responden)\b/,
  /\b(?:cuando|en cuanto tiempo|cuanto tiempo|que tan rapido|que tan pronto) (?:me|nos) (?:va|van|vas)? ?a? ?(?:llam|contact|escrib|respond|comunic|devuelv)\w*/,
  /\b(?:cuanto|que tanto) (?:tiempo )?(?:se )?(?:tardan|tarda|demoran|demora|duran|dura) (?:en|para) (?:llamar|contactar|responder|escribir|comunicar|devolver)\w*/,
  /\b(?:me|nos) (?:van a|va a)? ?(?:llamar|llaman|llama) o (?:me |nos )?(?:van a |va a )?(?:escribir|escriben|escribe)\b/,
  /\bcomo (?:me|nos) (?:van a |va a )?(?:contactar|contactan|contacta|localizar|localizan)\b/,
  /\bwho(?:'?s| is| will| would)? (?:going to |gonna )?(?:call|contact|reach|email|text|get back to|be in touch with|answer) (?:me|us)\b/,
  /\b(?:when|how soon|how long) (?:will|would|until|before|till|does it take|do you take|does it take for) (?:you |someone |somebody |they |the advisor |an advisor |anyone )?(?:to )?(?:call|contact|reach|get back|hear back|get in touch|be in touch|answer|respond|reply|email)\b/,
  /\bhow long (?:until|before|till) i (?:hear|get) (?:back|a call|an answer)\b/,
];

/** True when a short message asks who will answer the request, when or how. */
export function asksWhoWillContact(text: string): boolean {
  const f = foldAccents(text).replace(/[^a-z0-9'\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (f === '' || f.split(' ').length > 16) return false;
  return WHO_CONTACTS.some((re) => re.test(f));
}

/**
 * A product question asked where a choice of the form is pending ("what's the price of 1/2 inch
 * rebar?" to "Which area: Ventas, Soporte…?"): a detour the clerk answers, then asks again — never
 * an area read from the word "price" with the question left unanswered. Naming a choice ("sales,
 * and how much is the rebar?") answers it.
 */
export function asksProductInsteadOfChoice(understanding: Understanding, text: string, choices: readonly string[]): boolean {
  if (understanding.products.length === 0 || !text.includes('?')) return false;
  const intent = understanding.nlu.intent.name;
  if (intent !== 'price_quote' && intent !== 'product_inquiry') return false;
  const words = ` ${foldAccents(text).replace(/[^a-z0-9]+/g, ' ')} `;
  if (choices.some((c) => words.includes(` ${foldAccents(c).replace(/[^a-z0-9]+/g, ' ').trim()} `)) || /\b(?:sales|support|billing|other)\b/.test(words)) return false;
  return PRODUCT_QUESTION.test(foldAccents(text));
}
