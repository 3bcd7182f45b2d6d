/**
 * "voy a hacer una acera, ¿qué le pongo de refuerzo?", "vamos a techar la marquesina", "voy a colgar unos
 * cuadros": a job the
 * customer is about to do, told with "voy a" / "vamos a" — which the classifier, hearing "me voy",
 * can read as a farewell. A plan of work is a question for the counter, never a goodbye.
 */
import type { IntentScore } from '../../../domain/nlu.js';
import { namesOneThingOnly } from './narrowed-pick.js';
import { fold } from './text.js';

/** "voy a hacer", "vamos a construir", "i'm going to build", "we're gonna pour": a job about to be done. */
const PLAN =
  /\b(?:voy|vamos|van|va|estoy|estamos)\s+(?:a\s+)?(?:hacer|hacerle|construir|levantar|vaciar|techar|pintar|pañetar|panetar|enchapar|remodelar|arreglar|reparar|cambiar|reemplazar|sustituir|colocar|poner|instalar|montar|cerrar|tirar|fundir|colgar|guindar|destapar|tapar|sellar|fijar|lijar|soldar|taladrar|perforar|impermeabilizar|cablear|alambrar|haciendo|construyendo|pintando|remodelando|arreglando)\b|\b(?:i m|im|i am|we re|we are|i will|we will|gonna)\s+(?:going to\s+|gonna\s+)?(?:build|make|pour|paint|fix|repair|remodel|redo|tile|roof|install|put up|hang|seal|sand|drill|weld|unclog|wire|rewire)\b/;

/** Goods taken at the counter: "I'll take a bag of cement", "I'll take the white paint", "me llevo un saco" (never "I'll take a look", "take care"). */
const TAKES_GOODS =
  /\b(?:(?:i ?'?ll|i will) (?:take|get)|me llevo|me voy a llevar)\s+(?:a|an|one|two|three|the|some|\d+|un|una|uno|dos|tres|el|la|los|las)\s+(?!(?:look|minute|moment|second|break|rest|care|walk|note|chance|day|while|ride|vuelta|rato|momento|minuto)\b)[a-z]/;

/** Words that close a conversation whatever else is said ("me voy, gracias", "bye"). */
const FAREWELL = /\b(?:adios|bye|chao|chau|hasta luego|hasta pronto|nos vemos|me voy|ya me voy|see you|goodbye|good bye)\b/;

/** A question with a measure in it ("¿soporta hasta 80 kg?", "¿llega hasta 3 metros?"): the "hasta" of a figure, never "hasta luego". */
const MEASURED_QUESTION = /\d\s*(?:kg|kgs|kilos?|libras?|lbs?|pounds?|metros?|mts?|m|pies|ft|feet|pulgadas?|galones?|litros?|watts?|w|amperios?|amps?)\b[^?]*\?|\?[^?]*\d\s*(?:kg|kilos?|libras?|lbs?|metros?|pies|pulgadas?|galones?|litros?)\b/;

/** Confidence of a plan of work read as a question for the counter (sure enough to act, not to hand off). */
const PLAN_CONFIDENCE = 0.4;

/** The classifier's farewell, unless the message tells a job about to be done, takes goods or asks a measure: then a product question. */
export function notAFarewell(intent: IntentScore, text: string): IntentScore {
  if (intent.name !== 'goodbye') return intent;
  const f = fold(text);
  return (PLAN.test(f) || TAKES_GOODS.test(f) || MEASURED_QUESTION.test(f) || namesOneThingOnly(f.replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim())) && !FAREWELL.test(f) ? { name: 'product_inquiry', confidence: Math.max(PLAN_CONFIDENCE, 1 - intent.confidence) } : intent;
}
