import { plainWords } from '../kernel/plain-words.js';

/**
 * Where to send it, said at the end of an order: "mándame 50 de 3/8 y 30 de media a Caleta",
 * "mandame 50 a buena vista", "50 de 3/8 y 30 de media con delivery a caleta". The goods are read
 * without it (a place is never a product: "No vendemos *media vista*"), and the place is priced or
 * asked about by the tools. Pure words: whether the place is served is the tenant's data.
 */

/** The order is sent: a sending verb, or a delivery named. */
const SENDS = /\b(?:manda(?:me|nos)?(?:l[oa]s?)?|mandenme(?:l[oa]s?)?|mandame|envia(?:me|nos)?(?:l[oa]s?)?|envienme(?:l[oa]s?)?|lleva(?:me|nos)(?:l[oa]s?)?|llevenme(?:l[oa]s?)?|trae(?:me|nos)(?:l[oa]s?)?|traiganme(?:l[oa]s?)?|(?:me|nos) (?:l[oa]s? )?(?:mandan|llevan|traen|envian|despachan)|delivery|envio|send(?: me| it| them| us)?|deliver(?:ed)?|ship(?:ped)?)\b/;
/** The place at the very end, after "a", "pa", "para", "hasta", "to": one to three words, no digits. */
const TAIL = /\s+(?:(?:con\s+(?:el\s+)?(?:delivery|env[ií]o)|with\s+(?:the\s+)?delivery)\s+)?(?:a|al|pa|pa'|pal|para|hasta|to)\s+(\p{L}+(?:\s+\p{L}+){0,2})\s*[?!.]*\s*$/iu;
/** Tail words that are no place: an article or a possessive ("a la casa", "pa mi obra"), a time, a purpose, a manner. */
const NO_PLACE = /^(?:la|el|los|las|lo|un|una|mi|mis|tu|tus|su|sus|nuestra|nuestro|the|my|our|your|his|her|their|a|an|this|that|ese|esa|este|esta|casa|obra|domicilio|home|house|trabajo|oficina|negocio|colmado|tienda|local|finca|solar|taller|apartamento|apto|edificio|proyecto|work|office|job|site|shop|store|place|jobsite|hoy|manana|ahora|ahorita|luego|ya|tarde|lunes|martes|miercoles|jueves|viernes|sabado|domingo|today|tomorrow|now|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ver|ti|usted|ustedes|mi|me|you|him|them|tiempo|time|cada|each|cuenta|credito|nombre|name|medias|pie|pies|mano|granel|gusto|orden|pagar|entregar|recoger|buscar|semana|mes|dia|noche|esquina|vuelta|week|month|day|night|corner)$/;

/**
 * The order without the place that ends it, and the place as said; null when the message sends
 * nothing or ends with no place.
 *
 * @example
 * placeTailOf('mandame 50 de 3/8 y 30 de media a buena vista'); // { rest: 'mandame 50 de 3/8 y 30 de media', place: 'buena vista' }
 */
export function placeTailOf(text: string): { rest: string; place: string } | null {
  if (!SENDS.test(plainWords(text))) return null;
  const m = TAIL.exec(text.trim());
  if (!m) return null;
  const place = plainWords(m[1]!);
  const first = place.split(' ')[0]!;
  // "mándamelo pa terminar", "para pintar": what for, never where.
  // "a los llanos", "pa las terrenas", "a la caleta": a town's name with its article is a place; "a la casa", "pa la obra" are not.
  const named = place.split(' ');
  const withArticle = /^(?:la|el|los|las)$/.test(first) && named.length >= 2 && !NO_PLACE.test(named[1]!);
  if ((NO_PLACE.test(first) && !withArticle) || /(?:ar|er|ir)$/.test(place)) return null;
  const rest = text.trim().slice(0, m.index).trim();
  return rest === '' || !/\d|\b(?:un|una|uno|dos|tres|cuatro|cinco|diez|veinte|treinta|cincuenta|cien|one|two|three|ten|twenty|fifty)\b/.test(rest) ? null : { rest, place: m[1]!.replace(/\s+/g, ' ') };
}
