/**
 * "¿Cuándo llega?", "¿cuánto tarda?", "¿para cuándo lo tendría?", "how long does it take?": when
 * an order would arrive. Pure text rule, read by the machine's routing (a follow-up on the product
 * in focus) and by the product tool (the delivery time of the zone asked for).
 */

import { plainWords as fold } from '../kernel/plain-words.js';
import { asksRestock } from './restock-question.js';

/** A day an order is needed by: "mañana", "el sábado". */
const NEEDED_DAY = String.raw`(?:hoy|manana|pasado\s+manana|(?:el\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))(?![a-z])`;

/** Needed by a day: "¿para mañana?", "lo necesito para mañana", "me lo pueden tener pa mañana?", "I need it for tomorrow". */
const NEEDED_BY = String.raw`^(?:y\s+)?(?:para|pa)\s+(?:manana|pasado\s+manana)$|(?:l[oa]s?\s+)?(?:necesito|necesitamos|ocupo|ocupamos|quiero|queremos)\s+(?:(?:l[oa]s?|eso|esto)\s+)?(?:para|pa)\s+${NEEDED_DAY}|(?:me|nos)\s+l[oa]s?\s+(?:pueden|puede|podrian|podria|puedes)\s+(?:tener|traer|llevar|mandar|entregar|conseguir)\s+(?:list[oa]s?\s+)?(?:para|pa)\s+${NEEDED_DAY}|(?:need|want|get|have)\s+(?:it|them|this|that|these)\s+(?:for|by)\s+(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|^(?:and\s+)?(?:for|by)\s+tomorrow$`;

/** The message says the order is needed by a day (tomorrow, Saturday): whether it can be had then. */
const NEEDED_BY_RE = new RegExp(`(?:^|\\s)(?:${NEEDED_BY})(?![a-z])`);
export const asksNeededBy = (text: string): boolean => NEEDED_BY_RE.test(fold(text));

const WHEN_ARRIVES = new RegExp(
  [
    // "¿cuándo llega?", "cuando me llegaría", "cuándo lo traen?", "cuándo me lo entregan?"
    String.raw`cuando\s+(?:(?:me|nos|lo|la|los|las|me\s+l[oa]s?|nos\s+l[oa]s?)\s+)?(?:llega\w*|lleg[ae]n|traen|traerian|traeria|llevan|llevarian|llevaria|entrega\w*|mandan|mandarian|mandaria|envian|enviarian|enviaria|despachan|recibo|recibiria|tendria|tengo|estaria|estaran?)`,
    // "¿pa qué hora me llega?", "a qué hora lo traen?": the hour an order arrives, not the store's hours.
    String.raw`(?:para|pa|a)\s+que\s+hora\s+(?:(?:me|nos|lo|la|los|las|me\s+l[oa]s?|nos\s+l[oa]s?)\s+)?(?:llega\w*|lleg[ae]n|traen|llevan|entregan|tendria)`,
    // "¿cuánto tarda?", "cuánto se tardan en llegar", "cuánto demora el delivery"
    String.raw`cuanto\s+(?:(?:se|me|le)\s+)?(?:tarda\w*|demora\w*|tiempo)`,
    // "¿cuánto duran en traerlo?", "cuánto duraría en llegar": Dominican for "tarda".
    String.raw`cuanto\s+(?:(?:se|me|le)\s+)?dura\w*\s+en\s+(?:llegar|venir|traer\w*|entregar\w*|mandar\w*|despachar\w*)`,
    // "en cuánto tiempo llega?", "qué tiempo toma", "para cuándo lo tendría", "para qué día"
    String.raw`(?:en\s+)?(?:cuanto|que)\s+tiempo|para\s+cuando|para\s+que\s+dia|que\s+dia\s+(?:llega|me\s+llega|lo\s+traen|lo\s+llevan)`,
    // "¿me lo traen hoy?", "¿entregan el mismo día?", "¿el delivery es el mismo día?"
    String.raw`(?:traen|llevan|entregan|mandan|envian|despachan|delivery|envios?|entregas?)\s+(?:(?:es|son|sale|salen)\s+)?(?:hoy(?:\s+mismo)?|manana|(?:el\s+)?mismo\s+dia)`,
    // "¿en cuántos días llega?", "cuántos días tarda el envío", "cuántas horas se demora"; "el tiempo de entrega"
    String.raw`(?:en\s+)?cuant[oa]s\s+(?:dias|horas|semanas)\s+(?:(?:se|me|le|nos|lo|la|los|las|me\s+l[oa]s?)\s+)?(?:llega\w*|lleg[ae]n|tarda\w*|demora\w*|entrega\w*|traen|llevan|mandan|envian|despachan|(?:para|hasta)\s+que\s+(?:me\s+)?(?:llegue|lleguen|l[oa]s?\s+traigan|l[oa]s?\s+entreguen))|tiempos?\s+de\s+(?:entrega|envio|delivery)`,
    // "¿hoy mismo?", "¿para hoy?", "¿llega hoy?", "¿lo tendría mañana?" after the delivery's time was told
    String.raw`^(?:y\s+)?(?:(?:para|pa)\s+)?hoy(?:\s+mismo)?$|(?:llega|llegaria|llegan|lo\s+tendria|los\s+tendria|lo\s+tengo|me\s+llega)\s+(?:hoy|manana)|^(?:by\s+)?today$|(?:arrive|get\s+(?:it|them)|have\s+(?:it|them))\s+(?:today|tomorrow)`,
    // Needed by a day, the product on the counter (`NEEDED_BY`).
    NEEDED_BY,
    // English
    String.raw`when\s+(?:will|would|does|do|can|could)\s+(?:it|they|that|this|the\s+order|my\s+order|i\s+get\s+it|you\s+deliver)|when\s+(?:will\s+it|would\s+it|does\s+it)\s+(?:arrive|get\s+here|come)`,
    String.raw`how\s+(?:long|soon)\s+(?:does|will|would|to|until|before|for)|how\s+many\s+days|delivery\s+times?|same\s+day\s+delivery|deliver\s+(?:it\s+|them\s+)?(?:the\s+)?same\s+day`,
  ]
    .map((alt) => `(?:${alt})`)
    .join('|')
    .replace(/^/, String.raw`(?:^|\s)(?:`)
    .concat(String.raw`)(?![a-z])`),
);

