import { plainWords } from '../../../kernel/plain-words.js';
import { greetingWordsOnly, isOnlyGreeting } from './signals.js';

/**
 * "hola, hacen envíos?", "saludos, tienen whatsapp?": a question after a greeting, however short.
 * The greeting words outweigh two words of question for the classifier, and the question went
 * unanswered under a welcome; a clerk greets back and answers it. The question is what follows the
 * longest opening made only of greetings and forms of address (`isOnlyGreeting`), or null when
 * nothing follows it.
 *
 * @example
 * questionAfterGreeting('hola, hacen envíos?'); // 'hacen envíos?'
 * questionAfterGreeting('hola, buenas'); // null
 */
export function questionAfterGreeting(text: string): string | null {
  const words = text.trim().split(/\s+/);
  // An opening of greetings holds no word a greeting is not written with: the longest opening that
  // can be one ends before the first such word ("hola, hacen envíos?": "hola,"). Without this, every
  // longer prefix was folded and read (issue 16: quadratic in the message's words).
  let longest = 0;
  while (longest < words.length - 1 && greetingWordsOnly(words[longest] as string)) longest++;
  for (let cut = longest; cut > 0; cut--) {
    if (!isOnlyGreeting(words.slice(0, cut).join(' '))) continue;
    const rest = words.slice(cut).join(' ');
    return /\p{L}{2,}/u.test(rest) && !isOnlyGreeting(rest) && asks(rest) ? rest : null;
  }
  return null;
}

/** Words a question or a request opens with, es and en: "hacen envíos" asks, "espero que estén bien" does not. */
const ASKING_WORD =
  /^(?:que|cual|cuales|cuando|donde|adonde|como|cuanto|cuanta|cuantos|cuantas|quien|quienes|tienen|tiene|tienes|hay|hacen|hace|venden|vende|aceptan|acepta|trabajan|abren|cierran|llegan|llevan|mandan|entregan|puedo|pueden|puede|podria|podrian|se|necesito|quiero|quisiera|busco|ocupo|me|esto|eres|es|son|do|does|did|are|is|can|could|would|will|what|where|when|how|who|which|i|any)\b/;

/** The rest of the message asks something: a question mark, or a question's or request's first word. */
function asks(rest: string): boolean {
  return rest.includes('?') || ASKING_WORD.test(plainWords(rest));
}
