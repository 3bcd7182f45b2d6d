import { PROJECT_WORDS, QUOTE_WORDS } from './project-quotes.js';
import type { IntentName } from '../../../domain/intents.js';
import { tellsWhatHappened } from '../../../machines/triage-decision.js';
import type { UrgencyLevel } from '../../../domain/lead.js';
import type { Lang } from '../../../domain/nlu.js';
import { namesOneThingOnly } from './narrowed-pick.js';
import { chatSpelling, fold, outsideSpans } from './text.js';
import { rememberRecent } from '../../../kernel/recent-texts.js';
import { namesGoodsInEnglish } from './english-words.js';
import { parseProductText } from '../../catalog/attributes.js';

/**
 * Folded words of a message (accent-free, punctuation-free). Every detector below reads the same
 * message in turn, so the last few messages' words are kept (shared and read-only).
 */
export function words(text: string): readonly string[] {
  return recentWords(text);
}
const recentWords = rememberRecent((text: string): readonly string[] => splitWords(text));

function splitWords(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9@.\s]+/g, ' ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

const YES = /^(?:si|sip|sii|claro|dale|ok|okay|okey|oki|correcto|exacto|exactamente|yes|yeah|yep|yup|sure|right|correct|afirmativo|perfecto|seguro|vale|listo|de acuerdo|por supuesto|asi es|eso es|eso mismo|esta bien|ta bien|of course|absolutely|definitely|that s right|thats right|si claro|claro que si|si senor|si senora|bueno)\b/;
const NO = /^(?:no|nop|nope|nah|negativo|incorrecto|para nada|de ninguna manera|not really|no way|wrong|incorrect|nel)\b/;

/**
 * Yes/no answers. A leading "si"/"no" followed by a long clause without a pause is a question or
 * a statement ("si tienen cemento?", "no tienen varilla?"), not an answer.
 */
export function detectAffirmation(text: string): 'yes' | 'no' | null {
  const f = fold(text).trim();
  const w = words(text);
  if (w.length === 0) return null;
  const joined = w.join(' ').replace(/\./g, '');
  const firstPause = /^[^,.;!]*[,.;!]/.test(f) ? f.split(/[,.;!]/)[0]!.trim().split(/\s+/).length : w.length;
  const shortOrPaused = w.length <= 3 || firstPause <= 3;
  if (/\?\s*$/.test(f) && w.length > 2) return null;
  if (NO.test(joined) && shortOrPaused) return 'no';
  if (/^(?:no es correcto|no esta bien|eso no)/.test(joined)) return 'no';
  if (YES.test(joined) && (shortOrPaused || /^(?:claro|dale|correcto|exacto|yes|yeah|sure|perfecto|de acuerdo)/.test(joined))) return 'yes';
  return null;
}

/** Words that take leave: with them a courtesy message ends the conversation. */
const FAREWELL =
  /\b(?:bye|byebye|bai|adios\w*|chao\w*|chau|hasta (?:luego|manana|pronto|la proxima|otro dia|la vista)|nos vemos|nos hablamos|luego hablamos|me despido|me voy(?! a\b)|me retiro|cuidat\w*|cuidense|que (?:te|les|le) vaya bien|see (?:you|ya)|cya|later|take care|good ?night|have a (?:nice|good|great) (?:day|one|night|weekend)|gotta (?:go|run)|i have to go|talk to you later|ttyl|me desconecto|(?:que )?dios (?:te|les|le|los|las) bendiga|cierro el chat|me fui|que (?:tenga|tengan|tengas|pase|pasen|pases) (?:un )?(?:buen|buena|buenas|buenos|feliz|lindo|linda|excelente|bonito|bonita)\b)\b/;
/** "That is all" / "nothing else" / "no thanks": the customer needs nothing more. */
const NOTHING_MORE =
  /\b(?:(?:eso|esto) (?:es|era|seria|sería) todo|es todo|era todo|seria todo|nada mas|no necesito (?:mas|nada)|(?:thats|that s|that is|that was) (?:all|it|everything)|that will be all|nothing else|(?:i m|im|i am) (?:done|good|all set)|all set|estoy bien asi)\b/;

const BARE_DECLINE =
  /^(?:no|nop|nope|nah|no no|nada|nada mas|no nada|no nada mas|no gracias|no thanks|no thank you|estoy bien|asi esta bien|no estoy bien|no todo bien|no por ahora|por ahora no|ahora no|not now|nothing|nothing else|no thats it|no that s it|im good|i m good|i am good|no im good|no i m good|no estamos bien|ya no|no ya)$/;

/**
 * A bare "no" / "nada" / "estoy bien" when nothing is pending: the answer to the "¿Algo más?" that
 * ends most replies. Only the whole message counts ("no tienen cemento?" is a question).
 */
export function isBareDecline(text: string): boolean {
  return BARE_DECLINE.test(words(text).join(' ').replace(/\./g, ''));
}

const BARE_ACK =
  /^(?:(?:ah |oh |ahh |aja )?(?:ok|okey|okay|oki|oka|okk|k|kk|dale|dale pues|perfecto|perfect|bueno|ta bueno|esta bueno|ta bien|esta bien|listo|excelente|genial|chevere|nitido|brutal|entendido|entiendo|comprendo|vale|de acuerdo|claro|si|sip|yes|yeah|yep|cool|great|nice|alright|got it|understood|sounds good|ya|ya veo|aja|super|buenisimo|que bueno|fino)(?: (?:ok|okey|dale|perfecto|bueno|listo|excelente|genial|entendido|gracias|thanks|pues|entonces|ya))*)$/;

