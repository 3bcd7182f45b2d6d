import { fold } from './text.js';

/**
 * Something the customer got from the store, told in the past ("compré", "me vendieron", "que me
 * llevaron", "I bought", "you sold me"): what makes a product named in a message theirs already,
 * not one they are asking about. "¿Qué me llevo?", "cuál me llevo" ask what to buy: nothing brought.
 */
const BOUGHT =
  /\b(?:compre|compramos|comprado|comprada|comprados|compradas|adquiri|me (?:lo |la |los |las )?(?:vendieron|vendio|despacharon|despacho|dieron|dio|entregaron|entrego|mandaron|mando|trajeron|trajo|llevaron|instalaron|instalo|cobraron)|(?<!\b(?:que|q|cual|cuales) )me (?:lo |la |los |las )?llevo|(?:i|we) (?:bought|purchased|ordered|got)|bought (?:it|this|that|them|a|an|the|from)|purchased|(?:you|they) (?:sold|delivered|installed|sent) (?:me|us)|sold me|got (?:it |this |them )?from you)\b/;

/**
 * The customer's own thing, owned for days, weeks or months ("mi taladro se dañó y tiene 3 meses",
 * "my drill broke, it's 2 months old"): theirs already, as bought is. Years are a house's or a roof's age, not a purchase's.
 */
const OWNED_A_WHILE =
  /\b(?:mi|mis|my)\b(?=.*\b(?:(?:tiene|tienen|tenia|con|de|lleva|llevo|hace) (?:\d+|un|una|dos|tres|cuatro|cinco|seis|unos|unas|pocos|pocas) (?:dias|semanas?|mes|meses)|(?:\d+|a|one|two|three|four|five|six|few) (?:days?|weeks?|months?) old)\b)/;

/**
 * Something wrong with a thing, es and en (accents folded): it does not work, stopped working, broke,
 * leaks, peels, came damaged or incomplete, is not what was asked for.
 */
const WRONG =
  /\b(?:no (?:me |le |nos )?(?:prende|prendio|enciende|encendio|arranca|arranco|carga|cargo|sirve|sirven|sirvio|funciona|funcionan|funciono|trabaja|pega|pegan|pego|seca|secan|seco|cierra|cierran|abre|abren|enfria|calienta|corta|gira|bombea|encaja|encajan|entra|entran|cuadra|cuadran|ajusta|es (?:el|la|lo) que (?:pedi|compre))|dejo de (?:funcionar|servir|prender|trabajar|encender)|ya no (?:prende|enciende|sirve|funciona|arranca|carga|trabaja)|se (?:me |nos |le )?(?:esta |estan )?(?:pelando|pelo|pelaron|despegando|despego|despegaron|cayendo|cayo|rajando|rajo|agrietando|agrieto|cuarteando|cuarteo|quemando|quemo|quemaron|oxidando|oxido|rompio|rompieron|dano|danaron|partio|quebro|trabo|tranco|desarmo|zafo|safo|despinto|decoloro|doblo|torcio|fundio|fundieron|mojo|salio el agua|sale el agua)|dispara solo|se dispara|se disparan|se (?:me |le |nos )?(?:bota|baja|cae) solo|keeps tripping|trips by itself|gotea|gotean|goteando|bota agua|botando agua|filtra agua|echa humo|bota humo|hace (?:un )?ruido|huele a quemado|rot[oa]s?|danad[oa]s?|partid[oa]s?|quebrad[oa]s?|rajad[oa]s?|defectuos[oa]s?|incomplet[oa]s?|equivocad[oa]s?|vencid[oa]s?|oxidad[oa]s?|le falta|le faltan|faltan piezas|falto|faltaron|salio (?:mal[oa]?|defectuos[oa]|danad[oa]|rot[oa])|vino (?:mal[oa]?|rot[oa]|danad[oa]|abiert[oa]|incomplet[oa]|sin)|stopped working|quit working|(?:doesn t|does not|didn t|did not|won t|will not|wont|doesnt|didnt) (?:work|turn on|start|charge|fit|stick|dry|close|open|cut|spin)|not working|broke|broken|leak|leaks|leaking|peel|peels|peeling|cracked|cracking|burn(?:ed|t) out|rusted|rusting|rusty|smok(?:es|ing)|makes (?:a )?noise|missing|damaged|defective|faulty|fell apart|falling apart|came apart|wrong (?:one|size|item|color|colour|product)|mojad[oa]s?|humedecid[oa]s?|endurecid[oa]s?|(?:estaba|estaban|vino|vinieron|llego|llegaron|salio|salieron|esta|estan) (?:todo |toda |todos |todas |bien |muy )?(?:dur[oa]s?|mal[oa]s?|abiert[oa]s?|pegad[oa]s?|piedra|hech[oa]s? (?:una )?piedra|podrid[oa]s?|vaci[oa]s?)|(?:was|were|came|arrived|is|are) (?:all |already |rock |completely )?(?:hard|wet|open|bad|torn|ripped|empty|lumpy|caked|solid)|soaked|hardened|lumpy|caked)\b/;

