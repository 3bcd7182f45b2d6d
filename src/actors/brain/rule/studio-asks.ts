/**
 * Readings by rule for a tenant with its own informational labels (a booking studio): questions
 * its classifier reads as the wrong label, or not at all, routed to the label whose answer
 * (`intents.json` `answer.source`) says the right thing. The words are the engine's; which label
 * answers them is found by its source, never by its name.
 *
 * - "¿tienen parqueo?", "do you have wifi?", "¿aceptan niños?", "¿cuánto es el depósito?", "do you take walk-ins?",
 *   "do you speak English?": a fact about the place, answered by
 *   the `hours` label (the place's answer), which says it or says it is not known (`studioFactAsked`).
 * - "¿cómo llego?", "how do I get there?": the way, answered by the `hours` label with the address.
 * - "¿cuánto debo?", "how much do I owe?", "¿qué tengo pendiente de pago?": what the customer's
 *   bookings come to, answered by the `bookings` label (`asksWhatIsOwed`).
 * - "BV-1001", "859650" alone: a booking code or a number said with nothing else, answered by the
 *   `bookings` label (the booking looked up, or "what do you need with that number?").
 * - "do you do tattoos?": whether the business offers a thing, the `services` label.
 * - "¿se puede hacer todo el mismo día?": the package in focus (or the services named) in one day, the `services` label (`asksSameDay`).
 * - "¿cortan pelo de hombre?", "¿cortan pelo de niño?": a man's or a child's haircut, the `services` label (`asksMensHaircut`, `asksKidsHaircut`).
 * - "el facial mensual", "the monthly facial": a plan of visits, a package, the `services` label (`namesAPlan`).
 * - "is there someone who does eyebrows?", "¿hay alguien que haga cejas?": the `services` label (`asksWhoDoesService`).
 * - "what nail polish colors do you have?", "¿qué marca de tinte usan?": the goods of a service, the `services` label (`asksGoodsOfService`).
 * - "quisiera saber qué tienen para la novia" read as a booking, no day or time said: the `services` label (`wantsToKnowFirst`).
 */
import type { IntentScore } from '../../../domain/nlu.js';
import type { IntentSet } from '../../../domain/intent-set.js';
import { HANDOFF_CONFIDENCE, MIN_INTENT_CONFIDENCE } from '../../../machines/triage-decision.js';
import { asksWhatIsOffered, isOnlyGreeting } from './signals.js';
import { asksDirections } from './store-questions.js';
import { asksLanguage, storeFactsAsked } from './store-facts.js';
import { asksPriceInCurrency } from './currency-questions.js';
import { fold } from './text.js';
import { groupSize } from '../../../machines/workflow/group-booking.js';
import { bookingWorkflow } from '../../../machines/workflow/free-times-asked.js';
import type { WorkflowSet } from '../../../domain/workflow-spec.js';
import { asksServiceOnADay, asksWhoSomeoneIs, comparesServices } from './studio-requests.js';

/** Confidence of a studio question read by rule: sure enough to answer without a clarifying question. */
export const STUDIO_RULE_CONFIDENCE = 0.6;

/** The place's facts a studio may be asked about (the store's fact words), and two of its own. */
export type StudioFactKey = 'parking' | 'restroom' | 'accessibility' | 'wifi' | 'atm' | 'children' | 'pets' | 'deposit' | 'prep' | 'walkin' | 'languages' | 'giftcard' | 'tax' | 'homeservice' | 'arrival';
const PLACE_FACTS: ReadonlySet<string> = new Set(['parking', 'restroom', 'accessibility', 'wifi', 'atm']);

const words = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Asking whether someone may come along or be attended: "¿aceptan niños?", "can I bring my kids?", "¿puedo ir con mi perrito?". */
const MAY_COME =
  /\b(?:aceptan|acepta|admiten|admite|permiten|permite|se permiten?|dejan|deja|pueden (?:entrar|ir|venir|pasar)|puede (?:entrar|ir|venir|pasar)|puedo (?:llevar|traer|ir con|venir con|entrar con|pasar con)|podemos (?:llevar|traer|ir con)|atienden|atiende|reciben|allowed|allow|accept|welcome|can i (?:bring|come with)|can we (?:bring|come with)|ok to bring|friendly)\b/;
const CHILDREN = /\b(?:ninos?|ninas?|nin[oa]s|nenes?|nenas?|bebes?|bebitos?|muchachit[oa]s|chiquit[oa]s|mis hij[oa]s|mi hij[oa]|menores|kids?|children|child|babies|baby|toddlers?|minors?|my (?:daughters?|sons?|little (?:one|ones|girl|boy)))\b/;
const PETS = /\b(?:mascotas?|perros?|perritos?|perritas?|gatos?|pets?|dogs?|puppy|puppies)\b/;
/** Asking to bring someone, in so many words ("can I bring my daughter?", "¿puedo llevar a mi hija?"): whether they may come, whatever service follows. */
const BRING = /\b(?:puedo (?:llevar|traer)|podemos (?:llevar|traer)|can (?:i|we) bring|ok to bring|is it ok (?:if i|to) bring)\b/;
/** A service for someone, not whether they may come: "un corte para mi hija", "manicure para niñas". */
const SERVICE_FOR = /\b(?:corte|cortes|manicure|pedicure|peinado|trenzas|maquillaje|cejas|haircut|haircuts|nails|makeup)\b/;