/**
 * A bare acknowledgment ("ok", "dale", "perfecto", "ta bien", "got it") when nothing is pending:
 * answered like thanks ("¡Con gusto! ¿Algo más?"), never a guess at a request.
 */
export function isBareAcknowledgment(text: string): boolean {
  const f = words(text).join(' ').replace(/\./g, '');
  return BARE_ACK.test(f) || JUST_ASKING.test(f);
}

/** "no, solo quería saber", "solo estoy mirando", "just asking": the question was all; nothing to do. */
const JUST_ASKING =
  /^(?:(?:no|nah|ok|oh|ah|aja|ah ok|no no) )?(?:(?:solo|solamente|nada mas|na mas|namas|no mas) (?:queria saber|quiero saber|preguntaba|estaba preguntando|pregunto|era (?:una )?pregunta|era pa saber|era para saber|por saber|por curiosidad|curiosidad|era curiosidad|estoy mirando|estaba mirando|estoy viendo|mirando|viendo|cotizando|averiguando|estoy averiguando|estoy cotizando)|(?:era|es) (?:pa|para) saber|por curiosidad|(?:preguntaba|preguntando|averiguando|cotizando|mirando) nada mas|era una pregunta nada mas|(?:i was |i m |im )?just (?:asking|wondering|curious|looking|checking|browsing)|just wanted to know|only asking)(?: (?:gracias|thanks|nada mas|no mas|namas|ok|pues))*$/;

/**
 * The customer closes the conversation: a farewell ("dale, muchas gracias, bye", "gracias, hasta
 * luego"), "that's all" / "eso es todo", or a "no, gracias" to "anything else?". Thanks alone is not
 * a closing: the bot still offers more help.
 */
export function detectClosing(text: string): boolean {
  const f = words(text).join(' ').replace(/\./g, '');
  if (FAREWELL.test(f)) return true;
  // "la de 5/8 nada más", "20 nada más": a size or a count said with it narrows a request, it does not end the talk.
  // "la manguera nada más": one thing named, the request narrowed to it (`namesOneThingOnly`).
  if (NOTHING_MORE.test(f) && !/\d/.test(f) && !namesOneThingOnly(f)) return true;
  // "gracias por todo" and thanks with a blessing ("gracias, bendiciones") are how a Dominican
  // customer says goodbye; "bendiciones" alone opens a conversation as often as it closes one.
  if (/\b(?:gracias por todo|thanks for everything|thank you for everything)\b/.test(f)) return true;
  if (/\b(?:gracias|thanks|thank you)\b/.test(f) && /\b(?:bendicion(?:es)?|bendiga|blessings?|bless you)\b/.test(f)) return true;
  return /^(?:no|nop|nope|nah)(?: (?:muchas|mil))? (?:gracias|thanks|thank you|ty|thx)\b/.test(f);
}

const GREETING_PART =
  /^(?:hola|ola|holis|buenas|buenos dias|buen dia|buenas tardes|buenas noches|tardes|saludos|saludos cordiales|klk|qlq|que lo que|que tal|que hay|que hubo|epa|wepa|dimelo|digame|dime|dime a ver|a ver|como (?:esta|estas|estan|estamos|anda|andas|andan|le va|les va|te va)(?: usted| ustedes)?|todo bien|hi|hiya|hello|hey|yo|sup|whats up|good (?:morning|afternoon|evening)|how (?:are you|are u|r u|is it going|s it going)|mi (?:hermano|hermana|pana|amigo|amiga|loco|gente|amor|vida|cielo|reina)|(?:necesito|ocupo|quiero|busco) (?:ayuda|informacion|una informacion|hacer una consulta|hacer una pregunta)|(?:tengo|tenia|una) (?:una )?(?:pregunta|consulta|duda|preguntita)|una (?:pregunta|consulta|duda)|(?:tengo )?otra (?:pregunta|consulta|duda)|(?:i have |i got )?(?:another|one more) question|(?:me|nos) (?:pueden|puede|podrian|podria|puedes|podrias) (?:ayudar|atender|orientar)(?: (?:con|en) algo)?|(?:me|nos) (?:ayudan|ayuda|ayudas|atienden|atiende)|ayuda|ayudame|help|help me|i need help|i have a question|(?:can|could) (?:you|u|someone) help(?: me)?|quick question|manito|manita|loco|pana|amigo|amiga|bendiciones|oye|oiga|mira|mire|disculpe|disculpa|perdon|excuse me|senor|senora|senorita|joven|don|dona|ahi|alli|everyone|all|there|team|todos|hay alguien(?: (?:ahi|alli|por ahi|ai))?|(?:tu |usted |ustedes |uds )?(?:ta|tas|esta|estas|estan|tan|sigues|sigue|siguen) (?:ahi|alli|por ahi|ai|en linea)|(?:is |are )?(?:anyone|anybody|someone|somebody|you|u) (?:there|around|still there)|(?:is|are) (?:anyone|anybody|someone|somebody|you|u) (?:there|around|still there))$/;

