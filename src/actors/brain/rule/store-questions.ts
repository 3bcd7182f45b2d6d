/**
 * Questions about the store's policies that a clerk answers from the store's own data: returns,
 * warranty, credit and whether a given way of paying is accepted. Read by the rule brain (to route
 * them to the store's answers instead of a complaint, a product or an account) and by the info tool
 * (to pick which policy to answer): one reading of the words for both.
 */
import { fold } from './text.js';
import { rememberRecent } from '../../../kernel/recent-texts.js';
import { asksPriceInCurrency } from './currency-questions.js';

/** The last few texts' words: the brain, the routing and the info tool read one message several times. */
function words(text: string): string {
  return recentWords(text);
}
const recentWords = rememberRecent((text: string): string =>
  fold(text)
    .replace(/[^a-z0-9$\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // WhatsApp spellings of the words read here: "kiero debolver", "q compre", "pagar x mes".
    .replace(/\b(?:kiero|qiero|quero)\b/g, 'quiero')
    .replace(/\bdebol(?=v)/g, 'devol')
    .replace(/\bq\b/g, 'que')
    .replace(/\bx\b/g, 'por'),
);

/**
 * Trouble with a purchase, told: the case for a person, not a policy question ("no sirve", "came
 * broken"). Buying or paying alone ("can I return a drill I bought?") is no trouble.
 */
const TROUBLE =
  /\b(?:no (?:me )?(?:sirve|sirven|funciona|funcionan|sirvio|funciono|prende|prendio|enciende|arranca|trabaja|ha llegado|llego|me lo quieren)|ya no (?:sirve|funciona)|dej[oa] de (?:servir|funcionar)|rot[oa]s?|se rompio|se dano|se danaron|danad[oa]s?|dano|mal[oa]s?|defectuos[oa]s?|defecto de fabrica en (?:el|la) mio|(?:sali[oa]|salieron|vino|vinieron|llego|llegaron) (?:de otro|diferente|distint[oa]s?|abiert[oa]s?|usad[oa]s?|mal|con (?:un |una )?(?:defecto|problema|falla|golpe)\w*)|(?:tiene|tienen|trae|traen|con) (?:un |una )?(?:defecto|falla|golpe)s?|falla|fallando|came (?:out )?(?:a )?different|came (?:open|used)|equivocad[oa]s?|incomplet[oa]s?|vencid[oa]s?|me (?:despacharon|vendieron|dieron|entregaron|cobraron|mandaron|trajeron|negaron)|no me (?:la |lo )?(?:quieren|quisieron|aceptaron|aceptan)|se niegan|queja|reclam\w*|estafa\w*|pesim\w*|broke|broken|damaged|defective|faulty|doesn t work|does not work|didn t work|stopped working|not working|won t (?:turn on|start|work|honor)|wouldn t|refused|denied|wrong|missing|never came|sold me|gave me|complain\w*|honou?r)\b/;

/**
 * "si no me sirve", "y si no me gusta", "if it doesn't fit": trouble supposed, not told — the
 * question that follows is about the policy ("si no me sirve, ¿lo puedo devolver?").
 */
const HYPOTHETICAL =
  /\b(?:y )?(?:si|en caso de que|what if|if) (?:(?:lo|la|los|las|it|they) )?(?:(?:compro|compre|llevo|i buy|i get) (?:\w+ ){0,3}?(?:y|and) )?(?:no |doesn t |does not |don t |do not )?(?:(?:me|le|nos) )?(?:sirve|sirven|funciona|funcionan|gusta|gustan|queda|quedan|necesito|uso|work|works|fit|fits|need it|like it|use it)\b/g;

/** What a policy question about returns or exchanges asks, es and en (folded, no punctuation). */
const RETURN_POLICY =
  /\b(?:politicas? (?:de |para )?(?:las )?(?:devolucion(?:es)?|cambios?|reembolsos?)|(?:return|returns|refund|exchange) polic(?:y|ies)|polic(?:y|ies) (?:on|for) (?:returns?|refunds?|exchanges?)|(?:puedo|podemos|podria|podriamos|se puede|se pueden|pueden|es posible|hay forma de|hay manera de|como (?:hago|hacemos|puedo|se hace|funciona|son|es)(?: para)?|cuantos dias (?:tengo|tenemos|hay|tiene uno|dan|tienen)(?: para)?|plazo (?:para|de)|cuanto tiempo (?:tengo|tenemos|hay|dan)(?: para)?)\s+(?:\w+\s+){0,2}?(?:devolver\w*|devolucion(?:es)?|cambiar(?:lo|la|los|las)?|cambios?|regresar(?:lo|la|los|las)?|reembols\w*)|(?:aceptan|hacen|reciben|admiten|tienen|dan|manejan)\s+(?:\w+\s+)?(?:devoluciones|devolucion|cambios|reembolsos?)|(?:me|nos) (?:lo|la|los|las) (?:cambian|cambiarian|devuelven|reciben|aceptan|recibirian)|(?:me|nos|le|les)? ?(?:devuelven|devuelve|reembolsan|regresan) (?:el|mi|los|la) (?:dinero|cuartos?|plata|pago)|(?:do|will) (?:i|we) get (?:my|our|the) money back|(?:do|will|can) you (?:give|refund) (?:me |us )?(?:my |the )?(?:money|cash) back|(?:can|could|may) (?:i|we|you) (?:still )?(?:return|exchange|get a refund|bring (?:it |them )?back)|(?:is it|it s) possible to (?:return|exchange)|do (?:you|y all|you guys) (?:accept|take|do|allow|have|offer|give)\s+(?:\w+\s+)?(?:returns?|refunds?|exchanges?)|how (?:do|can) (?:i|we|you) (?:return|exchange|get a refund)|how do (?:returns|refunds|exchanges) work|how (?:many days|long) (?:do )?(?:i|we) (?:have|get) to (?:return|exchange)|(?:return|refund) (?:window|period))\b/;

/** Wanting to give a purchase back or exchange it, with nothing wrong told: "quiero devolver un taladro que compré ayer, no lo usé". */
const WANTS_TO_RETURN =
  /\b(?:quiero|quisiera|queria|queremos|quisieramos|necesito|necesitamos|vengo a|voy a|vamos a|me gustaria|deseo|i want to|i d like to|i would like to|i need to|we want to|we d like to|we need to)\s+(?:(?:\w+\s+)?(?:devolver\w*|regresar(?:lo|la|los|las)?|return|exchange)\b|cambiar\w*\s+(?:\w+\s+){0,4}?(?:que|q|i|we)\s+(?:compre|compramos|lleve|llevamos|me vendieron|no (?:me|nos) gusto|bought|got))/;

/** Why a purchase goes back when nothing is wrong with it: unused, the customer's own mistake, left over, a change of mind. */
const NOTHING_WRONG =
  /\b(?:no (?:(?:lo|la|los|las) )?(?:use|usamos|abri|abrimos|he usado|hemos usado|he abierto|hemos abierto|llegue a usar)|no (?:me|nos|le) gust(?:o|a|aron|an)|no (?:me|nos|le) convenci\w*|sin usar|sin abrir|nuev[oa]s?|sellad[oa]s?|en su (?:caja|empaque)|me equivoque|nos equivocamos|me confundi|nos confundimos|no (?:lo|la|los|las) (?:necesito|necesitamos|voy a usar|vamos a usar|ocupo)|ya no (?:(?:lo|la|los|las) )?(?:necesito|necesitamos|ocupo|voy a usar)|me sobr\w*|nos sobr\w*|compre de mas|compramos de mas|cambie de idea|cambiamos de idea|changed (?:my|our) mind|unused|unopened|never used|didn t use|don t need (?:it|them)|didn t like (?:it|them|the \w+)|left over|leftover)\b/;

/**
 * The customer's own mistake in what they bought ("me equivoqué de color", "nos confundimos de
 * medida", "I bought the wrong size"): an exchange asked for even without a verb of returning, and
 * never trouble with the product (the "wrong" in it is the customer's, not the store's).
 */
const OWN_MISTAKE =
  /\b(?:(?:me|nos) (?:equivoque|equivocamos|confundi|confundimos) (?:de|con|en) (?:(?:el|la|los|las|un|una) )?(?:colou?r|tamano|medida|modelo|numero|pulgadas?|marca|tipo|referencia|producto|talla|size)|(?:i|we) (?:bought|got|picked|ordered|took) the wrong (?:size|colou?r|model|one|kind|type|item))\b/;

/**
 * A purchase that did not suit the customer, told with an exchange ("¿puedo cambiar una llave que no
 * me sirvió?", "no le quedó"): the wrong one for the job, not a defect ("no sirve", "no prende" are).
 */
const NOT_SUITABLE = /\bno (?:me|nos|le|les) (?:sirvio|sirvieron|sirve|sirven|queda|quedan|quedo|quedaron|cuadra|cuadran|cuadro)\b/;
const NOT_SUITABLE_ALL = new RegExp(NOT_SUITABLE.source, 'g');

/**
 * A question about the returns policy ("¿puedo devolver un producto?", "¿cuál es la política de
 * devoluciones?", "can I return a drill I bought?"), a purchase to give back with nothing wrong
 * with it ("quisiera cambiar unas brochas que compré, me equivoqué de tamaño", "quiero devolver un
 * taladro, no lo usé"), or a wish to give one back with no reason told ("quiero devolver un taladro
 * que compré ayer": the policy, asked what happened). Not a customer telling of a purchase gone
 * wrong ("quiero devolver el taladro que compré ayer, no sirve": a complaint).
 */
export function asksReturnPolicy(text: string): boolean {
  return RETURN_SAID.test(words(text)) && readsReturnPolicy(text);
}

/**
 * A word one of `OWN_MISTAKE`, `RETURN_POLICY` and `WANTS_TO_RETURN` needs (giving back, changing,
 * a refund, a mistake): most messages have none, and the full reading runs six patterns.
 * Proven in `test/unit/perf/text-prechecks.test.ts`.
 */
const RETURN_SAID = /devol|devuelv|cambi|regres|reembols|recib|acept|return|refund|exchange|back|equivo|confund|wrong/;

/** `asksReturnPolicy` without its pre-check (the test's reference). */
export function readsReturnPolicy(text: string): boolean {
  const said = words(text).replace(HYPOTHETICAL, ' ');
  const ownMistake = OWN_MISTAKE.test(said);
  const f = ownMistake ? said.replace(OWN_MISTAKE, ' ') : said;
  if (!(ownMistake || RETURN_POLICY.test(f) || WANTS_TO_RETURN.test(f)) || TROUBLE.test(f.replace(NOT_SUITABLE_ALL, ' '))) return false;
  // "¿puedo cambiar la dirección del pedido?" changes an order or a detail, not a product.
  return RETURNING.test(f) || !CHANGING_A_DETAIL.test(f);
}

/**
 * A wish to give a purchase back with no reason told ("quiero devolver un taladro que compré ayer",
 * "I want to return a drill"): the policy is answered with what happened asked (unused, receipt).
 */
export function returnReasonUntold(text: string): boolean {
  const f = words(text);
  return WANTS_TO_RETURN.test(f) && !NOTHING_WRONG.test(f) && !OWN_MISTAKE.test(f) && !NOT_SUITABLE.test(f) && asksReturnPolicy(text);
}

/** Words of giving a purchase back (as opposed to "cambiar", which also changes details). */
const RETURNING = /\b(?:devolver\w*|devolucion(?:es)?|devuelv\w*|regresar\w*|reembols\w*|returns?|refunds?)\b/;
const CHANGING_A_DETAIL =
  /\b(?:pedido|orden|direccion|correo|email|telefono|numero|nombre|cita|fecha|hora|urgencia|datos|cuenta|contrasena|clave|entrega|order|address|phone|name|date|time|password|delivery)\b/;

const WARRANTY = /\b(?:garantias?|warrant(?:y|ies|ied)|guarantee[ds]?)\b/;
/** Asking to use a warranty, or telling that it was refused: a case for a person. */
const WARRANTY_CLAIM = /\b(?:(?:hacer|hacerme|hagan|hacerla) (?:valer|valida|efectiva)|aplicar(?:me)? la garantia|usar la garantia|reclam\w*|cobrar la garantia|claim|make a claim|file a claim|honou?r|use (?:the|my) warranty)\b/;

/**
 * A question about the warranty ("¿tienen garantía las herramientas?", "do power tools come with
 * a warranty?", "el taladro tiene garantía?"), not a claim on one ("la garantía no me la quieren
 * hacer válida", "my drill broke, is it under warranty?" tells of trouble: a case).
 */
export function asksWarranty(text: string): boolean {
  const f = words(text);
  return WARRANTY.test(f) && !WARRANTY_CLAIM.test(f) && !TROUBLE.test(f);
}

/** "tarjeta de crédito", "crédito fiscal": credit that is not the store's credit. */
const NOT_STORE_CREDIT = /\b(?:tarjetas? de credito|credito fiscal|credit cards?|tax credit)\b/g;
const STORE_CREDIT =
  /\b(?:fiar\w*|fian|fiao|fiado|fiaito|(?:venden|vende|despachan|compro|comprar|compra|pagar|pago|llevar(?:me)?|sacar|trabajan|trabajar|dan|dar|se puede|puedo)\s+(?:\w+\s+){0,3}?(?:a|al|con|en) credito|(?:dan|da|dar|darme|darnos|dieran|darian|ofrecen|ofrece|tienen|manejan|hay|dan facilidades de|otorgan)\s+credito|credito (?:directo|a clientes|para clientes)|financiamiento|financian|(?:offer|offers|give|gives|extend|extends|have|has)\s+(?:me |us )?(?:store |in house |customer )?(?:credit|financing)|(?:buy|pay|purchase|sell|sells|get (?:it|things|stuff|materials))\s+(?:\w+\s+){0,2}?on credit|(?:any|do you do|is there) (?:store )?(?:credit|financing)|store credit|(?:pagar\w*|pago|comprar|compro|llevar\w*|sacar\w*|dan|aceptan|venden|hay|se puede)\s+(?:\w+\s+){0,3}?(?:en|a|por)\s+(?:cuotas|plazos|partes|pagos)|pay (?:\w+ ){0,2}?in (?:installments|instalments|monthly payments|parts)|(?:installment|instalment|payment) plans?|do you (?:do|offer|have) (?:installments|instalments|layaway)|facilidad(?:es)? de pago|financiar\w*|financias|(?:en|a) (?:cuotas|plazos)|(?:pagos?|pagar\w*) (?:mensual\w*|por mes|cada mes)|financing options?|pay (?:\w+ )?(?:monthly|over time))\b/;
/**
 * An account's standing, or a new business account: the account flow and the sales lead answer
 * those ("¿por qué me suspendieron el crédito?", "queremos crédito empresarial").
 */
const NOT_A_CREDIT_QUESTION =
  /\b(?:(?:mi|mis|nuestro|nuestra|nuestros|my|our|el mio)\s+(?:\w+\s+)?(?:credito|cuenta|credit|account|linea)|suspend\w*|bloque\w*|saldo|balance|debo|debemos|deuda|limite|disponible|queda|quedan|vence|vencimiento|estado|status|left|outstanding|owe|por que|porque|xq|why|anymore|ya no|empresa\w*|compania|constructora\w*|negocio|company|business|terms|terminos|linea de credito|credit line|abrir|abrirme|open|solicitar|aplicar|apply|requisitos|requirements|devuelv\w*|reembols\w*|refund\w*|money back)\b/;

/**
 * Whether the store sells on credit ("¿me pueden fiar?", "¿venden a crédito?", "do you offer
 * credit?"), not an account's standing nor a business asking to open an account (a lead).
 */
export function asksStoreCredit(text: string): boolean {
  const f = words(text).replace(NOT_STORE_CREDIT, ' ');
  return STORE_CREDIT.test(f) && !NOT_A_CREDIT_QUESTION.test(f);
}

/** Instalments or financing, in a question of store credit: "¿lo puedo pagar en cuotas?", "¿financian?", "pay in installments?". */
const INSTALMENTS =
  /\b(?:cuotas?|plazos|(?:en|a|por) (?:partes|pagos)|financ\w*|facilidad(?:es)? de pago|mensualidad\w*|(?:pagos?|pagar\w*) (?:mensual\w*|por mes|cada mes)|installments?|instalments?|monthly payments?|payment plans?|financing|finance|layaway|monthly|over time|in parts)\b/;

/**
 * Paying in instalments or financing asked ("¿lo puedo pagar en cuotas?", "¿financian?"): the
 * store's data says what it has (its ways of paying, its credit accounts), never a yes it does not write.
 */
export function asksInstalments(text: string): boolean {
  return asksStoreCredit(text) && INSTALMENTS.test(words(text));
}

/**
 * Ways of paying a customer may name, by key: the words that name each. Whether the store takes one
 * is read from its own `paymentMethods` texts with the same words (data decides, not this list).
 */
export const PAYMENT_METHOD_WORDS: readonly (readonly [string, RegExp])[] = [
  ['amex', /\b(?:amex|american express)\b/],
  ['visa', /\bvisa\b/],
  ['mastercard', /\b(?:master ?card|master)\b/],
  ['discover', /\bdiscover\b/],
  ['card', /\b(?:tarjetas?|cards?|debit|debito)\b/],
  ['cash', /\b(?:efectivo|cash|cash money|en mano)\b/],
  ['transfer', /\b(?:transferencias?|transfer|transfers|wire|depositos?|deposit)\b/],
  ['check', /\b(?:cheques?|checks?)\b/],
  ['paypal', /\bpay ?pal\b/],
  ['zelle', /\bzelle\b/],
  ['crypto', /\b(?:bitcoins?|btc|cripto\w*|crypto\w*|usdt|ethereum)\b/],
  ['applepay', /\bapple ?pay\b/],
  ['googlepay', /\bgoogle ?pay\b/],
  ['dollars', /\b(?:dolares|dollars|usd|verdes)\b/],
  ['euros', /\b(?:euros?|eur)\b/],
  // The Dominican card processors (the terminal a store cards through) and wallets. "azul" is also a
  // colour: it names the processor only where a way of paying is asked ("¿aceptan Azul?", "pago con
  // Azul", "tarjeta Azul"), never in "pintura azul".
  ['azul', /\b(?:aceptan|acepta|aceptas|reciben|recibe|toman|cogen|agarran|trabajan con|con|por|tarjetas?|take|takes|accept|accepts|using|via|is)\s+(?:el |la |the )?azul\b|\bazul\s+(?:cards?|terminal|pos)\b|\bposnet azul\b/],
  ['cardnet', /\bcard ?net\b/],
  ['tpago', /\bt ?pago\b/],
  // Paying on a web page or a link sent by chat (not a bank transfer, which is its own way).
  ['online', /\b(?:(?:pagar|pago|pagos|pagarles|pay|payment|payments)\s+(?:en linea|online|por internet|por la (?:web|pagina))|(?:link|enlace|links|enlaces) (?:de|para) pag\w*|payment links?|pay ?link)\b/],
];

/**
 * Ways of paying taken whenever another is: a store that takes cards takes them through a
 * processor (Azul or CardNet in the Dominican Republic), so "¿aceptan Azul?" is yes where the store
 * takes cards, though its data names no processor.
 */
export const PAYMENT_METHOD_IMPLIED_BY: Readonly<Record<string, string>> = { azul: 'card', cardnet: 'card' };

/** Card brands and processors: the method asked, not also "card" ("tarjeta Visa", "tarjeta Azul"). */
const CARD_NAMES = new Set(['amex', 'visa', 'mastercard', 'discover', 'azul', 'cardnet']);

/**
 * Dominican banks a transfer may name ("¿aceptan transferencia del Popular?"), by display name.
 * "Asociación Popular" (APAP) is not the Banco Popular.
 */
export const BANK_WORDS: readonly (readonly [string, RegExp])[] = [
  ['Banreservas', /\b(?:banreservas|ban reservas|banco de reservas|reservas)\b/],
  ['Banco Popular', /\b(?<!asociacion )popular\b/],
  ['BHD', /\bbhd\b/],
  ['Scotiabank', /\bscotia ?(?:bank)?\b/],
  ['Banco Santa Cruz', /\bsanta cruz\b/],
  ['Promerica', /\bpromerica\b/],
  ['Banesco', /\bbanesco\b/],
  ['Banco Caribe', /\bbanco caribe\b/],
  ['Banco López de Haro', /\blopez de haro\b/],
  ['Banco Vimenca', /\bvimenca\b/],
  ['Banco BDI', /\bbdi\b/],
  ['Banco Ademi', /\bademi\b/],
  ['Banco Lafise', /\blafise\b/],
  ['APAP', /\b(?:apap|asociacion popular)\b/],
  ['Asociación Cibao', /\b(?:acap|asociacion cibao)\b/],
  ['Asociación La Nacional', /\b(?:alnap|asociacion la nacional)\b/],
  ['Qik', /\bqik\b/],
];

/** The banks a text names, by display name ("transferencia del Popular" → Banco Popular). */
export function banksNamed(text: string): string[] {
  const f = words(text);
  return BANK_WORDS.filter(([, re]) => re.test(f)).map(([name]) => name);
}

/**
 * The ways of paying a text names, by key (a card brand counts as itself, not also as "card"). A
 * bank named alone ("¿aceptan Popular?", "¿puedo pagar con Banreservas?") is paying from it: a
 * transfer. (Whether "Popular" is the bank or the paint brand is for the sentence around it:
 * `asksPaymentMethod` wants a way of paying asked for, "¿tienen pintura Popular?" is a product.)
 */
export function paymentMethodsNamed(text: string): string[] {
  const f = words(text).replace(NOT_PAYMENT, ' ');
  const named = PAYMENT_METHOD_WORDS.filter(([, re]) => re.test(f)).map(([key]) => key);
  if (named.length === 0 && banksNamed(text).length > 0) named.push('transfer');
  // "tarjeta Visa", "Amex card": the brand is what is asked.
  return named.some((k) => CARD_NAMES.has(k)) ? named.filter((k) => k !== 'card') : named;
}

/** "card" in "tarjeta de cliente" / "gift card" is no way of paying a purchase here. */
const NOT_PAYMENT = /\b(?:gift cards?|tarjetas? de regalo)\b/g;

/** Asking to pay with something; "¿tienen CardNet?" too (having a processor's terminal is taking it; only names no shop sells). */
const ACCEPTS =
  /\b(?:(?:tienen|tiene|hay|manejan|usan|mandan|mandar|mandarme|envian|enviar|enviarme|pasan|pasar|pasarme|do you have|have you got|you got|send(?: me)?)\s+(?:\w+\s+)?(?=card ?net\b|t ?pago\b|(?:link|enlace)s? (?:de|para) pag\w*|payment links?)|aceptan|acepta|aceptas|aceptaran|reciben|recibe|recibes|cogen|coge|agarran|toman|trabajan con|puedo pagar|puedo pagarles|se puede pagar|podemos pagar|pago con|pagar con|pagarles con|pagar en|pago en|pagar por|(?:do|does) (?:you|y all|you guys|the store) (?:take|accept)|(?:can|could|may) (?:i|we) (?:pay|use)|pay (?:with|by|in|using)|is (?:\w+ ){1,2}(?:ok|accepted|fine|good)|are (?:\w+ ){1,2}accepted|accept|accepted)\b/;

/** "¿hay descuento si pago en efectivo?" asks for a deal (offers), not whether cash is taken. */
const DEAL = /\b(?:descuent\w*|ofertas?|rebaj\w*(?!\s+con\b)|promocion\w*|especial|discounts?|deals?|offers?|promo\w*|sale)\b/;

/**
 * Whether the store takes a way of paying the customer names ("¿aceptan PayPal?", "¿puedo pagar
 * con tarjeta?", "do you take Amex?"). Store credit is `asksStoreCredit`.
 */
export function asksPaymentMethod(text: string): boolean {
  const f = words(text);
  return ACCEPTS.test(f) && !DEAL.test(f) && paymentMethodsNamed(text).length > 0;
}

/**
 * A way of paying named in a message already about paying ("y cheque?", "¿con tarjeta?", "PayPal?"
 * after the payment answer): asked whether it is taken, though no verb asks it. Not a deal asked.
 */
export function namesPaymentMethod(text: string): boolean {
  return !DEAL.test(words(text)) && paymentMethodsNamed(text).length > 0;
}

/** A discount or a lower price asked for (folded words). */
const DISCOUNT = /\b(?:descuent\w*|rebaj\w*(?!\s+con\b)|mas barat[oa]s?|menos (?:caro|plata|dinero)|discounts?|cheaper|\d+ (?:percent )?off|price break)\b/;
/** The way of paying as the condition: "si pago en efectivo", "por pagar cash", "for cash", "paying by card". */
const PAYING_SO = /\b(?:si (?:pago|pagamos|le pago|les pago|se paga|lo pago|te pago)|(?:por|al) pagar|pagando|pago (?:en|con|de)|en efectivo|de contado|al contado|for (?:paying|cash|card)|if (?:i|we) pay|paying|pay (?:in|with|by|cash))\b/;

/**
 * The ways of paying a message asks a discount for ("¿cuánto me descuentan si pago en efectivo?",
 * "¿me lo dejan más barato de contado?", "discount for cash?"), as keys of `PAYMENT_METHOD_WORDS`;
 * empty when it asks none. Cheap first: a discount word, then the condition.
 */
export function paymentDiscountAsked(text: string): string[] {
  if (text.length > 240) return [];
  const f = words(text);
  if (!DISCOUNT.test(f) || !PAYING_SO.test(f)) return [];
  const named = paymentMethodsNamed(text);
  // "de contado" is cash though no method word says it.
  return named.length > 0 ? named : /\b(?:de contado|al contado)\b/.test(f) ? ['cash'] : [];
}

/**
 * A question about the store's policies a clerk answers from the store's data: returns, warranty,
 * credit, whether a way of paying is taken, or a price in another currency.
 */
export function asksStorePolicy(text: string): boolean {
  return asksReturnPolicy(text) || asksWarranty(text) || asksStoreCredit(text) || asksPaymentMethod(text) || asksHowToPay(text) || asksTransferAccount(text) || paymentDiscountAsked(text).length > 0 || asksPriceInCurrency(text);
}

/** "quiero pagar, ¿cómo hago?", "¿dónde puedo pagar?", "how do I pay?": the ways of paying, with no method named. */
const HOW_TO_PAY = /\b(?:(?:como|donde) (?:hago (?:para )?|puedo |se puede |podemos |debo |tengo que )?(?:pagar|pagarles|pagarle|le pago|les pago)\b|quiero pagar(?: \w+){0,3} como (?:hago|le hago|puedo)|how (?:do|can|should) (?:i|we) pay|where (?:do|can) (?:i|we) pay|i want to pay(?: \w+){0,3} how)/;
export const asksHowToPay = (text: string): boolean => HOW_TO_PAY.test(words(text));

const TRANSFER_WORDS = /\b(?:transfer\w*|deposit\w*|wire)\b/;
const ACCOUNT_WORDS = /\b(?:cuenta|cuentas|account)\b/;
const BANK_DETAILS = /\b(?:cuenta bancaria|datos bancarios|datos de (?:la )?cuenta|bank details|bank account|banking details)\b/;

/** "¿a qué cuenta les transfiero?", "número de cuenta para depositar", "bank details": where a transfer goes, not the customer's account. */
export function asksTransferAccount(text: string): boolean {
  const f = words(text);
  return BANK_DETAILS.test(f) || (TRANSFER_WORDS.test(f) && ACCOUNT_WORDS.test(f));
}

const OPENING_WORDS = /\b(?:(?:van|va|vas|piensan|pueden|podrian) a (?:abrir|cerrar|estar abiert\w*|trabajar)|abriendo|cerrando|abre|abren|abrimos|abriran|abrira|abierto|abiertos|abierta|abiertas|cierra|cierran|cerramos|cerrado|cerrados|cerrada|horarios?|trabajan|laboran|atienden|open|opens|close|closes|closed|hours)\b/;
const DAY_WORDS =
  /\b(?:hoy|manana|pasado manana|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|feriados?|navidad|nochebuena|ano nuevo|fin de ano|reyes|semana santa|viernes santo|jueves santo|corpus(?: christi)?|altagracia|duarte|independencia|dia del trabajo|primero de mayo|restauracion|mercedes|constitucion|independence day|labou?r day|holy week|easter|today|tonight|tomorrow|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|holidays?|christmas|xmas|new year s|new years|good friday|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|january|february|march|april|june|july|august|september|october|november|december)\b/;

/**
 * Whether (or when) the store opens on a day ("¿la principal abre el 1 de enero?", "trabajan
 * mañana?", "open on Christmas?"): the store's hours that day.
 */
export function asksOpeningDay(text: string): boolean {
  const f = words(text);
  return OPENING_WORDS.test(f) && DAY_WORDS.test(f);
}

const MONTH_NAMES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december';
const DAY_NUMBER = '(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th|ro)?';
const NAMED_DAY =
  'hoy|manana|pasado manana|today|tomorrow|tonight|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|navidad|nochebuena|noche buena|nochevieja|ano nuevo|fin de ano|(?:dia de )?reyes|viernes santo|jueves santo|semana santa|christmas(?: eve| day)?|xmas|new years?(?: eve| day)?|new year s(?: eve| day)?|good friday|easter|feriados?|holidays?';
/**
 * A day alone, the whole message: "¿y el 31?", "¿y el domingo?", "y mañana?", "y el 1 de enero?",
 * "and on the 31st?", "y pa navidad?". A bare number is a day only after an article ("el 31"), never
 * a count ("¿y 2?").
 */
const DAY_ALONE = new RegExp(
  `^(?:(?:y|e|and|what about|how about|entonces|pero|ok|oye)\\s+)?(?:(?:el|la|los|para|pa|por|en|on|for|this|next|este|esta|proximo|dia)\\s+){0,3}(?:(?:${NAMED_DAY})|${DAY_NUMBER} (?:de |of )?(?:${MONTH_NAMES})|(?:${MONTH_NAMES}) ${DAY_NUMBER}|(?:el|the) ${DAY_NUMBER}(?: (?:de|of) (?:${MONTH_NAMES}))?)$`,
);

/** The whole message names a day and nothing else (with nothing before it, the store's hours that day). */
export function namesOnlyADay(text: string): boolean {
  const f = words(text);
  return f.length <= 40 && DAY_ALONE.test(f);
}

/** "¿ya abrieron?", "¿y ya cerraron ustedes?", "are you open yet?": the whole message asks whether the store is open now. */
const OPEN_YET = /^(?:(?:y|oye|oiga|disculpe|buenas|buenos dias|hola|and|hi|hey)\s+)*(?:(?:ya|todavia|aun|ustedes|uds)\s+){0,2}(?:abrieron|cerraron|abrio|cerro|(?:estan|esta|tan|ta|siguen|sigue) abiert[oa]s?)(?:\s+(?:ya|hoy|ustedes|uds|la tienda|la ferreteria|la sucursal))*$|^(?:are you|is the store) (?:open|closed) (?:yet|already|still)$/;

export function asksIfOpenYet(text: string): boolean {
  return OPEN_YET.test(words(text));
}

/**
 * Asking the way to the store: "how do I get there?", "how far is your store?", "¿cómo llego?", "¿a
 * qué distancia quedan?", or whether it is by a landmark: "¿ustedes quedan cerca del hospital?",
 * "¿tan por donde el parque?", "¿quedan al lado del Banco Popular?".
 */
const DIRECTIONS_WORDS =
  /\b(?:how (?:do|can|would|should) (?:i|we) (?:get|go|drive|walk) (?:there|to (?:you|your|the (?:store|shop|branch)|it))|how (?:do|can) i find (?:you|your|the (?:store|shop))|how far (?:is|are|away)|how long (?:does it take )?to get (?:there|to (?:you|your))|get to your (?:store|shop|branch)|como (?:llego|llegamos|se llega|hago para llegar|puedo llegar|los encuentro|les llego)|a que distancia (?:esta|estan|queda|quedan)|que tan lejos (?:esta|estan|queda|quedan)|(?:esta|estan|queda|quedan) (?:muy )?lejos)\b|\b(?:ustedes|uds|la tienda|la ferreteria|el local|la sucursal) (?:\w+ )?(?:quedan?|estan?|tan|ubicad[oa]s?) (?:(?:mas|muy|bien|por) )?(?:cerca|cerquita|frente|enfrente|al lado|detras|atras|proximo|junto|pegad[oa]s?|por donde|en la esquina)\b|\b(?:quedan|estan|tan) (?:(?:mas|muy|bien|por) )?(?:cerca|cerquita|frente|enfrente|al lado|detras|atras|proximo|junto|pegad[oa]s?|por donde) (?:de |a |del |al )?(?:(?:el|la|los|las) )?(?!mi\b|mis\b|casa\b|aqui\b|aca\b)\w+/;

/** Whether a message asks the way to the store (answered with the branches' addresses and maps). */
export function asksDirections(text: string): boolean {
  return DIRECTIONS_WORDS.test(words(text));
}

/** An offer's deal named as customers name it: "el 3x2", "del 2x1", "the 3 for 2" (more taken than paid, never a board's 2x4). */
const DEAL_NAMED = /\b(?:el|del|al|la|ese|esa|the|that)\s+(\d)\s*(?:x|por|for)\s*(\d)\b/;
/** Whether it applies: "entra", "aplica", "cuenta", "vale", "does it apply", "count", "qualify". */
const APPLIES = /\b(?:entra|entran|entraria|aplica|aplican|aplicaria|cuenta|cuentan|vale|valen|califica|calificaria|sirve|applies|apply|count|counts|qualif\w*|work|get)\b/;

/**
 * An offer asked for by its deal and whether a count gets it ("con 2 entra el 3x2?", "si llevo 3
 * aplica el 3x2?", "does the 3 for 2 apply if I take 2?"): the offers' question, whatever product
 * or opening the classifier leans to ("aplica" is also applying for a job).
 */
export function asksDealForCount(text: string): boolean {
  if (text.length > 160 || !/\d\s*(?:x|por|for)\s*\d/i.test(text)) return false;
  const f = words(text);
  const deal = DEAL_NAMED.exec(f);
  return deal !== null && Number(deal[1]) > Number(deal[2]) && APPLIES.test(f);
}
