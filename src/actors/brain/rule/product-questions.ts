/**
 * Product questions the classifier cannot be sure of, because they name a thing it never saw or
 * only saw in complaints: "¿vendes aire acondicionado?" (whether the store carries something) and
 * "neveras" (a thing named alone). Both are product questions: the catalog says what there is, or
 * that the store does not carry it.
 */
import { tellsWhatHappened } from '../../../machines/triage-decision.js';
import { isVagueComplaint } from './signals.js';
import { fold, outsideSpans } from './text.js';

/** "¿entonces no hay forma?": a way round asked for, read with the product questions (`product-like.ts`). */
export { asksForAWayRound } from '../../tools/product-like.js';
/** "¿tienen azul cielo?": a colour alone asks for the paint it comes in (`colour-only.ts`). */
export { countsAColour, namesOnlyAColour, picksAColour } from './colour-only.js';
/** "herramientas de jardinería?", "garden tools?": a line of the store named with no verb, a product question (its products listed). */
export { lineAsked } from '../../tools/category-asked.js';

/** One kind weighed: "¿cuál es la diferencia entre los cementos?", "which cement is best for a driveway?", "¿qué pintura es buena pa un baño?". */
const WEIGHS =
  /\b(?:diferencias?|difference|differences|compar\w*|recomiend\w*|recommend\w*|(?:cual|cuales|which|what|que)\s+(?:\w+\s+){0,2}(?:es|son|is|are|s)\s+(?:el\s+|la\s+|los\s+|las\s+|the\s+)?(?:mejor(?:es)?|better|best)|(?:es|son|is|are)\s+(?:buen[oa]s?|good)\s+(?:para|pa|pal|for))\b/;
const PRICE_ASKED = /\b(?:precios?|price|prices|oferta|ofertas|deal|deals|descuentos?|discounts?)\b/;

/** True when the message weighs the products of a kind it names (a product question, with `mentions`), not a price or a deal. */
export function weighsAKind(text: string): boolean {
  const f = words(text).join(' ');
  return WEIGHS.test(f) && !PRICE_ASKED.test(f);
}

/** Folded words, accents and punctuation gone ("¿Vendes aire acondicionado?" → vendes aire acondicionado). */
function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

const COURTESY = String.raw`(?:(?:hola|ola|buenas|buenos dias|buen dia|saludos|klk|hi|hello|hey|disculpa|disculpe|oye|oiga|mira|una pregunta|pregunta|quick question|excuse me)\s+)*`;
const CARRY_VERB = String.raw`(?:(?:ustedes|uds|aqui|ahi|alla|en la ferreteria)\s+)?(?:venden|vendes|vende|tienen|tienes|tiene|tendran|tendras|hay|habra|manejan|manejas|maneja|trabajan|traen|consigo|se consigue|se consiguen|se vende|se venden|do you (?:guys )?(?:sell|have|carry|stock)|do y all (?:sell|have|carry)|you (?:guys )?(?:sell|have|carry)|have you got|got any|is there|are there|any)`;
/** "¿vendes aire acondicionado?", "tienen neveras?", "do you sell air conditioners?": the verb, then the thing. */
const ASKS_IF_CARRIED = new RegExp(String.raw`^${COURTESY}${CARRY_VERB}\s+((?:\S+\s*){1,5})$`);

/** What the store tells about itself, not a product it sells (those questions have their own answers). */
const STORE_WORDS =
  /\b(?:horarios?|hora|abierto|abiertos|delivery|envios?|entregas?|domicilio|ofertas?|descuentos?|promo\w*|rebajas?|especiales|liquidacion\w*|specials?|sales|bargains?|clearance|vacantes?|trabajo|empleo|empleos|credito|cuenta|garantia|devolucion\w*|tarjetas?|pagos?|efectivo|transferencia|sucursal\w*|parqueo|wifi|whatsapp|telefono|numero|servicios?|asesor\w*|personal|hours|open|delivery|shipping|deals?|discounts?|jobs?|openings|credit|account|warranty|returns?|cards?|payment|cash|branch\w*|parking|phone|services?|someone|person|agent|gente|alguien|personas?|agentes?|humanos?|empleados?|vendedor\w*|dependientes?|cajer[oa]s?|encargad[oa]s?|gerentes?|people|staff|human|anyone|anybody|somebody|salesperson|cashier|manager)\b/;

/**
 * True when the message asks whether the store sells a thing ("¿vendes aire acondicionado?",
 * "tienen neveras?", "do you carry generators?"), not something about the store itself.
 *
 * @example
 * asksIfCarried('vendes aire acondicionado?'); // true
 * asksIfCarried('tienen delivery?'); // false
 */
export function asksIfCarried(text: string): boolean {
  const f = words(text).join(' ');
  const thing = ASKS_IF_CARRIED.exec(f)?.[1];
  return thing !== undefined && !STORE_WORDS.test(f) && /[a-z]{3,}/.test(thing);
}