/** Every word `GREETING_PART` is written with: a greeting-only text has no other word (see `greetingWordsOnly`). */
const GREETING_WORDS: ReadonlySet<string> = new Set(GREETING_PART.source.replace(/[^a-z]+/g, ' ').trim().split(' '));

/**
 * Whether a word, cleaned as `isOnlyGreeting` cleans a text, is made only of words a greeting is
 * written with (a word of no letters passes): false proves that no text holding it is
 * `isOnlyGreeting`, so a caller can stop before asking.
 */
export function greetingWordsOnly(word: string): boolean {
  for (const token of fold(word).replace(/[^a-z]+/g, ' ').split(' ')) {
    if (token !== '' && !GREETING_WORDS.has(token.replace(/([a-z])\1{2,}/g, '$1'))) return false;
  }
  return true;
}

/**
 * A message made only of greetings, forms of address and openers without a request yet ("klk mi
 * hermano", "hola, cómo están?", "dime a ver", "tengo una pregunta", "me pueden ayudar?"): a
 * greeting, whose reply invites the request, whatever words the classifier never saw.
 */
export function isOnlyGreeting(text: string): boolean {
  const parts = fold(text)
    .replace(/[^a-z\s,.!?¿¡;:]+/g, ' ')
    .split(/[,.!?¿¡;:]+/)
    .map((p) => p.replace(/([a-z])\1{2,}/g, '$1').trim().replace(/\s+/g, ' '))
    .filter((p) => p.length > 0);
  if (parts.length === 0) return false;
  // Each comma-separated part is a greeting phrase possibly followed by a form of address.
  return parts.every((part) => {
    const w = part.split(' ');
    for (let cut = w.length; cut > 0; cut--) {
      if (GREETING_PART.test(w.slice(0, cut).join(' ')) && (cut === w.length || GREETING_PART.test(w.slice(cut).join(' ')) || w.slice(cut).every((x) => GREETING_PART.test(x)))) return true;
    }
    return false;
  });
}

/**
 * Words that voice discontent without saying what happened: "no me gustó", "estoy molesto",
 * "tengo un problema", "I'm not happy". A message made only of these is a feeling, not yet a case.
 */
const VAGUE_COMPLAINT_WORDS = new Set(
  (
    'no nos me le les te yo nosotros muy bien nada mucho poco bastante super tan medio algo eso esto esa ese aqui ' +
    'gusto gustaron gusta gustan encanto agrado convencio sirvio funciono ' +
    'estoy estamos sigo seguimos quede quedamos ando me siento sentimos ' +
    'molesto molesta molestos molestas enojado enojada enojados enfadado enfadada disgustado disgustada frustrado frustrada ' +
    'insatisfecho insatisfecha decepcionado decepcionada indignado indignada triste contento contenta satisfecho satisfecha feliz ' +
    'tengo tenemos tuve tuvimos hay hubo un una unos el la lo los las de del con por para su sus mi mis ' +
    'problema problemas problemita inconveniente inconvenientes situacion lio asunto queja quejas reclamo reclamos reclamacion ' +
    'poner hacer presentar quiero quisiera queria necesito paso salio fue estuvo mal malo mala ustedes usted ' +
    'la verdad pues oye mira hola buenas disculpe saludos ' +
    // WhatsApp spelling ("toy muy molesto con uds") and "you guys" say no more than the words above.
    'toy toi tamos tamo uds q guys yall ' +
    'i im am we are were was have had has a an the my our some not dont didnt did do really very so quite at all ' +
    'happy unhappy upset angry mad annoyed frustrated disappointed satisfied pleased like liked it this that ' +
    'problem problems issue issues complaint complain something went wrong with you there is hi hello hey want to make file m re ve s t don didn ' +
    // "I want to complain about your service", "una queja sobre el servicio": still nothing of what happened.
    'about your service customer sobre servicio atencion al cliente su sus de del el'
  ).split(' '),
);

/**
 * A complaint that says nothing of what happened ("no me gustó", "tengo un problema", "estoy
 * molesta", "I have a complaint"): a clerk asks what happened before calling anyone.
 */
export function isVagueComplaint(text: string): boolean {
  const w = words(text).map((x) => x.replace(/\./g, '')).filter((x) => x.length > 0);
  return w.length > 0 && w.length <= 8 && w.every((x) => VAGUE_COMPLAINT_WORDS.has(x));
}

export { asksForQuote, asksProjectQuote, asksQuoteAsLead, asksQuoteForProjectUnits, isStoreysOfBuilding } from './project-quotes.js';
export { tellsOrganisationProject } from './org-project.js';

const TO_BUY = String.raw`\b(?:quiero|quisiera|queria|necesito|ocupo|busco|deseo|voy a|i want to|i d like to|i would like to|i need to|looking to)\s+(?:comprar(?:me|le|les)?|adquirir|buy|purchase)`;
const BUY_VERB = new RegExp(String.raw`${TO_BUY}\s+(?:un|una|unos|unas|el|la|los|las|dos|tres|\d+|a|an|some|the|one|two|three)\s+[a-z]`);
/** The verb and its object with no article ("quiero comprar cemento"): buying only when the object is a catalog product. */
const BUY_BARE = new RegExp(String.raw`${TO_BUY}\s+[a-z]`);
/** What makes buying a sales lead: a business, volume, resale, credit, a project or a quote. */
const LEAD_BUYING =
  /\b(?:empresas?|negocios?|constructoras?|compania|firma|ferreteria|por mayor|mayoreo|volumen|grandes cantidades|cantidad|revender|reventa|mensual\w*|credito|company|business|firm|wholesale|bulk|volume|large quantities|resell|monthly|credit|store)\b/;

