import { foldMessage } from './count-words.js';

/**
 * A question about what the product on the counter *is* — its size, its power, what it holds —
 * rather than its price: "¿cuánto mide?", "how tall is it?", "¿de cuántos watts es?", "how much
 * weight can it hold?". A clerk reads it off the product (or says the data is not at hand), never
 * "No vendemos *mide*" or "didn't get that". Pure; folded text. Weight has its own reader
 * (`tools/product-weight.ts`).
 */
export type SpecAsked = 'size' | 'power' | 'capacity' | 'load' | 'brand' | 'base' | 'gauge';

/** The weight it bears ("how much weight can it hold?", "¿cuánto peso aguanta?", "¿aguanta 100 kilos?", "can it hold 200 lbs?"), before what it holds. */
const LOAD = /\b(?:cuanto (?:peso )?(?:aguanta|soporta|resiste)|(?:aguanta|aguantan|soporta|soportan|resiste|resisten|carga|cargan|hold|holds|carry|support|supports|take)\s+(?:un\s+peso\s+de\s+|hasta\s+|up\s+to\s+)?\d+(?:[.,]\d+)?\s*(?:kilos?|kg|kgs|libras?|lbs?|pounds?)|cuanto peso (?:carga|lleva|le cabe)|how much (?:weight|load) (?:can|does|will)|max(?:imum)? (?:load|weight)|weight (?:limit|capacity|rating)|load (?:capacity|rating))\b/;
const CAPACITY = /\b(?:que capacidad|la capacidad|cuanto (?:carga|le cabe|cabe|caben)|cuantos? (?:galones|litros|pies cubicos) (?:le caben|caben|tiene|trae|lleva)|capacity|how much (?:can|does|will) (?:it|that|this|they|this one|that one) (?:hold|carry|take|support|fit)|how much (?:does|will) it hold|max(?:imum)? (?:load|weight)|weight (?:limit|capacity|rating))\b/;
const POWER = /\b(?:(?:de )?cuantos (?:watts|watt|vatios|voltios|volts|hp|caballos)|que (?:potencia|voltaje|wattage)|(?:la|su) potencia|how many (?:watts|volts|hp|horsepower)|what(?: s| is)? (?:the )?(?:wattage|voltage|power|horsepower)|how powerful)\b/;
const SIZE = /\b(?:cuanto (?:mide|miden|tiene de (?:largo|alto|ancho))|(?:de )?cuanto (?:es )?(?:el|de|su|tiene de) (?:largo|alto|ancho|altura|longitud)|(?:el|su|la) (?:largo|longitud)|que (?:tamano|medida|medidas|largo|alto|altura|ancho|dimensiones)|de que (?:tamano|medida|largo|alto)|(?:el|la|su) (?:tamano|altura)|cuantos (?:peldanos|escalones)|how (?:tall|big|wide|high|long)\b(?! (?:does|do|will|would|is the (?:delivery|warranty)))|what size|what are the (?:dimensions|measurements)|(?:its|the) dimensions|how many (?:steps|rungs))\b/;
/**
 * Its length, by the unit it is measured in ("¿cuántos pies trae cada tubo?", "¿de cuántos metros es?", "how many feet is each pipe?");
 * not "¿cuántos metros son?" (a count said in another unit) nor "¿de cuántos pies es el rollo?" (what a pack holds).
 */
const LENGTH = /\b(?:(?:de )?cuant[oa]s (?:pies|metros|pulgadas|yardas) (?:trae|traen|tiene|tienen|mide|miden|viene|vienen|es)(?! (?:el|la|cada) (?:rollo|caja|paquete|bolsa|cubeta|funda|saco|ciento))(?: (?:cada|el|la))?|how many (?:feet|foot|meters|metres|inches|yards) (?:is|does|long is)(?! (?:a|the|each) (?:roll|box|pack|bag|bucket))(?: (?:it|each|one|a|the))?|how long is (?:it|each|one|a|the)\b)/;
/** Its thickness or gauge, of a cord, wire or sheet ("¿es gruesa?", "¿de qué calibre es?", "what gauge is it?", "is it heavy duty?"). */
const GAUGE = /(?:^|\b(?:es|son|esta|e|y)\s+)(?:(?:bien|muy|medio)\s+)?grues[oa]s?\b|\bque\s+tan\s+grues[oa]|\b(?:de\s+)?(?:que|cual)\s+calibre\b|\bel\s+calibre\b|^calibre$|\bwhat\s+gauge\b|\bhow\s+thick\b|\b(?:is|are)\s+(?:it|that|this|they|the\s+cord)\s+(?:thick|heavy\s+duty)\b|^(?:thick|heavy\s+duty)$/;
/** Questions of time or service, not of the thing: "how long does delivery take", "¿cuánto tiempo dura?". */
const NOT_THE_THING = /\b(?:take|takes|tarda|tardan|delivery|deliver|entrega|warranty|garantia|dura|duran|last|lasts|tiempo|time|open|abren|cierran|cuesta|cuestan|price|precio)\b/;

