/**
 * The follow-up text steps as they were before session 36's pre-checks (issue 16), kept verbatim so
 * `follow-up-prechecks.test.ts` can compare the guarded ones with them.
 */
import { foldMessage as fold } from '../../../src/machines/count-words.js';
import { addedCount, withoutAddLead } from '../../../src/machines/add-words.js';
import { bucketAsked } from '../../../src/machines/pack-asked.js';
import { ONLY } from '../../../src/machines/follow-up-core.js';
import { NUMBER_WORDS } from '../../../src/actors/catalog/index.js';

const COUNT_NOT_COUNT = /\b(\d+)\s+(?:no|not)\s+\d+\b/;
const NOT_COUNT_BUT = /\b(?:no|not)\s+(?:(?:son|eran|es|era|were|was)\s+)?\d+\s+(?:(?:sino|son|eran|era|es|serian|but|it s|its|it was|they are|they re|theyre|were|are)\s+)?(\d+)\b/;
const ONE_MORE_SAME = /\b(?:(?:un|una|uno|otr[oa])\s+(?:(?:del?|de\s+(?:ese|esa|este|esta))\s+)?mism[oa]|(?:un|una|uno|otr[oa])\s+(?:mas|igual(?:it[oa])?)|(?:one|another)\s+more|another\s+one|one\s+extra)\b/;
const DOZENS = /\b(?:(?:(un|una|a|one|\d+|dos|tres|cuatro|cinco|two|three|four|five)\s+)?(?:docenas?|dozens?)|(media\s+docena|half\s+a\s+dozen))\b/;
const PAIRS = /\b(?:(un|a|one|\d+|dos|tres|cuatro|cinco|two|three|four|five)\s+)(?:pares|par|pairs?|couple)(\s+(?:(?:of|de)\s+)?(?:pairs|pares))?\b/;
const SMALL_NUMBERS: Readonly<Record<string, number>> = { un: 1, una: 1, a: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5 };
const countWord = (n: string | undefined): number => (n === undefined ? 1 : /^\d+$/.test(n) ? Number(n) : (SMALL_NUMBERS[n] ?? 1));

export function countsInWordsBefore(folded: string): string {
  return folded
    .replace(COUNT_NOT_COUNT, '$1')
    .replace(NOT_COUNT_BUT, '$1')
    .replace(ONE_MORE_SAME, '1 mas')
    .replace(DOZENS, (_, n: string | undefined, half: string | undefined) => `${half !== undefined ? 6 : 12 * countWord(n)} piezas`)
    .replace(PAIRS, (_, n: string | undefined, ofPairs: string | undefined) => `${2 * countWord(n) * (ofPairs ? 2 : 1)} pares`);
}

const AGREED_LEAD = /^(?:(?:ok|okay|si|dale|bueno)\s+)?(?:ta|esta|tá)\s+bien\s+(?=\S)/;
const CUBIC_METRES = /\b(?:(?:metros?|mts?|meters?|metres?)\s+cubicos?|cubic\s+(?:meters?|metres?)|mts?3|m3)\b|\bm³/g;
const SQUARE_METRES = /\b(?:(?:metros?|mts?|meters?|metres?)\s+cuadrados?|square\s+(?:meters?|metres?)|sq\s*m|mts?2|m²)\b/g;