/**
 * "quiero comprar un celular", "I want to buy a drill": one customer buying a thing (the verb's
 * object follows it: an article or a count, then the thing), which is a
 * product question (the catalog has it or says it does not), not a sales lead. Buying for a
 * business, in volume, to resell, on credit or for a project is a lead.
 */
export function buysAThing(text: string, namesProduct = false): boolean {
  const f = words(text).join(' ');
  // "quiero comprar cemento": with a catalog product named, the article may go.
  return (BUY_VERB.test(f) || (namesProduct && BUY_BARE.test(f))) && !LEAD_BUYING.test(f) && !PROJECT_WORDS.test(f) && !QUOTE_WORDS.test(f);
}

/** …and "ok dame todo eso", "dame eso" after the prices: what was priced, taken (never "eso es todo", a goodbye). */
const ORDER_WISH =
  /\b(?:(?:quiero|quisiera|queria|necesito|deseo|ocupo|voy a|vengo a|me gustaria|puedo|se puede|como)\s+(?:(?:hacer|hago|hacerles|realizar|montar|poner|dejar)(?:les|le)?\s+(?:un|una|el|mi)\s+(?:pedido|orden|compra|encargo)|pedir(?:les|le)?|ordenar(?:les|le)?|encargar(?:les|le)?)|(?:i want to|i d like to|i would like to|i need to|can i|could i|how do i|how can i)\s+(?:place|make|put in)\s+(?:an|a|my)\s+order|(?:i want to|i d like to|i would like to|can i|how do i)\s+order)\b|^(?:(?:ok|okay|dale|si|bueno|pues|entonces|perfecto)\s+)*(?:dame|deme|denme|ponme|pongame|mandame|mandeme|enviame|traeme)\s+(?:todo\s+)?(?:eso|esos|esas|todo)(?:\s+(?:entonces|pues|ya|por favor|porfa|pls))?$/;
/** Changing how many of what is being priced ("quiero cambiar la cantidad", "change the quantity"): the counter, not a complaint. */
export const CHANGE_COUNT = /\b(?:cambiar|cambiale|cambiame|cambia|modificar|corregir|change|update)\s+(?:la|las|el|the|a)\s+(?:cantidad(?:es)?|quantity|quantities|amount)\b/;
/** The job told, as what comes next ("voy a enchaparla", "la voy a pintar", "vamos a vaciar la losa"): a product question, never the goodbye "me voy" reads as. */
const JOB_TOLD = /^(?:(?:ok|si|bueno|pues|entonces|no)\s+)*(?:(?:la|lo|las|los)\s+)?(?:voy|vamos)\s+a\s+(?:pintar|enchapar|levantar|vaciar|techar|impermeabilizar|repellar|empanetar|pegar|poner)(?:la|lo|las|los|le)?\b/;
/** The place painted ("las paredes del negocio", "la oficina de la empresa"): where the job is, not a business buying in volume. */
const PAINTED_PLACE = /\b(?:del|de la|de mi|de nuestra|de nuestro|mi|nuestra|nuestro|el|la)\s+(?:negocio|empresa|ferreteria|tienda|store)\b/g;
/** An order already placed: its status or its trouble, never a new order. */
const PLACED_ORDER = /\b(?:mi pedido|mi orden|el pedido que|la orden que|pedido que hice|orden que hice|my order|the order i|order i placed|order number|numero de pedido|numero de orden)\b/;

/**
 * "quiero hacer un pedido", "quisiera ordenar", "I'd like to place an order": a wish to order from
 * the store (what do you need?), not a complaint nor a status question about an order already
 * placed ("mi pedido no ha llegado"). Ordering for a business, in volume or on credit is a lead
 * (`LEAD_BUYING`), left to the classifier.
 */
export function asksToOrder(text: string): boolean {
  const f = words(text).join(' ');
  // Only the job, said short: "vamos a construir una nave industrial, ¿pueden suplirnos?" stays a lead.
  if ((CHANGE_COUNT.test(f) || (JOB_TOLD.test(f) && f.split(' ').length <= 6)) && !PLACED_ORDER.test(f)) return true;
  // "voy a pintar el cuarto rosado y blanco hueso", "voy a pintar la casa por dentro y por fuera": a paint job told (with its
  // colours, however long) asks what paint and how much; a business's or a quoted one stays with the classifier.
  if (JOB_TOLD.test(f) && /\bpintar/.test(f) && !LEAD_BUYING.test(f.replace(PAINTED_PLACE, ' ')) && !QUOTE_WORDS.test(f) && !PLACED_ORDER.test(f) && (f.split(' ').length <= 12 || parseProductText(f).attributes.colours.length > 0)) return true;
  return ORDER_WISH.test(f) && !PLACED_ORDER.test(f) && !LEAD_BUYING.test(f) && !/\b(?:grandes?|big|large)\b/.test(f) && !tellsWhatHappened(text) && !CLAIM_WORDS.test(f);
}