/** What came, or was handed over: "me dieron", "me llegó", "salió", "they sent", "I got". */
const GOT = String.raw`(?:me (?:lo |la |los |las )?(?:dieron|dio|mandaron|mando|trajeron|trajo|llego|llegaron|despacharon|despacho|entregaron|entrego|vendieron|vendio)|llego|llegaron|vino|vinieron|salio|salieron|(?:you|they) (?:sent|gave|delivered|sold|brought)|(?:i|we) (?:got|received))`;
/**
 * Another thing than the one asked for, told as such: "me dieron gris y yo pedí blanca", "salió azul
 * pero yo había pedido blanca", "me mandaron el de 1/2 en vez del de 3/4", "you sent 1/2 inch
 * instead of 3/4", "I ordered white and got gray", "you delivered 8 inch blocks but I ordered 6 inch".
 */
const MISMATCH = new RegExp(
  String.raw`\b${GOT}\b.*\b(?:(?:y|pero) yo (?:pedi|habia pedido|compre|queria|encargue)|en (?:vez|lugar) del?|instead of|(?:but|when) (?:i|we) (?:had )?(?:ordered|asked for|paid for|wanted|bought)|and (?:i|we) (?:had )?(?:asked for|wanted))\b|\b(?:i|we) (?:ordered|asked for|bought|paid for)\b.*\b(?:but|and) (?:got|received|(?:you|they) (?:sent|gave|delivered))\b|\b(?:compre|pedi|encargue)\b.*\b(?:y|pero) me (?:dieron|mandaron|trajeron|despacharon|entregaron|vendieron) (?:otr[oa]s?|(?:el|la|los|las|uno|una) de|\d|(?:de )?(?:color )?(?:blanc|negr|gris|roj|verde|azul|amarill|crema|beige|marron))`,
);

/**
 * Charged other than told, told as such: "el cemento me lo cobraron a 700", "me cobraron de más",
 * "mi factura dice un precio diferente al que me dijeron", "you charged me twice", "I was overcharged",
 * "the invoice shows a different price" — a billing complaint, never a price question or a product.
 */
const CHARGE_MISMATCH =
  /\b(?:me (?:lo |la |los |las )?(?:cobraron|cobro|facturaron|facturo)(?: \w+){0,4}? (?:a|en|por) (?:rd )?\d+|(?:me |nos )?(?:cobraron|cobro|facturaron) (?:de mas|demas|doble|dos veces|mal|mas caro|mas de lo|otro precio|un precio (?:diferente|distinto|mayor))|(?:la |mi |esta )?factura (?:dice|tiene|sale|salio|vino|trae|dice que) (?:\w+ ){0,3}?(?:precio|monto|diferente|distint[oa]|otro|otra|mas|doble|mal)|precio (?:de|en) (?:la|mi) factura (?:no es|es diferente|es distinto|esta mal)|(?:diferente|distinto) (?:al|del) que me (?:dijeron|dieron|cotizaron|ofrecieron)|(?:you|they) (?:charged|billed) (?:me|us) (?:twice|double|more|extra|wrong|the wrong|a different)|(?:i|we) (?:was|were|got) (?:overcharged|double charged|charged twice)|overcharged|(?:the|my) (?:invoice|receipt|bill) (?:says|shows|has) (?:a )?(?:different|wrong|higher))\b/;

