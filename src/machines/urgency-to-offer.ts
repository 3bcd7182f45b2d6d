import type { ChoiceExpectation, Understanding } from '../domain/understanding.js';
import { plainWords } from '../kernel/plain-words.js';

/**
 * How soon, said to "¿Quieres que un asesor te prepare una cotización?": "no rush", "no hay prisa",
 * "sin apuro", "no, es urgente", "no, it's urgent". The "no" in it is the urgency's, never a no to
 * the advisor: a clerk hears "sure, and it's (not) urgent", starts the request and writes the urgency
 * down (the brain's reading carries it, the form takes it as its first answer).
 */
const HOW_SOON = /^(?:(?:no|nah|ok|okay|si|yes|sure|dale|claro|bueno|pues|well)\s+)*(?:(?:there s |there is |hay |tengo |tenemos )?no (?:rush|hurry|prisa|apuro|urge)|(?:sin|without) (?:prisa|apuro|rush)|not (?:in a )?(?:rush|hurry)|(?:no )?(?:es|it s|its|it is|esto es|es muy|is very|muy|very)? ?(?:urgente|urgent)|(?:no )?(?:lo )?(?:necesito|necesitamos|need it|we need it) (?:ya|asap|urgente|right away|now))(?:\s+(?:please|por favor|thanks|gracias|pero|but|tho|though))*$/;

/** Whether `text` answers the lead offer `choice` with how soon, not a no (`HOW_SOON`, an urgency read). */
export function urgencyTakesLeadOffer(text: string, choice: ChoiceExpectation, u: Understanding): boolean {
  if (!choice.confirm || choice.options[0]?.intent !== 'sales_lead') return false;
  return u.urgency !== undefined && HOW_SOON.test(plainWords(text));
}
