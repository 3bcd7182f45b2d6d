/**
 * A price asked with nothing named: "¿cuánto cobran?", "¿y a cómo sale?", "how much is it?",
 * "what do you charge?". Right after the store said it delivers to a place, a clerk hears the
 * delivery's price there — not a product to be named ("¿Qué producto estás buscando?"). Pure text
 * rule over the accent-folded message.
 */
import { foldAccents } from '../kernel/fold.js';

const PRICE_ALONE =
  /^(?:(?:y|e|ok|okay|ah|pues|bueno|entonces|and|so|ok\s+so)\s+)*(?:(?:y\s+)?(?:cuanto|a\s+como|a\s+cuanto|que\s+precio|how\s+much)(?:\s+(?:me\s+|nos\s+|le\s+)?(?:cobran|cobras|cobra|cuesta|costaria|sale|saldria|seria|es|vale|tiene|is\s+it|is\s+that|does\s+it\s+cost|would\s+it\s+be|will\s+it\s+be|do\s+you\s+charge|does\s+it\s+run))?(?:\s+(?:eso|por\s+eso|por\s+llevarlo|por\s+llevarla|por\s+llevar|for\s+that|for\s+it|there|alla|hasta\s+alla|then|entonces))*|what\s+(?:do\s+you\s+charge|s\s+the\s+(?:fee|charge|cost|price)|is\s+the\s+(?:fee|charge|cost|price))|(?:y\s+)?(?:el\s+)?(?:precio|costo)|(?:and\s+)?(?:the\s+)?(?:fee|cost|price))$/;

/** The message asks a price and names nothing ("¿cuánto cobran?", "how much is it?"). */
export function asksPriceAlone(text: string): boolean {
  if (text.length > 60) return false;
  const t = foldAccents(text).toLowerCase().replace(/['’]/g, ' ').replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  return PRICE_ALONE.test(t);
}