/**
 * The customer tells of trouble with something they got from the store ("compré un taladro ayer y no
 * prende", "la pintura que compré se está pelando", "the drill I bought last week stopped working"):
 * an after-sales complaint, whatever product it names — never the product list for that product.
 *
 * @example
 * tellsPurchaseTrouble('hola, compré un taladro ayer y no prende'); // true
 * tellsPurchaseTrouble('compré cemento la semana pasada y necesito 20 sacos más'); // false
 * tellsPurchaseTrouble('¿el taladro no prende sin batería?'); // false: nothing bought told
 */
export function tellsPurchaseTrouble(text: string): boolean {
  const f = fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ');
  return ((BOUGHT.test(f) || OWNED_A_WHILE.test(f)) && WRONG.test(f)) || MISMATCH.test(f) || CHARGE_MISMATCH.test(f);
}

/** Confidence of discontent voiced at the store with nothing told (`ventsAtTheStore`): under a handoff's, so the customer is asked what happened. */
export const VENTING_CONFIDENCE = 0.4;

/** A verdict on the store or its service, es and en (folded, no punctuation): "ustedes son un desastre", "que relajo con ustedes", "you guys are the worst". */
const VENTING =
  /\b(?:(?:ustedes|uds|esta (?:ferreteria|tienda|gente)|esa (?:ferreteria|tienda|gente)|este negocio|ese negocio|el servicio|la atencion|su servicio|su atencion|you guys|you all|y all|your (?:store|service|staff|people)|this (?:store|place|company)) (?:son|es|estan|sois|are|is) (?:(?:un|una|lo|la|el|unos|unas|unos|muy|tan|bien|so|a|an|the|such a|really|just) )*(?:desastre|peor|peores|pesim[oa]s?|malisim[oa]s?|fatal|basura|relajo|verguenza|abuso|abusadores|irresponsables?|incompetentes?|ladrones|estafadores|chiste|mamey|terrible|awful|worst|useless|a joke|joke|disaster|horrible|incompetent|unreliable|pathetic)|(?:que|q) (?:relajo|desastre|abuso|verguenza|falta de seriedad|mal servicio|pesimo servicio)(?: (?:con|de) (?:ustedes|uds|esta (?:tienda|ferreteria)))?$|siempre (?:es|pasa) lo mismo(?: con ustedes)?$|(?:worst|terrible|horrible) (?:store|service|hardware store|customer service)(?: ever)?$)/;

/** How the customer feels about the store, said of it ("I'm not happy with you guys", "we're very disappointed with your service", "estoy decepcionado con ustedes"). */
const FEELING_ABOUT_US =
  /^(?:(?:hi|hello|hola|buenas|look|mira|oye|honestly|sinceramente)\s+)*(?:i m|im|i am|we re|we are|were|estoy|estamos)\s+(?:(?:very|really|so|pretty|quite|not|muy|bien|super|bastante|tan)\s+)*(?:not happy|unhappy|upset|angry|disappointed|frustrated|fed up|annoyed|mad|displeased|decepcionad[oa]s?|molest[oa]s?|enojad[oa]s?|insatisfech[oa]s?|hart[oa]s?|disgustad[oa]s?|inconformes?)\s+(?:with|con)\s+(?:you|you guys|you all|y all|ustedes|uds|your (?:store|service|staff|company)|this (?:store|place|company)|el servicio|su servicio|la atencion|su atencion|esta (?:ferreteria|tienda))$/;