/**
 * Its own brand ("¿de qué marca es?", "¿qué marca es esa?", "what brand is it?"): not which brands
 * the store has ("¿qué marcas tienen?", a focus question of its own).
 */
const BRAND = /^(?:(?:y|e|and|ok|pero)\s+)?(?:(?:de\s+)?(?:que|cual|q)\s+marca\s+(?:es|son|seria|sera|e)(?:\s+(?:esa|ese|eso|esta|este|esto|esos|esas|la|el|tu|su))?(?:\s+(?:pintura|esmalte|producto|que\s+tienen|que\s+me\s+(?:diste|dices|ofreces|ofreciste)))?|(?:es|son)\s+de\s+(?:que|cual)\s+marca|(?:what|which)\s+brand\s+(?:is|are)\s+(?:it|that|this|they|those|that\s+one|this\s+one|the\s+paint)|(?:what|which)\s+(?:s|is)\s+the\s+brand|(?:what|which)\s+brand|(?:la|the)\s+marca|the\s+brand|(?:de\s+)?(?:que|cual|q)\s+marca)$/;
/**
 * Its base, of a paint or coating ("¿es de agua o de aceite?", "¿es de aceite?", "¿es acrílica?",
 * "is it oil based?", "water or oil based?"): about the one shown, not "¿tienen de aceite?".
 */
const BASE =
  /^(?:(?:y|e|and|ok|pero)\s+)?(?:(?:esa|ese|esta|este|la|el)\s+(?:pintura|esmalte|sellador)\s+(?=es\s|son\s))?(?:(?:(?:es|son|seria|e)\s+(?:(?:esa|ese|esta|este|la|el)\s+(?:pintura\s+|esmalte\s+)?)?|(?:is|are)\s+(?:it|that|this|they|that\s+one|this\s+one|the\s+paint)\s+)?(?:(?:a\s+)?base\s+(?:de\s+)?(?:agua|aceite)|de\s+(?:agua|aceite)|acrilica|latex|esmalte|(?:water|oil)(?:\s+|-)?based|(?:water|oil)\s+base|acrylic|enamel|(?:agua|aceite|water|oil)(?=\s+(?:o|or|u)\s))(?:\s+(?:o|or|u)\s+(?:(?:a\s+)?base\s+(?:de\s+)?(?:agua|aceite)|de\s+(?:agua|aceite)|acrilica|latex|esmalte|(?:water|oil)(?:\s+|-)?based|(?:water|oil)\s+base|acrylic|enamel|(?:agua|aceite|water|oil)))?(?:\s+(?:o\s+que|o\s+no|or\s+not))?)$/;

/** Which sizes there are ("¿qué medidas tienen?", "¿de qué medida lo hay?", "what sizes do you have?"): the line's options, not this one's size. */
const WHICH_SIZES = /\b(?:tienen|hay|vienen|viene en|manejan|venden|traen|do you have|do they come|come in|comes in|sizes|otras?|other|others)\b/;

/** What a message asks of the product itself, or null. */
export function specAsked(text: string): SpecAsked | null {
  const f = foldMessage(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (f.split(' ').length > 12) return null;
  if (BRAND.test(f)) return 'brand';
  if (BASE.test(f) && /^(?:(?:y|e|and|ok|pero)\s+)?(?:(?:esa|ese|esta|este|la|el)\s+(?:pintura|esmalte|sellador)\s+)?(?:es|son|seria|e|is|are)\s|\s(?:o|or|u)\s/.test(f)) return 'base';
  if (LOAD.test(f)) return 'load';
  if (CAPACITY.test(f)) return 'capacity';
  if (NOT_THE_THING.test(f)) return null;
  if (LENGTH.test(f)) return 'size';
  if (GAUGE.test(f)) return 'gauge';
  if (POWER.test(f)) return 'power';
  if (SIZE.test(f) && !WHICH_SIZES.test(f)) return 'size';
  return null;
}