/** "¿dónde consigo cemento?", "where can I get a drill?": where to buy a thing, asked of the store that sells it. */
const WHERE_TO_BUY = new RegExp(
  String.raw`^${COURTESY}(?:(?:y|and|pero|but)\s+)?(?:donde|where)\s+(?:(?:puedo|podria|se|lo|la|los|las|can|could|do|would|i|we|you)\s+)*(?:consigo|consigue|consiguen|compro|comprar|conseguir|encuentro|encontrar|buy|get|find|purchase|pick up)\s+((?:\S+\s*){1,6})$`,
);

/**
 * True when the message asks where to buy a thing ("¿dónde consigo cemento?", "where can I get a
 * drill?"): a product question — here, at the store — not the list of branches.
 */
export function asksWhereToBuy(text: string): boolean {
  const f = words(text).join(' ');
  return WHERE_TO_BUY.test(f) && !STORE_WORDS.test(f) && !NOT_A_NAME.test(f.replace(/^.*?\b(?:consigo|consigue|consiguen|compro|comprar|conseguir|encuentro|encontrar|buy|get|find|purchase|pick up)\b/, ''));
}

/** Words a bare thing's name never has: pronouns, negations, verbs of trouble, discontent, requests. */
const NOT_A_NAME =
  /\b(?:mi|mis|me|nos|nuestro|nuestra|su|yo|no|nunca|ni|muy|estoy|estamos|esta|estan|soy|somos|es|son|fue|tengo|tenemos|indignad\w*|enojad\w*|furios\w*|decepcionad\w*|hart[oa]s?|cansad\w*|triste|frustrad\w*|upset|angry|mad|disappointed|furious|am|is|are|was|mal|mala|malo|pesim\w*|horrible|terrible|queja|quej\w*|reclam\w*|devol\w*|reembols\w*|garantia|problema\w*|molest\w*|pedido|orden|factura|entrega|servicio|atencion|llego|llegaron|todavia|aun|ayuda|persona|agente|gracias|hola|buenas|adios|ok|si|my|our|i|we|not|never|bad|worst|awful|complaint|refund|return|order|invoice|delivery|service|help|person|agent|thanks|hello|bye|yes|yet|still)\b/;

/**
 * A thing named alone ("neveras", "aire acondicionado", "estufa de gas"): one to three words with
 * no pronoun, negation, word of trouble or courtesy. Asked of a store, that is whether it has it.
 */
export function namesOnlyAThing(text: string): boolean {
  const w = words(text);
  if (w.length === 0 || w.length > 3) return false;
  const f = w.join(' ');
  return /^[a-z]{4,}(?: (?:de|para|pa|pal|a) [a-z]{3,}| [a-z]{3,}){0,2}$/.test(f) && !NOT_A_NAME.test(f) && !STORE_WORDS.test(f) && !tellsWhatHappened(f) && !isVagueComplaint(f);
}

/**
 * Everyday goods of other trades a customer may still ask a hardware store for ("papel de baño",
 * "pañales", "jabón de cuaba", "toilet paper"): the first word of a thing named alone.
 */
const OTHER_TRADES_GOOD =
  /^(?:papel|panal\w*|pampers|jabon\w*|champu|shampoo|pasta dental|cepillos? de dientes|comida|arroz|habichuelas?|leche|refrescos?|cervezas?|cigarr\w*|medicinas?|medicamentos?|pastillas|celular\w*|televisor\w*|tv|neveras?|estufas?|lavadoras?|microondas|colchon\w*|muebles?|ropa|zapatos?|tenis|juguetes?|libros?|cuadernos?|toilet paper|paper towels?|diapers?|soap|groceries|food|beers?|cigarettes?|medicines?|phones?|fridges?|refrigerators?|stoves?|washing machines?|microwaves?|mattress\w*|furniture|clothes|shoes|toys?|books?)\b/;

/**
 * A thing of another trade named alone ("papel de baño", "pañales", "diapers"): asked of a store, whether it has it —
 * a product question the catalog answers with "no vendemos …", whatever the classifier made of words it never saw.
 */
export function namesOnlyAnotherTradesGood(text: string): boolean {
  // "y estufas?", "what about a fridge?" (after "tienen neveras?"): the same question of another thing.
  const thing = words(text).join(' ').replace(/^(?:(?:y|e|o|and|or|what about|how about|and what about)\s+)?(?:(?:un|una|unos|unas|el|la|los|las|a|an|the|some|any)\s+)?/, '');
  return OTHER_TRADES_GOOD.test(thing) && namesOnlyAThing(thing);
}

/**
 * "¿hay gente para atenderme?", "¿hay un vendedor disponible?", "is there anyone who can help?":
 * whether a person of the store is there to attend — a request for a person, never a product.
 * A bare "¿hay alguien?" is a greeting that checks someone is there; it is left to the classifier.
 *
 * @example
 * asksForStaff('hay gente para atenderme?'); // true
 * asksForStaff('hay gente trabajando en la obra, que cemento uso?'); // false
 */
