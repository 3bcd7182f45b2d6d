/**
 * A follow-up's words made ready for its count to be read (`readFollowUpQuantity` in
 * `product-focus.ts`, from where this moved): the agreement and the pointing words gone, "otros 2"
 * as "2 mas", square and cubic metres as one unit word, the place and the thing set aside after the
 * count dropped, counts said in words as digits (`count-words.ts`).
 *
 * A dozen global replaces a call, about one call a never-seen turn (issue 16, session 36: 14.4
 * pattern replaces a turn, the largest site left). Each now runs only when the text, as the steps
 * before left it, holds a literal every one of its matches contains ("mism" for "del mismo color",
 * "one" for "that one", a digit for "15 pa Caleta"); otherwise the replace would give the text back
 * unchanged. The folded message has single spaces only (`foldMessage`) and the steps write nothing
 * but single spaces, so the collapse of spaces runs only where a step left two together.
 * `test/unit/perf/follow-up-prechecks.test.ts` compares it with the unguarded chain.
 */
import { countsInWords, foldMessage as fold } from './count-words.js';
import { addedCount } from './add-words.js';

const AGREED_LEAD = /^(?:(?:ok|okay|si|dale|bueno)\s+)?(?:ta|esta|tá)\s+bien\s+(?=\S)/;
/** Cubic metres said any way ("3 metros cúbicos", "3 cubic meters", "3 m3"): the metre bulk goods are sold by. */
const CUBIC_METRES = /\b(?:(?:metros?|mts?|meters?|metres?)\s+cubicos?|cubic\s+(?:meters?|metres?)|mts?3|m3)\b|\bm³/g;
/** Square metres said any way ("35 metros cuadrados", "35 square meters", "35 mts2"): one unit word. */
const SQUARE_METRES = /\b(?:(?:metros?|mts?|meters?|metres?)\s+cuadrados?|square\s+(?:meters?|metres?)|sq\s*m|mts?2|m²)\b/g;

const has = (t: string, ...literals: readonly string[]): boolean => literals.some((l) => t.includes(l));

/**
 * The message (raw) folded and with the words around its count gone.
 *
 * @example
 * quantityWords('ok ta bien, dame otros 2 del mismo color'); // 'dame 2 mas'
 */
export function quantityWords(text: string): string {
  let t = fold(text);
  // "ta bien, ponme tres": the agreement says nothing of the count.
  if (t.includes('bien')) t = t.replace(AGREED_LEAD, '');
  t = addedCount(t); // "súmale 5": five more
  if (t.includes('mism')) {
    // "otro del mismo color", "another one in the same colour": one more of it (`count-words.ts`), before the colour goes.
    t = t.replace(/\b(?:otr[oa]|un[oa]?)\s+(?:del|de\s+(?:el|la|ese|esa|este|esta))\s+mism[oa]\s+(?:colou?r|tono)\b/g, '1 mas');
  }
  // "2 más del mismo color", "2 more in the same colour": the colour on the counter, no attribute of its own.
  if (has(t, 'mism', 'same')) t = t.replace(/\b(?:del|de\s+(?:el|la|ese|esa|este|esta))\s+mism[oa]\s+(?:colou?r|tono)\b|\b(?:(?:in|of)\s+)?(?:the\s+)?same\s+(?:colou?r|shade)\b/g, ' ');
  // "otros 2", "another 2": that many more.
  if (has(t, 'otr', 'another')) t = t.replace(/\b(?:otr[oa]s|another)\s+(\d+)\b/g, '$1 mas');
  if (has(t, 'de', 'of')) {
    t = t.replace(/\b(?:de|of)\s+(?:(?:el|la|ese|esa|este|esta)\s+mism[oa]s?|del\s+mismo|esos|esas|ese|esa|este|esta|estos|estas|ellos|ellas|esto|eso|them|those|these|(?:that|this)(?:\s+one)?)\b/g, ' ');
  }
  if (t.includes('one')) t = t.replace(/\b(?:(?:the\s+)?same|that|this)\s+one\b/g, ' ');
  if (t.includes('ll')) t = t.replace(/\bi'?ll\b/g, ' ');
  if (has(t, 'cuadrad', 'square', 'sq', '2', '²')) t = t.replace(SQUARE_METRES, 'm2');
  // "3 metros cúbicos", "3 cubic meters", "3 m3": sand and gravel are sold by the (cubic) metre.
  if (has(t, 'cubic', '3', '³')) t = t.replace(CUBIC_METRES, 'metros');
  // "dame 15 pa Caleta", "mándame 10 sacos a Villa Hermosa": where it goes, after the count (the product tool reads the place).
  if (/\d/.test(t)) {
    t = t.replace(/(\d+(?:\s+[a-z]+)?)\s+(?:pa|pal|a|al|hasta|to)\s+(?!(?:el\s+|la\s+)?(?:mism[oa]|precio|same|the\s+same|ese|esa|eso|la\s+orden|cada|each)\b)[a-z]+(?:\s+[a-z]+){0,2}$/, '$1');
  }
  // "dame 100 pies, mejor no el rollo", "100 feet, not the roll": the one set aside, after the count.
  if (t.includes('no')) t = t.replace(/\s+(?:mejor\s+)?(?:no|not)\s+(?:(?:el|la|los|las|en|the|a|in)\s+)?[a-z]+$/, ' ');
  if (t.includes('  ')) t = t.replace(/\s+/g, ' ');
  // "perdón, 2 no 20", "otra igual", "media docena", "un par": the count as digits (`count-words.ts`).
  t = countsInWords(t);
  if (t.includes('  ')) t = t.replace(/\s+/g, ' ');
  return t.trim();
}
