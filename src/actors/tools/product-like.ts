/**
 * Whether words the catalog does not know could name a thing a customer buys at all. "No vendemos
 * *pizza*" is a clerk's answer; "No vendemos *cuando llegaría*", "*perfecto*" or "*hago*" is not:
 * question words, courtesy, time words, verbs and talk about the order itself name no goods. Such
 * a message is read as something else (the product in focus, a question of which product).
 */
import { foldAccents } from '../../kernel/fold.js';
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';

const fold = foldAccents;

/** Words that are never the name of goods, in Spanish and English. */
const NOT_GOODS = new Set(
  [
    // questions
    'cuando', 'como', 'donde', 'adonde', 'cual', 'cuales', 'que', 'quien', 'quienes', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'porque', 'por',
    'when', 'how', 'where', 'why', 'what', 'which', 'who', 'whom', 'whose', 'long', 'soon', 'much', 'many',
    // courtesy, acknowledgement, small talk
    'ok', 'okay', 'oki', 'okey', 'perfecto', 'perfecta', 'excelente', 'genial', 'gracias', 'grasias', 'vale', 'listo', 'lista', 'bueno', 'buena', 'buenas',
    'claro', 'dale', 'chevere', 'nitido', 'super', 'bien', 'entendido', 'hola', 'saludos', 'bendiciones', 'porfa', 'favor', 'amigo', 'amiga', 'jefe', 'mi',
    'great', 'perfect', 'thanks', 'thank', 'please', 'cool', 'nice', 'awesome', 'fine', 'alright', 'sure', 'hello', 'hi', 'hey', 'sir', 'madam', 'friend',
    'si', 'yes', 'no', 'not', 'nah', 'yeah', 'yep', 'pues', 'entonces', 'so', 'then', 'well', 'oye', 'mira', 'ya', 'tambien', 'also', 'too',
    // comparisons said of what is on the counter
    'mas', 'menos', 'barato', 'barata', 'baratos', 'baratas', 'caro', 'cara', 'economico', 'economica', 'mejor', 'peor', 'primero', 'primera', 'ultimo', 'ultima',
    'cheap', 'cheaper', 'cheapest', 'expensive', 'better', 'best', 'first', 'last',
    // how a quote or a person is asked for ("una cotización formal", "un asesor de ventas")
    'cotizacion', 'cotizaciones', 'presupuesto', 'proforma', 'quote', 'quotation', 'estimate', 'formal', 'formales', 'oficial', 'detallada', 'detallado', 'official', 'detailed', 'written', 'escrita',
    'asesor', 'asesora', 'asesores', 'vendedor', 'vendedora', 'vendedores', 'advisor', 'adviser', 'advisors', 'rep', 'reps', 'ventas', 'venta', 'sales', 'comercial', 'representative', 'salesman', 'salesperson',
    // time
    'hoy', 'manana', 'ayer', 'ahora', 'luego', 'despues', 'antes', 'tarde', 'temprano', 'pronto', 'rato', 'semana', 'semanas', 'dia', 'dias', 'hora', 'horas',
    'minuto', 'minutos', 'mes', 'meses', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'noche', 'mediodia', 'tiempo', 'fecha',
    'today', 'tomorrow', 'yesterday', 'now', 'later', 'tonight', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'month', 'time', 'date',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening',
    // the order, the delivery, the talk itself
    'pedido', 'pedidos', 'orden', 'ordenes', 'compra', 'compras', 'entrega', 'envio', 'delivery', 'llegada', 'pago', 'factura', 'recibo', 'cuenta', 'total', 'precio',
    'order', 'orders', 'purchase', 'shipping', 'payment', 'invoice', 'receipt', 'price', 'eso', 'esto', 'esa', 'ese', 'esos', 'esas', 'algo', 'nada', 'todo',
    'cosa', 'cosas', 'thing', 'things', 'it', 'that', 'this', 'those', 'them', 'one', 'same', 'mismo', 'misma', 'el', 'la', 'lo', 'los', 'las', 'de', 'a', 'en',
    'the', 'of', 'to', 'in', 'on', 'y', 'and', 'o', 'or', 'me', 'te', 'se', 'le', 'les', 'nos', 'i', 'you', 'we', 'us', 'my', 'your',
    // common verbs (conjugated forms the endings below do not catch)
    'hago', 'hace', 'hacen', 'haces', 'hizo', 'tengo', 'tiene', 'tienen', 'tienes', 'puedo', 'puede', 'pueden', 'quiero', 'quiere', 'quieren', 'llega', 'llegan',
    'llego', 'tarda', 'tardan', 'demora', 'demoran', 'dura', 'sale', 'salen', 'viene', 'vienen', 'voy', 'va', 'van', 'vamos', 'es', 'son', 'esta', 'estan',
    'hay', 'fue', 'sera', 'seria', 'seran', 'serian', 'haria', 'podria', 'tendria', 'pagas', 'paga', 'pagan', 'manda', 'mandan', 'envia', 'envian', 'llevo', 'lleva', 'llevan',
    'trae', 'traen', 'dame', 'deme', 'mandame', 'ponme', 'necesito', 'ocupo', 'busco', 'compro', 'pido', 'sabe', 'se', 'creo', 'digo', 'dice', 'dicen',
    // Dominican speech: "¿a cómo ta?" (está), "¿a cuánto lo dan?", "¿lo tan dando?"
    'ta', 'tan', 'tas', 'toy', 'tamo', 'da', 'dan', 'das', 'doy', 'dando', 'dejan', 'deja', 'ponen', 'pone', 'vende', 'venden', 'vendes', 'cobran', 'cobra',
    'do', 'does', 'did', 'done', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'take', 'takes', 'get', 'gets', 'got',
    'arrive', 'arrives', 'come', 'comes', 'make', 'want', 'need', 'buy', 'pay', 'send', 'deliver', 'know', 'think', 'say', 'tell', 'go', 'goes', 'have', 'has',
  ].map(fold),
);

