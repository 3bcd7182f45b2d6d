/**
 * Questions by the job to do, not by the product: "¿tienen algo para destapar el inodoro?",
 * "necesito algo para sellar una filtración en el techo", "something to cut metal". Read here (the
 * rule brain routes them to the product tool; the tool answers them from the catalog's `jobs`).
 */
import { homeFaultJob } from './home-faults.js';
import { jobVerbOf } from './job-verbs.js';
import { readJobMeasures } from './material-questions.js';

/** "algo para", "qué tienen para", "something to", "what can I use to": a job follows. */
const JOB_LEAD =
  /\b(?:algo|alguna\s+cosa|algun\s+producto|(?:que|q)\s+(?:tienen|tiene|tienes|hay|(?:me|nos)\s+recomienda[sn]?|recomienda[sn]?|uso|usar|puedo\s+usar|necesito|(?:me\s+)?(?:hace|hacen)\s+falta|ocupo|sirve)|con\s+que|something|anything|what\s+(?:do\s+you\s+have|do\s+(?:you|i|we)\s+use|can\s+i\s+use|should\s+i\s+use|do\s+i\s+need|would\s+you\s+recommend))\s+(?:(?:bueno|buena|good)\s+)?(?:para|pa|to|for)\s+/;
/**
 * "¿con qué pego cerámica?", "¿con qué se sella una filtración?", "con qué puedo destapar…": the job
 * by a conjugated verb of the everyday jobs (first person or impersonal), read as its infinitive.
 * Only these verbs: "¿con qué pago?" asks how to pay, not for a product.
 */
const WITH_WHAT = /\bcon\s+que\s+(?:(?:se|me|lo|la|los|las|le)\s+)?(?:(?:puedo|podemos|debo|deberia|tengo\s+que|hay\s+que|se\s+puede)\s+)?/;
const JOB_VERBS: Readonly<Record<string, string>> = {
  peg: 'pegar', sell: 'sellar', cort: 'cortar', destap: 'destapar', limpi: 'limpiar', pint: 'pintar', arregl: 'arreglar',
  tap: 'tapar', lij: 'lijar', sold: 'soldar', suelд: 'soldar', resan: 'resanar', impermeabiliz: 'impermeabilizar', rellen: 'rellenar',
  fij: 'fijar', quit: 'quitar', repar: 'reparar', enchap: 'enchapar', nivel: 'nivelar', amarr: 'amarrar', asegur: 'asegurar', taladr: 'taladrar', perfor: 'perforar',
};
/** "pego" / "pega" / "pegamos" / "pegar" → "pegar", for the everyday job verbs only. */
function jobInfinitive(word: string): string | null {
  for (const enclitic of ['', 'lo', 'la', 'los', 'las']) {
    if (!word.endsWith(enclitic)) continue;
    const bare = word.slice(0, word.length - enclitic.length);
    for (const ending of ['ando', 'amos', 'ar', 'as', 'an', 'o', 'a']) {
      if (bare.endsWith(ending) && JOB_VERBS[bare.slice(0, -ending.length)] !== undefined) return JOB_VERBS[bare.slice(0, -ending.length)] as string;
    }
  }
  return null;
}

/** The message starts with the job: "para destapar un inodoro, ¿qué tienen?". */
const JOB_FIRST = /^\s*(?:y\s+)?(?:para|pa)\s+/;
/** A Spanish infinitive, with a pronoun attached or not ("destapar", "sellarlo", "pegarla"). */
const INFINITIVE = /^[a-z]{2,}(?:ar|er|ir)(?:lo|la|los|las|le|les)?$/;
/** A question after the job ("… qué me recomiendas", "… do you have"): not part of the job. */
const TRAILING_QUESTION = /(?:^|\s)(?:qu[eé]|cu[aá]l|cu[aá]les|tienen|tiene|hay|venden|me\s+recomiendas?|what|which|do\s+you|you\s+have|please|por\s+favor)(?:\s.*)?$/i;
const ENCLITIC = /(?:lo|la|los|las|le|les)$/;

export interface AskedJob {
  /** The job as the customer wrote it, from its verb, accents kept: "destapar el inodoro", "cut metal". */
  said: string;
  /** Everything after the verb too ("… que tengo en el techo, qué me recomiendas"): the words to match. */
  full: string;
  /** The verb as written, without an attached pronoun ("pegar" of "pegarlo"). */
  verb: string;
  /** Where the question's lead ("algo para") starts in the message: a product named before it is the product asked for. */
  at: number;
  /** A fault at home told ("la pluma del fregadero gotea", `home-faults.ts`): its words are the catalog's spelling, the most specific phrase wins. */
  fault?: true;
  /** Told as a plan, not asked (`job-told.ts`): its words are the whole job, the message's lead adds none. */
  told?: true;
}

