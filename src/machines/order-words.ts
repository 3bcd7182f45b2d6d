/**
 * Words a customer uses to buy what was just priced: "resérvamelo", "me lo llevo", "lo quiero",
 * "quiero hacer el pedido", "¿cómo hago el pedido?", "quiero comprarlo", "mándamelos", "I'll take
 * it", "I want to order". Said right after a price (the reserve offer) or an estimate (the quote
 * offer), they take that offer: a clerk writes the order up, never reads them as a product.
 * Pure text rules, read by the machine's offer guards and by the product tool.
 */

import { plainWords as fold } from '../kernel/plain-words.js';
import { otherColoursSaid } from './colour-said.js';
import { plansPickup } from './pickup-words.js';

/** Taking the product in focus: the object pronoun ("lo", "los", "it") or the order itself ("el pedido", "the order"). */
const TAKES_IT = new RegExp(
  [
    // "resérvamelo", "apártamelos", "resérvalo"
    String.raw`res[e]rva(?:me)?l[oa]s?|ap[a]rta(?:me)?l[oa]s?`,
    // "guárdamelo", "sepáramelo", "mándalo", "tráelo", "llévamelos": the product, kept or sent
    String.raw`(?:guarda|separa|manda|envia|trae|lleva)(?:me|nos)?l[oa]s?`,
    // "me lo llevo", "me los quedo", "me lo reservas?"
    String.raw`me\s+l[oa]s?\s+(?:llevo|quedo|reservas?|apartas?|vendes?|venden)`,
    // "lo quiero", "los compro", "la pido"
    String.raw`l[oa]s?\s+(?:quiero|compro|pido|encargo|tomo)`,
    // "quiero comprarlo", "voy a pedirlos", "quisiera encargarlo"
    String.raw`(?:quiero|quisiera|voy\s+a|vamos\s+a|me\s+gustaria|deseo|necesito)\s+(?:comprar|pedir|encargar|ordenar|llevar|reservar|apartar)(?:me)?l[oa]s?`,
    // "mándamelo(s)", "envíamelos", "tráemelo", "dámelo", "véndemelo"
    String.raw`(?:manda|mande|mandan|envia|envie|envian|trae|traiga|traigan|da|de|vende|venda)(?:me|nos)l[oa]s?`,
    // "quiero hacer el pedido", "hagamos la orden", "quiero ordenar", "quiero comprar eso"
    String.raw`(?:quiero|quisiera|voy\s+a|vamos\s+a|me\s+gustaria|deseo|puedo|podemos|como)\s+(?:hacer|poner|montar|realizar|colocar|hago|pongo|realizo|monto)\s+(?:el|un|mi|la|una|ese|este)\s+(?:pedido|orden|compra)`,
    String.raw`(?:hagamos|haz(?:me)?|hazme|montame|ponme|pasame|procesa(?:me)?)\s+(?:el|un|la|una|ese|este)\s+(?:pedido|orden)`,
    String.raw`(?:quiero|quisiera|voy\s+a|vamos\s+a|deseo)\s+(?:ordenar|pedir|comprar)(?:\s+(?:eso|esos|esas|esa|ese|entonces|ya))?\s*$`,
    // "¿cómo hago el pedido?", "¿cómo lo compro?", "¿cómo los pido?"
    String.raw`como\s+(?:hago|hacemos|pongo|realizo|hacer|poner)\s+(?:el|un|mi|la|una)\s+(?:pedido|orden|compra)`,
    String.raw`como\s+(?:l[oa]s?\s+)?(?:compro|pido|ordeno|encargo)`,
    // "ok dame eso", "dame todo eso", "mándame esos", "ponme todo": what was just priced, all of it
    String.raw`(?:dame|deme|denme|ponme|pongame|mandame|mandeme|enviame|traeme|vendeme)\s+(?:todo\s+)?(?:eso|esos|esas|todo)(?:\s+(?:entonces|pues|ya|por\s+favor|porfa|pls))?\s*$`,
    // "dame esa", "me llevo ese mismo", "quiero esa entonces": the one just shown, taken
    String.raw`(?:dame|deme|denme|ponme|pongame|mandame|mandeme|enviame|traeme|vendeme|quiero|me\s+llevo|llevo|me\s+quedo\s+con)\s+(?:es[ea]|est[ea])(?:\s+(?:mism[oa]|ahi))?(?:\s+(?:entonces|pues|ya|por\s+favor|porfa|pls))?\s*$`,
    // "va", "dale con eso", "vamos con eso", "me quedo con eso"
    String.raw`(?:vamos|dale|voy|me\s+quedo)\s+con\s+(?:eso|esos|esas|esa|ese|el|la|los|las)\b`,
    // "confírmalo", "confírmame el pedido", "quiero confirmar el pedido"
    String.raw`confirma(?:me|nos)?l[oa]s?|confirma(?:me|nos)?\s+(?:el|la|ese|esa)\s+(?:pedido|orden|compra)|(?:quiero|quisiera|voy\s+a|vamos\s+a)\s+confirmar(?:l[oa]s?|\s+(?:el|la)\s+(?:pedido|orden|compra))`,
    // English
    String.raw`confirm\s+(?:it|them|the\s+order|my\s+order)|set\s+(?:it|them)\s+aside|reserve\s+(?:it|them)|hold\s+(?:it|them)|i\s*(?:ll|\s+will)\s+(?:take|buy|get|order)\s+(?:it|them|those|these|that)(?:\s+one)?`,
    String.raw`give\s+me\s+(?:that|this)(?:\s+one)?(?:\s+(?:then|please))?\s*$`,
    String.raw`i\s*(?:d\s+like|\s+would\s+like|\s+want|\s+wanna)\s+(?:to\s+)?(?:buy|order|get|take)\s+(?:it|them|those|these|that)`,
    String.raw`i\s*(?:d\s+like|\s+would\s+like|\s+want|\s+wanna)\s+to\s+(?:place\s+(?:an|the|my)\s+order|order)\s*$`,
    String.raw`(?:place|put\s+in|make)\s+(?:an|the|my)\s+order|how\s+(?:do|can)\s+i\s+(?:order|buy|place\s+(?:an|the)\s+order)(?:\s+(?:it|them|this|that))?`,
    String.raw`send\s+(?:it|them)(?:\s+(?:to\s+me|over))?|(?:lets|let\s+s)\s+do\s+it`,
    // "ok book it", "put it on hold", "keep them for me", "go ahead and order it", "bring it", "ship them"
    String.raw`(?:book|order|buy|deliver|bring|ship)\s+(?:it|them|those|these|that)|put\s+(?:it|them)\s+(?:aside|on\s+hold|away)|(?:keep|save)\s+(?:it|them)\s+for\s+me`,
  ]
    .map((alt) => `(?:${alt})`)
    .join('|')
    .replace(/^/, String.raw`(?:^|[^a-z])(?:`)
    .concat(String.raw`)(?![a-z])`),
);