/** Asking whether a deposit holds a booking: "¿cuánto es el depósito para reservar?", "¿hay que dejar adelanto?", "do I need to pay a deposit?". */
const DEPOSIT_ASKED =
  /\b(?:(?:cuanto|de cuanto|que) (?:es|seria|sera) (?:el|la) (?:deposito|adelanto|anticipo|inicial|sena)|(?:hay que|tengo que|se debe|debo|piden|cobran|necesito|requieren|se necesita|hace falta) (?:dar |dejar |pagar |hacer |un |una |algun |alguna |el |la )*(?:deposito|adelanto|anticipo|inicial|sena)|(?:deposito|adelanto|anticipo|sena) para (?:reservar|separar|apartar|agendar)|(?:how much|what) is the deposit|(?:do i|do we|do you) (?:need|have|require|ask for|take|charge)(?: to (?:pay|leave|put down))? (?:a )?deposits?|is (?:there|a) deposit|deposit (?:required|needed|to book)|down payment)\b/;

/**
 * How to come to a service, or what to bring: "¿qué tengo que llevar para la keratina?", "¿voy con el
 * pelo lavado?", "should I come with clean hair for the color?". The studio has not written it: said
 * unknown with a person offered, never the clarifying menu nor a booking.
 */
const PREP_ASKED =
  /\b(?:(?:que|algo) (?:tengo|tiene|tenemos|hay|debo|necesito|se necesita|hace falta) (?:que )?(?:llevar|traer)|(?:tengo|hay|debo|necesito) que (?:llevar|traer) (?:algo|mi|mis|el|la|los|las)|(?:como|de que manera) (?:tengo|debo|hay) que (?:ir|venir|llegar)|(?:voy|vengo|llego|ir|venir|llegar|tengo que ir|tengo que venir|debo ir|debo venir) con el (?:pelo|cabello) (?:lavado|limpio|sucio|seco|mojado|suelto)|(?:me )?(?:lavo|tengo que lavar|debo lavar|hay que lavar) el (?:pelo|cabello) antes|(?:sin|con) (?:maquillaje|esmalte|las unas pintadas) (?:o |puesto|puesta|antes)|preparar(?:me)? (?:para|antes)|what (?:should|do|must) (?:i|we) (?:need to )?bring|(?:should|do|must) (?:i|we) (?:need to )?(?:bring|come with|wash my hair|arrive with|shave)|come with (?:clean|washed|dirty|dry|wet) hair|how (?:should|do) (?:i|we) prepare|anything (?:i|we) (?:need|have|should) to bring|need to bring anything)\b/;

/** How early to come: "¿cuánto tiempo antes tengo que llegar?", "how early should I arrive?". */
const ARRIVAL_ASKED =
  /\b(?:(?:cuanto tiempo|cuantos minutos|con cuanto tiempo|con cuanta anticipacion) (?:de anticipacion |antes )?(?:tengo|debo|hay|necesito|tenemos|debemos) que (?:llegar|estar|venir)|(?:tengo|debo|hay|tenemos) que llegar (?:antes|temprano|con tiempo)|llego (?:antes|temprano)|how (?:early|long before|many minutes before) (?:should|do|must|can) (?:i|we) (?:arrive|get there|come|be there)|(?:should|do) (?:i|we) (?:arrive|come|get there) early)\b/;

/**
 * Coming without a booking: "do you take walk-ins?", "can I just walk in?", "¿puedo llegar sin cita?",
 * "¿atienden sin reservar?". Not written by the studio: said so, with today's free times offered.
 */
const WALK_IN =
  /\b(?:walk ?ins?|walk in|drop ins?|without (?:an |a )?(?:appointment|booking|reservation)|(?:just|can i|can we) (?:walk|drop|come|show) (?:in|by|up)|(?:no|don t|dont) (?:need|have) (?:an |a )?(?:appointment|booking)|sin (?:cita|reserva|reservar|reservacion|agendar|turno)|(?:hay|tengo|tiene) que (?:hacer |sacar |pedir |coger )?(?:cita|reserva|turno)|(?:llegar|ir|pasar|caer) (?:directo|asi nomas|de una))\b/;

/** A clock time said: "at 10", "a las 3", "10am", "3:30". */
const AT_A_TIME = /\b(?:at|a las?|para las?) \d{1,2}\b|\b\d{1,2} ?(?:am|pm)\b|\b\d{1,2}:\d\d\b/;

/** A gift card or a service given as a present: "¿venden tarjetas de regalo?", "do you have gift cards?", "quiero regalarle un masaje a mi mamá". */
const GIFT_CARD =
  /\b(?:tarjetas? (?:de )?regalo|gift ?cards?|gift certificates?|gift vouchers?|certificados? (?:de )?regalo|bonos? (?:de )?regalo|vales? (?:de )?regalo|giftcards?|regalar(?:le|les)? (?:un|una) (?:servicio|cita|paquete|masaje|facial|dia de spa|manicure|pedicure)|(?:give|gift) (?:a|an|my \w+ a|my \w+ an) (?:massage|facial|spa day|service|manicure|treatment) as a (?:gift|present))\b/;
