/**
 * A follow-up without the words around what it asks (`followUpCore`): the lead of a correction, a
 * pick asked for, the narrowing words, the purpose of the goods. Split from `product-focus.ts`, whose
 * readers test what is left.
 */
import { foldMessage as fold } from './count-words.js';
import { bucketAsked } from './pack-asked.js';
import { withoutAddLead } from './add-words.js';

export const ONLY = /\b(?:nada\s+mas|nomas|no\s+mas|solamente|solo|unicamente|only|just)\b/;
const ONLY_ALL = new RegExp(ONLY.source, 'g');

/**
 * A follow-up without the words around what it asks: a correction's lead ("no, …", "mejor …",
 * "I mean …", "sí, pero …") and the narrowing ones ("nada más", "only").
 *
 * @example
 * followUpCore('no, I only want the 5/8'); // 'the 5/8'
 */
export function followUpCore(text: string): string {
  // Issue 16, session 36: a replace that is not anchored at the start runs only when the text, as the
  // steps before left it, holds a literal all its matches contain (an apostrophe or a hyphen, "ta",
  // "tan", the narrowing words' "mas"/"sol"/...); otherwise it would give the text back unchanged.
  let t = fold(text);
  if (t.includes("'") || t.includes('-')) t = t.replace(/'|(?<=[a-z])-(?=[a-z])/g, ' ');
  t = withoutAddLead(bucketAsked(t)); // "is it cheaper by the bucket?": the bucket; "agrégale 3 de 12w": the count
  // Dominican speech: "¿a cómo ta?", "¿cuánto tan?" (está, están).
  if (t.includes('ta')) t = t.replace(/\bta\b/g, 'esta');
  if (t.includes('tan')) t = t.replace(/\btan\b/g, 'estan');
  if (t.includes('mas') || t.includes('sol') || t.includes('unicamente') || t.includes('only') || t.includes('just')) t = t.replace(ONLY_ALL, ' ');
  t = t.replace(/\s+/g, ' ').trim();
  t = t
    // "ok what about the 1/2 inch then", "bueno, y de 3/4?", "entonces dame 10 de 3/8": the word that takes the answer in before the follow-up.
    .replace(/^(?:(?:ok|okay|oki|okey|alright|bueno|ah\s+ok|so|well|entonces|pues|dale|then|esta\s+bien|perfecto|listo)\s+)+(?=\S)/, '')
    // "no espera, mejor de 16 pies", "nah mejor…", "oh wait, make it 1/2 inch": the pause before a change of mind.
    .replace(/^(?:(?:no|nop|nope|nah|na|mejor|perdon|digo|i mean|actually|sorry|rather|si pero|pero|yes but|but|espera|espere|esperate|aguanta|wait|hold on|ah+|oh+|eh+|m{2,}|hm+|pensandolo bien|mejor dicho|on second thought)\s+)+(?:(?:quiero|quise decir|era|es|queria|necesito|ocupo|i want|i meant|i need|make it|make that|make them|change it to|change that to|cambialo a|cambialo por|cambiamelo a|cambiamelo por)\s+)?(?=\S)/, '')
    // "make it grade 60", "change it to the 1/2 inch": the change of mind with no pause before it.
    .replace(/^(?:make it|make that|make them|change it to|change that to|cambialo a|cambialo por|cambiamelo a|cambiamelo por)\s+(?=\S)/, '')
    // "ese mismo pero en cubeta", "the same one but in a bucket": the product in focus, changed.
    .replace(/^(?:(?:y|and)\s+)?(?:(?:ese|esa|el|la|lo)\s+mism[oa]|(?:the\s+)?same(?:\s+one)?)(?:\s+(?:pero|but))?\s+(?=\S)/, '')
    // "la quiero en azul", "lo necesito de 3/4", "I want it in blue", "I'd like it in cream" ("I'd" spelt "i de"): the product in focus, wanted in another colour or size.
    .replace(/^(?:(?:y|and|pero|but|si|yes|yeah)\s+)?(?:(?:lo|la|los|las)\s+(?:quiero|queria|quisiera|necesito|ocupo|busco|prefiero)|i\s+(?:want|need|d\s+like|de\s+like|would\s+like|prefer)\s+(?:it|them|one)|can\s+i\s+(?:get|have)\s+(?:it|them|one)|si|yes|yeah)\s+(?=(?:en|in|de|of|colou?r)\s)/, '')
    // "¿la tienen en azul?", "do you have it in blue?": the product in focus, asked in another colour or size.
    .replace(/^(?:(?:y|and)\s+)?(?:(?:lo|la|los|las)\s+(?:tienen|tienes|tiene|venden|vendes|manejan|hay)|(?:do\s+you\s+have|you\s+have|do\s+you\s+sell|have\s+you\s+got|does\s+it\s+come|do\s+they\s+come)\s+(?:it|them|this|that|one))\s+(?=(?:en|in|de|of)\s)/, '')
    // "¿tienen en gris?", "¿hay de 1/2?", "do you have any in blue?": no kind named, so the one in focus in that colour or size.
    .replace(/^(?:(?:y|and)\s+)?(?:(?:ustedes\s+|uds\s+)?(?:tienen|tienes|tiene|hay|venden|vendes|manejan|traen)|(?:do\s+you\s+have|you\s+have|have\s+you\s+got|got)(?:\s+(?:any|one|some))?)\s+(?=(?:en|in|de)\s)/, '')
    // "dame la de 2", "quiero el de 3/4", "dame 10 de 3/4", "give me the white one": the pick, asked for.
    .replace(/^(?:dame|deme|ponme|pongame|mandame|me\s+das|me\s+da|me\s+llevo|llevo|quiero|kiero|necesito|ocupo|give\s+me|send\s+me|ill\s+take|i\s+ll\s+take|i\s+will\s+take|let\s+me\s+have|i\s+want|i\s+need)\s+(?=(?:el|la|los|las|lo|ese|esa|esos|esas|the|that|this)(?:\s|$)|\d)/, '')
    // "la de 2 entonces", "el de 3/4 por favor", "the white one then": the words around a pick.
    // "la de 3/4 también", "the 3/4 one too": the pick added to what is on the counter (order-total.ts keeps both).
    .replace(/(?:\s+(?:entonces|pues|por\s+favor|porfa|porfavor|please|pls|ok|okay|then|mejor|gracias|thanks|tambien|tb|too|also|as\s+well))+$/, '');
  // "50 de 3/8 y 30 de media pa la obra": what the goods are for is no part of the pick.
  if (PURPOSE_WORDS.some((w) => t.includes(w))) {
    t = t.replace(/\s+(?:pa|para|pal|for)\s+(?:la|el|mi|una|un|nuestra|the|my|a|our)\s+(?:obra|casa|proyecto|construccion|trabajo|negocio|job|site|project|house)(?:\s+(?:en|de|in)\s+[a-z]+(?:\s+[a-z]+)?)?$/, '');
  }
  // "la de 3/4 también, 5": the count after it is the pick's.
  if (t.includes('tambien') || t.includes('tb') || t.includes('too') || t.includes('also')) t = t.replace(/\s+(?:tambien|tb|too|also)(?=\s+\d{1,4}$)/, '');
  // "una cubeta de esa misma", "a bucket of the same one": the product in focus, in what it names.
  if (t.includes('mism') || t.includes('same')) t = t.replace(/\s+(?:(?:de|del)\s+(?:es[ae]|el|la|lo)\s+mism[oa]|of\s+the\s+same(?:\s+one)?)$/, '');
  return t;
}

/** The goods' purpose `followUpCore` drops ("pa la obra", "for the job"): every match holds one of these. */
const PURPOSE_WORDS = ['obra', 'casa', 'proyecto', 'construccion', 'trabajo', 'negocio', 'job', 'site', 'project', 'house'] as const;