/**
 * The message takes what was just priced or estimated: an order, a reservation, "send it".
 *
 * @example
 * takesTheOrder('ok perfecto, quiero hacer el pedido'); // true
 * takesTheOrder('¿cómo hago el pedido?'); // true
 * takesTheOrder('mándamelos'); // true
 * takesTheOrder("I'll take it"); // true
 * takesTheOrder('el pedido no ha llegado'); // false
 */
export function takesTheOrder(text: string): boolean {
  return TAKES_IT.test(fold(text));
}

/**
 * The message takes the product shown as it is: "lo quiero", "me lo pueden tener listo pa las 3?"
 * (a pickup planned), never "la quiero en azul" after the white paint (another colour asked).
 */
export function takesTheOneShown(text: string, shownName: string): boolean {
  return (takesTheOrder(text) || plansPickup(text)) && otherColoursSaid(text, shownName).length === 0;
}

/** Putting the decision off: "déjame pensarlo", "lo voy a pensar", "luego te aviso", "let me think about it", "not yet". */
const DEFERS = new RegExp(
  [
    String.raw`(?:dejame|dejeme|dejanos|deja\s+me)\s+(?:lo\s+)?pensar(?:lo|la|los|las)?`,
    String.raw`(?:lo|la|los|las)\s+(?:voy\s+a|vamos\s+a|tengo\s+que)\s+pensar|(?:voy|vamos)\s+a\s+pensarl[oa]s?|lo\s+pienso|lo\s+consulto|lo\s+hablo\s+con`,
    String.raw`(?:despues|luego|mas\s+tarde|manana)\s+(?:te|le|les)\s+(?:digo|aviso|confirmo|escribo)|(?:te|le|les)\s+(?:aviso|confirmo|digo|escribo)\s+(?:luego|despues|mas\s+tarde|manana)`,
    String.raw`(?:ahora|todavia|por\s+ahora|aun)\s+no|no\s+por\s+ahora|solo\s+(?:estoy\s+)?(?:preguntando|averiguando|cotizando)`,
    String.raw`let\s+me\s+think|i\s*(?:ll|\s+will)\s+(?:think\s+about\s+it|let\s+you\s+know|get\s+back\s+to\s+you)|not\s+(?:yet|now|right\s+now)|maybe\s+later|just\s+(?:asking|checking|looking)`,
  ]
    .map((alt) => `(?:${alt})`)
    .join('|')
    .replace(/^/, String.raw`(?:^|[^a-z])(?:`)
    .concat(String.raw`)(?![a-z])`),
);

