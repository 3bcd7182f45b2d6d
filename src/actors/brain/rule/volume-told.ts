import type { Entity } from '../../../domain/nlu.js';

/**
 * A volume of goods told as a statement ("unos 200 sacos al mes", "como 300 varillas mensuales",
 * "about 500 blocks a month", "roughly 40 bags every week"): what the customer needs, read on
 * accent-folded, lower-case words. Typed where the form asks who they are (the e-mail, the
 * company), a salesperson writes it into the need and asks the question again — never "no te
 * entendí", and never a company called "Unos 200 Sacos Al Mes".
 */

/** A count: digits, or a round number in words. */
const COUNT = String.raw`(?:\d[\d.,]*|cien|doscientos|trescientos|cuatrocientos|quinientos|mil|hundred|thousand)`;
/** What goods are counted in (packs, pieces, loads, measures), es and en. */
const UNIT = String.raw`(?:sacos?|fundas?|bolsas?|quintales?|varillas?|blocks?|bloques?|bloks?|galon(?:es)?|cubetas?|metros?|m2|m3|planchas?|laminas?|tubos?|unidades|piezas?|cajas?|rollos?|camion(?:es|adas?)?|viajes?|toneladas?|libras?|pies|bags?|sacks?|units?|pieces?|gallons?|buckets?|sheets?|rods?|bars?|pipes?|boxes|rolls?|tons?|truckloads?|trucks?|loads?|meters?|feet)`;
/** A count of goods in their unit ("200 sacos", "500 blocks", "2 camiones"), with "unos"/"about" and the like allowed before it. */
const COUNTED_UNIT = new RegExp(String.raw`\b${COUNT}(?:\s+(?:mil|hundred|thousand))?\s+${UNIT}\b`);
/** How often: "al mes", "por semana", "mensuales", "a month", "every week", "weekly". */
const RECURRING =
  /\b(?:al mes|por mes|cada mes|mensual(?:es|mente)?|a la semana|por semana|cada semana|semanal(?:es|mente)?|al ano|por ano|cada ano|anual(?:es|mente)?|cada quincena|quincenal(?:es|mente)?|al dia|por dia|diari[oa]s?|a month|per month|every month|monthly|a week|per week|every week|weekly|a year|per year|every year|yearly|a day|per day|every day|daily)\b/;
/** Words around a bare volume that still leave it a statement of volume ("unos", "son", "around", "we'd need"). */
const VOLUME_GLUE =
  /^(?:unos|unas|como|aproximadamente|aprox|mas|o|menos|alrededor|de|son|serian|seria|es|sera|seran|about|around|roughly|approximately|approx|some|like|maybe|it'?s|it'?d|be|that'?s|we'?d|we|we'?ll|i|i'?d|i'?ll|need|use|buy|order|necesitamos|necesitariamos|necesito|ocupamos|pedimos|compramos|consumimos|usamos|of|y|and|more)$/;

/**
 * True when the message tells a volume of goods: a count in a unit (or of a product named) with
 * how often ("200 sacos de cemento al mes"), or a bare count in a unit with no product and little
 * else ("unos 200 sacos", "son 50 fundas").
 */
export function toldVolume(folded: string, entities: readonly Entity[]): boolean {
  const counted = COUNTED_UNIT.exec(folded);
  const product = entities.some((e) => e.type === 'product');
  if (RECURRING.test(folded) && (counted || (product && /\d/.test(folded)))) return true;
  if (!counted || product) return false;
  const rest = (folded.slice(0, counted.index) + ' ' + folded.slice(counted.index + counted[0].length)).split(/\s+/).filter((w) => w !== '');
  return rest.every((w) => VOLUME_GLUE.test(w));
}
