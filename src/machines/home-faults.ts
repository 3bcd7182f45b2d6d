/**
 * A fault at home told to a hardware store: "la pluma del fregadero gotea", "se tapó el lavamanos",
 * "my toilet is leaking at the base", "se me dispara el breaker". A clerk hears a repair to sell
 * parts for, not a complaint about the store (nothing was bought here) and not a request for the
 * whole fixture (a new toilet for a leak). Read here as a job (`AskedJob`) whose words are the
 * fixture and the fault in one spelling, the one the catalog's `jobs` use ("llave gotea",
 * "inodoro gotea", "fregadero tapado", "breaker dispara"), whatever the customer's words.
 * Pure text rules over the folded message.
 */
import { foldAccents } from '../kernel/fold.js';
import { foldMessage as fold } from './count-words.js';

type Fixture = 'llave' | 'fregadero' | 'lavamanos' | 'inodoro' | 'ducha' | 'tubo' | 'breaker' | 'tomacorriente' | 'interruptor' | 'bombillo' | 'cerradura' | 'puerta';
type Fault = 'gotea' | 'tapado' | 'corriendo' | 'dispara' | 'danado';

/** The fixtures, by every everyday name (folded). "llave inglesa" is a tool, "tubo LED" a lamp. */
const FIXTURES: readonly [Fixture, RegExp][] = [
  ['llave', /\b(?:llaves?(?!\s+(?:inglesa|ajustable|de\s+tubo|de\s+paso|allen|stilson|de\s+la\s+casa|de\s+casa))|plumas?|grifos?|mezcladoras?|faucets?|taps?)\b/],
  ['fregadero', /\b(?:fregaderos?|kitchen\s+sink|kitchen)\b/],
  ['lavamanos', /\b(?:lavamanos|lavabos?|lava\s+manos|bathroom\s+sinks?|washbasin|basin|sinks?)\b/],
  ['inodoro', /\b(?:inodoros?|toilets?|sanitarios?|taza\s+del\s+bano|cisterna|tanque\s+del\s+(?:inodoro|bano)|el\s+water)\b/],
  ['ducha', /\b(?:duchas?|regaderas?|showers?|showerheads?)\b/],
  ['tubo', /\b(?:tubos?(?!\s+(?:de\s+luz|led|fluorescente))|tuberias?|canos?|pipes?|piping)\b/],
  ['breaker', /\b(?:breakers?|brequers?|brekers?|disyuntor(?:es)?|circuit\s+breakers?)\b/],
  ['tomacorriente', /\b(?:enchufes?|tomacorrientes?|tomas?\s+(?:de\s+)?corriente|(?:la|el|una|un|las|los)\s+tomas?|outlets?|receptacles?|sockets?)\b/],
  ['interruptor', /\b(?:suiches?|suich|switch(?:es)?|interruptor(?:es)?|apagador(?:es)?)\b/],
  ['bombillo', /\b(?:bombillos?|bombillas?|focos?|bulbs?|lightbulbs?|light\s+bulbs?)\b/],
  ['cerradura', /\b(?:cerraduras?|cerrojos?|llavin(?:es)?|pestillos?|pomos?|locks?|door\s*knobs?|deadbolts?)\b/],
  ['puerta', /\b(?:puertas?|porton(?:es)?|doors?|gates?)\b/],
];