/**
 * Asking to return, exchange or claim, or voicing discontent: what a complaint says besides the story
 * of what went wrong (that story is `tellsWhatHappened`, shared with triage).
 */
const CLAIM_WORDS =
  /\b(?:devolver|devolucion|reembols\w*|reclam\w*|quej\w*|garantia|cambiar|cambio|pesim\w*|molest\w*|enojad\w*|problema\w*|return|refund|complain\w*|warranty)\b/;

/**
 * "quiero comprar una nevera": buying a thing (`buysAThing`) with no word of trouble with a
 * purchase in the message (no story of what went wrong, no return or claim). Such a message is never
 * a complaint, whatever the classifier makes of the thing's name ("nevera" is mostly met in
 * complaints about a delivered fridge).
 */
export function buysWithoutTrouble(text: string): boolean {
  return buysAThing(text) && !tellsWhatHappened(text) && !CLAIM_WORDS.test(words(text).join(' '));
}

const NOT_KNOWN =
  /\b(?:no (?:me )?(?:lo |la |los |las )?(?:se|sabria|acuerdo|recuerdo|tengo|encuentro|conozco)|no me (?:lo |la )?(?:se|acuerdo)|ni idea|no tengo idea|se me olvido|(?:lo|la) olvide|olvide|(?:i )?(?:don t|dont|do not|didn t|didnt) (?:know|remember|have|recall)|no idea|(?:i )?forgot|can t remember|cant remember|not sure)\b/;

/**
 * The customer does not have the answer to what was asked ("no me acuerdo", "no me la sé", "no la
 * tengo a mano", "I don't remember it"): help them find it instead of reading a new request.
 */
export function saysNotKnown(text: string): boolean {
  return NOT_KNOWN.test(words(text).join(' '));
}

/**
 * "no me la sé", "no la tengo", "I don't remember it": not knowing, with no word of trouble or a
 * claim — never a complaint, whatever the classifier makes of the "no" (it learnt it from complaints).
 */
export function saysOnlyNotKnown(text: string): boolean {
  return saysNotKnown(text) && !tellsWhatHappened(text) && !CLAIM_WORDS.test(words(text).join(' ')) && words(text).length <= 8;
}

const PHONE_WORDS = /\b(?:telefonos?|numeros?|celular|whatsapp|whats app|wasap|wassap|guasap|wsp|correo|correo electronico|email|e mail|phone|number|contact number)\b/;
const OF_THE_STORE = /\b(?:ustedes|usted|su|sus|la tienda|la ferreteria|las tiendas|la sucursal|las sucursales|el local|your|the store|the shop|you guys|the branch)\b/;
const NOT_THE_STORE_PHONE = /\b(?:cuenta|account|pedido|orden|order|caso|ticket|cotizacion|quote|mi numero|my number|mi telefono|my phone|mi correo|my email|gmail|hotmail|yahoo|outlook)\b/;

/**
 * The customer asks for the store's phone number or e-mail ("me pasas el número de la ferretería?",
 * "what's your phone?", "¿cuál es el correo de ustedes?"), not about their own number or address
 * or an account number.
 */
export function asksStorePhone(text: string): boolean {
  const f = words(text).join(' ');
  return (PHONE_WORDS.test(f) && OF_THE_STORE.test(f) && !NOT_THE_STORE_PHONE.test(f)) || ONLY_PHONE_WORDS.test(f);
}

/** "phone number?", "y el telefono?", "whatsapp?": the contact asked for alone, which can only be the store's. */
const ONLY_PHONE_WORDS = /^(?:and |y |e |also |tambien )?(?:(?:the|el|un|a|what s the|whats the|what is the|cual es el)\s+)?(?:phone(?: number)?|telephone(?: number)?|telefono|numero de (?:telefono|whatsapp|contacto)|whatsapp(?: number)?|wasap|contact number|email(?: address)?|correo)$/;

const HOW_TO_PAY =
  /\b(?:(?:como|donde|con que|de que (?:forma|manera))\s+(?:es que\s+)?(?:(?:puedo|podemos|se puede|le puedo|les puedo|hay que|tengo que|debo)\s+)?(?:pag(?:o|ar(?:les?)?|amos|a|an)|le pago|les pago)|formas? de pago|metodos? de pago|medios? de pago|how (?:can|do|should) (?:i|we) pay|ways? to pay|payment (?:methods?|options?))\b/;
/** Words of an account's money: paying *the account* is the account flow (its balance, where to pay it). */
const ACCOUNT_MONEY = /\b(?:cuenta|balance|saldo|deuda|debo|factura|atrasad[oa]|vencid[oa]|credito|account|bill|invoice|debt|owe|overdue)\b/;

/**
 * The customer asks how to pay ("¿cómo pago?", "¿cómo puedo pagar?", "formas de pago", "how can I
 * pay?"): the store's payment methods, not an account's standing. Paying an account ("¿cómo pago
 * mi cuenta?", "¿dónde pago la factura?") is not this.
 */
export function asksHowToPay(text: string): boolean {
  const f = words(text).join(' ');
  return HOW_TO_PAY.test(f) && !ACCOUNT_MONEY.test(f);
}