/** Words that make a time question about something else (the opening hours, a complaint about an order that did not come, how long paint lasts; "¿cuánto dura en llegar?" is delivery). */
const NOT_DELIVERY = /\b(?:abren|abre|cierran|cierra|abierto|open|close|horario|hours|no\s+ha\s+llegado|no\s+llego|nunca\s+llego|never\s+arrived|hasn\s*t\s+arrived|still\s+waiting|todavia|aun\s+no|vence|termina|oferta|offer|deal|(?:dura|duran|durar|duraria|durarian)(?!\s+en\s+(?:llegar|venir|traer\w*|entregar\w*|mandar\w*|despachar\w*))|last|lasts|seca|secar|dry|dries|garantia|warranty)\b/;

/**
 * The message asks when an order would arrive (or how long delivery takes), in a few words.
 *
 * @example
 * asksDeliveryTime('y cuando llegaría?'); // true
 * asksDeliveryTime('¿cuánto tarda?'); // true
 * asksDeliveryTime('¿a qué hora abren?'); // false
 * asksDeliveryTime('mi pedido no ha llegado, cuándo llega?'); // false
 */
export function asksDeliveryTime(text: string): boolean {
  const t = fold(text);
  return WHEN_SAID.test(t) && readsDeliveryTime(t);
}

/** The full reading of `asksDeliveryTime` on the plain words, without the pre-check (kept for the test that proves it). */
export function readsDeliveryTime(t: string): boolean {
  if (t === '' || t.split(' ').length > 14) return false;
  // "¿pa cuándo lo tienen de nuevo?" asks when the store gets it again, not when an order arrives.
  return WHEN_ARRIVES.test(t) && !NOT_DELIVERY.test(t) && !asksRestock(t);
}

/**
 * Issue 16: a pre-check of `WHEN_ARRIVES`, asked of most messages twice a turn (the routing's
 * follow-up guards and the product tool). Every branch of it holds one of these letters as they
 * stand: "cuando", "hora", "cuant…", "tiempo", "dia(s)", "hoy", "manana", a weekday, an English
 * "…day" ("today", "same day", "monday"), "tomorrow", "when", "how", "deliver…". A message without
 * any of them cannot match; the unanchored alternation is never tried on it.
 */
