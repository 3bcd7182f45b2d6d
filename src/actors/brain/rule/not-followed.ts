import type { Understanding } from '../../../domain/understanding.js';
import { plainWords } from '../../../kernel/plain-words.js';

/**
 * "no entiendo", "no te entendí", "¿cómo así?", "what do you mean?": the customer did not follow the
 * bot's last answer. A clerk says it again more plainly — the question still pending, or what they
 * can help with — never takes it for a complaint ("no" and "entiendo" are met in complaints) or
 * answers "no te entendí" back. Read for any brain's reading (`readingWithNotFollowed`), answered by
 * the machine (`clarify.rephrase`).
 */
const SAYS =
  /^(?:(?:perdon|disculpa|disculpe|sorry|pero|es que|oye|mira|ok|ah|eh|um+|hmm+)\s+)*(?:no\s+(?:te\s+|le\s+|les\s+|lo\s+)?(?:entiendo|entendi|entendio|entiendi|comprendo|comprendi|capto|capte|copio|copie|pillo|pille)(?:\s+(?:nada|bien|muy bien|eso|lo que (?:me )?(?:dices|dijiste|dice|quieres decir)|que (?:me )?(?:dices|dijiste)))?|como\s+asi|que\s+(?:quieres|quiere|quiso|quisiste)\s+decir(?:\s+con\s+eso)?|que\s+significa(?:\s+eso)?|a\s+que\s+te\s+refieres|que\s+(?:me\s+)?(?:dijiste|dices|dice)|no\s+se\s+(?:que|lo que)\s+(?:me\s+)?(?:dices|quieres decir)|explicame(?:\s+mejor)?|(?:i\s+)?(?:don\s*t|do not|didn\s*t|did not)\s+(?:understand|get\s+(?:it|that|you))(?:\s+(?:you|that|what you mean))?|what\s+do\s+you\s+mean(?:\s+by\s+that)?|what\s+does\s+that\s+mean|(?:i\s+m\s+|im\s+)?confused|come\s+again|say\s+(?:that\s+)?again)$/;

/** A bare "?", "¿qué?", "¿eh?", "what?": not following, once the bot has said something (`'bare'`). */
const BARE = /^(?:que+|eh+|ah+|mande|como|what|huh|pardon|sorry)?$/;

/** The customer says they did not follow ("no entiendo", "¿cómo así?", "I don't understand"), or only asks "?" (`'bare'`). */
export function saysNotFollowed(text: string): boolean | 'bare' {
  const t = plainWords(text).replace(/\s+(?:por favor|porfa|please|pls)$/, '');
  if (text.includes('?') && BARE.test(t)) return 'bare';
  return t !== '' && t.split(' ').length <= 9 && SAYS.test(t);
}

/**
 * Any brain's reading with `notFollowed` set when the message says the customer did not follow.
 * Only readings that would not act on something else: a nothing understood, small talk, an unsure one,
 * or the complaint the words lean to ("no entiendo nada, ¿dónde está mi pedido?" keeps its request).
 */
export function readingWithNotFollowed<T extends Understanding>(reading: T, text: string): T {
  const { name, confidence } = reading.nlu.intent;
  const other = confidence >= 0.45 && !['out_of_scope', 'complaint', 'greeting', 'thanks', 'goodbye'].includes(name);
  const said = reading.notFollowed || other || reading.critical ? false : saysNotFollowed(text);
  return said === false ? reading : { ...reading, notFollowed: said };
}