const INTRODUCTION = /(?:^|[\s,.!;:]+)(?:soy|mi nombre es|me llamo|le habla|les habla|te habla|i m|i am|my name is|this is)\s+\S+(?:\s+\S+){0,2}\s*[.!]*\s*$/;

/**
 * A greeting with the customer's introduction ("hola, soy Juan", "buenas tardes, mi nombre es
 * Pedro", "hi, I'm Sarah"): small talk, whose reply greets them by name. The caller checks that the
 * introduction holds a person's name.
 */
export function isGreetingWithIntroduction(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s,.!?¿¡;:]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/[?!.\s]+$/, '');
  const m = INTRODUCTION.exec(f);
  if (!m) return false;
  const rest = f.slice(0, m.index).trim();
  return rest.length > 0 && isOnlyGreeting(rest);
}

/**
 * What may surround a name or a company in a bare introduction: greetings, "soy", "de parte de",
 * "this is", "from", and a title before the name ("le escribe Ing. Pedro de Constructora Los Pinos").
 */
const INTRODUCTION_GLUE =
  /\b(?:ing|ingeniero|ingeniera|inge|lic|licdo|licda|licenciado|licenciada|dr|dra|doctor|doctora|arq|arquitecto|arquitecta|sr|sra|srta|senor|senora|don|dona|mr|mrs|ms|eng|engineer|hola|ola|buenas|buenos|buen|dias|dia|tardes|noches|saludos|hi|hello|hey|good|morning|afternoon|evening|soy|somos|es|le|les|te|habla|hablamos|escribe|escribimos|aqui|de|del|la|el|parte|por|mi|nombre|me|llamo|llamamos|empresa|compania|this|is|it|s|i|m|am|we|re|are|from|at|with|my|name|the|company|here|y|and|con)\b/g;

/**
 * A message that only says who the customer is: a person's or a company's name with at most a
 * greeting around it ("Constructora Mejía", "Pedro Mejía", "buenas, de parte de Inversiones Báez",
 * "this is Blue Reef Construction"). It asks for nothing yet, so it is not a request, whatever a
 * company word makes the classifier think. `spans` are the name and company entities found in it.
 */
export function isOnlyIntroduction(text: string, spans: readonly { start: number; end: number }[]): boolean {
  if (spans.length === 0) return false;
  const rest = outsideSpans(text, spans);
  // A question about the name ("¿Constructora Mejía tiene crédito?") asks something.
  if (/\?/.test(rest)) return false;
  return words(rest).join(' ').replace(/\./g, ' ').replace(INTRODUCTION_GLUE, ' ').trim() === '';
}

const OFFER_QUESTION =
  /^(?:(?:hola|hi|hello|hey|buenas|disculpa|disculpe|excuse me|quick question)\s+)*(?:(?:ustedes|aqui|alla|here)\s+)?(?:hacen|haces|ofrecen|ofreces|venden|vendes|brindan|realizan|trabajan|tienen servicio de|dan servicio de|se hacen|hacen ustedes|ofrecen ustedes|do you|do y all|do you guys|does the (?:studio|salon|shop|store)|can you|can i get|could i get|is it possible to get|are you able to)\b/;
/** Verbs of asking for a booking, a payment or a cancellation: those questions have their own labels. */
const NOT_AN_OFFER_QUESTION = /\b(?:book|booking|reserv\w*|agend\w*|cita|citas|appointment|appointments|cancel\w*|pay|pagar|pago|refund|reembolso|open|abren|close|cierran|hours|horario\w*|accept|aceptan|speak|talk|hablar|help me|ayudarme|ayudame|remember|recuerdan)\b/;

/**
 * The customer asks whether the business does, offers or sells something ("¿hacen tatuajes?",
 * "do you do tattoos?", "can I get a henna tattoo here?"), not for a booking, a payment or the hours.
 */
export function asksWhatIsOffered(text: string): boolean {
  const f = words(text).join(' ').replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  return OFFER_QUESTION.test(f) && !NOT_AN_OFFER_QUESTION.test(f);
}

const NEW_ACCOUNT =
  /\b(?:abrir|abrirme|abrirnos|abro|abre|abren|abrimos|abra|abran|aperturar|crear|sacar|saco|solicitar|solicito|aplicar a|aplicar para|requisitos para|requisitos de|open|opening|set up|apply for|get)\b(?:\s+\S+){0,2}?\s+(?:cuentas?|credito|account|credit)\b|\b(?:requisitos?|papeles|documentos|requirements?|documents|paperwork)\b(?:\s+\S+){0,3}?\s+(?:cuentas?|credito|account|credit)\b|\b(?:cuenta|cuentas) (?:comercial|comerciales|empresarial|empresariales|corporativa|de credito|de contratista|para (?:mi|la|nuestra) empresa|para constructoras?)\b|\b(?:business|contractor|trade|commercial|corporate) accounts?\b/;

const ACCOUNT_STATUS_WORDS = /\b(?:mi (?:\w+ )?cuenta|nuestra (?:\w+ )?cuenta|my (?:\w+ )?account|our (?:\w+ )?account|up to date|suspended|balance|saldo|debo|debemos|deuda|al dia|estado|atrasad\w*|vencid\w*|suspendid\w*|pago|pagos|owe|status|due|overdue|statement)\b/;