/**
 * Discontent voiced at the store, with nothing of what happened ("ustedes son un desastre", "nada,
 * que siempre es lo mismo", "you guys are the worst"): a clerk asks what happened (or offers a
 * person) before opening any case, never "¿qué necesitas?". Short messages only: one that tells
 * more is read by what it tells.
 */
export function ventsAtTheStore(text: string): boolean {
  return MAY_VENT.test(fold(text)) && readsVenting(text);
}

/**
 * The cheap check in front of `ventsAtTheStore` (issue 16): every match of `VENTING` or
 * `FEELING_ABOUT_US` holds one of these stems (a verdict, an exclamation's noun, "lo mismo", a
 * feeling), looked for in the accent-folded message every reader shares.
 */
const MAY_VENT =
  /desastre|peor|pesim|malisim|fatal|basura|relajo|verguenza|abus|irresponsable|incompetent|ladrones|estafadores|chiste|mamey|terrible|awful|worst|useless|joke|disaster|horrible|unreliable|pathetic|seriedad|servicio|mismo|happy|upset|angry|disappointed|frustrated|fed|annoyed|mad|displeased|decepcionad|molest|enojad|insatisfech|hart|disgustad|inconforme/;

/** The full reading, behind `MAY_VENT` (exported for the pre-check test). */
export function readsVenting(text: string): boolean {
  const f = fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return f.split(' ').length <= 10 && (VENTING.test(f) || FEELING_ABOUT_US.test(f));
}

/**
 * The wrong thing delivered, or it came damaged — the store's mistake, told as such: "me llegó la
 * pintura con otro color", "me mandaron otra medida", "el inodoro llegó roto", "you sent me the wrong
 * color", "it arrived damaged". A case with an apology, even with "la quiero devolver" in it (the
 * return is on the store, never the returns policy's conditions and "¿qué pasó?").
 */
const WRONG_DELIVERY = new RegExp(
  String.raw`\b${GOT}\b(?: \w+){0,5}? (?:(?:con|en|de) )?(?:otr[oa]s? (?:colou?r|medida|tamano|marca|producto|cosa|modelo|tipo|numero|tono)|(?:el|la|un|una) (?:colou?r|medida|tamano|producto|modelo|tono) equivocad[oa]|equivocad[oa]s?|rot[oa]s?|danad[oa]s?|partid[oa]s?|quebrad[oa]s?|rajad[oa]s?|abollad[oa]s?|doblad[oa]s?|torcid[oa]s?|mojad[oa]s?|golpead[oa]s?|incomplet[oa]s?|no (?:es|era|son|eran) (?:el|la|lo|los|las) (?:\w+ )?que (?:pedi|compre|encargue|pedimos|habia pedido))\b` +
    String.raw`|\b(?:you|they|u) (?:guys )?(?:sent|delivered|gave|brought) (?:me |us )?(?:the |a )?wrong\b|\b(?:i|we) (?:got|received) (?:the |a )?wrong\b|\b(?:arrived|came|was delivered|were delivered|showed up) (?:all |completely )?(?:damaged|broken|cracked|smashed|dented|torn|open|in the wrong)\b` +
    // "me llegaron 3 sacos menos", "al pedido le faltaron 2 sacos", "faltaron 2 fundas del pedido": an order short.
    String.raw`|\b(?:llegaron|llego|vinieron|vino|mandaron|trajeron|entregaron|despacharon|dieron) (?:\w+ ){0,3}?(?:\d+|un|una|dos|tres|cuatro|cinco|seis|diez) \w+ (?:de )?menos\b` +
    String.raw`|\b(?:pedido|entrega|orden|despacho)\b(?: \w+){0,6}? (?:falto|faltaron|faltan|faltaba|faltaban)\b|\b(?:falto|faltaron|faltaba|faltaban) (?:\w+ ){0,4}?(?:del|en el|de mi|en mi|al) (?:pedido|entrega|orden|despacho)\b` +
    // "el delivery me trajo 8 fundas y yo pagué 10", "pedí 10 sacos y me llegaron 8", "I paid for 10 bags but got 8": a count short.
    String.raw`|\b(?:trajo|trajeron|mando|mandaron|llego|llegaron|vino|vinieron|entrego|entregaron|dio|dieron|despacharon) (?:\w+ ){0,3}?\d+(?: \w+){0,4}? (?:y|pero) (?:yo |nosotros )?(?:pague|pagamos|pedi|pedimos|compre|compramos|encargue|encargamos)(?: \w+){0,2}? \d+\b` +
    String.raw`|\b(?:pague|pagamos|pedi|pedimos|compre|compramos|encargue|encargamos) (?:\w+ ){0,2}?\d+(?: \w+){0,4}? (?:y|pero) (?:solo |nada mas |namas )?(?:me |nos )?(?:trajeron|trajo|mandaron|mando|llegaron|llego|vinieron|vino|entregaron|dieron|despacharon)(?: \w+){0,2}? \d+\b` +
    String.raw`|\b(?:i|we) (?:paid for|ordered|bought) \d+(?: \w+){0,2}? (?:and|but) (?:only )?(?:got|received|they (?:sent|brought|delivered))(?: \w+)? \d+\b|\b(?:they|you) (?:sent|brought|delivered) (?:me |us )?(?:only )?\d+(?: \w+){0,2}? (?:and|but) (?:i|we) (?:paid for|ordered|bought) \d+\b` +
    // "my order arrived with two bags missing", "the delivery came short", "items missing from my order".
    String.raw`|\b(?:arrived|came|was delivered|were delivered|showed up)\b(?: \w+){0,5}? missing\b|\b(?:arrived|came) (?:incomplete|short)\b|\b(?:order|delivery) (?:was|is|came|arrived) (?:incomplete|short)\b|\bmissing (?:from|in) (?:my|the|our) (?:order|delivery)\b`,
);

