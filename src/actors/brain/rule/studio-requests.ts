/**
 * A studio's requests read by rule where its classifier, trained mostly in Spanish, is unsure: a
 * service asked for a day ("I want a massage on Wednesday", "quiero un masaje el miércoles") is a
 * booking, never the price list; one of its people asked about ("¿quién es Carlos?", "tell me about
 * Carlos") is that person (the services answer reads the staff). The words are the engine's; which
 * label answers is found by its kind or its answer's source, never by its name.
 */
import { fold } from './text.js';
import { NOT_NAME } from './name-words.js';

const words = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Wanting something done, then the thing: "quiero un masaje", "quisiera hacerme las uñas", "me
 * gustaría una limpieza facial", "I want a massage", "can I get a facial", "I'd like to book a
 * haircut". "quiero saber…", "quiero cancelar…", "I want to know…" want no service.
 */
const WANTS_DONE =
  /\b(?:(?:yo )?(?:quiero|quisiera|queria|necesito|deseo|me gustaria|busco|ocupo)\s+(?:hacerme\s+|sacar\s+|agendar\s+|reservar\s+|apartar\s+|pedir\s+|que me (?:hagan|arreglen|pongan|pinten|corten|laven|den|depilen|maquillen|peinen|atiendan)(?: con)?\s+)?(?:un|una|unas|unos|el|la|las|los)\b|(?:i want|i wanna|i d like|i would like|i need|can i get|could i get|can i have|could i have|may i have|can i book|could i book|i m looking for|looking for|book me|get me)\s+(?:to (?:get|book|have|schedule)\s+)?(?:a|an|some|the|my nails|my hair|my eyebrows|my brows)\b)/;

/** A day or a clock time, said to book: "el miércoles", "mañana", "on Wednesday", "at 3", "a las 10", "asap". */
const DAY_OR_CLOCK =
  /\b(?:asap|as soon as possible|lo antes posible|lo mas pronto posible|hoy|manana|pasado manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this week|next week|esta semana|la semana que viene|la proxima semana|(?:a|para) las? \d{1,2}|at \d{1,2}|\d{1,2} ?(?:am|pm)|\d{1,2}:\d\d)\b/;

/** A price or a thing to know asked beside it: answered first ("¿cuánto cuesta un masaje el miércoles?"). */
const ASKS_FIRST =
  /\b(?:cuanto|cuantos|precio|precios|cuesta|cuestan|vale|valen|sale|how much|price|prices|cost|costs|saber|know|horario|horarios|hours|abren|abierto|open|cierran|close|trabaja|trabajan|work|works)\b/;

/** The customer's own booking, not a service: "quiero la cita del lunes", "I want my appointment on friday moved". */
const ONES_BOOKING = /\b(?:el|la|los|las|the|my|mi|mis) (?:cita|citas|reserva|reservas|turno|appointment|appointments|booking|bookings)\b/;

/**
 * Whether a message asks for a service on a day or at a time: "I want a massage on Wednesday",
 * "can I get a facial tomorrow at 3?", "quiero un masaje el miércoles". A booking, not the services'
 * prices; a price or the hours asked with it are answered as before.
 */
export function asksServiceOnADay(text: string): boolean {
  const w = words(text);
  return WANTS_DONE.test(w) && DAY_OR_CLOCK.test(w) && !ASKS_FIRST.test(w) && !ONES_BOOKING.test(w);
}

/**
 * One person of the studio asked about by name, whoever they are: "¿quién es Carlos?", "¿quién es
 * la tal Rosanna?", "who is Wendy?", "tell me about Carlos", "¿qué hace Yokasta?". The name itself is
 * checked against the staff by the services answer; a name that is nobody there goes on as usual.
 */
const WHO_IS =
  /\b(?:quien (?:es|era|seria) (?:(?:el|la) (?:tal |senor |senora |senorita )?)?[a-z]+|(?:que|a que) (?:hace|se dedica) (?!(?:el estudio|ustedes|uds|usted|alguien)\b)[a-z]+$|(?:who s|who is|whos) [a-z]+|tell me (?:more )?about [a-z]+|(?:hablame|cuentame|dime) (?:un poco )?(?:de|sobre) (?:el |la )?[a-z]+|what does [a-z]+ do)\b/;

/** Words after "quién es" / "who is" that name a role or a thing, no one: "¿quién es el dueño?", "who is there?". */
const NOBODY_NAMED = new Set(
  ('encargado encargada gerente jefe jefa duena administrador administradora responsable mejor estilista masajista manicurista cosmetologa maquilladora there your our manager boss best available next ustedes usted eso esto ese esa este ' +
    // "cuéntame de los horarios", "tell me about your prices": the place or its list, never a person.
    'horario horarios hora horas precio precios servicio servicios paquete paquetes promocion promociones oferta ofertas ubicacion direccion local salon estudio lugar cita citas reserva pago pagos ' +
    'hours prices price services service packages package deals location address place studio salon appointment appointments booking bookings payment you it that this them').split(' '),
);

/** Whether a message asks who one named person is (the staff answer tells her role, days and services). */
export function asksWhoSomeoneIs(text: string): boolean {
  const m = WHO_IS.exec(words(text));
  const name = m?.[0].split(' ').pop() ?? '';
  return m !== null && !NOT_NAME.has(name) && !NOBODY_NAMED.has(name);
}

/**
 * Services compared or a choice among them asked: "¿cuál es la diferencia entre el facial hidratante y
 * la limpieza profunda?", "what's the difference between the two facials?", "¿qué me recomiendan?".
 * The services answer lists them with price and time (all it has of them), never the first one alone
 * nor the menu.
 */
const COMPARES =
  /\b(?:(?:la |las )?diferencias? (?:entre|de|del)|(?:en )?que se diferencia\w*|cual es mejor|cual (?:me )?conviene|que (?:me )?(?:recomienda\w*|sugiere\w*|aconseja\w*)|(?:the )?differences? between|what s the difference|which (?:one )?(?:is|would be) better|which (?:one )?should i (?:get|choose|pick|book)|what (?:do|would) you (?:recommend|suggest))\b/;

/** Whether a message compares services or asks which to choose. */
export function comparesServices(text: string): boolean {
  return COMPARES.test(words(text));
}