/** The faults, by every everyday wording (folded). */
const FAULTS: readonly [Fault, RegExp][] = [
  [
    'corriendo',
    /\b(?:keeps?|sigue|se\s+queda)\s+(?:running|corriendo|llenando|botando\s+agua)|(?:won\s?t|wont|doesn\s?t|does\s+not)\s+stop\s+(?:running|filling)|no\s+(?:para|deja)\s+de\s+(?:llenar|correr|botar)(?:se)?|no\s+corta\b/,
  ],
  [
    'tapado',
    /\b(?:tapad[oa]s?|tapaos?|se\s+(?:me\s+|nos\s+|le\s+)?(?:tapo|taparon|tupio|tupe|tapa)|tupid[oa]s?|clogged|clogs?|blocked|stopped\s+up|backed\s+up|no\s+(?:baja|drena|traga|desagua|corre)(?:\s+el\s+agua)?|(?:won\s?t|doesn\s?t|does\s+not|is\s+not|isn\s?t|not)\s+drain(?:ing)?)\b/,
  ],
  [
    'gotea',
    /\b(?:gote\w*|salideros?|bota(?:ndo)?\s+(?:el\s+)?agua|(?:se\s+)?(?:me\s+|nos\s+)?(?:sale|salio|esta\s+saliendo|sigue\s+saliendo)\s+(?:el\s+)?agua|saliendo\s+agua|pierde\s+agua|perdiendo\s+agua|se\s+(?:me\s+|nos\s+)?(?:sale|salio|esta\s+saliendo)|fugas?|se\s+sale|leak\w*|drip\w*|water\s+(?:is\s+)?(?:coming|comes|came|pouring|running)\s+out|(?:coming|comes)\s+out\s+(?:from\s+)?(?:under|underneath|at|of|from))\b/,
  ],
  // "el breaker no sube", "no quiere subir", "won't reset": a tripped breaker that will not go back on.
  ['dispara', /\b(?:se\s+(?:me\s+|nos\s+|le\s+)?(?:dispara|disparo|disparan|bota|boto|botan|cae|cayo|caen|salta|salto|baja|bajo)|trip\w*|keeps\s+tripping|no\s+(?:me\s+)?(?:quiere\s+)?(?:sube|subir|engancha|enganchar|se\s+queda\s+arriba)|(?:won\s?t|wont|doesn\s?t|does\s+not)\s+(?:reset|stay\s+(?:up|on)))\b/],
  [
    'danado',
    // "la cerradura ta mala", "la puerta no cierra", "the door won't latch": a lock or a door that fails.
    /\b(?:no\s+(?:sirve|funciona|prende|enciende|da\s+(?:luz|corriente)|tiene\s+corriente|hace\s+nada|(?:me\s+|le\s+)?(?:quiere\s+)?(?:cierra|cierran|cerrar|abre|abren|abrir|agarra|engancha|pasa|gira))|(?:esta|estan|ta|tan|is|are)\s+(?:mal[oa]s?|malisim[oa]s?|bad|stuck)|se\s+(?:me\s+|nos\s+|le\s+)?(?:traba|trabo|tranca|tranco|atasca|atasco)|(?:salio|salieron|zafo|safo|cayo|desprendio)\s+de\s+(?:la\s+|las\s+|sus\s+)?bisagras?|arrastra|descuadrad[oa]|(?:won\s?t|wont|doesn\s?t|does\s+not|will\s+not)\s+(?:close|shut|open|lock|latch)|ya\s+no\s+(?:sirve|funciona|prende)|se\s+(?:me\s+|nos\s+|le\s+)?(?:dano|quemo|fundio|rompio|jodio|fue)|quemad[oa]s?|fundid[oa]s?|danad[oa]s?|rot[oa]s?|broken|broke|burnt?\s+out|burned\s+out|blown|not\s+working|(?:doesn\s?t|does\s+not|won\s?t)\s+(?:work|turn\s+on)|stopped\s+working|dead)\b/,
  ],
];

/**
 * Something bought told with the fault ("la llave que les compré gotea", "the new faucet I got here
 * leaks"): trouble with a purchase, the store's to answer for, never a repair to sell parts for.
 */
const BOUGHT_HERE =
  /\b(?:compr\w*|me\s+(?:vendieron|despacharon|entregaron|mandaron|instalaron)|me\s+lo\s+vendieron|les\s+compr\w*|ustedes|uds|nuev[oa]s?|(?:vino|vinieron|llego|llegaron|salio|salieron|came|arrived)\s+(?:asi|ya|roto|rota|rotos|malo|mala|danad\w*|defectuos\w*|partid\w*|quebrad\w*|gote\w*|con\s+(?:un\s+)?salidero|broken|damaged|cracked|like\s+that|leaking|dripping|defective)|defectuos\w*|defective|recien\s+(?:comprad|instalad)\w*|bought|purchased|got\s+(?:it\s+|this\s+|one\s+)?(?:from\s+you|here|there)|from\s+you|you\s+(?:sold|guys)|brand\s+new|new|garantia|warranty|devol\w*|return\w*|refund\w*)\b/;

