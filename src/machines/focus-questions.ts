/**
 * Questions a customer asks about what is on the counter — the product just shown, or the list of
 * options — in a few words: "¿lo tienen en otro color?", "¿tienes otra marca?", "¿hay más barato?",
 * "¿cuál me recomiendas?", "¿cuál es la diferencia?", "el de DeWalt". Pure text rules, read by the
 * machine's routing (is this about the product in focus?) and by the product tool (what to answer).
 */

import { createLru, remembered } from '../kernel/lru.js';
import { asksPackCount } from './pack-count-question.js';
import { asksRestock } from './restock-question.js';

/** What a short question about the product in focus asks. */
export type FocusQuestion =
  /** "¿lo tienen en otro color?", "¿qué colores hay?", "do you have it in another colour?": the colours of that line. */
  | { kind: 'colours' }
  /** "¿tienes otra marca?", "¿qué marcas tienen?", "any other brand?": the same thing by other brands. */
  | { kind: 'brands' }
  /** "¿hay más barato?", "¿algo más económico?", "is there a cheaper one?": cheaper than what was shown. */
  | { kind: 'cheaper' }
  /** "¿cuál es la diferencia?" (recommend false), "¿cuál me recomiendas?", "¿cuál es mejor?" (recommend true). */
  | { kind: 'compare'; recommend: boolean }
  /** "el de DeWalt", "la Popular", "the Truper one": one of them by a word of its name (a brand, as a rule). */
  | { kind: 'named'; word: string }
  /** "¿cuánto el pie?", "a cómo el metro?", "how much per foot?": its price by that unit. */
  | { kind: 'per_unit'; unit: PricedUnit; count?: true }
  /** "¿qué medidas tienen?", "¿de cuál tienen?", "¿cuáles hay?", "what sizes do you have?": the sizes of that line. */
  | { kind: 'sizes' }
  /** "¿es para exterior?", "¿sirve pa afuera?", "for outdoor use?", "is it for indoors?": whether it is for that place. */
  | { kind: 'where'; place: 'outdoor' | 'indoor' }
  /** "¿trae brocas?", "¿viene con asiento?", "¿el tanque viene incluido?", "does it come with a seat?": whether it comes with that. */
  | { kind: 'includes'; thing: string; said: string; apart?: true }
  /** "¿cuál dura más?", "¿cuánto dura?", "which lasts longer?": how long it (or each of those talked of) lasts. */
  | { kind: 'lasts' }
  /** "¿viene completo?", "¿trae todo? o hay que comprar aparte…?", "does it come with everything?": what it comes with, and what goes apart. */
  | { kind: 'complete' }
  /** "¿cuántos trae la caja?", "¿de cuántos es el rollo?", "how many come in a box?": how many it comes in. */
  | { kind: 'pack_count' }
  /** "¿y cuándo les entra?", "¿pa cuándo lo tienen de nuevo?", "when will you have it back in stock?": when the store gets it in again. */
  | { kind: 'restock' }
  /** "¿sirve pa una columna?", "¿se puede usar para pegar cerámica?", "is it good for a column?": whether it does that job. */
  | { kind: 'suits'; use: string }
  /** "¿cuál es mejor pa un piso?", "which one for a driveway?", "y pa un baño que coge humedad?": which of them (or of their kind) is for that. */
  | { kind: 'purpose'; use: string; which?: true };

/** Units a price is asked by: linear foot, board foot, metre, square metre, gallon, pound, bag, piece, roll, box. */
export type PricedUnit = 'ft' | 'bf' | 'm' | 'm2' | 'gal' | 'lb' | 'bag' | 'piece' | 'roll' | 'box';

