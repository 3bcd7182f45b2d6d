/**
 * A bare "sí" with nothing pending answers the bot's "¿Te ayudo con algo más?" / "¿En qué te puedo
 * ayudar?": the customer has something else to ask. A clerk says "¡Claro! ¿Qué más necesitas?"
 * rather than "¡Con mucho gusto!" (a thank-you's answer). "ok" / "perfecto" / "listo" stay
 * acknowledgments; "no" closes politely (read by the brain as a goodbye).
 */
import { foldAccents } from '../kernel/fold.js';

const fold = foldAccents;

const YES_TO_MORE =
  /^(?:si+|sip|sii+|claro|claro que si|si claro|dale|dale si|si por favor|si porfa|si senor|si senora|si hay algo|si tengo otra (?:pregunta|consulta)|si otra cosa|si algo mas|por supuesto|yes|yeah|yep|yup|sure|yes please|of course|i do|yes i do)$/;

/** "sí", "claro", "dale", "sí, por favor", "yes": a yes with nothing else in it. */
export function saysYesToMore(text: string): boolean {
  const t = fold(text)
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\uFE0F]/gu, ' ')
    .replace(/[¿?¡!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return YES_TO_MORE.test(t);
}