const WHEN_SAID = /cuando|hora|cuant|tiempo|dia|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|day|tomorrow|when|how|deliver/;

/**
 * An order already placed, or waited for: "¿cuándo llega mi pedido?", "ya pagué", "llevo 3 días
 * esperando", "¿cuánto más va a tardar?", "it's been a week". A question of that order's status (a
 * person checks it), not of how long delivery takes. "más o menos" is a filler, not "how much longer".
 */
const PLACED_ORDER =
  /\b(?:(?:mi|mis|nuestro|nuestra|nuestros|my|our)\s+(?:pedidos?|orden|ordenes|compras?|envio|delivery|paquetes?|mercancia|materiales|order|orders|package|stuff)|ya\s+(?:(?:lo|la|los|las|le|les)\s+)?(?:hice|hicimos|pague|pagamos|compre|compramos|ordene|pedi|pedimos|encargue|deposite|transferi)|(?:i|we)\s+(?:already\s+)?(?:ordered|paid|bought|placed)|esperando|waiting|hace\s+(?:\w+\s+)?(?:dias?|horas?|semanas?|rato)|(?:llevo|llevamos|van|ya\s+son)\s+(?:\w+\s+)?(?:dias?|horas?|semanas?)|been\s+(?:\w+\s+)?(?:days?|hours?|weeks?)|cuanto\s+(?:tiempo\s+)?mas(?!\s+o\s+menos)|how\s+much\s+longer|por\s*que|xq|why|tanto|so\s+long|ayer|yesterday|days\s+ago)\b/;

/**
 * How long delivery takes, asked ahead of an order ("¿cuánto tarda el pedido?", "en cuánto tiempo me
 * llega?", "cuánto se tarda en llegar el pedido"): answered with the zones' delivery times. An order
 * placed or waited for (`PLACED_ORDER`) is no such question.
 *
 * @example
 * asksDeliveryTimeAhead('¿cuánto tarda el pedido?'); // true
 * asksDeliveryTimeAhead('¿cuándo llega mi pedido? llevo 3 días esperando'); // false
 */
export function asksDeliveryTimeAhead(text: string): boolean {
  const f = fold(text);
  return asksDeliveryTime(text) && (!PLACED_ORDER.test(f) || ORDER_NOT_PLACED.test(f));
}

/** An order not placed yet: "si lo pido hoy, ¿cuándo llega mi pedido?", "quiero hacer mi pedido, ¿cuándo llega?". */
export const ORDER_NOT_PLACED = /\b(?:si (?:lo |la |los |las )?(?:hago|pido|compro|ordeno|encargo)|hacer (?:mi|el) pedido|quiero (?:hacer|pedir|ordenar|encargar)|if i (?:order|buy)|place (?:my|an) order)\b/;

/** Trouble with an order already waited for: "llevo 3 días esperando", "ya pagué", "todavía no llega". */
const WAITED = /\b(?:esperando|waiting|ya\s+(?:lo\s+|la\s+)?(?:pague|pagamos|hice|hicimos|compre|pedi)|llevo|llevamos|hace\s+\w+\s+(?:dias?|horas?|semanas?)|ayer|yesterday|todavia|aun\s+no|no\s+(?:ha|han)\s+llegado|never|still|already)\b/;

/**
 * An order about to be placed and when it would come: "quiero hacer mi pedido, ¿cuándo llega?",
 * "if I order today, when does it arrive?". A purchase and a delivery-time question, whatever
 * discontent a classifier hears in "pedido"; an order waited for ("llevo 3 días esperando") is not.
 *
 * @example
 * ordersAndAsksWhen('quiero hacer mi pedido, ¿cuándo llega?'); // true
 * ordersAndAsksWhen('¿cuándo llega mi pedido?'); // false
 */
export function ordersAndAsksWhen(text: string): boolean {
  const f = fold(text);
  return ORDER_NOT_PLACED.test(f) && asksDeliveryTime(text) && !WAITED.test(f);
}