/**
 * The customer wants a new (business, credit) account ("requisitos para abrir cuenta comercial?",
 * "I need a contractor account"): a sales lead, not the status of an account they have.
 */
export function asksNewAccount(text: string): boolean {
  const f = words(text).join(' ');
  return NEW_ACCOUNT.test(f) && !ACCOUNT_STATUS_WORDS.test(f);
}

/** Getting a suspended or blocked account (or its credit) working again. */
const REACTIVATE =
  /\b(?:(?:como|que hago para|que hago pa|que tengo que hacer (?:para|pa) que|puedo|quiero|necesito|para) (?:(?:me |se )?(?:la|lo) )?(?:re ?activ\w*|activ(?:o|ar|arla|arlo|en|an|e|ara|aran)|desbloque\w*|habilit\w*|reabr\w*)(?! (?:el|la|los|las|un|una|mi|mis|su|sus|esta|este) (?!cuenta|credito)\w+)|(?:re ?activ\w*|desbloque\w*|rehabilit\w*) (?:la|mi|el|mi linea de) (?:cuenta|credito)|(?:reactivate|unblock|unfreeze|reopen|get back) (?:my|the|it)(?: account| credit)?)\b/;

/**
 * "¿cómo la activo de nuevo?", "¿cómo reactivo mi cuenta?", "how do I reactivate my account?": the
 * account's standing answers it (a suspended one is reactivated by paying its balance).
 */
export function asksToReactivate(text: string): boolean {
  return REACTIVATE.test(words(text).join(' '));
}

/** Words that ask about working at the store, not about work clothes ("guantes de trabajo"). */
const JOB_WORDS =
  /\b(?:empleos?|chambas?|vacantes?|contratando|contratan|plazas?|curriculum|cv|hoja de vida|solicitud de empleo|trabajar|trabajando|busco trabajo|buscando trabajo|hay trabajo|dan trabajo|puesto|puestos|personal|jobs?|hiring|vacanc\w*|work for|work with you|apply|application|resume|career\w*|position\w*)\b/;

/** The message asks for a job (as opposed to naming a product for work: "botas de trabajo"). */
export function asksForJob(text: string): boolean {
  return JOB_WORDS.test(words(text).join(' '));
}

const DELIVERY_WORDS =
  /\b(?:delivery|deliveries|fletes?|acarreos?|envios?|enviar|envian|envias|mandan|llevan|entregas?|entregan|reparten|domicilio|despacho|despachan|deliver|shipping|ship|llegan? (?:a|hasta) \w+|(?:llevar|traer|mandar|enviar)(?:me|nos|lo|la|los|las|melo|mela|melos|melas|noslo|nosla)|(?:me|nos) (?:lo|la|los|las) (?:pueden |puede |podrian |podria |van a )?(?:llevan|llevar|traen|traer|mandan|mandar)|(?:llevar|traer|mandar) (?:\w+ ){0,4}(?:a|hasta) \w+)\b/;

/** "20 mil pesos de compra a Villa Hermosa, ¿es gratis?", "compra de 20,000 a Caleta, free?": free delivery of a purchase to a place. */
const FREE_TO_A_PLACE = /\b(?:gratis|free)\b/;
const BOUGHT_TO_A_PLACE = /\b(?:de compras? |en compras? |compras? de (?:\S+ ){1,3}|order of (?:\S+ ){1,3}|purchase of (?:\S+ ){1,3})(?:a|para|hasta|to) \w+/;

/** The message is about delivery ("cuánto cobran por el envío a Caleta?", "do you deliver to Higüey?"). */
export function mentionsDelivery(text: string): boolean {
  const f = words(text).join(' ');
  return DELIVERY_WORDS.test(f) || (FREE_TO_A_PLACE.test(f) && BOUGHT_TO_A_PLACE.test(f));
}

/** Goods sent somewhere: "con delivery a", "delivered to", "enviados a" and a word after it (the place). */
const SENT_TO = /\b(?:(?:con|with) (?:el |un )?(?:delivery|deliveri|envio|entrega|flete)|delivered|sent|shipped|enviad[oa]s?|entregad[oa]s?) (?:a|al|pa|para|hasta|to) \w+/;
/** Asked to be brought somewhere, the goods between: "me llevan 50 blocks a Villa Hermosa hoy?", "can you deliver 10 bags of cement to Casa de Campo tomorrow?". */
const BRING_TO = /\b(?:(?:me|nos) (?:(?:pueden|puede|podrian|podria) )?(?:llevan|lleva|llevar|llevarian|traen|trae|traer|mandan|manda|mandar|envian|enviar|despachan|despachar)|(?:can|could|would|will) you (?:deliver|bring|send|ship|drop off))\b.* (?:a|al|pa|para|hasta|to) \w+/;

/**
 * "20 sacos de cemento con delivery a Villa Hermosa", "10 gallons of white paint delivered to Casa
 * de Campo": goods counted and sent to a place — an estimate with the delivery line, as "mándame 20
 * sacos a Villa Hermosa" is, not the zone's delivery answer alone with the goods dropped.
 */
export function countsGoodsToDeliver(text: string, mentions: readonly { quantity?: number }[]): boolean {
  if (!mentions.some((m) => m.quantity !== undefined && m.quantity > 1)) return false;
  const said = words(text).join(' ');
  return SENT_TO.test(said) || BRING_TO.test(said);
}