/**
 * Words of everyday phrases ("no hay forma", "de alguna manera", "de ningún modo", "¿hay chance?",
 * "no way"): never goods, even when a spelling correction makes one of them a product ("manera" →
 * "madera").
 */
const PHRASE_WORDS = new Set(['forma', 'formas', 'manera', 'maneras', 'modo', 'modos', 'chance', 'chances', 'chanse', 'way', 'ways', 'posibilidad', 'oportunidad']);

/** Nouns that end like a Spanish verb form ("collar", "taller", "comando"): goods or places, never read as verbs. */
const NOUNS_LIKE_VERBS = new Set(['collar', 'taller', 'azucar', 'lugar', 'hogar', 'mujer', 'altar', 'celular', 'dolar', 'bar', 'mar', 'par', 'radar', 'alquiler', 'placer', 'poder', 'ser', 'solar', 'militar', 'familiar', 'comando', 'luminaria', 'luminarias', 'escalar']);

/** Spanish verb endings: infinitive (with its pronouns), gerund, conditional, past and future forms. */
const SPANISH_VERB = /(?:[aei]r(?:l[oa]s?|me|te|se|nos|le|les)?|(?:a|ie)ndo(?:l[oa]s?|me|se)?|aria(?:s|n|mos)?|dria(?:s|n|mos)?|aste|iste|aron|ieron|abamos|aban)$/;

/**
 * True when a phrase the catalog has nothing for could still name goods ("pizza", "zapatos",
 * "abanicos de techo"), false when it is only talk ("cuando llegaría", "perfecto", "hago",
 * "how long"). `knows` tells a word the catalog knows (a known word always counts as goods).
 *
 * @example
 * namesGoods('cuando llegaría', () => false); // false
 * namesGoods('zapatos', () => false); // true
 */