export function asksForStaff(text: string): boolean {
  return ASKS_FOR_STAFF.test(words(text).join(' ')) || endsAskingForPerson(text);
}

/**
 * "my name is Tom, I want to pay for 10 bags of cement…, can a person help me?": a long message
 * that closes by asking for a person in so many words; the rest is what the person is for.
 */
function endsAskingForPerson(text: string): boolean {
  const clauses = text.split(/[,.;!?¿¡]+/).map((c) => c.trim()).filter((c) => c !== '');
  return clauses.length >= 2 && PERSON_AT_END.test(words(clauses[clauses.length - 1] as string).join(' '));
}

const PERSON_AT_END =
  /^(?:(?:and|so|but|y|pero|entonces) )?(?:(?:can|could|may|would) (?:a person|someone|somebody|a human|an agent|a real person|one of your staff) (?:please )?(?:help|assist|attend|serve) (?:me|us)(?: please)?|i (?:want|need|would like|d like) to (?:talk|speak) (?:to|with) (?:a person|someone|a human|an agent|a real person)(?: please)?|(?:una persona|alguien|un agente) (?:me |nos )?(?:puede|podria) (?:ayudar|atender)|(?:me |nos )?(?:puede|podria) (?:ayudar|atender)(?:me|nos)? (?:una persona|alguien|un agente)|(?:quiero|necesito|quisiera) hablar con (?:una persona|alguien|un agente|un humano)(?: por favor)?)$/;

const ASKS_FOR_STAFF = new RegExp(
  String.raw`^${COURTESY}(?:hay|habra|tienen|tiene|is there|are there|any|do you have)\s+(?:alguien|gente|una persona|alguna persona|personas|(?:un|algun) (?:vendedor|asesor|agente|empleado)|(?:una|alguna) (?:vendedora|asesora)|vendedores|asesores|agentes|empleados|un humano|someone|anyone|anybody|somebody|a person|people|staff|a human|an agent|a salesperson|a real person)\s+(?:(?:para|que|who|to|that)\s+(?:\S+\s+){0,2}(?:atend\w*|atiend\w*|ayud\w*|help\w*|serv\w*|assist\w*|habl\w*|talk\w*)|disponibles?|available)(?:\s+\S+){0,3}$`,
);


/** What a count costs: "si llevo 10, ¿cuánto pago?", "¿cuánto pagaría por 6?", "if I take 3, how much do I pay?". */
const COUNT_TAKEN = /\b(?:(?:si|if) (?:(?:me|i) )?(?:llevo|compro|cojo|agarro|pido|tomo|buy|get|take|order) (?:unos |unas |like )?\d+|(?:por|for|de a) \d+)\b/;
const WHAT_I_PAY = /\b(?:cuanto (?:pago|pagaria|pagare|tengo que pagar|tendria que pagar|seria|sale|me sale|me saldria|me cuesta|me costaria)|how much (?:do|would|will) (?:i|we) (?:pay|owe)|how much (?:is|would) (?:it|that) (?:be|cost))\b/;
const ACCOUNT_SAID = /\b(?:cuenta|balance|saldo|debo|deuda|factura|credito|account|invoice|statement)\b/;

/**
 * A price asked for a count ("si llevo 10, ¿cuánto pago?"): the product on the counter, never an
 * account's balance on the word "pago" (which the classifier learnt from "¿cuánto debo?").
 */
export function asksPriceOfCount(text: string): boolean {
  const f = fold(text);
  return WHAT_I_PAY.test(f) && COUNT_TAKEN.test(f) && !ACCOUNT_SAID.test(f);
}

/** Words of a greeting or courtesy said around a product's name ("hola, cemento?", "buenas, varilla de 3/8 por favor"). */
const GREETING_WORD = /^(?:hola|ola|holaa+|buenas|buenos|buen|dias?|tardes?|noches?|saludos|klk|hi|hello|hey|good|morning|afternoon|evening|amig[oa]|don|dona|senor|senora|jefe|mi|hermano|y|e|and|por|favor|porfa|porfavor|xfa|plis|please|pls)$/;
const GREETS = /^(?:hola|ola|holaa+|buenas|buenos|buen|saludos|klk|hi|hello|hey|good)$/;

/**
 * "hola, cemento?", "buenas, varilla de 3/8", "hello, cement?": a greeting with a product named and
 * nothing else — the customer asks for that product (a clerk greets back and shows it), never a
 * greeting alone. `mentions` are the catalog's products found in `text` (its offsets).
 */
export function greetsWithAProduct(text: string, mentions: readonly { start: number; end: number }[]): boolean {
  if (mentions.length === 0) return false;
  const left = words(outsideSpans(text, mentions));
  return left.some((w) => GREETS.test(w)) && left.every((w) => GREETING_WORD.test(w));
}