/** The faults that make sense for a fixture, and how each is said back (es, en). */
const SAID: Readonly<Record<Fixture, Partial<Record<Fault, readonly [string, string]>>>> = {
  llave: { gotea: ['una llave que gotea', 'fix a dripping faucet'], danado: ['cambiar una llave dañada', 'replace a broken faucet'] },
  fregadero: { gotea: ['un salidero en el fregadero', 'fix a leak at the kitchen sink'], tapado: ['un fregadero tapado', 'unclog a kitchen sink'] },
  lavamanos: { gotea: ['un salidero en el lavamanos', 'fix a leak at the sink'], tapado: ['un lavamanos tapado', 'unclog a sink'] },
  inodoro: {
    gotea: ['un inodoro que bota agua', 'fix a leaking toilet'],
    tapado: ['destapar un inodoro', 'unclog a toilet'],
    corriendo: ['un inodoro que no para de llenar', 'fix a toilet that keeps running'],
    danado: ['arreglar un inodoro', 'fix a toilet'],
  },
  ducha: { gotea: ['una ducha que gotea', 'fix a dripping shower'], tapado: ['destapar el desagüe de la ducha', 'unclog a shower drain'], danado: ['cambiar la ducha', 'replace a shower head'] },
  tubo: { gotea: ['un salidero en un tubo', 'fix a leaking pipe'], tapado: ['un tubo tapado', 'unclog a pipe'] },
  breaker: { dispara: ['un breaker que se dispara', 'a breaker that keeps tripping'], danado: ['cambiar un breaker dañado', 'replace a bad breaker'] },
  tomacorriente: { danado: ['cambiar un tomacorriente que no sirve', 'replace an outlet that does not work'] },
  interruptor: { danado: ['cambiar un interruptor que no sirve', 'replace a switch that does not work'] },
  bombillo: { danado: ['cambiar un bombillo fundido', 'replace a burnt-out bulb'] },
  cerradura: { danado: ['cambiar una cerradura dañada', 'replace a broken lock'] },
  puerta: { danado: ['arreglar la puerta', 'fix the door'] },
};

/** Which of two fixtures named is the one at fault: the part before the fixture it belongs to. */
const FAULTY_FIRST: readonly Fixture[] = ['llave', 'tubo', 'ducha', 'inodoro', 'breaker', 'tomacorriente', 'interruptor', 'bombillo', 'cerradura', 'fregadero', 'lavamanos', 'puerta'];
const CLOGGED_FIRST: readonly Fixture[] = ['inodoro', 'fregadero', 'lavamanos', 'ducha', 'tubo'];

/** The fault said after "con" or as "the … leaks at the base": where, for the catalog's words ("debajo", "base"). */
const UNDER = /\b(?:por\s+debajo|debajo|abajo|por\s+abajo|la\s+base|por\s+la\s+base|underneath|under|below|at\s+the\s+base|base)\b/;

/** A job read from a fault, the shape of `AskedJob` (job-questions.ts, which reads faults through here). */
export interface FaultJob {
  said: string;
  full: string;
  verb: string;
  at: number;
  fault: true;
}

export interface HomeFault {
  fixture: Fixture;
  fault: Fault;
  /** The fault happens under the fixture or at its base ("se sale por debajo del inodoro"). */
  under: boolean;
}

/**
 * The fault at home a message tells, or null: a fixture and what is wrong with it, and nothing
 * bought here. "el lavamanos gotea" → lavamanos/gotea; "la llave que les compré gotea" → null (a
 * purchase); "tienen llaves?" → null (no fault).
 *
 * @example
 * readHomeFault('la pluma del fregadero gotea'); // { fixture: 'llave', fault: 'gotea', under: false }
 */
export function readHomeFault(text: string): HomeFault | null {
  return MAY_NAME_FIXTURE.test(foldAccents(text)) ? readsHomeFault(text) : null;
}

/**
 * The cheap check in front of the reading (issue 16): every `FIXTURES` match holds one of these
 * stems, looked for in the accent-folded message every reader shares. No fixture, no fault.
 */
const MAY_NAME_FIXTURE =
  /llave|pluma|grifo|mezcladora|faucet|tap|fregadero|kitchen|lava|sink|basin|inodoro|toilet|sanitario|taza|cisterna|tanque|water|ducha|regadera|shower|tub|cano|pip|breaker|brequer|breker|disyuntor|enchufe|toma|outlet|receptacle|socket|suich|switch|interruptor|apagador|bombill|foco|bulb|cerradur|cerrojo|llavin|pestillo|pomo|lock|knob|puerta|porton|door|gate/i;

