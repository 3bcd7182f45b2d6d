import type { Entity } from '../../../domain/nlu.js';
import { GOODS_WORDS } from './lead-area.js';
import { PROJECT_WORDS } from './project-quotes.js';

/**
 * The need told in two messages: "necesito bloques y cemento", then — the urgency already asked —
 * "para una casa de 3 habitaciones" or "y también 20 sacos de cemento". A clerk writes the second
 * part under the first; the bot used to answer "no te entendí" (or read it as a new request) and
 * lose it. Read on folded plain words, only where the question after the need is pending.
 */

/** Words that carry on what was said ("y…", "también…", "para…", "and also…", "it's for…"). */
const CARRIES_ON = /^(?:y|e|tambien|ademas|aparte|mas|pa|para|son|es para|seria para|and|also|plus|as well|for|it s for|its for|they re for|the?y are for)\b/;
/** A count of something ("3 habitaciones", "300 sacos", "unos 50"), goods or units of a project. */
const COUNTED = /\b\d+(?:[.,]\d+)?\b|\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|mil|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand)\b/;
/** Not more of the need: thanks, a person, a question put as a statement, a yes or no. */
const NOT_MORE = /\b(?:gracias|thanks|thank you|persona|humano|agente|asesor|hablar con|talk to|speak to|person|human|agent|saber si|si tienen|if you have|do you have)\b|^(?:si|no|ok|okay|vale|dale|yes|yeah|nope|listo|perfecto)\b/;

/**
 * True when a statement (no question, no price asked, no urgency read) tells more of the need: it
 * carries on from what was said, or names goods, a product or a project, with something counted or
 * in at least four words.
 *
 * @example
 * continuesNeed('para una casa de 3 habitaciones', []) // true
 * continuesNeed('para el lunes', [])                  // false (when, not what)
 */
export function continuesNeed(folded: string, entities: readonly Entity[]): boolean {
  const words = folded.split(' ').filter((w) => w !== '');
  if (words.length < 3 || NOT_MORE.test(folded)) return false;
  const goods = entities.some((e) => e.type === 'product') || GOODS_WORDS.test(folded) || PROJECT_WORDS.test(folded);
  if (!goods) return false;
  return CARRIES_ON.test(folded) || COUNTED.test(folded) || words.length >= 4;
}

/** The places of a job counted ("12 aulas", "3 habitaciones y la sala", "2 bedrooms", "40 rooms", "6 casas de dos niveles"). */
const JOB_PLACES =
  /\b(?:aulas?|salones?|habitaciones|cuartos|dormitorios|banos|apartamentos?|aptos?|casas?|villas?|locales|oficinas|niveles|pisos|plantas|naves?|rooms?|bedrooms?|bathrooms?|classrooms?|apartments?|units|houses|villas|floors|stories|storeys|offices)\b/;

/** A count ending the words before a place, maybe with one word between ("12", "como 8", "40 hotel"). */
const COUNT_BEFORE_PLACE = new RegExp(`(?:${COUNTED.source})(?: [a-z]+)?$`);

/**
 * The size of the job told, its places counted ("son 12 aulas y el pasillo", "it's 2 bedrooms and the
 * living room", "son 6 casas de dos niveles"): more of the need, never an interest area ("Otro") nor
 * "no te entendí" where the area is asked. A product named is goods (read as such), not this.
 *
 * @example
 * toldJobSize('son 12 aulas y el pasillo', []) // true
 * toldJobSize('otro', []) // false
 */
export function toldJobSize(folded: string, entities: readonly Entity[]): boolean {
  if (entities.some((e) => e.type === 'product') || NOT_MORE.test(folded)) return false;
  const place = JOB_PLACES.exec(folded);
  if (!place) return false;
  // The count right before the place ("12 aulas", "tres habitaciones", "40 rooms").
  const before = folded.slice(0, place.index).trim().split(' ').slice(-2).join(' ');
  return COUNT_BEFORE_PLACE.test(before);
}

/**
 * The story behind the need, told in so many words after it ("el problema es que el suplidor que
 * tenía me queda mal con las entregas", "the problem is that our supplier keeps failing us"): more
 * of the need, written under it, never a correction that replaces "bloques, cemento y varilla para
 * 4 apartamentos". A correction says so ("no, el proyecto es…", "perdón, la necesidad es…").
 */
const PROBLEM_TOLD = /^(?:(?:y|e|pues|bueno|mira|and|also|well|so)\s+)*(?:(?:tambien|ademas)\s+)?(?:el|mi|nuestro|the|my|our)\s+(?:problema|problem|issue|situacion|situation)\s+(?:es|is|es que|is that|que tenemos es|we have is)\s+\S+(?:\s+\S+){3,}/;
const CORRECTED = /\b(?:no es|esta mal|equivocad[oa]|cambia\w*|corrig\w*|perdon|disculp\w*|quise decir|en realidad|is wrong|wrong|change|correct\w*|sorry|i meant|actually)\b/;

/**
 * True when the message tells the problem behind the need rather than correcting it.
 *
 * @example
 * toldProblem('el problema es que el suplidor que tenia me queda mal con las entregas') // true
 * toldProblem('perdon el problema es otro') // false
 */
export function toldProblem(folded: string): boolean {
  return PROBLEM_TOLD.test(folded) && !CORRECTED.test(folded);
}

/**
 * Only when, told where the need is asked ("no es urgente, para el mes que viene", "lo necesito
 * para el lunes", "not urgent, next month"): the urgency given ahead, no need — a clerk notes the
 * urgency and asks again what they need, never writes "para el mes que viene" as the need.
 *
 * @example
 * saysOnlyWhen('no es urgente para el mes que viene', []) // true
 * saysOnlyWhen('pintura para una escuela, la necesitamos el lunes', []) // false
 */
export function saysOnlyWhen(folded: string, entities: readonly Entity[]): boolean {
  const words = folded.split(' ').filter((w) => w !== '');
  return words.length <= 9 && !entities.some((e) => e.type === 'product') && !GOODS_WORDS.test(folded) && !PROJECT_WORDS.test(folded) && !/\d/.test(folded);
}