/** The studio coming to the customer: "¿hacen uñas a domicilio?", "¿pueden venir a mi casa?", "do you do house calls?". */
const HOME_SERVICE =
  /\b(?:a domicilio|(?:vienen|van|venir|ir|pasan|pasar|llegan|llegar|vayan|vengan|viene|va) (?:hasta )?(?:a |para )?(?:mi|la|tu|su|nuestra) casa|(?:en|desde) (?:mi|la) casa (?:de (?:la )?(?:clienta|cliente))|home (?:service|services|visits?)|house ?calls?|mobile (?:service|nails|makeup)|(?:come|go|travel) to (?:my|the|your|our) (?:home|house|place|hotel)|at (?:my|your) (?:home|house|place)|in[ -]home)\b/;
/** Whether prices carry the tax: "¿el precio incluye ITBIS?", "do prices include tax?", "is that plus tax?". */
const TAX = /\b(?:itbis|impuestos?|iva|tax|taxes|vat)\b/;

/** The place fact a message asks about ("¿tienen parqueo?" → parking), or null. */
export function studioFactAsked(text: string): StudioFactKey | null {
  const f = words(text);
  if (f === '') return null;
  if (DEPOSIT_ASKED.test(f)) return 'deposit';
  if (GIFT_CARD.test(f)) return 'giftcard';
  if (TAX.test(f)) return 'tax';
  if (HOME_SERVICE.test(f)) return 'homeservice';
  if (ARRIVAL_ASKED.test(f)) return 'arrival';
  if (PREP_ASKED.test(f)) return 'prep';
  // "do you speak English?": the chat's languages, never a person asked for on the word "speak".
  if (asksLanguage(text)) return 'languages';
  if (WALK_IN.test(f) && !AT_A_TIME.test(f)) return 'walkin'; // "can I come in on monday at 10?" books that time
  if (MAY_COME.test(f) && (!SERVICE_FOR.test(f) || BRING.test(f))) {
    if (CHILDREN.test(f)) return 'children';
    if (PETS.test(f)) return 'pets';
  }
  const fact = storeFactsAsked(text).find((k) => PLACE_FACTS.has(k));
  return (fact as StudioFactKey | undefined) ?? null;
}

/** What is owed: "¿cuánto debo?", "how much do I owe?", "¿qué tengo pendiente (de pago)?", "mi balance", "¿ya está pagada mi cita?". */
const OWED =
  /\b(?:cuanto (?:le |les )?(?:debo|debemos|adeudo|tengo (?:que pagar|pendiente)|me falta (?:por )?pagar|me queda (?:por )?pagar)|(?:que|lo que) (?:le |les )?(?:debo|debemos|adeudo)|tengo (?:algo |algun pago |alguna deuda |deuda |saldo |balance )?(?:pendiente|pendientes)|(?:que|algo) (?:tengo )?pendiente de pago|(?:tengo|hay) (?:algo |algun monto )?(?:por|sin) pagar|(?:mi|el) (?:balance|saldo)|(?:debo|adeudo) algo|le debo algo|ya (?:esta|estan|quedo|quedaron) pagad[oa]s?|how much (?:do i|do we) owe|what do i owe|do i owe|what (?:do i|i) still (?:have to|need to) pay|(?:my|the) (?:balance|outstanding)|anything (?:outstanding|pending|due|to pay)|amount due|is (?:it|my appointment|my booking) paid)\b/;
/** Paying now, not asking what is owed: "quiero pagar lo que debo", "I want to pay what I owe". */
const PAYS_NOW = /\b(?:quiero|quisiera|voy a|vengo a|deseo|necesito|i want to|i d like to|i would like to|let me)\s+(?:\w+\s+)?(?:pagar|saldar|abonar|pay|settle)\b|\b(?:link|enlace)\b/;

/** Whether a message asks what the customer owes (their bookings' payment), not how to pay. */
export function asksWhatIsOwed(text: string): boolean {
  const f = words(text);
  return OWED.test(f) && !PAYS_NOW.test(f);
}

/** A booking code said alone or nearly ("BV-1001", "mi cita BV 1001", "my booking code is bv1001?"), upper-cased with its dash; null when none. */
export function bookingCodeSaid(text: string): string | null {
  // Two letters then the digits: with a dash ("bv-1001"), written together ("bv1001") or in capitals ("BV 1001"), so "no 1234" is no code.
  const m = /^\s*(?:(?:mi|my|the|la|el|de|of|is|es|booking|appointment|cita|reserva|code|c[oó]digo|number|n[uú]mero)\s*:?\s+){0,5}(?:([a-z]{2})\s*-\s*|([a-z]{2})|([A-Z]{2})\s+)(\d{3,6})\s*[?.!]*\s*$/i.exec(text);
  if (!m) return null;
  const letters = m[1] ?? m[2] ?? m[3];
  if (letters === undefined || (m[3] !== undefined && m[3] !== m[3].toUpperCase())) return null;
  return `${letters.toUpperCase()}-${m[4]}`;
}