export function namesGoods(phrase: string, knows: (word: string) => boolean, lang: 'es' | 'en' = 'es'): boolean {
  const words = fold(phrase).split(/[^a-z0-9-]+/).filter((w) => w !== '');
  return words.some((w) => {
    if (PHRASE_WORDS.has(w)) return false;
    if (knows(w)) return true;
    if (NOT_GOODS.has(w) || /^\d+$/.test(w)) return false;
    if (lang === 'es' && w.length >= 5 && !NOUNS_LIKE_VERBS.has(w) && SPANISH_VERB.test(w)) return false;
    return true;
  });
}

/** A cheap first test: the message has one of the phrase words at all. */
const HAS_PHRASE_WORD = /\b(?:forma|formas|manera|maneras|modo|modos|chance|chances|chanse|way|ways|posibilidad|oportunidad)\b/;

/**
 * "¿Entonces no hay forma?", "no hay manera", "¿de ningún modo?": a disappointed follow-up asking
 * for a way round (a price, a date, something not carried), not goods. A clerk says they cannot
 * settle it from here and offers a person who can see what can be done (a yes hands over). Null
 * when the message names any goods (the brain's products, a word the catalog knows) or has none of
 * those phrase words.
 */
export function noWayAnswer(tenant: TenantData, text: string, products: readonly unknown[], knows: (word: string) => boolean, lang: Lang): ProductActorOutput | null {
  if (products.length > 0 || tenant.templates[lang]?.['product.no_way'] === undefined) return null;
  const folded = fold(text);
  const way = asksForAWayRound(text);
  if (!way && !HAS_PHRASE_WORD.test(folded)) return null;
  // Talk words first ("hay", "no" may be a catalog word's misspelling); then a word the catalog knows
  // names goods ("no hay forma de conseguir cemento blanco?"), and without the way-round question so does any other.
  const words = folded.split(/[^a-z0-9-]+/).filter((w) => w !== '' && !PHRASE_WORDS.has(w) && !NOT_GOODS.has(w));
  if (way ? words.some(knows) : namesGoods(words.join(' '), knows, lang)) return null;
  const asks = lang === 'en' ? 'I would like to talk to someone to see what can be done' : 'quiero hablar con una persona para ver qué se puede hacer';
  const label = 'clarify.option.yes_person';
  return { outcome: 'answered', replies: [{ template: 'product.no_way', options: [{ label, text: asks, template: true }] }], offer: { intent: 'human_agent', label, text: asks } };
}

/** "¿entonces no hay forma?", "no hay manera de que me lo bajen", "is there no way?": asking for a way round. */
const WAY_ROUND = new RegExp(
  String.raw`^(?:(?:entonces|pero|y|bueno|ok|ah|ay|o sea|osea|ombe|diablo|dime)\s+)*(?:(?:no|ya no)\s+)?(?:hay|habra|habria|existe|tienen|tiene|queda)\s+(?:alguna|ninguna|otra|ningun|algun|chance|una)?\s*(?:forma|manera|modo|chance|posibilidad|opcion|solucion)(?:\s+de\s+(?:que|resolver\w*|arreglar\w*|hacer\w*|conseguir\w*|rebaj\w*|baj\w*|dejar\w*|ayudar\w*).*)?$` +
    String.raw`|^(?:(?:entonces|pero|y|bueno)\s+)?de (?:alguna|otra) (?:forma|manera) (?:me |nos |se )?(?:lo |la |los |las )?(?:pueden|puede|podrian|podria|pudieran|puedes)\b.*$` +
    String.raw`|^(?:(?:so|but|and|well|ok)\s+)*(?:is there )?(?:no|any|another) (?:other )?way(?: (?:to|you|around it|out).*)?$`,
);
/** The way asked about is one the store tells of itself ("forma de pago", "manera de contactarlos"). */
const WAY_OF_STORE = /\b(?:pago|pagar|pagos|tarjeta|contact\w*|llegar|ubicar\w*|pay|payment|contact|reach)\b/;

/**
 * "¿Entonces no hay forma?", "no hay manera", "¿no hay chance de que me lo bajen?": a disappointed
 * follow-up asking for a way round (a price, a date, something not carried), never goods nor a job.
 */
export function asksForAWayRound(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return WAY_ROUND.test(f) && !WAY_OF_STORE.test(f);
}