export { detectCritical } from './critical.js';

const ANGER = /\b(?:pesim\w*|horrible|terrible|basura|indignad[oa]|molest[oa]|harto|harta|verguenza|ridicul\w*|nunca mas|irresponsables?|abusadores?|ladrones|worst|awful|disgusting|furious|angry|ridiculous|unacceptable|never again|fed up)\b/;

/**
 * 0–10. Critical cases ≥ 9; complaints 6–8 by anger and urgency; everything else 3–5.
 */
export function computePriority(input: { intent: IntentName; text: string; severity: number; urgency?: UrgencyLevel }): number {
  if (input.severity > 0) return Math.max(9, input.severity);
  const f = words(input.text).join(' ');
  if (input.intent === 'complaint') {
    let p = 6;
    if (ANGER.test(f) || /!{2,}/.test(input.text) || isShouting(input.text)) p++;
    if (input.urgency === 'Alto') p++;
    return Math.min(p, 8);
  }
  const base: Partial<Record<IntentName, number>> = { human_agent: 5, sales_lead: 5, account_status: 4, price_quote: 4, product_inquiry: 4, offers: 4 };
  const p = (base[input.intent] ?? 3) + (input.urgency === 'Alto' ? 1 : 0);
  return Math.min(p, 5);
}

function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters === letters.toUpperCase();
}

// ---------------------------------------------------------------- language

const ES_WORDS = new Set(
  (
    'que de el la los las un una unos es son esta estan tienen tiene tengo hay por para como cuanto cuanta donde cuando ' +
    'quiero necesito hola gracias buenas buenos dias tardes noches mi mis tu su con sin pero y o del al se me te le lo ' +
    'usted ustedes klk saludos disculpe digame dime precio cuesta vale cuenta quien cual porque tambien muy bien mas ' +
    'ya si no nada sabado domingo abren cierran horario cemento varilla tubo pintura clavos bloques sacos galones ' +
    'persona hablar queja empresa trabajo vacante ofertas descuento adios chao soy llamo nombre correo claro dale ' +
    'favor pues aqui alla eso esto ese este vendedor tienda cotizacion cotizame sucursal envio quisiera podria puedo ' +
    'pueden hacen venden estoy todo todos ' +
    // Requests a customer opens with, often before an English product word ("dame 10 blocks").
    'dame deme ponme pongame mandame enviame regalame vendeme busco ocupo llevo compro tienes vendes cuantos cuantas ' +
    'les llega llegan yega yegan'
  ).split(' '),
);
const EN_WORDS = new Set(
  (
    'the is are do does you have has how much what where when why who i my me we our your it this that there in on at ' +
    'of for to and with can could would will want need hello hi hey thanks thank please yes yeah no not any some ' +
    'price cost open close hours store account balance bye goodbye good morning afternoon evening sell buy quote ' +
    'job hiring talk person human agent from am name email phone deliver delivery get an be been sure right ok okay ' +
    'cement rebar pipe paint nails blocks bags gallons drill looking im dont its whats give send show tell which or longer lasts'
  ).split(' '),
);

const BOTH_LANGS = new Set(['no', 'ok', 'a', 'si', 'bye', 'byebye', 'bai', 'delivery', 'deliveri', 'blocks', 'block']);

/**
 * Per-message language. Short or mixed messages without a clear signal keep the conversation's
 * language (`fallback`).
 */
/**
 * Spanish thanks and farewells visitors use in English too ("gracias", "muchas gracias amigo",
 * "adiós"). A greeting ("hola") still switches: a customer who opened with "hi" may well be
 * Dominican.
 */
const SPANISH_COURTESY = /^(?:(?:muchas|mil|gracias|por|favor|adios|amigo|amiga|senor|senora|chao|ok|si)\s*)*(?:gracias|adios|chao)(?:\s+(?:amigo|amiga|senor|senora|por favor|ok))*$/;

export function detectLang(text: string, fallback: Lang): Lang {
  // An English-speaking customer who says "gracias" is still answered in English.
  if (fallback === 'en' && SPANISH_COURTESY.test(words(text).join(' ').replace(/\./g, ''))) return 'en';
  let es = 0;
  let en = 0;
  if (/[ñ¿¡áéíóú]/i.test(text)) es += 1.5;
  // Chat spellings read as the word they stand for ("i kuando les yega": "kuando" is "cuando"); one
  // letter is too ambiguous ("x", "n", "u") to count.
  const said = words(text).map((x) => (x.includes('.') ? x.replace(/\./g, '') : x));
  for (const w of said.flatMap((x) => (x.length > 1 ? chatSpelling(x).split(' ') : [x]))) {
    // Both languages: a Dominican customer says "ok", "bye", "delivery" and "blocks" in Spanish as often as in English.
    if (BOTH_LANGS.has(w)) continue;
    if (ES_WORDS.has(w)) es++;
    if (EN_WORDS.has(w)) en++;
  }
  // "porcelain", "wood screws", "hammer?": no word of either language's grammar, but English names
  // of goods (and none of the Spanish ones: "martillo", "tornillos") — English.
  if (es === 0 && en === 0) return namesGoodsInEnglish(words(text)) ? 'en' : fallback;
  if (es === en) return fallback;
  return es > en ? 'es' : 'en';
}