/** Whether a message tells of the wrong thing delivered or a damaged delivery (`WRONG_DELIVERY`), or another thing than the one ordered (`MISMATCH`). */
export function tellsWrongDelivery(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return WRONG_DELIVERY.test(f) || MISMATCH.test(f);
}

/**
 * "no es lo que pedí", "eso no fue lo que yo pedí", "no me mandaron lo que pedí", "me llegó algo que
 * no pedí", "no era lo que encargué": a wrong delivery told vaguely, nothing of what came or what was
 * ordered. Folded, without punctuation; short messages only (a longer one tells what came and is
 * `tellsWrongDelivery`).
 */
const NOT_WHAT_ORDERED = new RegExp(
  String.raw`^(?:(?:oye|mira|hola|buenas|disculpa|disculpe|pero|y|ey|ay|ombe|diache|wey|mire)\s+)*(?:(?:eso|esto|esta|este|lo que (?:me )?(?:llego|mandaron|trajeron|entregaron|dieron))\s+)?` +
    String.raw`(?:no (?:es|era|fue|son|eran|fueron) (?:lo|el|la|los|las) (?:\w+ )?(?:que|q) (?:yo |nosotros )?(?:pedi|pedimos|compre|compramos|encargue|encargamos|ordene|ordenamos|habia pedido|habiamos pedido|queria)` +
    String.raw`|no me (?:mandaron|trajeron|entregaron|dieron|llego) (?:lo|el|la|los|las) (?:\w+ )?(?:que|q) (?:yo )?(?:pedi|compre|encargue|ordene)` +
    String.raw`|me (?:llego|mandaron|trajeron|entregaron|dieron) (?:algo|una cosa|otra cosa|cosas?) (?:que|q) (?:yo )?no (?:pedi|compre|encargue|ordene))` +
    String.raw`(?:\s+(?:ustedes|uds|de nuevo|otra vez|oiste|hermano|mi hermano|amigo|por favor|porfa))*$`,
);

/** Whether a short message tells, and only tells, that what came is not what was ordered (`NOT_WHAT_ORDERED`). */
export function saysNotWhatOrdered(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return f.split(' ').length <= 12 && NOT_WHAT_ORDERED.test(f);
}