/**
 * The customer puts the decision off: no order is taken, whatever yes-word comes with it ("bueno,
 * déjame pensarlo").
 *
 * @example
 * defersTheOrder('bueno dejame pensarlo'); // true
 * defersTheOrder('sí, resérvamelo'); // false
 */
export function defersTheOrder(text: string): boolean {
  return DEFERS.test(fold(text));
}

/** Taking it somewhere: "mándamelos a Caleta", "llévamelo a Villa Hermosa", "me lo mandan pa Caleta", "send them to Bayahibe". */
const TO_A_PLACE = /(?:^|[^a-z])(?:mand|envi|llev|tra[ei]|despach|deliver|send|ship|bring)[a-z]*\s+(?:(?:l[oa]s?|me|nos|it|them)\s+)*(?:a|al|para|pa|pal|hasta|to)\s+[a-z]/;

/**
 * The order is to be delivered to a place named in the message: its price with that delivery,
 * not a bare reservation.
 *
 * @example
 * ordersDeliveryTo('mándamelos a Caleta'); // true
 * ordersDeliveryTo('mándamelos'); // false
 */
export function ordersDeliveryTo(text: string): boolean {
  return TO_A_PLACE.test(fold(text));
}

/**
 * Waiting for the rest after an answer: "ok, entonces?", "ok y entonces", "bueno, y?", "y?", "y
 * ahora qué?", "ok, and?", "so?", "and then?". The customer expects the clerk to go on; it takes
 * nothing (an "ok" in front is no yes) and it is no goodbye.
 */
const WAITS =
  /^(?:(?:ok[aeiy]?|okey|bueno|ya|vale|listo|perfecto|aja|mm+|ah|well|alright|right)\s+)*(?:(?:y|e|and|so|now)(?:\s+(?:entonces|ahora|que|que mas|luego|despues|bien|eso|pues|then|what|now|so|next)){0,2}|entonces(?:\s+que)?|que mas|que sigue|then what|what now|what next|and then what)$/;

/**
 * @example
 * waitsForMore('ok, entonces?'); // true
 * waitsForMore('bueno, y?'); // true
 * waitsForMore('ok dale'); // false
 * waitsForMore('ok entonces'); // false (a plain "ok then" is no question)
 */
export function waitsForMore(text: string): boolean {
  // A few short words at most ("ok y entonces que mas?"): a longer message is not waiting (and is not folded for it).
  if (text.length > 48) return false;
  const t = fold(text);
  if (!WAITS.test(t)) return false;
  // "ok entonces" / "bueno entonces" alone say "all right then"; asked ("ok, entonces?") they wait.
  return /\?/.test(text) || !/^(?:(?:ok[aeiy]?|okey|bueno|ya|vale|listo|perfecto|aja|mm+|ah|well|alright|right)\s+)*entonces$/.test(t);
}

/**
 * A line taken off the estimate on offer: "quita las varillas", "sin la arena", "ya no quiero el
 * cemento", "remove the rebar". The product words, or null when the message removes nothing.
 */
const REMOVES =
  /^(?:(?:ok|okay|bueno|mejor|y|e|pero|no|entonces|and|but|actually|please|por favor)\s+)*(?:quita(?:le|me|r)?|kita(?:le|me)?|saca(?:le|me|r)?|elimina(?:le|r)?|borra(?:le|r)?|retira(?:le|r)?|ya no (?:quiero|necesito|voy a llevar|me (?:pongas|mandes|traigas))|no (?:quiero|necesito|me (?:pongas|pongan|mandes|manden))|sin|remove|take (?:off|out)|drop|delete|without|forget(?: about)?|(?:i )?(?:dont|do not) (?:want|need))\s+(.+)$/;
