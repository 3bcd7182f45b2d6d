import { foldWithMap } from './text.js';

export { questionAfterGreeting } from './greeting-question.js';

/**
 * Greetings, thanks and a bare answer around a request ("Hola, ¿tienen cemento? gracias", "no, el
 * de 3/8"): set aside so the request is what the classifier reads.
 */
const LEADING_COURTESY =
  /^\s*(?:(?:hola|ola|buenas|buenos dias|buen dia|buenas tardes|buenas noches|saludos|klk|saludos cordiales|hi|hello|hey|good morning|good afternoon|good evening|disculpe|disculpa|excuse me|oiga|mira|mire)\b[\s,.!;:]*)+/;
/**
 * A bare answer before a comma ("no, quiero el de 3/8", "ok, y el zinc?"): the answer to the bot's
 * last question, not the request. Only with punctuation after it ("no me llegó" keeps its "no").
 */
const LEADING_ANSWER = /^\s*(?:(?:no|nop|si|sip|ok|okey|okay|dale|bueno|perfecto|listo|ya|claro|vale|ah|oh|nada|yes|yeah|nope|well)\s*[,.!;:]+\s*)+/;
/**
 * Thanks before a new request ("gracias, y la espuma expansiva?", "thanks! do you have grout?"):
 * the thanks closes the last answer, the rest is the request. Never thanks for something ("gracias
 * por la info", "thanks for your help"), which is the whole message.
 */
const LEADING_THANKS =
  /^\s*(?:(?:ok|okey|okay|dale|perfecto|listo|bueno|(?:ta|esta|tá|está) (?:bien|bueno|perfecto)|excelente|chevere|great|perfect|alright|all right|cool|ah|oh)[\s,.!;:]+)?(?:(?:muchas|mil|muchisimas)\s+)?(?:gracias|thanks|thank you|thx|ty)(?:\s+(?:so much|a lot|very much))?(?:\s+(?:mi (?:hermano|pana|amigo|amiga)|amigo|amiga|bro|jefe|my friend))?(?![\s,.!;:]*(?:por|x|for|a ti|a usted|to you)\b)[\s,.!;:]+/;
const NEXT_REQUEST = /^(?:y|e|and|tambien|also|ademas|otra cosa|otra pregunta|one more thing|another thing|another question|do you|tienen|venden|hay|cuanto|how much|necesito|quiero|i need|i want|i d like)\b/;
const TRAILING_COURTESY = /(?:[\s,.!;:]*\b(?:gracias|muchas gracias|mil gracias|thanks|thank you|por favor|porfa|please|pls|bendiciones|saludos))+[\s.!]*$/;

/**
 * "Hola, ¿tienen cemento? gracias" is a product question: greetings and thanks around a request
 * would otherwise drown it. Only stripped when enough request is left (3+ words).
 */
export function stripCourtesy(text: string): string {
  const f = foldWithMap(text);
  const greeting = f.folded.match(LEADING_COURTESY)?.[0].length ?? 0;
  const thanks = f.folded.slice(greeting).match(LEADING_THANKS)?.[0].length ?? 0;
  // Only a question or a request joined on ("y …", "and …") follows thanks as a new request: "gracias, ya compré en otro lado" is the thanks.
  const asksOn = thanks > 0 && (text.includes('?') || NEXT_REQUEST.test(f.folded.slice(greeting + thanks)));
  const courtesy = greeting + (asksOn ? thanks : 0);
  const answer = f.folded.slice(courtesy).match(LEADING_ANSWER)?.[0].length ?? 0;
  const head = courtesy + answer;
  const tail = f.folded.slice(head).match(TRAILING_COURTESY)?.[0].length ?? 0;
  const core = text.slice(f.map[head] ?? 0, f.map[f.folded.length - tail] ?? text.length);
  // After "no," two words are a request already ("no, el gris").
  const enough = answer > 0 ? 2 : 3;
  return core.trim().split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length >= enough ? core : text;
}