/** The full reading, behind `MAY_NAME_FIXTURE` (exported for the pre-check test). */
export function readsHomeFault(text: string): HomeFault | null {
  const t = fold(text).replace(/['’]/g, '');
  const faults = FAULTS.filter(([, re]) => re.test(t)).map(([name]) => name);
  if (faults.length === 0 || BOUGHT_HERE.test(t)) return null;
  const named = FIXTURES.filter(([, re]) => re.test(t)).map(([name]) => name);
  if (named.length === 0) return null;
  // The first fault a fixture named can have: "la puerta se salió de la bisagra" is no leak ("se salió") but a door off its hinge.
  for (const fault of faults) {
    // "la llave del fregadero gotea": the faucet drips (the sink says which one); "el tubo de abajo del
    // lavamanos": the pipe; "se tapó el tubo del fregadero": the sink is what is clogged.
    const order = fault === 'tapado' ? CLOGGED_FIRST : FAULTY_FIRST;
    const fixture = order.find((n) => named.includes(n) && SAID[n][fault] !== undefined);
    if (fixture !== undefined) return { fixture, fault, under: UNDER.test(t) };
  }
  return null;
}

/**
 * The fault as a job for the catalog's `jobs` (`forJob`): said back in the customer's language,
 * its words the catalog's spelling ("llave fregadero gotea", "inodoro gotea debajo").
 */
export function homeFaultJob(text: string, langSaid?: 'es' | 'en'): FaultJob | null {
  const fault = readHomeFault(text);
  // A burnt-out bulb, a dead outlet, a breaker that trips: the part is the thing itself, asked like
  // any product (its sizes and prices), not a job. A door that will not close or a bad lock is a job
  // of several parts (the lock, a deadbolt, the hinges), and the door is never the thing asked for.
  if (fault === null || fault.fault === 'dispara' || (fault.fault === 'danado' && fault.fixture !== 'puerta' && fault.fixture !== 'cerradura')) return null;
  const said = SAID[fault.fixture][fault.fault] as readonly [string, string];
  const t = fold(text);
  // The language only once a fault is read (it was worked out on every call, fault or not).
  const lang = langSaid ?? (/[a-z]/.test(text) && ENGLISH.test(t) ? 'en' : 'es');
  // The other fixture said names which one ("la llave del fregadero" → "llave fregadero").
  const others = FIXTURES.filter(([name, re]) => name !== fault.fixture && re.test(t)).map(([name]) => name);
  const words = [fault.fixture, ...others, fault.fault, ...(fault.under ? ['debajo'] : [])];
  return { said: lang === 'en' ? said[1] : said[0], full: words.join(' '), verb: lang === 'en' ? 'fix' : 'arreglar', at: 0, fault: true };
}

/** "¿qué necesito pa arreglarlo?", "how do I fix it?", "what do I need to fix it?": the fault just told, asked about again. */
const FIX_IT =
  /\b(?:(?:arregl|repar|compon|resolv|solucion)(?:ar|er|ir)(?:lo|la|los|las)|(?:arreglo|reparo|compongo|resuelvo|soluciono)\s*$|(?:arregl|repar|compon)(?:ar|er)\s+(?:eso|esto|ese|esa|el\s+problema)|(?:fix|repair|sort)(?:ing)?\s+(?:it|this|that|them|the\s+problem|the\s+leak)|(?:lo|la|los|las)\s+(?:arreglo|reparo|compongo|resuelvo))\b/;

/**
 * Asks how to fix, or what fixes, what was just told (a pronoun for it): "¿qué necesito pa
 * arreglarlo?", "what do I need to fix it?", "¿cómo lo arreglo?".
 */
export function asksHowToFixIt(text: string): boolean {
  return FIX_IT.test(fold(text).replace(/['’]/g, ''));
}

/** The fault kept on the counter (`ProductFocus.fault`, its job words) as the job to answer again, said in `lang`. */
export function faultAgain(full: string, lang: 'es' | 'en'): FaultJob {
  const words = full.split(' ');
  const fixture = words[0] as Fixture;
  const fault = words.find((w): w is Fault => FAULTS.some(([name]) => name === w));
  const said = fault !== undefined ? SAID[fixture]?.[fault] : undefined;
  return { said: said ? (lang === 'en' ? said[1] : said[0]) : full, full, verb: lang === 'en' ? 'fix' : 'arreglar', at: 0, fault: true };
}

/** English words that give a message away when no language is passed. */
const ENGLISH = /\b(?:my|the|is|it|keeps|leaking|dripping|clogged|broken|not|won\s?t|doesn\s?t|what|how|kitchen|bathroom|toilet|faucet|sink|outlet|switch|bulb|shower|pipe)\b/;