/** Lower-case and accent-free, the same length as the text (one UTF-16 unit for one). */
const fold = (text: string): string => (ASCII.test(text) ? text.toLowerCase() : text.split('').map(foldUnit).join(''));
const ASCII = /^[\x00-\x7f]*$/;
/** One UTF-16 unit folded to one (a space when it folds away), remembered: a chat has few distinct accents. */
const foldUnit = (c: string): string => {
  let out = FOLDED_UNITS.get(c);
  if (out === undefined) FOLDED_UNITS.set(c, (out = c.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').slice(0, 1) || ' '));
  return out;
};
/** At most one entry per UTF-16 unit. */
const FOLDED_UNITS = new Map<string, string>();

/**
 * The job a message asks something for ("¿tienen algo para destapar el inodoro?" → "destapar el
 * inodoro"), or null ("para qué sirve" asks what a product is for; "cemento para hacer una zapata"
 * is read by the caller, who knows where the product was named).
 *
 * @example
 * askedJob('tienen algo para destapar el inodoro?')?.said; // 'destapar el inodoro'
 */
export function askedJob(text: string): AskedJob | null {
  const t = fold(text).replace(/[¿?¡!.,;:"()']/g, ' ');
  const lead = JOB_LEAD.exec(t) ?? JOB_FIRST.exec(t);
  if (!lead) return withWhat(text, t) ?? troubleToFix(text, t) ?? plannedJob(t, text) ?? pricedJob(t, text) ?? homeFaultJob(text);
  const start = lead.index + lead[0].length;
  const verb = /^[a-z]+/.exec(t.slice(start))?.[0] ?? '';
  const english = /\b(?:to|for)\s+$/.test(lead[0]);
  // "algo pa una filtración en el techo", "something for a roof leak", "qué me recomienda pa el techo
  // que se me mete el agua": the trouble is the job.
  if (!(english ? /^(?:to)\s+$/.test(lead[0].slice(-3)) : INFINITIVE.test(verb)) && TROUBLE_TOLD.test(t.slice(start))) {
    const told = text.slice(start).replace(/[¿?¡!.,;:"()]+/g, ' ').replace(/\s+/g, ' ').trim();
    // English answers say a job by its verb ("To fix a roof leak, I have:").
    const said = `${english ? 'fix ' : ''}${told.replace(TRAILING_QUESTION, '').trim() || told}`;
    return { said, full: withTroubleNames(told), verb, at: lead.index };
  }
  if (english ? verb.length < 3 || /^(?:the|a|an|my|your|this|that)$/.test(verb) : !INFINITIVE.test(verb)) return null;
  const bare = verb.replace(ENCLITIC, '');
  const plain = english ? (verb.endsWith('ing') && verb.length >= 5 ? englishVerb(verb.slice(0, -3)) : verb) : INFINITIVE.test(bare) ? bare : verb;
  const rest = text.slice(start + verb.length).replace(/[¿?¡!.,;:"()]+/g, ' ').replace(/\s+/g, ' ').trim();
  // Said back without the question that follows it: "cortar varilla" of "cortar varilla, ¿qué me recomiendas?".
  const own = rest.replace(TRAILING_QUESTION, '').trim();
  return { said: [plain, own].filter((s) => s !== '').join(' '), full: [plain, rest].filter((s) => s !== '').join(' '), verb: plain, at: lead.index };
}

/** "¿con qué pego cerámica?" (see `WITH_WHAT`): the job said with its verb's infinitive. */
function withWhat(text: string, t: string): AskedJob | null {
  const lead = WITH_WHAT.exec(t);
  if (!lead) return null;
  const start = lead.index + lead[0].length;
  const word = /^[a-z]+/.exec(t.slice(start))?.[0] ?? '';
  const verb = jobInfinitive(word);
  if (verb === null) return null;
  const rest = text.slice(start + word.length).replace(/[¿?¡!.,;:"()]+/g, ' ').replace(/\s+/g, ' ').trim();
  const own = rest.replace(TRAILING_QUESTION, '').trim();
  return { said: [verb, own].filter((x) => x !== '').join(' '), full: [verb, rest].filter((x) => x !== '').join(' '), verb, at: lead.index };
}

/** "¿qué le pongo?", "¿qué le echo?", "what do I put on it?": asking what fixes the trouble told before it. */
const WHAT_TO_PUT = /\b(?:que|q)\s+(?:le|les)\s+(?:pongo|ponemos|echo|hecho|echamos|aplico|uso|paso|unto)\b|\bwhat\s+(?:do|should|can)\s+i\s+(?:put|use)\s+on\s+(?:it|them)\b/;
/**
 * Trouble a product fixes, as customers name it: a leak, damp, rust, a crack, a blocked drain. Its
 * verb forms too ("se me gotea", "se filtra", "se me mete el agua"): `withTroubleNames` says them
 * by the nouns the catalog's `jobs` use.
 */
/** A fixture that will not stop running or filling, or will not fill ("my toilet keeps running", "el tanque no para de llenarse"). */
const RUNNING = /\b(?:keeps?|sigue|se\s+queda)\s+(?:running|corriendo|llenando|botando)|(?:won['’\s]*t|wont|doesn['’\s]*t|does\s+not)\s+(?:stop\s+(?:running|filling)|fill|flush)|no\s+(?:para|deja)\s+de\s+(?:llenar|correr|botar)(?:se)?|no\s+(?:llena|corta)\b/;
const TROUBLE = String.raw`(?:filtraci[oó]n(?:es)?|filtra(?:ndo)?|gotera|goteras|gotea|gotean|goteando|goteo|humedad(?:es)?|salidero|salideros|oxido|[oó]xido|oxidando|oxidad[oa]s?|grietas?|fugas?|leaks?|leaking|rust|rusting|cracks?|damp|dampness|${RUNNING.source})`;
const TROUBLE_TOLD = new RegExp(String.raw`\b${TROUBLE}\b|\bse (?:me |nos |le )?(?:mete|entra|pasa) (?:el )?agua\b`);
/** "¿qué uso?", "¿qué me recomiendas?", "what should I use?" after a trouble told ("se me gotea el techo, ¿qué uso?"). */
const WHAT_TO_USE = /\b(?:que|q)\s+(?:(?:me|nos)\s+)?(?:uso|usar|utilizo|recomienda[sn]?|aconseja[sn]?|puedo\s+(?:usar|poner|echar|aplicar)|sirve)\b|\b(?:que|q)\s+(?:pieza|repuesto|parte)\s+(?:necesito|le\s+cambio|compro|uso)\b|\bwhat\s+(?:should|can|do)\s+i\s+use\b|\bwhat\s+(?:part|parts|piece)\s+(?:do|should)\s+i\s+(?:need|buy|get|use)\b|\bwhat\s+(?:do|would)\s+you\s+recommend\b/;

/** A trouble told by its verb, said back by its noun. */
const TROUBLE_NOUN_SAID: readonly [RegExp, string][] = [
  [/\bgote/, 'la gotera'],
  [/\bfiltr|\b(?:mete|entra|pasa) (?:el )?agua\b/, 'la filtración'],
  [/\boxid/, 'el óxido'],
];

/** The trouble said as the catalog's jobs name it ("se me gotea el techo" → "… gotera"; "se me mete el agua" → "… filtración"). */
function withTroubleNames(said: string): string {
  const t = fold(said);
  return [said, ...TROUBLE_NOUN_SAID.filter(([re]) => re.test(t)).map(([, noun]) => noun.split(' ')[1])].join(' ');
}

/** The trouble as told before the question: "tengo una gotera en el techo" → "gotera en el techo". */
const TOLD = /^\s*(?:(?:buenas?(?:\s+(?:tardes|noches|dias))?|hola|klk|oye|mi\s+amor|manito)\s+)*(?:(?:yo\s+)?(?:tengo|tenemos|hay|me\s+salio|nos\s+salio|se\s+me\s+hizo|i\s+have|there\s+is|there\s+s|voy\s+a|vamos\s+a)\s+)?(?:(?:una?|el|la|a|an)\s+)?/;

/**
 * "tengo una gotera en el techo, ¿qué le pongo?", "se me está oxidando el portón, ¿qué le echo?":
 * a trouble told, then what to put on it — the job is the trouble (the catalog's `jobs` hold
 * "gotera", "filtración"), never the thing it happens to ("techo": roofing screws).
 */
function troubleToFix(text: string, t: string): AskedJob | null {
  const put = WHAT_TO_PUT.exec(t);
  const use = put ? null : WHAT_TO_USE.exec(t);
  // "¿qué uso?" asks about a trouble only when one is told ("se me gotea el techo, ¿qué uso?").
  const ask = put ?? (use && TROUBLE_TOLD.test(t.slice(0, use.index)) ? use : null);
  if (!ask || ask.index === 0) return null;
  const before = t.slice(0, ask.index);
  // "la puerta del baño no cierra bien, ¿qué le pongo?": a fault at home with no trouble word is that fault's parts (`homeFaultJob`).
  if (!TROUBLE_TOLD.test(before) && homeFaultJob(text) !== null) return null;
  const told = TOLD.exec(before)?.[0].length ?? 0;
  const toldAs = text.slice(told, ask.index).replace(/[¿?¡!.,;:"()]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (toldAs === '') return null;
  // "se me gotea el techo": said back by its noun ("la gotera"), not as "para se me gotea…"; a
  // trouble told as a whole clause ("my toilet keeps running") is said back as that: "para eso", "to fix that".
  const clause = RUNNING.test(fold(toldAs)) ? (/^what\b/.test(ask[0]) ? 'fix that' : 'eso') : null;
  const said = clause ?? (/^(?:se|me|nos|le|les)\s/i.test(toldAs) ? (TROUBLE_NOUN_SAID.find(([re]) => re.test(fold(toldAs)))?.[1] ?? toldAs) : toldAs);
  const verb = /^[^\s]+/.exec(said)?.[0] ?? said;
  return { said, full: withTroubleNames(toldAs), verb, at: 0 };
}

/**
 * A trouble at home told, and what to use on it ("se me gotea el techo, ¿qué uso?", "tengo una
 * gotera, ¿qué le pongo?"): a product question, however much it sounds like a complaint.
 */
export function asksWhatFixesATrouble(text: string): boolean {
  const t = fold(text).replace(/[¿?¡!.,;:"()']/g, ' ');
  // What to put or use is asked (cheap, and rare): only then is a trouble looked for.
  if (!WHAT_TO_PUT.test(t) && !WHAT_TO_USE.test(t)) return false;
  return !JOB_LEAD.test(t) && !JOB_FIRST.test(t) && TROUBLE_TOLD.test(t) && troubleToFix(text, t) !== null;
}

/** "¿para qué sirve el sellador?", "el cemento blanco es para qué?", "what is thinner for?", "what's it used for?". */
const WHAT_FOR =
  /\bpara\s+que\s+(?:sirve|sirven|se\s+usa|se\s+usan|se\s+utiliza|se\s+utilizan|es|son|lo\s+uso|la\s+uso|se\s+ocupa)\b|\b(?:es|son|sirve|sirven|se\s+usa|se\s+usan|uso|utiliza)\s+para\s+que\b|\bque\s+uso\s+(?:tiene|tienen|le\s+doy)\b|\bwhat\s+(?:is|are|'s)\b.*\b(?:for|used\s+for)\s*$|\bwhat\s+(?:do\s+(?:you|i)\s+use|is\s+it\s+used)\b.*\bfor\b|\bwhat\s+does\b.*\bdo\s*$/;

/**
 * True when the message asks what a product is for, not its price ("¿para qué sirve el sellador?",
 * "el cemento blanco es para qué?", "what is thinner for?").
 */
export function asksWhatFor(text: string): boolean {
  return WHAT_FOR.test(fold(text).replace(/[¿?¡!.,;:"()]/g, ' ').replace(/\s+/g, ' ').trim());
}

/** "voy a levantar una pared de 3x2, ¿qué necesito?", "I'm building a small wall… what do I need?", "how do I replace a sink? what do I need": the job planned, then what it takes. */
const PLANNED =
  /\b(?:voy\s+a|vamos\s+a|estoy|estamos|quiero|queremos|quisiera|pienso|planeo|tengo\s+que|i\s+m|im|i\s+am|we\s+re|we\s+are|going\s+to|planning\s+to|want\s+to|(?:i|we)\s+(?:need|have)\s+to|how\s+(?:do|can|should|would)\s+(?:i|we)|how\s+to)\s+([a-z]+)\s+(.*?)\s*(?:(?:y\s+)?(?:que|q|cuales)\s+materiale?s?\s+(?:(?:me\s+)?(?:lleva|llevaria|necesito|ocupo|hacen\s+falta|van|tengo\s+que\s+comprar|compro))|what\s+materials?\s+(?:do|will|would|should)\s+(?:i|we)\s+(?:need|buy|use|get)|(?:(?:y\s+)?(?:que|q)\s+(?:(?:mas\s+)?necesito|(?:mas\s+)?(?:me\s+)?(?:hace|hacen)\s+falta|(?:mas\s+)?(?:me\s+)?falta(?:\s+comprar)?|ocupo|tengo\s+que\s+comprar|debo\s+comprar|compro)|what\s+(?:else\s+)?(?:do|will|would|should)\s+(?:i|we)\s+(?:need|buy|use|get)|what\s+am\s+i\s+missing))\s*$/;

const PLANNED_AT = new RegExp(PLANNED.source, 'd');

/** An English gerund's stem as its verb: "tiling" → "tile", "putting" → "put", "building" → "build". */
function englishVerb(stem: string): string {
  if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  return /(?:^|[^aeiou])[aeiou][bcdfgklmnprstvz]$/.test(stem) && !/(?:er|en|on|om|ol|it|et)$/.test(stem) ? `${stem}e` : stem;
}

/** Where the customer is or what they do there, not a job to buy for: "I'm renting a villa…", "estoy viviendo en Caleta…". */
const NOT_A_JOB = /^(?:rent|stay|live|visit|vacation|holiday|work|come|go|travel|alquilar|vivir|viver|quedar|visitar|trabajar|venir|ir|viajar)$/;

function plannedJob(t: string, text: string): AskedJob | null {
  const { spaced, at } = squeezed(t);
  const m = PLANNED_AT.exec(spaced);
  if (!m) return null;
  const word = m[1]!;
  // Gerunds as the infinitive: "levantando" → levantar, "haciendo" → hacer, "construyendo" → construir, "building" → build.
  const verb = word.endsWith('ing') ? englishVerb(word.slice(0, -3)) : word.replace(/ando$/, 'ar').replace(/yendo$/, 'ir').replace(/iendo$/, 'er');
  if (!(INFINITIVE.test(verb) || /^[a-z]{3,}$/.test(verb)) || /^(?:a|un|una|the|an|my|mi)$/.test(verb) || NOT_A_JOB.test(verb)) return null;
  const rest = m[2]!.trim();
  // Said back as written ("pañetar la casa", not "panetar la casa") where folding kept every letter in place.
  const { verb: verbSaid, own } = saidAsWritten(m, at, t, text, verb, rest);
  return { said: [verbSaid, own].filter((x) => x !== '').join(' '), full: [verb, rest].filter((x) => x !== '').join(' '), verb, at: m.index };
}

/** "¿cuánto me sale levantar una pared de 3x3?", "how much to plaster a 4x3 wall?": what a job of the store's costs, asked with its size. */
const PRICED_JOB =
  /\b(?:cuant[oa]|how\s+much)\s+(?:(?:me|nos|le)\s+)?(?:(?:sale|saldria|cuesta|costaria|seria|va\s+a\s+salir|would\s+it\s+(?:cost|be)|does\s+it\s+cost|is\s+it)\s+)?(?:(?:to|para|pa)\s+)?([a-z]+)\s+(.+)$/d;

function pricedJob(t: string, text: string): AskedJob | null {
  const { spaced, at } = squeezed(t);
  const m = PRICED_JOB.exec(spaced);
  const verb = m ? jobVerbOf(m[1]!) : null;
  if (!m || verb === null || readJobMeasures(text) === null) return null;
  const rest = m[2]!.trim();
  const said = saidAsWritten(m, at, t, text, verb, rest);
  return { said: [said.verb, said.own].filter((x) => x !== '').join(' '), full: [verb, rest].filter((x) => x !== '').join(' '), verb, at: m.index };
}

/** Runs of spaces as one, each letter's place in `t` kept (`t` is the message folded letter for letter). */
function squeezed(t: string): { spaced: string; at: number[] } {
  let spaced = '';
  const at: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (/\s/.test(t[i]!) && spaced.endsWith(' ')) continue;
    spaced += /\s/.test(t[i]!) ? ' ' : t[i];
    at.push(i);
  }
  at.push(t.length);
  return { spaced, at };
}

/**
 * A job's verb (group 1) and its words (group 2) said back as written ("pañetar la casa", not
 * "panetar la casa") where folding kept every letter in place, without their measures ("una pared
 * de 3 metros de largo…" → "una pared", "la casa, son como 80 metros" → "la casa").
 */
function saidAsWritten(m: RegExpExecArray, at: readonly number[], t: string, text: string, verb: string, rest: string): { verb: string; own: string } {
  const [[ws, we], [rs, re]] = [m.indices?.[1] ?? [0, 0], m.indices?.[2] ?? [0, 0]];
  const asWritten = t.length === text.length && m.indices !== undefined;
  const said = asWritten && verb === m[1] ? text.slice(at[ws], at[we]).toLowerCase() : verb;
  const words = asWritten ? text.slice(at[rs], at[re]).replace(/[¿?¡!.,;:"()']/g, ' ').replace(/\s+/g, ' ') : rest;
  return { verb: said, own: words.trim().replace(/\s*(?:\b(?:(?:son|es|serian?|are|is)\s+)?(?:(?:como|unos?|about|around|like)\s+)?(?:de\s+|of\s+)?\d|\d).*$/, '').trim() };
}