const NOT_A_LINE = /^(?:(?:la|el|los|las|lo|una|un|the|a|my|mi)\s+)?(?:cotizacion(?: formal)?|presupuesto|pedido|orden|compra|proforma|quote|quotation|order|estimate|nada|nada mas|eso|esto|todo|ninguno|ninguna|it|that|this|them|anything|nothing|everything|pensarlo|por ahora|ahora|gracias|thanks)$/;
const AROUND = /\b(?:de la (?:cotizacion|lista|orden)|del (?:pedido|presupuesto)|from the (?:quote|list|order|estimate)|por favor|porfa|please|pls|entonces|then)\b/g;

/**
 * @example
 * removedWords('quita las varillas'); // 'las varillas'
 * removedWords('remove the rebar please'); // 'the rebar'
 */
export function removedWords(text: string): string | null {
  // "quítale 2 a la arena": a count off the line, not the line (`takesCountOff`).
  if (takesCountOff(text) !== null) return null;
  const m = REMOVES.exec(fold(text));
  const words = m?.[1]?.replace(AROUND, ' ').replace(/\s+/g, ' ').trim();
  // "no quiero la cotización", "ya no quiero nada": the whole quote turned down, no line of it.
  if (!words || NOT_A_LINE.test(words) || /^\d+(?:\s+\S+)?$/.test(words) && /^\d/.test(words)) return null;
  return words.split(' ').length <= 6 ? words : null;
}

/** Selling units a count taken off may name ("quítale 2 sacos", "take 2 bags off"). */
const OFF_UNIT = String.raw`(?:unidades?|units?|piezas?|pieces?|fundas?|sacos?|qq|quintal(?:es)?|bags?|galon(?:es)?|glns?|gallons?|cubetas?|buckets?|pies?|feet|metros?|meters?|rollos?|rolls?|laminas?|hojas?|sheets?|planchas?|libras?|pounds?|lbs?|cajas?|boxes?|tubos?|varillas?|blocks?|bloques?)`;
const OFF_NUMBER = String.raw`(\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)`;
const OFF_LEAD = String.raw`^(?:(?:y|e|ok|okay|bueno|mejor|entonces|pues|and|but|pero|no|si|yes|so|actually|please)\s+)*`;
const OFF_TAIL = String.raw`(?:\s+(?:por favor|porfa|please|pls|entonces|then|mejor))*$`;
/** "to / of / from the sand": the line a count is taken off ("quítale 2 a la arena", "take 2 off the sand"). */
const OFF_LINE = String.raw`(?:\s+(?:a|al|de|del|of|from|off|off of|to|en|en el|en la)\s+(.+?))?`;
const TAKES_OFF = [
  // "quítale 20", "quítale 2 sacos al cemento", "sácale 3 a la arena", "take 2 off the sand", "remove 2 bags of cement"
  new RegExp(`${OFF_LEAD}(?:[qk](?:u)?ita(?:le|me|les)?|saca(?:le|me|les)?|resta(?:le)?|rebaja(?:le)?|baja(?:le)?|descuenta(?:le)?|take(?:\\s+(?:off|away))?|remove|minus|subtract)\\s+${OFF_NUMBER}(?:\\s+${OFF_UNIT})?(?:\\s+(?:off|away|menos))?${OFF_LINE}${OFF_TAIL}`),
  // "2 menos", "ponle 2 menos de arena", "2 sacos menos de cemento", "2 less of the sand"
  new RegExp(`${OFF_LEAD}(?:(?:ponle|pon|ponme|dame|give me|make it)\\s+)?${OFF_NUMBER}(?:\\s+${OFF_UNIT})?\\s+(?:menos|less|fewer)${OFF_LINE}${OFF_TAIL}`),
];
const OFF_NUMBERS: Readonly<Record<string, number>> = {
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, quince: 15, veinte: 20,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20,
};

/**
 * A count taken off what is on the counter: "quítale 20", "sácale 2 a la arena", "2 sacos menos de
 * cemento", "take 2 off the sand". The count, the unit word if one was said and the words naming
 * the line (null when none); null when the message takes no count off.
 *
 * @example
 * takesCountOff('quítale 2 sacos al cemento'); // { quantity: 2, unit: 'sacos', words: 'cemento' }
 * takesCountOff('quítale 20'); // { quantity: 20, words: null }
 * takesCountOff('quita la arena'); // null (the whole line: `removedWords`)
 */