/** `readQuantity`'s chain in `product-focus.ts` before it moved to `quantity-words.ts`. */
export function quantityWordsBefore(text: string): string {
  const said = addedCount(fold(text).replace(AGREED_LEAD, ''))
    .replace(/\b(?:otr[oa]|un[oa]?)\s+(?:del|de\s+(?:el|la|ese|esa|este|esta))\s+mism[oa]\s+(?:colou?r|tono)\b/g, '1 mas')
    .replace(/\b(?:del|de\s+(?:el|la|ese|esa|este|esta))\s+mism[oa]\s+(?:colou?r|tono)\b|\b(?:(?:in|of)\s+)?(?:the\s+)?same\s+(?:colou?r|shade)\b/g, ' ')
    .replace(/\b(?:otr[oa]s|another)\s+(\d+)\b/g, '$1 mas')
    .replace(/\b(?:de|of)\s+(?:(?:el|la|ese|esa|este|esta)\s+mism[oa]s?|del\s+mismo|esos|esas|ese|esa|este|esta|estos|estas|ellos|ellas|esto|eso|them|those|these|(?:that|this)(?:\s+one)?)\b/g, ' ')
    .replace(/\b(?:(?:the\s+)?same|that|this)\s+one\b/g, ' ')
    .replace(/\bi'?ll\b/g, ' ')
    .replace(SQUARE_METRES, 'm2')
    .replace(CUBIC_METRES, 'metros')
    .replace(/(\d+(?:\s+[a-z]+)?)\s+(?:pa|pal|a|al|hasta|to)\s+(?!(?:el\s+|la\s+)?(?:mism[oa]|precio|same|the\s+same|ese|esa|eso|la\s+orden|cada|each)\b)[a-z]+(?:\s+[a-z]+){0,2}$/, '$1')
    .replace(/\s+(?:mejor\s+)?(?:no|not)\s+(?:(?:el|la|los|las|en|the|a|in)\s+)?[a-z]+$/, ' ')
    .replace(/\s+/g, ' ');
  return countsInWordsBefore(said)
    .replace(/\s+/g, ' ')
    .trim();
}

const UNIT_WORDS = String.raw`(?:metros?|mts?|m|meters?|yardas?|yards?|yds?|kilos?|kgs?|kilogramos?)`;
const WORD_BEFORE_UNIT = new RegExp(String.raw`\b([a-z]+)\s+(?=${UNIT_WORDS}(?![a-z0-9]))`, 'g');
const HALF_BEFORE_UNIT = new RegExp(String.raw`\b(\d+)\s+y\s+medio\s+(${UNIT_WORDS})(?![a-z0-9])`, 'g');
const HALF_AFTER_UNIT = new RegExp(String.raw`\b(\d+)\s*(${UNIT_WORDS})\s+y\s+medio\b`, 'g');

export const halvesAsDecimalsBefore = (t: string): string =>
  t
    .replace(WORD_BEFORE_UNIT, (all, word: string) => (NUMBER_WORDS[word] !== undefined ? `${NUMBER_WORDS[word]} ` : all))
    .replace(HALF_BEFORE_UNIT, '$1.5 $2')
    .replace(HALF_AFTER_UNIT, '$1.5 $2')
    .replace(/\b(?:un\s+)?(metro|kilo|yarda)\s+y\s+medio\b/g, '1.5 $1s')
    .replace(/\bmedio\s+(metro|kilo)\b/g, '0.5 $1s')
    .replace(/\bmedia\s+(yarda)\b/g, '0.5 $1s');

const ONLY_ALL = new RegExp(ONLY.source, 'g');

export function followUpCoreBefore(text: string): string {
  return withoutAddLead(bucketAsked(fold(text).replace(/'|(?<=[a-z])-(?=[a-z])/g, ' ')))
    .replace(/\bta\b/g, 'esta')
    .replace(/\btan\b/g, 'estan')
    .replace(ONLY_ALL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:ok|okay|oki|okey|alright|bueno|ah\s+ok|so|well|entonces|pues|dale|then|esta\s+bien|perfecto|listo)\s+)+(?=\S)/, '')
    .replace(/^(?:(?:no|nop|nope|nah|na|mejor|perdon|digo|i mean|actually|sorry|rather|si pero|pero|yes but|but|espera|espere|esperate|aguanta|wait|hold on|ah+|oh+|eh+|m{2,}|hm+|pensandolo bien|mejor dicho|on second thought)\s+)+(?:(?:quiero|quise decir|era|es|queria|necesito|ocupo|i want|i meant|i need|make it|make that|make them|change it to|change that to|cambialo a|cambialo por|cambiamelo a|cambiamelo por)\s+)?(?=\S)/, '')
    .replace(/^(?:make it|make that|make them|change it to|change that to|cambialo a|cambialo por|cambiamelo a|cambiamelo por)\s+(?=\S)/, '')
    .replace(/^(?:(?:y|and)\s+)?(?:(?:ese|esa|el|la|lo)\s+mism[oa]|(?:the\s+)?same(?:\s+one)?)(?:\s+(?:pero|but))?\s+(?=\S)/, '')
    .replace(/^(?:(?:y|and|pero|but|si|yes|yeah)\s+)?(?:(?:lo|la|los|las)\s+(?:quiero|queria|quisiera|necesito|ocupo|busco|prefiero)|i\s+(?:want|need|d\s+like|de\s+like|would\s+like|prefer)\s+(?:it|them|one)|can\s+i\s+(?:get|have)\s+(?:it|them|one)|si|yes|yeah)\s+(?=(?:en|in|de|of|colou?r)\s)/, '')
    .replace(/^(?:(?:y|and)\s+)?(?:(?:lo|la|los|las)\s+(?:tienen|tienes|tiene|venden|vendes|manejan|hay)|(?:do\s+you\s+have|you\s+have|do\s+you\s+sell|have\s+you\s+got|does\s+it\s+come|do\s+they\s+come)\s+(?:it|them|this|that|one))\s+(?=(?:en|in|de|of)\s)/, '')
    .replace(/^(?:(?:y|and)\s+)?(?:(?:ustedes\s+|uds\s+)?(?:tienen|tienes|tiene|hay|venden|vendes|manejan|traen)|(?:do\s+you\s+have|you\s+have|have\s+you\s+got|got)(?:\s+(?:any|one|some))?)\s+(?=(?:en|in|de)\s)/, '')
    .replace(/^(?:dame|deme|ponme|pongame|mandame|me\s+das|me\s+da|me\s+llevo|llevo|quiero|kiero|necesito|ocupo|give\s+me|send\s+me|ill\s+take|i\s+ll\s+take|i\s+will\s+take|let\s+me\s+have|i\s+want|i\s+need)\s+(?=(?:el|la|los|las|lo|ese|esa|esos|esas|the|that|this)(?:\s|$)|\d)/, '')
    .replace(/(?:\s+(?:entonces|pues|por\s+favor|porfa|porfavor|please|pls|ok|okay|then|mejor|gracias|thanks|tambien|tb|too|also|as\s+well))+$/, '')
    .replace(/\s+(?:pa|para|pal|for)\s+(?:la|el|mi|una|un|nuestra|the|my|a|our)\s+(?:obra|casa|proyecto|construccion|trabajo|negocio|job|site|project|house)(?:\s+(?:en|de|in)\s+[a-z]+(?:\s+[a-z]+)?)?$/, '')
    .replace(/\s+(?:tambien|tb|too|also)(?=\s+\d{1,4}$)/, '')
    .replace(/\s+(?:(?:de|del)\s+(?:es[ae]|el|la|lo)\s+mism[oa]|of\s+the\s+same(?:\s+one)?)$/, '');
}
