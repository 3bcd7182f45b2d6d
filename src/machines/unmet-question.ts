/**
 * A question about one good's size, capacity, make, cost or duration, with no goods of its own:
 * "¿y de cuántos watts?", "¿cuánto dura con un galón?", "¿y la marca?", "how many BTU?". Right
 * after the store said it does not sell a good, it is about that good (`unmet-followup.ts`).
 */
import { plainWords } from '../kernel/plain-words.js';

/** Sizes, capacities, makes and costs asked of one thing, with no goods of their own. */
export const SPEC_WORD =
  String.raw`(?:watts?|vatios?|kilovatios?|kw|kva|btu|btus|pies|pie|pulgadas?|litros?|galones?|libras?|kilos?|toneladas?|caballos?|hp|voltios?|volts?|amperes?|amperios?|amps?|tamano|tamanos|capacidad|potencia|marca|marcas|modelo|modelos|medida|medidas|color|colores|garantia|precio|feet|foot|inches|liters|gallons|pounds|horsepower|size|sizes|capacity|power|brand|brands|model|models|warranty|price)`;
/** Features asked of a good alone ("¿con luz?", "with a remote?"). */
export const FEATURE_WORD = String.raw`(?:luz|luces|lampara|control(?:\s+remoto)?|remoto|bateria|baterias|motor|ruedas?|wifi|temporizador|light|lights|lamp|remote(?:\s+control)?|battery|batteries|wheels?|timer)`;
const SPEC_QUESTION = new RegExp(
  [
    // "¿y de cuántos watts?", "de que tamaño", "cuantos btu", "what size", "how many watts", "which brand"
    String.raw`^(?:(?:y|e|and|pero|but|ok|okay)\s+)*(?:(?:de|en|con|of|in)\s+)?(?:cuant[oa]s?|que|q|cual(?:es)?|how\s+many|how\s+much|what|which)\s+(?:(?:es|son|is|are|the)\s+)?(?:(?:el|la|los|las)\s+)?${SPEC_WORD}\b`,
    // "¿y la marca?", "la marca cual es", "and the brand?", "y el precio?"
    String.raw`^(?:(?:y|e|and|pero|but|ok|okay)\s+)*(?:el|la|los|las|the|its)\s+${SPEC_WORD}\b`,
    // "¿cuánto dura con un galón?", "cuanto gasta", "cuánto cuesta", "how long does it last", "how much is it"
    String.raw`^(?:(?:y|e|and|pero|but|ok|okay)\s+)*(?:cuanto|cuantas\s+horas|how\s+long|how\s+much)\s+(?:(?:me|le|te)\s+)?(?:dura|duran|gasta|gastan|consume|consumen|rinde|cuesta|cuestan|sale|salen|vale|valen|does\s+it|do\s+they|is\s+it|are\s+they|would\s+it)\b`,
    // "¿con luz?", "y con control remoto?", "with a remote?": a feature of it asked alone
    String.raw`^(?:(?:y|e|and|pero|but|ok|okay)\s+)*(?:(?:la|el|lo|las|los)\s+hay\s+|(?:is|are)\s+there\s+(?:one|any)\s+|(?:la|el|lo)\s+tienen\s+)?(?:con|sin|with|without|que\s+(?:tenga|traiga))\s+(?:(?:un|una|a|an)\s+)?${FEATURE_WORD}$`,
  ].join('|'),
);

/** At most this many words: a longer message says more than a question about the good. */
const MAX_WORDS = 10;

/** Whether the message asks only about one good's size, make, cost or duration (`SPEC_QUESTION`). */
export function asksAboutUnmet(text: string): boolean {
  const t = plainWords(text);
  return t.split(' ').length <= MAX_WORDS && SPEC_QUESTION.test(t);
}
