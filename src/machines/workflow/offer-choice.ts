import type { Understanding } from '../../domain/understanding.js';
import { MIN_INTENT_CONFIDENCE } from '../triage-decision.js';
import { fold } from './slot-extractors.js';

/**
 * "el descontracturante", "the deep tissue one", "la de gel" said right after a booking was offered
 * ("¿Te agendo uno?" under the services priced or listed): one of them picked, as a receptionist
 * takes it — the booking starts and its service slot reads the name (among the services offered).
 * Only a short pick with an article or a demonstrative, that asks nothing and that the brain could
 * not place (a sure question, "el horario?", keeps its own answer). Pure.
 */
const PICK = /^(?:(?:ok|okay|oka|dale|bueno|pues|entonces|mejor|perfecto|ah)\s+)?(?:el|la|los|las|ese|esa|este|esta|eso|un|una|the|that|this)\b(?:\s+[a-z0-9]+){1,4}$/;
const ASKS = /\b(?:cuanto|cuanta|cuando|donde|como|que|cual|precio|cuesta|vale|how|what|when|where|which|price|cost|much)\b/;
/** Words that take back or turn down, not a pick: "ese no", "that's not it". */
const NOT_A_PICK = /\b(?:no|nah|nada|ninguno|ninguna|neither|none|not)\b/;

export function picksOfferedService(text: string, reading: Understanding | null | undefined): boolean {
  if (!reading || text.includes('?') || reading.affirmation === 'no') return false;
  const unsure = reading.nlu.intent.name === 'out_of_scope' || reading.nlu.intent.confidence < MIN_INTENT_CONFIDENCE;
  if (!unsure) return false;
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return PICK.test(f) && !ASKS.test(f) && !NOT_A_PICK.test(f);
}

/** Thanks in the message ("ok gracias", "perfecto, thanks"). */
const THANKS = /\b(?:gracias|grasias|thanks|thank you|thank u|thx|ty|bendiciones)\b/;
/** A yes said in so many words ("sí, gracias", "yes please"), not an acknowledgment. */
const SAYS_YES = /\b(?:si|yes|yeah|yep|claro|por favor|porfa|please|agendame|agendalo|reservame|book)\b/;

/**
 * "ok gracias", "dale, gracias", "perfect, thanks" after "¿Te agendo uno?": the customer closing
 * with thanks, not taking the offer (a receptionist says "¡a la orden!", never "¿qué servicio?").
 * "sí, gracias" still takes it.
 */
export function thanksNotYes(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return THANKS.test(f) && !SAYS_YES.test(f);
}