export function takesCountOff(text: string): Readonly<{ quantity: number; unit?: string; words: string | null }> | null {
  // Cheap precondition: a digit or a number word, and a word of taking off.
  if (text.length > 80) return null;
  const t = fold(text);
  if (!/\b(?:quit|kit|sac|rest|rebaj|baj|descuent|take|remove|minus|subtract|menos|less|fewer)/.test(t)) return null;
  for (const re of TAKES_OFF) {
    const m = re.exec(t);
    if (!m) continue;
    const said = m[1] as string;
    const quantity = /^\d+$/.test(said) ? Number(said) : OFF_NUMBERS[said];
    if (quantity === undefined || quantity <= 0) return null;
    const unit = new RegExp(String.raw`\s(${OFF_UNIT})(?:\s|$)`).exec(m[0].slice(m[0].indexOf(said) + said.length))?.[1];
    const words = m[2]?.replace(AROUND, ' ').replace(/\s+/g, ' ').trim() || null;
    return Object.freeze({ quantity, ...(unit !== undefined && (words === null || !m[2]?.startsWith(unit)) ? { unit } : {}), words });
  }
  return null;
}

/** "confírmalo", "confírmame el pedido", "confirm the order": the order taken with the word a complaint reading may claim. */
export function confirmsTheOrder(text: string): boolean {
  const f = fold(text);
  return /\bconfirm/.test(f) && TAKES_IT.test(f);
}

/** "eso es todo", "nada más", "that's all": the customer is done adding to the order. */
const THATS_ALL =
  /^(?:(?:ok|okay|bueno|listo|dale|pues|entonces|ya|si|no|perfecto|so|well|yes|no)\s+)*(?:eso (?:es|seria|sería|e) (?:todo|to)|es todo|seria todo|eso nada mas|nada mas|na mas|eso no mas|eso nomas|ya (?:eso )?es todo|con eso (?:es suficiente|basta|me basta)|that ?s (?:all|it)|that will be all|that ?s everything|nothing else)(?:\s+(?:por ahora|gracias|muchas gracias|por el momento|for now|thanks|thank you))*$/;

/** The order is complete ("eso es todo", "nada más", "that's all"), said as the whole message. */
export function saysThatsAll(text: string): boolean {
  // The whole message is the saying: a long one is something else (no fold, no pattern).
  if (text.length > 80) return false;
  // Asked by several guards of one routing pass: the last text's answer is kept (issue 16).
  if (text !== thatsAllOf) {
    thatsAll = THATS_ALL.test(fold(text).replace(/['’]/g, ' ').replace(/\s+/g, ' ').trim());
    thatsAllOf = text;
  }
  return thatsAll;
}
let thatsAllOf: string | undefined;
let thatsAll = false;

/** "súbele 5 al cemento", "ponle 5 más a la arena", "agrégale 5 sacos más de cemento", "add 5 more bags of cement": that many more of a named line. */
const ADDS_TO_LINE = new RegExp(
  String.raw`^(?:(?:y|e|ok|dale|and|also|tambien)\s+)*(?:(subele|sube|sumale|suma|agregale|agrega|anadele|anade|ponle|pon|echale|dame|add|put)\s+)(\d+)\s+(?:${OFF_UNIT}\s+)?(mas\s+|more\s+)?(?:(?:a|al|de|del|en|to|of|on)\s+)?(?:(?:el|la|los|las|the)\s+)?(.+)$`,
);
/** Verbs that add whatever follows; the others ("ponle", "dame") add only with "más". */
const ADDING_VERB = /^(?:subele|sube|sumale|suma|agregale|agrega|anadele|anade|add)$/;

/** That many more of the line the words name; null when the message adds nothing to a line ("ponle 5" sets the count). */
export function addsToLine(text: string): Readonly<{ quantity: number; words: string }> | null {
  if (text.length > 80) return null;
  const m = ADDS_TO_LINE.exec(fold(text));
  if (!m || (!ADDING_VERB.test(m[1] as string) && m[3] === undefined)) return null;
  const words = (m[4] as string).replace(/\b(?:mas|more|por favor|porfa|please)\b/g, ' ').replace(/\s+/g, ' ').trim();
  const quantity = Number(m[2]);
  return words !== '' && quantity > 0 ? Object.freeze({ quantity, words }) : null;
}