/** A number of four digits or more said with nothing else ("859650", "#4471"): what it is for is not said. */
export function onlyANumber(text: string): boolean {
  return /^\s*[#nº°]*\s*\d[\d\s.-]{2,}\d\s*[?.!]*\s*$/i.test(text);
}

/**
 * Trouble with a service the customer got, told as such: "el tinte me quedó horrible", "se me
 * cayeron las uñas", "quiero poner una queja", "my manicure already chipped", "not happy with my
 * haircut". The studio has no label of its own for it; the complaint behaviour hands it to a person
 * with an apology, never a booking started for the service named.
 */
const SERVICE_TROUBLE =
  /\b(?:queja|quejas|quejarme|quejarnos|me quiero quejar|reclamo|reclamacion|reclamar|(?:me |lo |la |los |las |nos )?(?:quedo|quedaron|dejo|dejaron|salio|salieron) (?:muy |bien |super |todo |toda )?(?:horrible|horribles|mal|fatal|feo|fea|feisimo|feisima|malisimo|disparejo|dispareja|chueco|chueca|torcido|torcida|verde|naranja|anaranjado|manchado|manchada)|me (?:quemaron|quemo|arruinaron|arruino|danaron|dano|estropearon|maltrataron|cortaron (?:de mas|demasiado|mucho))|se me (?:cayo|cayeron|despego|despegaron|levanto|levantaron|partio|partieron|rompio|rompieron|salto|saltaron|esta(?:n)? (?:cayendo|despegando|levantando|pelando))|no (?:me gusto|me gustaron|quede (?:contenta|contento|conforme|satisfecha)|estoy (?:contenta|contento|conforme|satisfecha)|quedamos conformes)|estoy (?:muy )?(?:molesta|molesto|disgustada|disgustado|decepcionada|decepcionado)|(?:mal|pesimo|terrible|malisimo) servicio|me (?:trataron|atendieron) mal|complain|complaint|not happy|unhappy|not satisfied|disappointed|ruined|botched|messed up|(?:burned|burnt|damaged) my|(?:already )?(?:chipped|chipping|lifted|lifting|peeled|peeling|came off|fell off|falling off)|(?:looks?|looked|turned out|came out) (?:really |so |very )?(?:terrible|awful|horrible|bad|uneven|green|orange|patchy)|(?:bad|terrible|awful|rude) (?:service|experience|staff))\b/;

/** Whether a message tells of trouble with a service received (a complaint), not asks about one. */
export function tellsServiceTrouble(text: string): boolean {
  return SERVICE_TROUBLE.test(words(text));
}

/** The cheapest or dearest service asked: "¿cuál es el servicio más barato?", "what's your cheapest service?", "lo más económico". */
const PRICE_END = /\b(?:mas (?:barat[oa]s?|economic[oa]s?|car[oa]s?)|menos car[oa]s?|cheapest|least expensive|most expensive|priciest)\b/;

/** Whether a message asks which service is the cheapest (or the dearest). */
export function asksPriceEnd(text: string): boolean {
  return PRICE_END.test(words(text));
}

/** A man to be attended: "¿cortan pelo de *hombre*?", "do you do *men's* haircuts?", "un corte para mi *esposo*". */
const MEN = /\b(?:hombres?|caballeros?|varon(?:es)?|senores|esposo|marido|men|mens|man|male|gentlemen|husband|barber|barberia|barbershop)\b/;
const HAIR = /\b(?:corte|cortes|cortan|cortar|cortarse|recorte|recortan|pelo|cabello|barba|haircuts?|hair|cuts?|beard|trim)\b/;

/** Whether a message asks about a man's haircut (the studio's services may not say whether men are attended). */
export function asksMensHaircut(text: string): boolean {
  const w = words(text);
  return MEN.test(w) && HAIR.test(w);
}

/** A child to be attended: "¿cortan pelo de *niño*?", "do you cut *kids'* hair?", "un recorte pa mi *nene*". */
const KIDS = /\b(?:ninos?|ninas?|nenes?|nenas?|bebes?|muchachit[oa]s?|chiquit[oa]s?|carajit[oa]s?|menores|infantil(?:es)?|kids?|children|childrens|child|boys?|toddlers?|little ones?)\b/;

/** Whether a message asks about a child's haircut (the services do not say whether children are attended, nor at what price). */
export function asksKidsHaircut(text: string): boolean {
  const w = words(text);
  return KIDS.test(w) && HAIR.test(w);
}

/**
 * Everything in one day or visit: "¿se puede hacer todo el mismo día?", "¿en una sola visita?", "can I do it all in one day?".
 * "Una cita" alone is one booking ("una cita pa cejas el domingo"), never the same-day question.
 */
const SAME_DAY = /\b(?:(?:el|en el|ese|en ese) mismo dia|en (?:un|1) (?:solo |mismo )?dia|(?:en |de )una (?:sola |misma )?(?:visita|cita|sentada|tanda|vez)|una (?:sola|misma) (?:visita|cita|sentada|tanda|vez)|de un tiron|same day|(?:in|on) (?:one|a single|the same|1) (?:day|visit|sitting|appointment|go)|(?:a single|the same) (?:day|visit|sitting|appointment)|all at once)\b/;

/** Whether a message asks if things can be done in one day or visit (a package's services, two services). */
export function asksSameDay(text: string): boolean {
  return SAME_DAY.test(words(text));
}

/** The message's words without its "el mismo día" (whose "día" is no "Día de Spa"), folded and spaced. */
export function withoutSameDay(text: string): string {
  return ` ${words(text).replace(new RegExp(SAME_DAY.source, 'g'), ' ').replace(/\s+/g, ' ').trim()} `;
}

/**
 * A plan of visits named by how often it comes: "el facial *mensual*", "the *monthly* facial", "una
 * *membresía*". A clerk hears a package (the studio's packages are named so: "Facial mensual (3
 * sesiones)"), never one visit to book.
 */
const PLAN = /\b(?:mensual|mensuales|semanal|semanales|quincenal|monthly|weekly|membresia|membresias|membership|memberships|suscripcion|subscription)\b/;

/** Whether a message names a plan of visits (a package), not one service. */
export function namesAPlan(text: string): boolean {
  return PLAN.test(words(text));
}

/**
 * Whether anyone there does a service: "is there someone who does eyebrows?", "hay alguien que haga
 * cejas?", "does anyone do braids?". The person asked about is the one who does the service, never a
 * person asked to talk to.
 */
const WHO_DOES =
  /\b(?:(?:is there|are there|do you have|have you got|you got|hay|tienen|tiene|habra|hay por ahi)\s+(?:someone|somebody|anyone|anybody|a person|people|staff|alguien|una persona|alguna persona|gente|quien|quienes)\s+(?:who|that|to|que|pa|para)\s+(?:\w+\s+)?(?:does|do|did|can do|could do|haga|hagan|hace|hacen|pueda|puedan|sepa|sepan|arregle|arreglen)|(?:does|do|can|could)\s+(?:anyone|anybody|someone|somebody|one of you|any of you)\s+(?:there\s+)?(?:do|does|work on)|(?:alguien|quien)\s+(?:ahi\s+|alla\s+)?(?:que\s+)?(?:me\s+|nos\s+|le\s+)?(?:haga|hace|hacen|sepa hacer)|who (?:does|do|can do)|con quien (?:me |nos )?(?:recomienda\w*|sugiere\w*|aconseja\w*)|who (?:do you |would you )?(?:recommend|suggest)|(?:quien es (?:la |el )?mejor|quienes son (?:las |los )?mejores|who s the best|who is the best|whos the best|who is good) (?:para|en|con|haciendo|for|at|with|doing))\b/;

/** Whether a message asks if someone there does a service (the services answer), not for a person to talk to. */
export function asksWhoDoesService(text: string): boolean {
  return WHO_DOES.test(words(text));
}

/**
 * What a service is done with, asked: "what nail polish colors do you have?", "¿qué marca de tinte usan?",
 * "do you have red nail polish?". The services answer says the list is not at hand, with that kind's services.
 */
const GOODS_OF_SERVICE =
  /\b(?:(?:que|cuales|what|which) (?:colou?rs?|colores|tonos|shades|marcas?|brands?|productos?|products?)|(?:colou?rs|colores|tonos|shades|marcas?|brands?|productos|products) (?:de |del |of |for )?(?:\w+ )?(?:esmaltes?|polish|unas|nails?|tintes?|dye|pelo|cabello|hair|maquillaje|makeup|keratina|keratin|gel|gelish|acrilic\w*|acrylics?|cera|wax)|(?:esmaltes?|polish) (?:\w+ )?(?:colou?rs?|colores|tonos|shades|marcas?|brands?)|(?:red|pink|nude|black|white|rojo|rosado|rosa|negro|blanco|nude) (?:nail )?polish|esmaltes? (?:rojo|rosado|rosa|negro|blanco|nude|rojos|rosados))\b/;

/** Whether a message asks about the goods a service is done with (colours, brands, products). */
export function asksGoodsOfService(text: string): boolean {
  return GOODS_OF_SERVICE.test(words(text));
}

/**
 * Wanting to know first, not booking yet: "me caso en marzo y quisiera saber qué tienen para la novia",
 * "I'd like to know your prices for a bride". With no day or time said, the services answer it —
 * never "¿Qué servicio te gustaría reservar?" on the word "quisiera".
 */
const WANTS_TO_KNOW = /\b(?:(?:quiero|quisiera|queria|me gustaria|deseo|necesito|queriamos) (?:saber|conocer|averiguar|informacion|info|informarme|ver (?:que|los precios|precios|opciones))|(?:want|like|wanted|would like|d like|love) to (?:know|find out|see (?:what|your prices|prices))|(?:just )?(?:asking|wondering) (?:about|what|how much))\b/;
const DAY_OR_TIME = /\b(?:hoy|manana|pasado manana|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|today|tomorrow|tonight|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|a las? \d|at \d|\d{1,2} ?(?:am|pm)|\d{1,2}:\d\d|esta semana|this week|next week|la semana que viene|proxima semana|horas?|horarios?|turnos?|cupos?|espacio|disponib\w*|availab\w*|free times?|slots?)\b/;

/** Whether a message only wants to know (prices, what there is), with no day or time to book. */
export function wantsToKnowFirst(text: string): boolean {
  const w = words(text);
  return WANTS_TO_KNOW.test(w) && !DAY_OR_TIME.test(w);
}

/** Whether dollars (or euros) are taken: "do you take dollars?", "¿aceptan dólares?", "can I pay in USD?". */
const TAKES_CURRENCY =
  /\b(?:aceptan|acepta|toman|coge|cogen|reciben|recibe|agarran|se puede pagar|puedo pagar|pago|pagar|take|takes|accept|accepts|pay|paying)\b(?: \w+){0,3} (?:en )?(?:(?:us|u s|american) )?(?:dolares|dolar|dollars?|usd|verdes|euros?)\b/;

/** A price asked in another currency, the rate, or whether it is taken: the studio's prices are in pesos (`studio-currency.ts`). */
export function asksCurrency(text: string): boolean {
  return asksPriceInCurrency(text) || TAKES_CURRENCY.test(words(text));
}

const HELP_WORDS = /\b(?:ayuda|ayudar|ayudame|ayudas|ayudan|help|informacion|info|options|opciones|menu)\b/;

/**
 * "necesito ayuda", "help", "hola, me puedes ayudar?": greeting words to the hardware store (a
 * greeting that asks how to help), but a tenant with its own help label (informational, answered by
 * a template, no data source: the studio's menu of what the chat does) trained on them reads them as
 * that label when its classifier puts it first — the menu, not "¡Hola! Bienvenida".
 */
export function asksForHelpMenu(intents: IntentSet, ranking: readonly IntentScore[], text: string): boolean {
  const top = ranking[0];
  // "hola, me pueden atender?" greets and waits to be attended: help must be asked in so many words.
  if (top === undefined || top.confidence < MIN_INTENT_CONFIDENCE || !HELP_WORDS.test(words(text))) return false;
  return intents.intents.some((i) => i.label === (top.label ?? top.name) && i.kind === 'informational' && i.answer !== undefined && !('source' in i.answer));
}

/**
 * "hola, necesito ayuda", "buenas, me pueden ayudar?": the help asked after the greeting (the words
 * after it, to be read alone), for a tenant with a help label; null otherwise or when none is asked.
 */
export function helpAfterGreeting(intents: IntentSet, text: string): string | null {
  if (!intents.intents.some((i) => i.kind === 'informational' && i.answer !== undefined && !('source' in i.answer))) return null;
  const parts = text.trim().split(/\s+/);
  if (parts.length > 12) return null;
  for (let cut = 1; cut < parts.length; cut++) {
    if (!isOnlyGreeting(parts.slice(0, cut).join(' '))) return null;
    const rest = parts.slice(cut).join(' ');
    if (isOnlyGreeting(rest) && HELP_WORDS.test(words(rest)) && !HELP_WORDS.test(words(parts.slice(0, cut).join(' ')))) return rest;
  }
  return null;
}

/** A pronoun for the booking on a verb that ends it: "cancélala", "mejor anúlala", "bórramela" (la cita, la reserva). */
const ENDS_THE_BOOKING = /\b(?:cancel|anul|borr|elimin|quit)[a-z]*?(?:mela|melas|la|las)\b/;

/**
 * "mejor cancélala" with nothing awaited, read surely as a workflow (the studio's cancellation): the
 * pronoun stands for the booking just talked about (a move refused, a booking shown), so it is that
 * workflow asked — not the matter let go ("¡Perfecto! ¿Algo más?"). A form in progress is still
 * dropped by the machine, which reads the letting go itself.
 */
export function endsTheBooking(intents: IntentSet, intent: IntentScore, nothingAwaited: boolean, text: string): boolean {
  return nothingAwaited && intent.confidence >= HANDOFF_CONFIDENCE && intents.intents.some((i) => i.label === (intent.label ?? intent.name) && i.kind === 'workflow') && ENDS_THE_BOOKING.test(words(text));
}

/** What the customer paid or spent before: "¿cuánto pagué por la keratina?", "¿cuánto me cobraron la vez pasada?", "how much did I pay last time?". */
const PAID_BEFORE = /\b(?:cuanto (?:fue lo que )?(?:pague|pagamos|gaste|gastamos|me cobraron|nos cobraron|me costo|me salio)|how much (?:did i|have i|i) (?:pay|paid|spend|spent)|what did i pay)\b/;

/** Whether a message asks what the customer paid before (the history), not a price today. */
export function asksWhatWasPaid(text: string): boolean {
  return PAID_BEFORE.test(words(text));
}

/** Whether the customer is booked: "do I have an appointment on saturday?", "¿tengo cita el sábado?", "am I booked for friday?". */
const BOOKED_ASKED = /^(?:(?:hola|hi|hello|buenas|hey|oye|disculpa|sorry|y|and|so|entonces|ok)\s+)*(?:do i (?:still )?have (?:an? |any |my )?(?:appointment|booking|reservation)s?|have i got (?:an? )?(?:appointment|booking)|am i (?:booked|scheduled|down)|(?:yo )?(?:tengo|tenia) (?:una |alguna |mi )?(?:cita|reserva|turno)|estoy (?:agendad[oa]|anotad[oa]|reservad[oa]|en (?:la )?agenda))\b/;

/** Whether a message asks if the customer has a booking (their bookings), not for a new one. */
export function asksIfBooked(text: string): boolean {
  return BOOKED_ASKED.test(words(text));
}

/** Sessions left on a package bought: "¿cuántos manicures me quedan del paquete?", "how many sessions do I have left?". */
const LEFT_OF_PACKAGE = /\b(?:cuant[oa]s? (?:\w+ )?(?:me|nos) quedan?|(?:me|nos) quedan? (?:\w+ )?(?:sesiones|visitas|manicures?|pedicures?|faciales|masajes)|how many (?:\w+ )?(?:do i have |have i got |are |i have )?(?:left|remaining)|(?:sessions|visits) (?:i have )?(?:left|remaining))\b/;

/** Whether a message asks what is left of a package the customer bought (the history). */
export function asksWhatIsLeft(text: string): boolean {
  return LEFT_OF_PACKAGE.test(words(text));
}

/**
 * One person's days asked: "¿Rosanna trabaja el lunes?", "¿qué días viene Yokasta?", "does Leidy work on
 * mondays?". Singular, so "¿trabajan los domingos?" stays the studio's hours; the services answer
 * tells the person named (the backend's staff), or goes on as usual when none is.
 */
const ONE_WORKS =
  /\b(?:(?:que dias?|cuando|hasta que hora|a que hora) (?:trabaja|viene|atiende|esta)|\b(?!(?:estudio|salon|ustedes|uds|usted|quien|alguien|nadie|se|que|tambien)\b)[a-z]+ (?:trabaja|atiende|viene) (?:el|los|hoy|manana|este|esta|mañana)|(?:does|is) (?!(?:the|it|there|this|that|she|he|anyone|anybody|someone|somebody)\b)[a-z]+ (?:work|working|in|available|free|around)\b|(?:esta|estara) (?!(?:el|la|abierto|abierta|disponible|libre|cerrado|cerrada|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|sabados|domingo|domingos|semana|horario|todo|algo|local|sitio|lugar)\b)[a-z]+ (?:disponible|libre) (?:el|los|hoy|manana|este|esta)|\b(?!(?:estudio|salon|ustedes|uds|usted|quien|alguien|nadie|se|que|tambien|el|ella|eso|esa|ese|cita|hora|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|sabados|domingo|domingos|semana|horario|todo|algo|local|sitio|lugar)\b)[a-z]+ (?:esta|estara) (?:disponible|libre) (?:el|los|hoy|manana|este|esta)|what days does [a-z]+ work|when does [a-z]+ work|(?:does|can) (?!(?:the|it|there|this|that|she|he|anyone|anybody|someone|somebody|you|your|one|any)\b)[a-z]{3,} (?:do|does)\b|^(?:y |oye |disculpa |hola |buenas |buenos dias |buenas tardes )?(?!(?:quien|que|como|cuanto|donde|cuando|alguien|nadie|eso|esto|ella|usted|ustedes|keratina|tinte|masaje|hola|buenas|buenos|saludos|oiga|mira|disculpe|disculpa|perdon|senora|senor|senorita|joven|amiga|mami|mija|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|sabados|domingo|domingos|semana|horario|todo|algo|local|sitio|lugar)\b)[a-z]{4,} (?:hace|sabe hacer|hara) (?:el|la|los|las|un|una|unas|unos) (?!favor\b))\b/;

/** Whether a message asks when one person of the studio works (the services answer, with the staff). */
export function asksWhenOneWorks(text: string): boolean {
  return ONE_WORKS.test(words(text));
}

/** A request said beside a question ("quiero un corte mañana, ¿tienen parqueo?"). */
const REQUESTS = /\b(?:quiero|quisiera|necesito|me gustaria|deseo|agendame|reservame|apartame|ponme|i want|i d like|i would like|i need|book me|can i get|can i book)\b/;

type Answered = 'hours' | 'bookings' | 'services' | 'history';

/** The reading a studio's rules give `text`, else the classifier's `intent` unchanged. */
export function studioReading(intents: IntentSet, ranking: readonly IntentScore[], intent: IntentScore, text: string, workflows?: WorkflowSet | null): IntentScore {
  const labelOf = (source: Answered): string | null => intents.intents.find((i) => i.answer !== undefined && 'source' in i.answer && i.answer.source === source)?.label ?? null;
  const to = (source: Answered): IntentScore => {
    const label = labelOf(source);
    return label === null ? intent : intents.score(label, Math.max(STUDIO_RULE_CONFIDENCE, intent.label === label ? intent.confidence : 0));
  };
  const sureHandoff = (intent.name === 'human_agent' || intent.name === 'complaint') && intent.confidence >= HANDOFF_CONFIDENCE;
  // "do you do tattoos?", "¿hacen tatuajes?": only when the classifier is unsure (a thing it never saw leaves every label low).
  // "do you do lash extensions?" read as the help menu (an informational label answered by a template, no source) is the same question.
  const helpLabel = intents.intents.some((i) => i.label === intent.label && i.kind === 'informational' && i.answer !== undefined && !('source' in i.answer));
  if (((ranking[0]?.confidence ?? 0) < MIN_INTENT_CONFIDENCE || helpLabel) && asksWhatIsOffered(text) && studioFactAsked(text) === null && !asksServiceOnADay(text)) return labelOf('services') === null ? intent : intents.score(labelOf('services')!, STUDIO_RULE_CONFIDENCE);
  // "is there someone who does eyebrows on sunday?": the service (and that day) answered, never a person offered on "someone".
  if (asksWhoDoesService(text) && !tellsServiceTrouble(text) && studioFactAsked(text) === null) return to('services');
  if (sureHandoff) return intent;
  // "el tinte me quedó horrible": a complaint, handed to a person with an apology — never a booking for the service named.
  if (tellsServiceTrouble(text)) return { name: 'complaint', confidence: Math.max(HANDOFF_CONFIDENCE, intent.name === 'complaint' ? intent.confidence : 0) };
  // "quiero un corte mañana a las 10, ¿tienen parqueo?": a sure request for a workflow (the booking) keeps it; a deposit asked is the question.
  const fact = studioFactAsked(text);
  const sureWorkflow = intent.confidence >= HANDOFF_CONFIDENCE && intents.intents.some((i) => i.label === intent.label && i.kind === 'workflow') && REQUESTS.test(words(text).replace(PREP_ASKED, ' ')); // "do I *need* to bring anything?" is no request
  if ((fact !== null && (fact === 'deposit' || !sureWorkflow)) || (asksDirections(text) && !sureWorkflow)) return to('hours');
  if (asksWhatIsOwed(text) || bookingCodeSaid(text) !== null || onlyANumber(text)) return to('bookings');
  // "can my daughter and I both get our nails done at the same time?": a group to book, read by no
  // label surely — the workflow the classifier ranks first books them (one after the other, a person
  // for the same time), never the help menu.
  const group = groupSize(text) !== null && intent.confidence < MIN_INTENT_CONFIDENCE && fact === null ? ranking.find((r) => intents.intents.some((i) => i.label === (r.label ?? r.name) && i.kind === 'workflow')) : undefined;
  if (group) return intents.score(group.label ?? group.name, STUDIO_RULE_CONFIDENCE);
  // "I want a massage on Wednesday", "quiero un masaje el miércoles": a service wanted on a day is the tenant's booking (its plain booking workflow's label), never the price list.
  const bookingLabel = asksServiceOnADay(text) && fact === null && !sureWorkflow ? (workflows ? bookingWorkflow(workflows)?.triggers[0] : undefined) : undefined;
  if (bookingLabel !== undefined && intents.labels.includes(bookingLabel)) return intents.score(bookingLabel, Math.max(STUDIO_RULE_CONFIDENCE, intent.label === bookingLabel ? intent.confidence : 0));
  // "¿quién es Carlos?", "tell me about Wendy": that person (the services answer reads the staff), never "no te entendí" nor the menu.
  if (asksWhoSomeoneIs(text) && !sureWorkflow && fact === null) return to('services');
  // "¿cuál es la diferencia entre los dos faciales?", "¿qué me recomiendan?": the services compared, never the menu.
  if (comparesServices(text) && !sureWorkflow && fact === null && !sureHandoff) return to('services');
  // "¿cortan pelo de hombre?", "do you cut kids' hair?": the haircut's price and who confirms men are attended — never the help menu.
  if ((asksMensHaircut(text) || asksKidsHaircut(text)) && !sureWorkflow) return to('services');
  // "¿se puede hacer todo el mismo día?" after a package: the package's day answered, never the help menu nor a goodbye.
  if (asksSameDay(text) && !sureWorkflow) return to('services');
  // "how much is a haircut in USD?", "do you take dollars?": pesos, no rate made up, the ways of paying — never the list.
  if (asksCurrency(text) && !sureWorkflow) return to('services');
  // "el facial mensual": the monthly package told, never a facial's booking started.
  if (namesAPlan(text) && !sureWorkflow) return to('services');
  // "quisiera saber qué tienen para la novia": what there is and its prices, not a booking started on "quisiera".
  if (wantsToKnowFirst(text) && (intents.intents.some((i) => i.label === intent.label && i.kind === 'workflow') || intent.confidence < MIN_INTENT_CONFIDENCE) && fact === null && !sureHandoff) return to('services');
  // "¿Rosanna trabaja el lunes?": that person's days (the services answer reads the staff), never a booking nor the menu.
  if (asksWhenOneWorks(text) && !sureWorkflow && fact === null) return to('services');
  // "do I have an appointment on saturday?": the customer's bookings looked up, never a new booking on "saturday".
  if (asksIfBooked(text) && !REQUESTS.test(words(text))) return to('bookings');
  // "¿cuántos manicures me quedan del paquete?": what is left of the package bought, never the package list.
  if (asksWhatIsLeft(text) && !sureWorkflow) return to('history');
  // "¿cuánto pagué por la keratina?", "how much did I pay for my highlights?": the customer's own past, never today's price.
  if (asksWhatWasPaid(text) && !sureWorkflow) return to('history');
  // "what nail polish colors do you have?": the goods not listed, said so with that kind's services — never "no te entendí".
  // "¿qué color me pusieron la última vez?" read surely as the history stays the history.
  if (asksGoodsOfService(text) && !sureWorkflow && !(intent.label === labelOf('history') && intent.confidence >= HANDOFF_CONFIDENCE)) return to('services');
  // "¿cuál es el servicio más barato?": the services answer says which, when the classifier is not sure of a workflow.
  if (asksPriceEnd(text) && !sureWorkflow) return to('services');
  return intent;
}