const MAX_WORDS = 10;

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[¿?¡!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A question's lead that adds nothing: "y", "ok", "pero", "oye", "and", "so". */
const LEAD = /^(?:(?:y|e|ok|okay|ah|pues|entonces|bueno|oye|mira|pero|and|so|but|hmm|ok so)\s+)+/;

/**
 * The folded question without its lead, or null when empty or longer than `MAX_WORDS` words. The
 * routing asks `readFocusQuestion` about one message from several guards in a pass: the last
 * text's reading is kept (one entry; a string, so no caller can change it).
 */
let lastQuestionOf: string | undefined;
let lastQuestion: string | null = null;
function questionText(text: string): string | null {
  if (text === lastQuestionOf) return lastQuestion;
  const t = fold(text).replace(LEAD, '');
  let words = 1;
  for (let i = t.indexOf(' '); i !== -1 && words <= MAX_WORDS; i = t.indexOf(' ', i + 1)) words++;
  lastQuestion = t === '' || words > MAX_WORDS ? null : t;
  lastQuestionOf = text;
  return lastQuestion;
}

const COLOURS =
  /^(?:(?:lo|la|los|las|it|them)\s+)?(?:(?:tienen|tienes|tiene|hay|venden|vendes|manejan|traen|viene|vienen|do\s+you\s+have|do\s+you\s+sell|you\s+have|does\s+it\s+come|do\s+they\s+come|is\s+there|are\s+there|have\s+you\s+got)\s+)?(?:(?:it|them|one|this)\s+)?(?:(?:en|de|in)\s+)?(?:(?:otros?|otras?|mas|another|other|more|different|any\s+other)\s+(?:colou?res?|colou?rs?|tonos?)|(?:que|q|cuales|what|which)\s+(?:otros\s+)?(?:colou?res|colou?rs?)(?:\s+(?:(?:la|lo|las|los)\s+)?(?:hay|tienen|tienes|tiene|vienen|viene|manejan|do\s+you\s+have|does\s+it\s+come\s+in|do\s+they\s+come\s+in|are\s+there|is\s+it|are\s+they))?|(?:colou?res|colou?rs))(?:\s+(?:tienen|tienes|hay|mas|please|porfa))?$/;
const BRANDS =
  /^(?:(?:lo|la|los|las|it|them)\s+)?(?:(?:tienen|tienes|tiene|hay|venden|vendes|manejan|manejas|trabajan|traen|do\s+you\s+have|do\s+you\s+sell|do\s+you\s+carry|you\s+have|is\s+there|are\s+there|have\s+you\s+got)\s+)?(?:(?:it|them|one)\s+)?(?:(?:en|de|of|from|by|in)\s+)?(?:(?:otras?|otros?|another|other|any\s+other|a\s+different|different)\s+(?:marcas?|brands?)|(?:que|cuales|what|which)\s+(?:otras\s+)?(?:marcas?|brands?)(?:\s+(?:hay|tienen|tienes|manejan|trabajan|do\s+you\s+have|do\s+you\s+carry|are\s+there))?|(?:marcas?|brands?))(?:\s+(?:tienen|tienes|hay|please|porfa))?$/;
const CHEAPER =
  /^(?:(?:no\s+)?(?:hay|tienen|tienes|tiene|tendras|tendran|habra|do\s+you\s+have|you\s+have|is\s+there|are\s+there|have\s+you\s+got|got)\s+)?(?:(?:algo|alguno|alguna|uno|una|otro|otra|nada|anything|something|one|a|any)\s+)*(?:mas\s+(?:barat[oa]s?|economic[oa]s?)|menos\s+car[oa]s?|cheaper|less\s+expensive|more\s+affordable)(?:\s+(?:que\s+(?:ese|esa|eso|este|esta|esos|esas)|than\s+(?:that|this|those|these)(?:\s+ones?)?|one|ones|option|opcion|please|porfa))*$/;
/** "muy caro", "está caro", "too expensive", "that's a bit pricey": the price found too high, a cheaper one wanted. */
const PRICEY =
  /^(?:(?:por\s+que|porque|porq|xq|pq|why|que|q|wow|uff|diablo|diache|ay)\s+)?(?:(?:esta|estan|es|son|sale|salen|ta|tan|eso|ese|esa|that|this|it|its|s|thats|is|are|they|re|theyre)\s+)*(?:(?:muy|bien|demasiado|super|medio|algo|un\s+poco|too|very|so|a\s+bit|a\s+little|kinda|kind\s+of|quite|pretty|way|a\s+lot)\s+)*(?:car[oa]s?|carisim[oa]s?|expensive|pricey|steep)(?:\s+(?:para\s+mi|for\s+me|la\s+verdad|hermano|mano))?(?:\s+|$)/;
/** What may follow "caro" in a price found too high: the thing pointed at, "está", a word to the clerk ("ta caro eso", "que cara está", "too expensive man"). */
const PRICEY_TAIL =
  /^(?:(?:eso|esto|ese|esa|este|esta|estan|esos|esas|that|this|one|it|man|bro|hermano|mano|manito|loco|compai|mi|la|verdad|no|ah|oh|eh|ahi|for|me|para|pa)\s*)+$/;
const COMPARE_DIFFERENCE =
  /^(?:(?:cual|cuales|que|what|whats|what\s+is|what\s+s)\s+(?:es\s+|son\s+|is\s+|are\s+)?(?:la\s+|las\s+|the\s+)?(?:diferencias?|difference|differences)(?:\s+(?:entre\s+(?:ellos|ellas|los\s+dos|las\s+dos|ambos|ambas|esos|esas|uno\s+y\s+otro)|between\s+(?:them|the\s+two|those|these)))?|(?:en\s+que\s+se\s+diferencian|que\s+diferencia\s+hay(?:\s+entre\s+(?:ellos|ellas|los\s+dos|las\s+dos))?|how\s+are\s+they\s+different|how\s+do\s+they\s+differ)|(?:(?:cual|cuanto|que|whats|what\s+is|what\s+s|how\s+much\s+is)\s+(?:es\s+|seria\s+|is\s+)?)?(?:la\s+|the\s+)?(?:(?:diferencias?|difference)\s+(?:de|en|in)\s+(?:el\s+)?(?:precios?|price)|price\s+difference)(?:\s+(?:entre\s+(?:ellos|ellas|los\s+dos|las\s+dos|ambos|ambas|esos|esas)|between\s+(?:them|the\s+two|those|these|both)))?)$/;
const COMPARE_RECOMMEND =
  /^(?:(?:cual|cuales|que|which|what)\s+(?:one\s+|ones\s+)?(?:me\s+)?(?:recomiendas?|recomiendan|recomienda|aconsejas|sugieres|do\s+you\s+recommend|would\s+you\s+recommend|do\s+you\s+suggest|should\s+i\s+(?:get|buy|take))|(?:cual|cuales|which|which\s+one)\s+(?:es|son|is|s)\s+(?:el\s+|la\s+|los\s+|las\s+|the\s+)?(?:mejor(?:es)?|better|best)(?:\s+(?:one|opcion|option|de\s+(?:los|las)\s+dos|de\s+ellos|de\s+ellas))?|(?:cual|which|which\s+one)\s+(?:me\s+)?(?:conviene|sirve\s+mas|is\s+better\s+for\s+me)|(?:que|what)\s+(?:me\s+)?(?:recomiendas?|recomiendan|recomienda|do\s+you\s+recommend|would\s+you\s+recommend))$/;

/**
 * Which sizes (or which ones) there are of the line on the counter: "¿qué medidas tienen?", "¿de
 * cuál tienen?", "¿cuáles hay?", "¿en qué tamaños viene?", "¿de qué medida lo tienen?", "¿de qué
 * grueso?", "what sizes do you have?", "which ones do you have?". A question of which one to take ("¿cuál me recomiendas?") is a comparison.
 */
const SIZES =
  /^(?:(?:de|en|in)\s+)?(?:(?:que|cual(?:es)?|what|which)\s+(?:otr[oa]s\s+|other\s+)?(?:medidas?|tamanos?|grosor(?:es)?|gruesos?|calibres?|diametros?|numeros?|largos?|tipos?|clases?|modelos?|sizes?|types?|kinds?|models?|ones?)|cual(?:es)?|which\s+ones?)(?:\s+(?:lo|la|los|las))?(?:\s+(?:hay|tienen|tienes|tiene|tengo|manejan|manejas|venden|vendes|traen|vienen|viene|quedan|do\s+you\s+have|do\s+you\s+sell|do\s+you\s+carry|are\s+there|are\s+available|does\s+it\s+come\s+in|do\s+they\s+come\s+in|come\s+in))(?:\s+(?:disponibles?|available|please|porfa))?$|^(?:(?:de|en|in)\s+)?(?:que|cuales|what|which)\s+(?:medidas?|tamanos?|grosor(?:es)?|gruesos?|sizes?)$/;

/** "¿de cuántos galones?", "¿de cuántos pies es?", "how many gallons does it hold?": its size in that unit (never how many are needed). */
const CAPACITY =
  /^(?:de\s+(?:cuant[oa]s|que\s+tantos)\s+(?:galones|litros|pies|metros|pulgadas|libras|kilos|watts|vatios|voltios|amperios|amp)(?:\s+(?:es|son|tiene|trae|lleva|hace|viene|vienen))?|(?:cuant[oa]s)\s+(?:galones|litros|pies|metros|pulgadas|libras|watts|vatios|voltios|amperios)\s+(?:es|tiene|lleva|le\s+caben|aguanta|mide)|how\s+many\s+(?:gallons|liters|litres|feet|inches|pounds|watts|volts|amps)\s+(?:is\s+it|is\s+that|does\s+it\s+(?:hold|have|take)|is\s+the\s+\w+))$/;

/** "¿cuánto el pie?", "a cómo sale el metro?", "y el pie tablar a cómo?", "how much per foot?", "price per meter?". */
const PER_UNIT =
  /^(?:(?:y|e|and)\s+)?(?:(?:(?:cuanto|a\s+como|como|a\s+cuanto|que\s+precio(?:\s+tiene)?|precio)(?:\s+(?:me\s+)?(?:sale|vale|cuesta|esta|es|lo\s+dan|lo\s+venden|la\s+venden))?\s+(?:el|la|por|x)\s+(UNIT)(?:\s+(?:a\s+como|cuanto))?)|(?:el|la)\s+(UNIT)\s+(?:a\s+como|cuanto|a\s+cuanto)(?:\s+(?:sale|esta|es|vale|cuesta))?|(?:lo|la|los|las)\s+(?:venden|vendes|dan)\s+(?:por|x)\s+(UNIT)|(?:how\s+much|whats\s+the\s+price|what\s+is\s+the\s+price|price|what\s+does\s+it\s+cost|do\s+you\s+sell\s+it)(?:\s+(?:is\s+it|is\s+that|would\s+it\s+be))?\s+(?:per|a|for\s+a|for\s+one|by\s+the)\s+(UNIT))$/;
const UNIT_WORDS = 'pies?\\s+tablar(?:es)?|pies?\\s+lineal(?:es)?|pies?|metros?\\s+cuadrados?|metros?|m2|galon(?:es)?|libras?|sacos?|fundas?|unidad(?:es)?|piezas?|rollos?|cajas?|board\\s+f(?:oo|ee)t|linear\\s+f(?:oo|ee)t|f(?:oo|ee)t|square\\s+met(?:er|re)s?|met(?:er|re)s?|gallons?|pounds?|lbs?|bags?|units?|pieces?|rolls?|box(?:es)?';
const PER_UNIT_RE = new RegExp(PER_UNIT.source.replace(/UNIT/g, UNIT_WORDS));

/** The count on the counter asked in feet or metres: "¿cuántos metros son?", "y en metros?", "¿cuánto es en pies?", "how many meters is that?". */
const IN_UNIT =
  /^(?:(?:y|e|and|ok|pero)\s+)?(?:(?:cuant[oa]s|how\s+many)\s+(metros|pies|met(?:er|re)s|feet)\s+(?:son|serian|seria|es|would\s+that\s+be|is\s+that|are\s+they|is\s+it)|(?:(?:cuanto|como)\s+(?:es|seria|son|sale|queda)\s+|(?:what|how\s+much)\s+is\s+(?:it|that)\s+)?(?:en|in)\s+(metros|pies|met(?:er|re)s|feet))$/;

function pricedUnit(word: string): PricedUnit | null {
  if (/tablar|board/.test(word)) return 'bf';
  if (/cuadrad|square|m2/.test(word)) return 'm2';
  if (/^(?:pie|f(?:oo|ee)t|linear)/.test(word)) return 'ft';
  if (/^met/.test(word)) return 'm';
  if (/^gal/.test(word)) return 'gal';
  if (/^(?:libra|pound|lb)/.test(word)) return 'lb';
  if (/^(?:saco|funda|bag)/.test(word)) return 'bag';
  if (/^(?:unidad|pieza|unit|piece)/.test(word)) return 'piece';
  if (/^(?:rollo|roll)/.test(word)) return 'roll';
  if (/^(?:caja|box)/.test(word)) return 'box';
  return null;
}

/** Where a product is used: outside ("exterior", "afuera", "intemperie", "outdoors") or inside. */
const OUTDOOR = /^(?:exteriore?s?|afuera|fuera|intemperie|fachadas?|outdoors?|outside)$/;
const INDOOR = /^(?:interiore?s?|adentro|dentro|indoors?|inside)$/;
/** The words a question of where it is used is put in, around the place: "¿es para exterior?", "can I use it outside?". */
const WHERE_WORDS = new Set([
  'es', 'son', 'sirve', 'sirven', 'para', 'pa', 'de', 'del', 'el', 'la', 'los', 'las', 'uso', 'usar', 'se', 'por', 'puede', 'puedo', 'lo', 'en', 'un', 'una',
  'usa', 'usarla', 'usarlo', 'ponerla', 'ponerlo', 'poner', 'pintar', 'paredes', 'pared', 'aguanta', 'casa', 'tambien', 'ese', 'esa', 'este', 'esta', 'eso',
  'is', 'it', 'its', 's', 'are', 'they', 'for', 'use', 'can', 'i', 'be', 'used', 'good', 'suitable', 'the', 'a', 'an', 'walls', 'wall', 'in', 'on', 'this',
  'that', 'one', 'work', 'does', 'do', 'will', 'paint', 'also', 'too', 'ok', 'y', 'and', 'o', 'or', 'no', 'not', 'only', 'solo', 'sirva', 'house',
]);

/** "¿es para exterior?", "for outdoor use", "¿se puede usar afuera?": the place asked, or null. */
function placeAsked(t: string): 'outdoor' | 'indoor' | null {
  const words = t.split(' ');
  const outdoor = words.some((w) => OUTDOOR.test(w));
  const indoor = words.some((w) => INDOOR.test(w));
  if (outdoor === indoor || !words.every((w) => OUTDOOR.test(w) || INDOOR.test(w) || WHERE_WORDS.has(w))) return null;
  return outdoor ? 'outdoor' : 'indoor';
}

/** "¿sirve pa una columna?", "¿eso se puede usar para pegar cerámica?", "is it good for a column?": the job asked of the product shown. */
const SUITS_ES = /^(?:(?:eso|ese|esa|este|esta|esto|el|la)\s+)?(?:(?:tambien|me)\s+)?(?:sirve|sirven|se\s+puede\s+usar|lo\s+puedo\s+usar|la\s+puedo\s+usar|puedo\s+usarl[oa]|se\s+usa|es\s+buen[oa]|funciona)\s+(?:para|pa|pal)\s+(.+)$/;
const SUITS_EN = /^(?:is\s+(?:it|this|that)|would\s+(?:it|this|that)\s+(?:be|work)|will\s+(?:it|this|that)\s+work|does\s+(?:it|this|that)\s+work|can\s+i\s+use\s+(?:it|this|that))\s+(?:good\s+|ok\s+|okay\s+|suitable\s+|fine\s+)?(?:for|to)\s+(.+)$/;

/**
 * Which one is for a use: "¿cuál es mejor pa un piso?", "¿cuál me recomiendas para exterior?", "which
 * one for a driveway?", "what's best for a bathroom?"; or the use alone, after a product, when it names
 * a place or surface ("y pa un baño que coge humedad?", "es pa la marquesina", "for the roof").
 */
const PURPOSE_WHICH =
  /^(?:(?:cual(?:es)?|que|which|what)(?:\s+(?:one|ones|of\s+(?:them|these|those)|de\s+(?:ellos|ellas|esos|esas|los\s+dos|las\s+dos)))?(?:\s+(?:me\s+)?(?:recomiendas?|recomiendan|aconsejas|sugieres|do\s+you\s+recommend|would\s+you\s+recommend|do\s+you\s+suggest|should\s+i\s+(?:get|buy|use|take)|me\s+llevo|uso|sirve(?:n)?(?:\s+mejor)?|works?(?:\s+best)?|va\s+mejor))?(?:\s+(?:es|son|is|are|s|seria|would\s+be)\s+(?:el\s+|la\s+|los\s+|las\s+|the\s+)?(?:mejor(?:es)?|better|best|good|buen[oa]s?|ideal|mas\s+(?:indicad[oa]|recomendad[oa])))?(?:\s+(?:one|option|opcion))?|(?:what\s+s|whats)\s+(?:best|better|good)|(?:y\s+)?(?:cual|which)|which\s+ones?)\s+(?:para|pa|pal|for|to)\s+(.+)$/;
const PURPOSE_ALONE = /^(?:(?:es|son|seria|lo\s+quiero|la\s+quiero|lo\s+necesito|la\s+necesito|it\s+s|its|it\s+is|its\s+for|and|what\s+about|how\s+about)\s+)*(?:para|pa|pal|for)\s+(.+)$/;
/** A place or surface a product is for (folded words): said alone, "pa un baño" is a purpose, "pa mañana" is not. */
const PURPOSE_PLACE =
  /\b(?:banos?|cocinas?|pisos?|paredes|pared|techos?|exteriore?s?|interiore?s?|humedad|madera|metal|hierro|verjas?|puertas?|ventanas?|patios?|marquesinas?|aceras?|losas?|galerias?|terrazas?|piscinas?|fachadas?|closets?|gabinetes?|driveways?|floors?|walls?|roofs?|bathrooms?|kitchens?|wood|outdoors?|outside|indoors?|decks?|fences?|gates?|doors?|sidewalks?|pool|garage|humid\w*|damp|mold|moho|hongos?)\b/;

/** Work done with the product ("cuál me recomiendas pa cortar cerámica?", "which one for cutting tile?"): the thing worked on is no product asked for. */
export const PURPOSE_WORK = /^(?:cortar|pegar|pintar|lijar|pulir|taladrar|perforar|limpiar|sellar|fijar|atornillar|desatornillar|soldar|cut|cutting|glue|gluing|paint|painting|sand|sanding|polish|polishing|drill|drilling|seal|sealing|fix|fixing|weld|welding)\s+\S/;

/** "¿trae brocas?", "¿viene con su asiento?", "¿incluye el tanque?", "¿tiene asiento?" (a thing of it, not "¿tienen brocas?", the store's). */
const INCLUDES_ES =
  /^(?:(?:el|la|ese|esa|este|esta|eso|esto)\s+)?(?:(?:ya|tambien)\s+)?(?:(?:viene|vienen)\s+con|trae|traen|incluye|incluyen|tiene)\s+((?:(?:su|sus|el|la|los|las|un|una|unos|unas)\s+)?[a-z]+(?:\s+(?:de\s+)?[a-z]+)?)(?:\s+(?:incluid[oa]s?|tambien|ya|o\s+no|o\s+que))?$/;
/** "¿el asiento viene incluido?", "¿los tornillos vienen con él?" */
const INCLUDED_ES = /^((?:(?:el|la|los|las|su|sus)\s+)?[a-z]+(?:\s+(?:de\s+)?[a-z]+)?)\s+(?:viene|vienen|va|van|esta|estan)\s+(?:incluid[oa]s?|con\s+(?:el|ella|ellos|ellas|eso))$/;
/** "does it come with a seat?", "does it include the tank?", "comes with bits?", "is the seat included?" */
const INCLUDES_EN =
  /^(?:(?:does|do|will)\s+(?:it|they|that|this|that\s+one|this\s+one)\s+|it\s+)?(?:come|comes|include|includes|have|has)\s+(?:with\s+)?((?:(?:a|an|the|its|their|any|some)\s+)?[a-z]+(?:\s+[a-z]+)?)(?:\s+(?:too|as\s+well|included))?$/;
const INCLUDED_EN = /^(?:is|are)\s+((?:(?:the|a|an|its|their)\s+)?[a-z]+(?:\s+[a-z]+)?)\s+included$/;
/**
 * The thing asked whether it is bought apart: "do I need to buy the screws separately?", "are the
 * screws sold separately?", "¿los tornillos se compran aparte?", "¿tengo que comprar los tornillos
 * aparte?", "¿los tornillos van por separado?" — the same question as "¿trae tornillos?".
 */
const APART_ES = [
  /^(?:y\s+)?(?:(?:tengo|tenemos|hay)\s+que|debo|necesito|me\s+toca)\s+comprar(?:le)?\s+((?:(?:el|la|los|las|su|sus)\s+)?[a-z]+(?:\s+(?:de\s+)?[a-z]+)?)\s+(?:aparte|por\s+separado|por\s+fuera)$/,
  /^(?:y\s+)?((?:(?:el|la|los|las|su|sus)\s+)?[a-z]+(?:\s+(?:de\s+)?[a-z]+)?)\s+(?:se\s+(?:compra|compran|venden?|pagan?)|(?:los|las|lo|la)\s+(?:tengo|tenemos|hay)\s+que\s+comprar|van|vienen|son|es|va|viene)\s+(?:aparte|por\s+separado|por\s+fuera)$/,
];
const APART_EN = [
  /^(?:and\s+)?(?:do|would|will)\s+(?:i|we)\s+(?:need|have)\s+to\s+(?:buy|get|purchase|pay\s+for)\s+((?:(?:the|a|an|any|some)\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?:separately|apart|on\s+(?:my|our)\s+own|extra)$/,
  /^(?:and\s+)?(?:is|are)\s+((?:(?:the|a|an|its|their)\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?:sold|bought|charged|priced)\s+(?:separately|apart|extra)$/,
];

/** "¿cuál dura más?", "¿cuál aguanta más?", "¿cuál es más duradero?", "¿cuánto dura?", "which lasts longer?", "which one is more durable?", "how long does it last?". */
const LASTS =
  /^(?:(?:cual|cuales|que|q|which|what)(?:\s+(?:one|ones|of\s+(?:them|these|those|the\s+two)|de\s+(?:ellos|ellas|esos|esas|los\s+dos|las\s+dos)))?\s+(?:(?:es|son|sale|seria)\s+)?(?:(?:me|te|le)\s+)?(?:dura|duran|aguanta|aguantan|resiste|resisten|rinde)\s+(?:mas|mejor)(?:\s+(?:tiempo|anos|anos\s+en\s+el\s+techo))?|(?:cual|cuales|which)(?:\s+(?:one|ones))?\s+(?:es|son|is|are)\s+(?:mas\s+(?:duradero|duradera|duraderos|resistente|resistentes)|more\s+durable|longer\s+lasting|the\s+most\s+durable)|(?:cuanto|cuantos\s+anos)\s+(?:me\s+)?(?:dura|duran|aguanta|aguantan)|(?:which|what)(?:\s+(?:one|ones|of\s+(?:them|these|those|the\s+two)))?\s+(?:lasts|last|will\s+last|would\s+last|holds\s+up)\s+(?:longer|better|the\s+longest|more)|how\s+long\s+(?:does|do|will|would)\s+(?:it|they|this|that|this\s+one|that\s+one)\s+last|is\s+it\s+durable|es\s+duradero|es\s+duradera)(?:\s+(?:eso|esto|ese|esa|este|esta))?(?:\s+(?:en\s+el\s+techo|on\s+(?:a|the)\s+roof|cerca\s+del\s+mar|near\s+the\s+sea))?$/;

/**
 * Whether it comes with everything it needs: "¿viene completo?", "¿trae todo?", "¿viene con todo?",
 * "¿hay que comprar algo aparte?", "¿trae todo? o hay que comprar aparte la llave?" (the thing named
 * after "o" is part of the same question), "does it come with everything?", "is it complete?", "do
 * I need to buy anything else?".
 */
const COMPLETE_ES =
  /^(?:(?:el|la|ese|esa|este|esta|eso)\s+)?(?:(?:ya|eso|lo)\s+)?(?:(?:viene|vienen|trae|traen|va|van|esta|estan|es|son|sale|incluye)\s+(?:complet[oa]s?|con\s+todo|todo(?:\s+incluido)?)|(?:hay|tengo|tenemos|tendria|habria)\s+que\s+comprar(?:le)?\s+(?:algo|otra\s+cosa|mas\s+cosas|algo\s+mas)(?:\s+(?:aparte|por\s+separado|por\s+fuera|mas))?|(?:que|q)\s+(?:mas\s+)?(?:hay\s+que\s+comprar(?:le)?|le\s+falta)(?:\s+aparte)?)(?:\s+(?:o\s+no|o\s+que|o\s+(?:hay|tengo|tenemos|debo|me\s+toca)\s+que\s+comprar(?:le)?\b.*|o\s+(?:se|lo|la|los|las)\s+compra\b.*|o\s+(?:el|la|los|las)\s+[a-z]+\s+(?:va|van|se\s+compra|se\s+compran)\s+aparte))?$/;
const COMPLETE_EN =
  /^(?:(?:does|do|will)\s+(?:it|they|that|this|that\s+one|this\s+one)\s+|it\s+)?(?:come|comes|include|includes)\s+(?:with\s+)?(?:everything|it\s+all|all\s+of\s+it|complete|all\s+the\s+parts)(?:\s+(?:it\s+needs|needed|i\s+need))?(?:\s+or\s+.*)?$|^(?:is|are)\s+(?:it|they|that|this)\s+complete$|^(?:is|are)\s+everything\s+included$|^(?:do|will|would)\s+(?:i|we)\s+(?:need|have)\s+to\s+(?:buy|get)\s+(?:anything|something)\s+(?:else|separately|apart|extra)$|^what\s+else\s+(?:do|will|would)\s+(?:i|we)\s+need(?:\s+to\s+(?:buy|get))?(?:\s+for\s+it)?$/;

/** Things asked after "¿tiene…?" / "¿incluye…?" that are the store's matters, or the product's own line, not a part of it. */
const NOT_A_PART =
  /^(?:garantia|warranty|guarantee|descuento|descuentos|discount|oferta|ofertas|offer|offers|promocion|deal|precio|price|envio|delivery|entrega|instalacion|installation|factura|invoice|itbis|tax|iva|credito|credit|stock|existencia|disponible|available|mas|more|otro|otra|otros|otras|other|color|colores|colour|colours|color|medida|medidas|size|sizes|tamano|marca|marcas|brand|brands|todo|everything|nada|algo|anything|something|eso|esto|that|this|it|them|uno|una|one|ones|pintura|paint|cambio|cambios|devolucion|return|returns)$/;
/** Words asked with "¿tiene…?" that are a product's quality, not a part ("¿tiene buena calidad?"). */
const QUALITY = /^(?:buen[oa]?|mal[oa]?|calidad|quality|good|bad|mucho|mucha|poco|poca)$/;

/** The thing asked whether the product comes with, or null. */
function includedThing(t: string): { thing: string; said: string; apart?: true } | null {
  // "¿se compran aparte?" asks it the other way round: a yes to it is a no to "¿trae …?".
  const apart = [...APART_ES, ...APART_EN].map((re) => re.exec(t)).find((x) => x !== null);
  const m = INCLUDES_ES.exec(t) ?? INCLUDED_ES.exec(t) ?? INCLUDES_EN.exec(t) ?? INCLUDED_EN.exec(t) ?? apart;
  const said = m?.[1];
  if (said === undefined) return null;
  // The thing without its article ("su asiento", "a seat"); said with it, as the customer put it, but "any"/"some".
  const thing = said.replace(ARTICLE, '');
  const words = thing.split(' ');
  if (/^(?:en|de|para|por|pa|in|for|of|on|to|as)$/.test(words[0] ?? '')) return null;
  if (words.some((w) => NOT_A_PART.test(w) || QUALITY.test(w))) return null;
  return { thing, said: said.replace(/^(?:any|some|su|sus|its|their)\s+/, ''), ...(apart && m === apart ? { apart: true as const } : {}) };
}

const ARTICLE = /^(?:su|sus|el|la|los|las|un|una|unos|unas|a|an|the|its|their|any|some)\s+/;

/** Words after "el de …" that are no name of a product ("el de siempre", "la de ayer"). */
const NOT_A_NAME = new Set([
  'siempre', 'ayer', 'antes', 'hoy', 'manana', 'arriba', 'abajo', 'aqui', 'alla', 'ahi', 'lado', 'todo', 'todos', 'nada', 'eso', 'esto',
  'mas', 'menos', 'precio', 'price', 'nuevo', 'nueva', 'one', 'ones', 'other', 'otro', 'otra', 'mismo', 'misma', 'same', 'that', 'this',
  'first', 'second', 'third', 'last', 'primero', 'primera', 'segundo', 'segunda', 'tercero', 'tercera', 'ultimo', 'ultima', 'medio', 'media',
  'cheap', 'cheaper', 'cheapest', 'big', 'bigger', 'small', 'smaller', 'grande', 'pequeno', 'pequena', 'barato', 'barata', 'caro', 'cara',
  'mejor', 'peor', 'better', 'best', 'worse', 'worst', 'bueno', 'buena', 'good', 'malo', 'mala', 'bad', 'rest', 'resto', 'tienda', 'store',
  // The store's own matters asked of the product on the counter ("¿y la garantía?", "y el delivery?", "and the warranty?"): the store's answer, never a brand.
  'garantia', 'warranty', 'guarantee', 'oferta', 'ofertas', 'offer', 'offers', 'promocion', 'promo', 'descuento', 'discount', 'delivery', 'envio', 'entrega',
  'shipping', 'flete', 'factura', 'invoice', 'receipt', 'recibo', 'credito', 'credit', 'devolucion', 'return', 'returns', 'cambio', 'instalacion', 'installation',
  'itbis', 'tax', 'iva', 'horario', 'hours', 'sucursal', 'branch', 'direccion', 'address', 'pago', 'payment', 'tarjeta', 'card', 'tasa', 'rate',
]);
// ...with the words that take it ("me llevo el Truper", "dame la Popular", "I'll take the Truper one"): a pick, not a goodbye.
/** The colour or finish said after the brand ("the Tropical bone white one", "la Popular blanca"): the brand still names the pick. */
const SHADE = String.raw`(?:blanc[oa]|white|gris|gray|grey|negr[oa]|black|azul|blue|roj[oa]|red|verde|green|amarill[oa]|yellow|beige|crema|cream|hueso|bone|ivory|perla|pearl|satinad[oa]|satin|mate|matte|brillante|glossy|gloss)(?:\s+(?:blanc[oa]|white|hueso|bone|perla|pearl|gris|gray|grey))?`;
const NAMED = new RegExp(String.raw`^(?:(?:me\s+llevo|llevo|me\s+quedo\s+con|dame|deme|ponme|quiero|i\s+ll\s+take|ill\s+take|i\s+will\s+take|i\s+ll\s+get|i\s+ll\s+go\s+with|give\s+me|let\s+me\s+have|i\s+want)\s+)?(?:(?:el|la|los|las|the)\s+)(?:(?:de|del|of|by|from)\s+)?(?:(?:marca|brand)\s+)?([a-z][a-z0-9+&'-]{2,})(?:\s+${SHADE})?(?:\s+(?:one|ones|please|porfa))?$`);

/**
 * What a short question about the product in focus asks; null when the message is no such question.
 *
 * @example
 * readFocusQuestion('¿lo tienen en otro color?'); // { kind: 'colours' }
 * readFocusQuestion('el de DeWalt'); // { kind: 'named', word: 'dewalt' }
 * readFocusQuestion("I'll take the Truper one"); // { kind: 'named', word: 'truper' }
 * readFocusQuestion('el más barato se me rompió'); // null
 */
export function readFocusQuestion(text: string): FocusQuestion | null {
  // Asked by the routing of every message a product answer is on the counter for, and by the
  // product tool (issue 16): readings are kept per text, frozen so no caller can change what the
  // next one reads ("gracias", "hola" and the everyday questions come back in every conversation).
  return remembered(focusReadings, text, frozenFocusQuestion);
}
const focusReadings = createLru<FocusQuestion | null>(256);
const frozenFocusQuestion = (text: string): FocusQuestion | null => {
  const read = focusQuestionOf(text);
  return read ? Object.freeze(read) : null;
};

function focusQuestionOf(text: string): FocusQuestion | null {
  const t = questionText(text);
  if (t === null) return null;
  // "muy caro, ¿hay algo más barato?", "too expensive": a cheaper one of the kind, said or not.
  const pricey = PRICEY.exec(t);
  if (pricey) {
    const rest = t.slice(pricey[0].length).replace(LEAD, '');
    if (rest === '' || CHEAPER.test(rest) || PRICEY_TAIL.test(rest)) return { kind: 'cheaper' };
  }
  const per = PER_UNIT_RE.exec(t);
  const unit = per ? pricedUnit(per.slice(1).find((w) => w !== undefined) ?? '') : null;
  if (unit) return { kind: 'per_unit', unit };
  // "¿cuántos metros son?", "y en metros?", "how many feet is that?": the count on the counter in that unit.
  const counted = IN_UNIT.exec(t);
  if (counted) return { kind: 'per_unit', unit: /^(?:pie|f)/.test(counted[1] ?? counted[2] ?? '') ? 'ft' : 'm', count: true };
  if (COLOURS.test(t)) return { kind: 'colours' };
  if (BRANDS.test(t)) return { kind: 'brands' };
  if (CHEAPER.test(t)) return { kind: 'cheaper' };
  if (COMPARE_RECOMMEND.test(t)) return { kind: 'compare', recommend: true };
  if (COMPARE_DIFFERENCE.test(t)) return { kind: 'compare', recommend: false };
  if (SIZES.test(t) || CAPACITY.test(t)) return { kind: 'sizes' };
  if (asksPackCount(t)) return { kind: 'pack_count' };
  if (asksRestock(t)) return { kind: 'restock' };
  const place = placeAsked(t);
  if (place) return { kind: 'where', place };
  const which = PURPOSE_WHICH.exec(t)?.[1];
  if (which !== undefined && (PURPOSE_PLACE.test(which) || PURPOSE_WORK.test(which))) return { kind: 'purpose', use: which, which: true };
  const alone = PURPOSE_ALONE.exec(t)?.[1];
  if (alone !== undefined && PURPOSE_PLACE.test(alone)) return { kind: 'purpose', use: alone };
  const suits = SUITS_ES.exec(t) ?? SUITS_EN.exec(t);
  if (suits?.[1] && !/^(?:que|what)\b/.test(suits[1])) return { kind: 'suits', use: suits[1] };
  if (LASTS.test(t)) return { kind: 'lasts' };
  if (COMPLETE_ES.test(t) || COMPLETE_EN.test(t)) return { kind: 'complete' };
  const included = includedThing(t);
  if (included) return { kind: 'includes', ...included };
  const named = NAMED.exec(t)?.[1];
  if (named !== undefined && !NOT_A_NAME.has(named) && !/\d/.test(named)) return { kind: 'named', word: named };
  return null;
}

/** Which colours a product comes in, with the product named ("¿qué colores de pintura tienen?", "en qué colores viene el esmalte?"). */
const WHICH_COLOURS = /\b(?:(?:que|q|ke|cuales|what|which)\s+(?:otros\s+|other\s+)?(?:colou?res|colou?rs|tonos)|(?:en|in)\s+(?:que|q|cuales|what|which)\s+(?:colou?res|colou?rs|tonos)|colou?r(?:es|s)\s+(?:de|d|of|hay|tienen|tienes|manejan|do\s+you\s+have|are\s+there)|(?:de|d|en)\s+colores|colou?red\s+paints?|paints?\s+in\s+(?:other\s+|different\s+)?colou?rs)\b|\b(?:de|a)\s+color\s*[?!.]*$/;

/**
 * The message asks which colours there are, in whatever words name the product (a first question
 * as well as a follow-up).
 *
 * @example
 * asksWhichColours('¿qué colores de pintura tienen?'); // true
 * asksWhichColours('pintura color verde'); // false
 */
export function asksWhichColours(text: string): boolean {
  return WHICH_COLOURS.test(fold(text));
}
