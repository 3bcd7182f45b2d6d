/**
 * Whether words the catalog does not know could name a thing a customer buys at all. "No vendemos
 * *pizza*" is a clerk's answer; "No vendemos *cuando llegaría*", "*perfecto*" or "*hago*" is not:
 * question words, courtesy, time words, verbs and talk about the order itself name no goods. Such
 * a message is read as something else (the product in focus, a question of which product).
 */
import { foldAccents } from '../../kernel/fold.js';

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
    if (knows(w)) return true;
    if (NOT_GOODS.has(w) || /^\d+$/.test(w)) return false;
    if (lang === 'es' && w.length >= 5 && !NOUNS_LIKE_VERBS.has(w) && SPANISH_VERB.test(w)) return false;
    return true;
  });
}
