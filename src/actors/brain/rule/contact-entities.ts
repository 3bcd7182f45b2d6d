import type { Entity } from '../../../domain/nlu.js';
import { fold, foldWithMap, toOriginalSpan, type FoldedText } from './text.js';

/**
 * Extractors for contact data: email, phone, account id, person name, company.
 * Every extractor reads the folded text (lower-case, accent-free, same positions via the map)
 * and reports spans of the original text.
 */

// A phone keyboard often leaves a space next to the @ ("juan.perez@ gmail.com"): one is tolerated.
const EMAIL = /[a-z0-9._%+-]+ ?@ ?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

export function extractEmails(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index ?? 0;
    out.push({ type: 'email', value: m[0].replace(/ /g, '').toLowerCase(), start, end: start + m[0].length });
  }
  return out;
}

const DR_AREA_CODES = new Set(['809', '829', '849']);
// A run of digits with the usual separators, optionally led by + / 00.
const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g;

/** E.164 of a phone-looking string, or null. */
export function toE164(raw: string): string | null {
  const international = /^\s*(?:\+|00)/.test(raw);
  let digits = raw.replace(/\D/g, '');
  if (international && raw.trim().startsWith('00')) digits = digits.slice(2);
  if (digits.length === 11 && digits.startsWith('1') && DR_AREA_CODES.has(digits.slice(1, 4))) return `+${digits}`;
  if (digits.length === 10 && DR_AREA_CODES.has(digits.slice(0, 3)) && !international) return `+1${digits}`;
  if (international && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return null;
}

export function extractPhones(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    let raw = m[0];
    let start = m.index ?? 0;
    // Trim a leading "(" or space left over so the span is exact.
    const lead = raw.length - raw.trimStart().length;
    raw = raw.trim();
    start += lead;
    const e164 = toE164(raw);
    if (!e164) continue;
    // "1-809-..." prefixes: include the country code digit when it precedes the match.
    out.push({ type: 'phone', value: e164, start, end: start + raw.length });
  }
  return out;
}

const ACCOUNT_KEYWORD = /(?:\bcuenta|\baccount|\bacct|\bn(?:u|ú)mero|\bnumber|\bcliente|\bcustomer|#|\bno\.|\bnro\.?|\bnum\.?)(?:\s+(?:de|del|es|is|my|mi|the|cliente|customer|number|numero|n|#|:))*\s*[:#]?\s*$/;
const DIGIT_GROUP = /\d(?:\d|[\s-](?=\d))*/g;

/** Digits only; null unless 4–12 digits. */
export function sanitizeAccountId(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 4 && digits.length <= 12 ? digits : null;
}

/**
 * Account ids: a digit group right after "cuenta", "account", "número", "#", "no." ...
 * With `bare`, a message that is only a number ("12-345-67") is an account id too.
 */
export function extractAccountIds(text: string, options: { bare?: boolean; exclude?: Entity[] } = {}): Entity[] {
  const f = foldWithMap(text);
  const out: Entity[] = [];
  for (const m of f.folded.matchAll(DIGIT_GROUP)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    const span = toOriginalSpan(f, s, e);
    if (options.exclude?.some((x) => x.start < span.end && span.start < x.end)) continue;
    const before = f.folded.slice(Math.max(0, s - 40), s);
    const isFraction = /\/$/.test(before) || f.folded[e] === '/';
    if (isFraction) continue;
    // Either right after the keyword, or anywhere in a message about an account ("mi cuenta está atrasada? es la 12-345-67").
    const keyword =
      ACCOUNT_KEYWORD.test(before) ||
      (/\b(?:cuenta|account)\b/.test(f.folded) && !/^\s*(?:sacos?|galon|galones|varillas?|unidades|bags?|pies|metros|pesos|rd|dolares|usd)\b/.test(f.folded.slice(e)));
    const bare = options.bare === true && /^\s*(?:(?:es|is|it's|its|la|el|mi|my|cuenta|account|#|no\.?|numero|number)\s*)*$/.test(before) && /^[\s.!]*$/.test(f.folded.slice(e));
    // "revísame la 3056781 porfa", "check mine, 44120 please": a long bare number to look up is an account.
    const lookUp =
      m[0].replace(/\D/g, '').length >= 5 &&
      /\b(?:revis\w*|cheque\w*|chequ\w*|consult\w*|verific\w*|busca\w*|check|look up|look at)\b/.test(f.folded) &&
      /(?:^|\b(?:la|el|mi|my|the|mine)\s*[,:]?\s*)$/.test(before) &&
      /^\s*(?:$|[.!?,]|(?:porfa|por favor|please|pls|plis|gracias|thanks)\b)/.test(f.folded.slice(e));
    if (!keyword && !bare && !lookUp) continue;
    const value = sanitizeAccountId(m[0]);
    if (value) out.push({ type: 'account_id', value, ...span });
  }
  return out;
}

// ---------------------------------------------------------------- names

/** Words that can follow "soy"/"I'm" but are not names. */
const NOT_NAME = new Set(
  (
    'de del el la los las un una uno cliente clienta nuevo nueva dueno duena ingeniero ingeniera maestro contratista ' +
    'muy tan yo aqui el ella estudiante senor senora don dona licenciado arquitecto tecnico electricista plomero ' +
    'interesado interesada buscando llamando escribiendo que y o pero con para por sin en a al lo le se me mi tu su ' +
    'from looking interested a an the not here good fine calling trying writing just also very so in at on with and ' +
    'or but sorry ok okay going glad happy new customer client contractor owner engineer no si yes this that it is ' +
    'quiero necesito tengo busco trabajo empresa compania gracias hola bien mal quien cual como donde ' +
    'hablando escribe habla want need have work company thanks hello i me my your you ' +
    'constructora ferreteria inversiones grupo distribuidora importadora comercial industrias inmobiliaria'
  ).split(' '),
);
/** Common first names (folded), so "soy carla" or "hola soy luis" are read without capitals. */
const FIRST_NAMES = new Set(
  (
    'ana maria jose juan luis carlos pedro miguel rosa carmen laura carla lucia sofia isabel elena paula marta julia andrea ' +
    'daniela gabriela valeria camila patricia yolanda altagracia mercedes josefina francisca juana yocasta yuleisy wendy ' +
    'yesenia yanet yokasta massiel scarlet nicole esther ruth raquel sonia teresa margarita dolores gloria milagros ' +
    'jorge manuel antonio francisco rafael ramon javier alejandro fernando ricardo roberto eduardo andres pablo diego ' +
    'sergio raul jesus angel david alberto hector julio cesar oscar victor felix domingo marino bienvenido nelson ' +
    'esteban samuel joel ariel wilson freddy franklin junior leonel hipolito radhames ramona cristian ' +
    'kevin john mary mike michael peter robert james sarah emily tom thomas chris daniel laura jennifer jessica ' +
    'william richard joseph charles paul mark steven brian linda susan karen nancy lisa betty helen jake matt ryan josh ' +
    'nick sam alex ben tony kate anna emma olivia amy ' +
    'sandra angela angelica karina carolina adriana alejandra beatriz claudia cristina diana fabiola fatima ' +
    'gisela gladys graciela ines irene jacqueline janet johanna karla leticia lourdes luz maribel marisol ' +
    'miriam mirian natalia noemi norma pamela rocio rosario sara silvia susana veronica vanessa ximena ' +
    'yanira yolanda yaneris yudelka yuberkis anyelina arelis belkis dilenia katherine ' +
    'ruben tomas marcos mario martin hugo ivan ignacio emilio ernesto enrique gerardo gilberto gustavo ' +
    'jaime joaquin leonardo lorenzo mauricio nestor octavio orlando pascual rolando salvador santiago ' +
    'teodoro vicente wander wilfredo dariel kelvin yeison jonathan jhon johnny frank henry elvis ' +
    'edwin edison darwin yunior anderson wellington starlin ' +
    'george edward frank gary larry jeff scott eric andrew adam ' +
    'patrick sean kyle aaron greg donald ken dan bill bob jim joe ' +
    'rebecca rachel megan ashley amanda stephanie nicole melissa michelle kim angela ' +
    'sophia grace chloe julie heather carol donna sharon ruth'
  ).split(' '),
);
/** Common Dominican and Spanish surnames (folded), and the patronymic "-ez" ending. */
const SURNAMES = new Set(
  (
    'perez rodriguez gomez martinez garcia santos reyes diaz jimenez hernandez fernandez lopez gonzalez ramirez sanchez ' +
    'torres cruz rosario mejia batista castillo vasquez guzman almonte pena nunez polanco tavarez familia urena liriano ' +
    'santana medina mendez paulino cabrera frias rosa rivera morales ortiz castro vargas feliz matos encarnacion abreu ' +
    'acosta herrera german marte mateo moreno soto suero silva vega valdez ventura peralta de leon pimentel brito'
  ).split(' '),
);
const isSurname = (w: string): boolean => SURNAMES.has(w) || (w.length >= 5 && /ez$/.test(w));
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'van', 'von', 'y', '&']);

const NAME_TRIGGERS: { re: RegExp; needsCapital: boolean }[] = [
  { re: /\b(?:me llamo|mi nombre completo es|mi nombre es|mi nombre:|nombre y apellido:?|nombre:|nombre completo:|my full name is|full name is|i'm called|my name is|my name's|name's|name:|full name:|call me|llamame|puedes llamarme|contact person:?|contact name:?|persona de contacto:?|nombre de contacto:?)\s+/g, needsCapital: false },
  // "aquí Wander Polanco", "mi esposo Manuel Díaz y yo", "a nombre de María": a capitalised name after them.
  { re: /(?:^|[\s,])(?:aqui|a nombre de|mi (?:esposo|esposa|marido|mujer|hermano|hermana|socio|socia|jefe|jefa|hijo|hija|papa|mama|padre|madre|companero|companera|secretaria|encargado|encargada)|my (?:husband|wife|partner|boss|brother|sister|son|daughter|father|mother|assistant|colleague))\s+/g, needsCapital: true },
  {
    re: /\b(?:le habla|te habla|les habla|le escribe|te escribe|les escribe|habla|this is|soy|i am|im|i'm|i’m|con|atentamente,?|cordialmente,?|atte\.?,?|saludos,|saludos cordiales,|un saludo,|regards,|best regards,|kind regards,|cheers,|de parte de|contacto:|contact:|attn:?|att:|pregunta por|preguntar por|ask for|(?<!(?:empresa|compania|negocio|tienda|constructora|ferreteria|firma|proyecto|obra|organizacion|calle|marca|producto)\s)se llama)\s+/g,
    needsCapital: true,
  },
];

/** Titles before a name: "el ing. Pedro Ramírez", "Dra. Ana Gómez", "Mr. John Smith". */
const TITLE = /^(?:(?:el|la|the)\s+)?(?:ing|ingeniero|ingeniera|inge|lic|licdo|licda|licenciado|licenciada|dr|dra|doctor|doctora|arq|arquitecto|arquitecta|sr|sra|srta|senor|senora|don|dona|mr|mrs|ms|miss|prof|profesor|profesora|maestro|maestra)(?:\.\s*|\s+)/;
/** A title on its own introduces a name too ("Ing. Pedro Ramírez, de Constructora Ozama"). */
const anyCase = (words: string): string =>
  words
    .split('|')
    .map((w) => `[${(w[0] as string).toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
const TITLE_TRIGGER = new RegExp(
  `(?<![\\p{L}])(?:(?:${anyCase('ing|lic|licdo|licda|dr|dra|arq|sr|sra|srta|mr|mrs|ms')})\\.\\s*|(?:${anyCase('ingeniero|ingeniera|licenciado|licenciada|doctor|doctora|arquitecto|arquitecta|maestro|maestra')})\\s+)(?=\\p{Lu})`,
  'gu',
);

/** "el ing. Pedro Ramírez" → "Pedro Ramírez" (only leading titles; the rest is kept as typed). */
export function stripTitles(text: string): string {
  let out = text.trim();
  for (let i = 0; i < 3; i++) {
    const f = foldWithMap(out);
    const m = TITLE.exec(f.folded);
    if (!m || m[0].length >= f.folded.length) break;
    out = out.slice(f.map[m[0].length] ?? 0).trim();
  }
  return out;
}

/** Where the name starts after a trigger: past "el"/"la" and a title. */
function skipTitle(f: FoldedText, from: number): number {
  const m = TITLE.exec(f.folded.slice(from));
  return m ? from + m[0].length : from;
}

function titleCaseWord(w: string): string {
  // Written with its own capitals ("O'Brien", "McKenzie", "BuildCo"): kept as typed.
  if (/\p{Lu}/u.test(w.slice(1)) && /\p{Ll}/u.test(w)) return w;
  return w
    .split(/(?<=[-'’])/u)
    .map((p) => (p.length === 0 ? p : (p[0] as string).toLocaleUpperCase('es') + p.slice(1).toLocaleLowerCase('es')))
    .join('');
}

/** "juan DE LA cruz" → "Juan de la Cruz". */
export function capitalizeName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : titleCaseWord(w)))
    .join(' ');
}

interface WordSpan {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

function wordsFrom(text: string, f: FoldedText, from: number): WordSpan[] {
  const out: WordSpan[] = [];
  const re = /[^\s,.;:!?¿¡()"]+/g;
  re.lastIndex = from;
  for (let m = re.exec(f.folded); m; m = re.exec(f.folded)) {
    const gap = f.folded.slice(from, m.index);
    if (/[,.;:!?()]/.test(gap)) break;
    const span = toOriginalSpan(f, m.index, m.index + m[0].length);
    out.push({ ...span, raw: text.slice(span.start, span.end), folded: m[0] });
    from = m.index + m[0].length;
    if (out.length >= 8) break;
  }
  return out;
}

function isNameWord(w: WordSpan): boolean {
  const folded = w.folded.replace(/['’]/g, '');
  return /^\p{L}[\p{L}'’-]*$/u.test(w.raw) && !NOT_NAME.has(folded) && !COMPANY_HEAD.test(folded);
}

/** Reads a name from the words at a position: 1–4 name words with particles in between. */
export function readName(words: readonly WordSpan[], needsCapital: boolean): WordSpan[] | null {
  const taken: WordSpan[] = [];
  let pending: WordSpan[] = [];
  let nameWords = 0;
  for (const w of words) {
    if (taken.length > 0 && PARTICLES.has(w.folded) && w.folded !== 'y') {
      // "Luis de Santo Domingo": a place after "de" ends the name.
      if (startsWithPlace(words.slice(words.indexOf(w) + 1))) break;
      // "Kelvin Reyes de KR Ingeniería", "Karina de Karina Decoraciones": a company after "de" ends it.
      if (pending.length === 0 && w.folded === 'de' && companyFollows(taken, words.slice(words.indexOf(w) + 1))) break;
      pending.push(w);
      continue;
    }
    if (!isNameWord(w)) break;
    const capital = /^\p{Lu}/u.test(w.raw);
    // "soy carla perez": a lower-case word counts when it is a common first name or surname.
    // "licda. yokasta ferreras", "atte. ing. josé almánzar": a lower-case word closing the message
    // right after a known first name is its surname.
    const closingSurname = taken.length > 0 && FIRST_NAMES.has(taken[taken.length - 1]!.folded) && w === words[words.length - 1] && w.folded.length >= 3;
    if (needsCapital && !capital && !FIRST_NAMES.has(w.folded) && !(taken.length > 0 && isSurname(w.folded)) && !closingSurname) break;
    // Someone who capitalises their name capitalises all of it: "Pamela Vargas soy de…" ends at "soy".
    if (taken.length > 0 && !capital && /^\p{Lu}/u.test(taken[0]!.raw)) break;
    taken.push(...pending, w);
    pending = [];
    if (++nameWords >= 4) break;
  }
  return taken.length > 0 ? taken : null;
}

/**
 * Whether the words after a name's "de" name a company rather than the rest of the name: an
 * acronym ("KR"), a company word ("Ingeniería", "Hnos"), the name's own word again ("Santana de
 * Santana Construcciones"), or two capitalised words after a full name ("Pedro Gómez de Materiales
 * Gómez"). "María de los Ángeles", "Juan Pérez de la Cruz", "José de León" stay names.
 */
function companyFollows(taken: readonly WordSpan[], rest: readonly WordSpan[]): boolean {
  const run: WordSpan[] = [];
  for (const w of rest) {
    if (!/^[\p{Lu}\d]/u.test(w.raw)) break;
    run.push(w);
  }
  if (run.length === 0) return false;
  const own = new Set(taken.map((w) => w.folded));
  return run.some(
    (w) => (/^\p{Lu}{2,}$/u.test(w.raw) && w.raw.length <= 5) || COMPANY_HEAD.test(w.folded) || COMPANY_TAIL.test(w.folded) || COMPANY_SUFFIX.test(w.raw) || own.has(w.folded),
  ) || (taken.length >= 2 && run.length >= 2);
}

export function extractPersonNames(text: string): Entity[] {
  const f = foldWithMap(text);
  const out: Entity[] = [];
  const take = (from: number, needsCapital: boolean): void => {
    // "quien le escribe es Fausto Jiménez": past a copula.
    const copula = /^(?:es|is|soy)\s+/.exec(f.folded.slice(from));
    if (copula) from += copula[0].length;
    const name = readName(wordsFrom(text, f, skipTitle(f, from)), needsCapital);
    if (!name) return;
    const first = name[0] as WordSpan;
    const last = name[name.length - 1] as WordSpan;
    if (out.some((e) => e.start < last.end && first.start < e.end)) return;
    out.push({ type: 'person_name', value: capitalizeName(text.slice(first.start, last.end)), start: first.start, end: last.end });
  };
  for (const { re, needsCapital } of NAME_TRIGGERS) {
    for (const m of f.folded.matchAll(re)) {
      // "de parte de" introduces a company as often as a person: only a name-shaped run counts.
      if (/(?:^|\s)(?:de parte de|a nombre de)\s*$/.test(m[0]) && startsLikeCompany(f.folded.slice((m.index ?? 0) + m[0].length))) continue;
      take((m.index ?? 0) + m[0].length, needsCapital);
    }
  }
  // Titles keep their capitals in the original text: read them there.
  for (const m of text.matchAll(TITLE_TRIGGER)) {
    const at = f.map.indexOf(m.index ?? 0);
    if (at >= 0) take(at + m[0].length, true);
  }
  // "Juan here, from BuildCo" / "Pedro por aquí": a capitalised name leading the message.
  const here = /^\s*(?:hola|hi|hello|hey|buenas)?[\s,!]*(?:it'?s\s+|it’s\s+)?((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?:here|por aqui|por aquí|aqui|aquí|al habla)(?![\p{L}])/iu.exec(text);
  if (here?.[1]) {
    const start = (here.index ?? 0) + here[0].indexOf(here[1]);
    const at = f.map.indexOf(start);
    if (at >= 0) take(at, true);
  }
  // "Ana Pérez, ana@x.com" / "Luis Peña - 809 555 1234" / "Pedro Martínez, necesito…": a name
  // leading the message before a comma (places, greetings and companies are not names).
  const signed = /^\s*(?:(?:[Hh]ola|[Bb]uenas(?: [Tt]ardes| [Nn]oches| [Dd][ií]as)?|[Bb]uenos [Dd][ií]as|[Hh]i|[Hh]ello|[Hh]ey)[\s,!]+)?((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:de|del|de la|de los)?\s*\p{Lu}[\p{Ll}'’-]+){0,3})\s*[,;–-]/u.exec(text);
  const signedWords = signed?.[1]?.split(/\s+/).map((w) => fold(w)) ?? [];
  const signedOk =
    signed?.[1] !== undefined &&
    !PLACES.has(signedWords.join(' ')) &&
    !startsWithPlace(signedWords.map((folded) => ({ folded, raw: folded, start: 0, end: 0 }))) &&
    !signedWords.some((w) => NOT_NAME.has(w) || COMPANY_HEAD.test(w) || COMPANY_TAIL.test(w) || GREETING_WORD.test(w) || NOT_COMPANY.has(w)) &&
    // Before contact data any name; before anything else only what looks like one ("Cemento Gris, …" is not).
    // One word only when it is a common first name ("Carlos, el de la obra").
    (signedWords.length > 1 || FIRST_NAMES.has(signedWords[0] ?? '')) &&
    (/^\s*[,;–-]\s*(?:\S*@|\+?[\d(])/u.test(text.slice((signed.index ?? 0) + signed[0].length - 1)) || signedWords.some((w) => FIRST_NAMES.has(w) || isSurname(w)));
  if (signed?.[1] && signedOk && out.length === 0) {
    const start = (signed.index ?? 0) + signed[0].indexOf(signed[1]);
    const at = f.map.indexOf(start);
    if (at >= 0) take(at, true);
  }
  // "Gracias, Ramón" / "Saludos, Ana Gil.": a sign-off name closing the message.
  const closing = /(?:gracias|muchas gracias|thanks|thank you|saludos|bendiciones|bye|adios|adiós)[\s,!.]+((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2})[\s.!]*$/iu.exec(text);
  if (closing?.[1] && out.length === 0) {
    const words = closing[1].split(/\s+/).map((w) => fold(w));
    if (/^\p{Lu}/u.test(closing[1]) && words.some((w) => FIRST_NAMES.has(w) || isSurname(w)) && !words.some((w) => NOT_NAME.has(w) || GREETING_WORD.test(w))) {
      const start = (closing.index ?? 0) + closing[0].lastIndexOf(closing[1]);
      const at = f.map.indexOf(start);
      if (at >= 0) take(at, true);
    }
  }
  // "It's Tom from Sunshine Villas", "Laura de Constructora Báez": a first name before "from"/"de".
  const from = /^\s*(?:(?:[Hh]ola|[Hh]i|[Hh]ello|[Hh]ey|[Bb]uenas)[\s,!]+)?(?:[Ii]t'?s\s+|[Ii]t’s\s+|[Ii]t is\s+)?(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)\s+(?:from|de)\s+\p{Lu}/u.exec(text);
  if (from?.[1] && FIRST_NAMES.has(fold(from[1].split(/\s+/)[0]!)) && !overlapsAny(out, (from.index ?? 0) + from[0].indexOf(from[1]))) {
    const at = f.map.indexOf((from.index ?? 0) + from[0].indexOf(from[1]));
    if (at >= 0) take(at, true);
  }
  // "account 231190 - Carmen Sánchez", "…at Casa de Campo Resort, Robert Hughes", "Sandra Paulino":
  // a clause that is only a capitalised name led by a known first name (or closed by a surname).
  for (const m of text.matchAll(/(?:^|[,;:–—-]|\s-)\s*((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:(?:de|del|de la|de los)\s+)?\p{Lu}[\p{Ll}'’-]+){1,3})\s*(?=$|[,;.!–—]|\s-|\s+\S+@|\s+\+?\d)/gu)) {
    const run = m[1]!;
    const start = (m.index ?? 0) + m[0].indexOf(run);
    const words = run.split(/\s+/).map((w) => fold(w));
    const named = words.filter((w) => !PARTICLES.has(w));
    if (!FIRST_NAMES.has(named[0]!) && !isSurname(named[named.length - 1]!)) continue;
    if (PLACES.has(words.join(' ')) || startsWithPlace(words.map((folded) => ({ folded, raw: folded, start: 0, end: 0 })))) continue;
    if (named.some((w) => NOT_NAME.has(w) || COMPANY_HEAD.test(w) || COMPANY_TAIL.test(w) || GREETING_WORD.test(w) || NOT_COMPANY.has(w))) continue;
    if (overlapsAny(out, start)) continue;
    const at = f.map.indexOf(start);
    if (at >= 0) take(at, true);
  }
  return out.sort((a, b) => a.start - b.start);
}

function overlapsAny(found: readonly Entity[], at: number): boolean {
  return found.some((e) => e.start <= at && at < e.end);
}

function startsLikeCompany(folded: string): boolean {
  const firstWord = /^\s*(?:la |el )?([^\s,.;:!?]+)/.exec(folded)?.[1] ?? '';
  return COMPANY_HEAD.test(firstWord) || /^\s*(?:la |el )?(?:empresa|compania)\b/.test(folded);
}

// ---------------------------------------------------------------- companies

const COMPANY_SUFFIX = /^(?:srl|s\.r\.l\.?|sa|s\.a\.?|eirl|e\.i\.r\.l\.?|inc\.?|llc|corp\.?|corporation|ltd\.?|sas|s\.a\.s\.?)$/i;
const COMPANY_HEAD =
  /^(?:constructora|construcciones|ferreteria|inversiones|grupo|distribuidora|distribuciones|importadora|importaciones|exportadora|comercializadora|comercial|industrias|inmobiliaria|materiales|eventos|producciones|servicios|multiservicios|soluciones|suministros|transportes|agencia|colmado|supermercado|minimarket|taller|talleres|farmacia|almacenes|muebleria|clinica|colegio|hotel|restaurante|panaderia|reposteria|cafeteria|pizzeria|laboratorio|consultora|consultores|cooperativa|fundacion|asociacion|desarrollos|edificaciones|proyectos|residencial|plaza|tienda|boutique|salon|estudio|academia|agropecuaria|aluminios|vidrios|pinturas|maderas|repuestos|electrodomesticos|tecnologias|ingenieria|arquitectos|impresos)$/;
/** Words that end a company name in English and Spanish: "Blue Reef Construction", "Peña Hermanos". */
const COMPANY_TAIL =
  /^(?:construction|constructions|builders|building|developments|development|developers|properties|realty|resorts|resort|hotels|group|holdings|solutions|services|enterprises|industries|supply|supplies|hardware|roofing|electric|electrical|plumbing|contractors|homes|farms|engineering|logistics|partners|associates|company|studio|studios|systems|technologies|motors|foods|imports|exports|hermanos|hnos|asociados|dominicana)$/;
const COMPANY_TRIGGERS =
  /\b(?:de la empresa|de la compania|de la firma|la empresa es|la compania es|el negocio es|la empresa|empresa:?|compania|mi empresa es|mi compania es|mi empresa se llama|la empresa se llama|la compania se llama|nuestra empresa es|nuestra empresa se llama|mi negocio es|mi negocio se llama|el negocio se llama|trabajo en|trabajo para|trabajamos en|trabajamos para|laboro en|represento a|represento|a nombre de|vengo de|le escribo de|te escribo de|les escribo de|escribo de|llamo de|somos de|somos|el organizador es|la organizadora es|organizado por|organizada por|i work at|i work for|i represent|i'm with|i am with|we are|we're|my company is|my company|our company is|our company|the company is|company is|company:|the organizer is|organizer is|organized by|on behalf of|owner of|dueno de|duena de|gerente de|manager at|manager of|company|from|with|for|at|de parte de)\s+/g;
/** Triggers that need a capitalised name, a company suffix or a company head after them. */
const LOOSE_COMPANY_TRIGGER =
  /^(?:from|empresa:?|compania|la empresa|la empresa es|la compania es|el negocio es|trabajo en|trabajo para|trabajamos en|trabajamos para|laboro en|i work at|i work for|my company|our company|de parte de|a nombre de|vengo de|le escribo de|te escribo de|les escribo de|escribo de|llamo de|somos de|somos|i'm with|i am with|we are|we're|company|company:|company is|the company is|owner of|dueno de|duena de|gerente de|manager at|manager of|with|for|at)$/;
const COMPANY_STOP = new Set(
  (
    'y and que quiero queremos necesito necesitamos para por con en we i and my is es somos tengo con estamos busco ' +
    'buscamos would like want need to a the una un de la el los las who which'
  ).split(' '),
);
/** Days and months follow "from"/"de" too ("from Monday to Friday"). */
const NOT_COMPANY = new Set(
  'monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes sabado domingo january february march april may june july august september october november december enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre today tomorrow hoy manana'.split(
    ' ',
  ),
);
/** Places that follow "de"/"from"/"trabajo en" but are not companies. */
const PLACES = new Set(
  'la romana|santo domingo|higuey|santiago|san pedro|san pedro de macoris|punta cana|bavaro|bayahibe|la altagracia|casa de campo|villa hermosa|cumayasa|el seibo|hato mayor|boca chica|puerto plata|la vega|new york|nueva york|miami|usa|eeuu|rd|republica dominicana|dominican republic'.split(
    '|',
  ),
);

function formatCompany(raw: string): string {
  const words = raw.trim().split(/\s+/);
  const allLower = raw === raw.toLowerCase();
  return words
    .map((w, i) => {
      if (COMPANY_SUFFIX.test(w)) return /^(?:inc|corp|corporation|ltd)\.?$/i.test(w) ? titleCaseWord(w) : w.toUpperCase();
      if (!allLower) return w;
      return i > 0 && PARTICLES.has(w) ? w : titleCaseWord(w);
    })
    .join(' ');
}

export function extractCompanies(text: string, options: { exclude?: readonly string[]; names?: readonly Entity[] } = {}): Entity[] {
  const f = foldWithMap(text);
  const excluded = new Set((options.exclude ?? []).map((x) => x.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')));
  const out: Entity[] = [];
  const push = (words: WordSpan[]): void => {
    // The customer's own name is not part of the company ("Nelson Rosario de Rosario Hnos.").
    while (words.length > 0 && (options.names ?? []).some((n) => n.start < words[0]!.end && words[0]!.start < n.end)) words.shift();
    while (words.length > 0 && PARTICLES.has(words[0]!.folded)) words.shift();
    // Drop trailing particles ("Constructora Pérez de").
    while (words.length > 0 && PARTICLES.has((words[words.length - 1] as WordSpan).folded)) words.pop();
    if (words.length === 0) return;
    const first = words[0] as WordSpan;
    const last = words[words.length - 1] as WordSpan;
    const folded = f.folded.slice(f.map.indexOf(first.start), f.map.indexOf(last.end - 1) + 1);
    if (PLACES.has(folded) || excluded.has(folded) || NOT_COMPANY.has(folded) || !/\p{L}/u.test(folded)) return;
    // Overlapping readings: the longer one stays ("Constructora Peña e Hijos" over "Constructora Peña").
    const overlapping = out.filter((e) => e.start < last.end && first.start < e.end);
    if (overlapping.some((e) => e.end - e.start >= last.end - first.start)) return;
    for (const e of overlapping) out.splice(out.indexOf(e), 1);
    // "Inc." and "Corp." keep their dot (the word reader stops before it).
    const end = /^(?:inc|corp|ltd|co|hnos|s\.a|s\.r\.l|e\.i\.r\.l|s\.a\.s)$/i.test(last.raw) && text[last.end] === '.' ? last.end + 1 : last.end;
    out.push({ type: 'company', value: formatCompany(text.slice(first.start, end)), start: first.start, end });
  };

  // 1. Introduced by a phrase: "de la empresa X", "trabajo en X", "from X Corp".
  for (const m of f.folded.matchAll(COMPANY_TRIGGERS)) {
    const trigger = m[0].trim();
    const words = wordsFrom(text, f, (m.index ?? 0) + m[0].length);
    let i = 0;
    if (startsWithPlace(words) && !placeNamesCompany(words)) continue;
    // "we're a hotel in Bayahibe", "somos una ferretería pequeña": a description, not the name.
    if (words[0] && /^(?:una?|an?)$/.test(words[0].folded) && words[1] && !/^\p{Lu}/u.test(words[1].raw)) continue;
    if (words[i] && /^(?:la|el|the|una|un|a)$/.test(words[i]!.folded) && words[i + 1] && (/^\p{Lu}/u.test(words[i + 1]!.raw) || COMPANY_HEAD.test(words[i + 1]!.folded))) i++;
    const taken: WordSpan[] = [];
    // Loose triggers ("from", "empresa") need a capitalised name or a company suffix/head.
    const loose = LOOSE_COMPANY_TRIGGER.test(trigger);
    for (; i < words.length && taken.length < 6; i++) {
      const w = words[i] as WordSpan;
      if (COMPANY_SUFFIX.test(w.raw)) {
        taken.push(w);
        break;
      }
      if (taken.length > 0 && PARTICLES.has(w.folded) && w.folded !== 'y') {
        taken.push(w);
        continue;
      }
      // "Peña e Hijos", "Gil y Asociados", "Smith and Sons": a connector between capitalised words.
      if (taken.length > 0 && /^(?:y|e|and)$/.test(w.folded) && words[i + 1] && /^\p{Lu}/u.test(words[i + 1]!.raw) && /^\p{Lu}/u.test(taken[taken.length - 1]!.raw)) {
        taken.push(w);
        continue;
      }
      if ((COMPANY_STOP.has(w.folded) && !(taken.length > 0 && /^\p{Lu}/u.test(w.raw))) || !/^[\p{L}\d&'’.-]+$/u.test(w.raw)) break;
      // After a head typed in lower case ("trabajo en ferreteria baez"), the words that follow are its name.
      const afterLowerHead = taken.length > 0 && taken.length < 4 && COMPANY_HEAD.test(taken[0]!.folded) && taken[0]!.raw === taken[0]!.folded;
      if (loose && !/^[\p{Lu}\d]/u.test(w.raw) && !COMPANY_HEAD.test(w.folded) && !afterLowerHead) break;
      taken.push(w);
    }
    // "with" introduces people as often as companies: only a name of two or more words counts.
    if ((trigger === 'with' || trigger === 'for' || trigger === 'at' || trigger === 'somos') && (taken.length < 2 || !/^\p{L}/u.test(taken[0]!.raw))) continue;
    // "somos Juan y Pedro" names people.
    if (trigger === 'somos' && taken.every((w) => FIRST_NAMES.has(w.folded) || /^(?:y|e|and)$/.test(w.folded))) continue;
    const headOnly = taken.length === 1 && COMPANY_HEAD.test(taken[0]!.folded);
    if (taken.length > 0 && !headOnly && !/^(?:mi|my|una|un|a)$/.test(taken[0]!.folded)) push(taken);
  }

  // 2. Shaped like a company: "<Words> SRL", "Constructora <Name>".
  const all = wordsAll(text, f);
  for (let i = 0; i < all.length; i++) {
    const w = all[i] as WordSpan;
    if (COMPANY_SUFFIX.test(w.raw) && i > 0 && /^(?:srl|s\.r\.l|eirl|llc|inc|corp|s\.a|sa)/i.test(w.raw) && (w.raw !== 'sa' || /^SA/.test(w.raw))) {
      const taken: WordSpan[] = [w];
      for (let j = i - 1; j >= 0 && taken.length < 6; j--) {
        const p = all[j] as WordSpan;
        if (p.end + 2 < (taken[0] as WordSpan).start) break; // punctuation or a gap in between
        if (COMPANY_HEAD.test(p.folded)) {
          taken.unshift(p);
          break; // "Constructora ..." starts the name
        }
        if (NOT_NAME.has(p.folded) && !PARTICLES.has(p.folded)) break; // "Soy", "Yo"
        if (/^[\p{Lu}\d]/u.test(p.raw) || (PARTICLES.has(p.folded) && p.folded !== 'y')) taken.unshift(p);
        else break;
      }
      while (taken.length > 1 && PARTICLES.has((taken[0] as WordSpan).folded)) taken.shift();
      if (taken.length > 1) push(taken);
    } else if (
      COMPANY_HEAD.test(w.folded) &&
      all[i + 1] &&
      (/^\p{Lu}/u.test(all[i + 1]!.raw) || (PARTICLES.has(all[i + 1]!.folded) && all[i + 1]!.folded !== 'y' && all[i + 2] !== undefined && /^\p{Lu}/u.test(all[i + 2]!.raw)))
    ) {
      const taken: WordSpan[] = [w];
      for (let j = i + 1; j < all.length && taken.length < 6; j++) {
        const n = all[j] as WordSpan;
        if (n.start > (taken[taken.length - 1] as WordSpan).end + 1) break;
        const connector = /^(?:y|e|and)$/.test(n.folded) && all[j + 1] !== undefined && /^\p{Lu}/u.test(all[j + 1]!.raw);
        if (/^\p{Lu}/u.test(n.raw) || COMPANY_SUFFIX.test(n.raw) || (PARTICLES.has(n.folded) && n.folded !== 'y') || connector) taken.push(n);
        else break;
      }
      push(taken);
    }
  }
  // 3. A capitalised run ending in a company word: "Blue Reef Construction", "Peña Hermanos".
  for (let i = 0; i < all.length; i++) {
    const w = all[i] as WordSpan;
    if (!COMPANY_TAIL.test(w.folded) || !/^\p{Lu}/u.test(w.raw) || i === 0) continue;
    const taken: WordSpan[] = [w];
    for (let j = i - 1; j >= 0 && taken.length < 5; j--) {
      const p = all[j] as WordSpan;
      // Only spaces in between: "Angela Price, Price Realty" is a name, then a company.
      if (!/^\s{1,2}$/.test(text.slice(p.end, (taken[0] as WordSpan).start))) break;
      const particle = PARTICLES.has(p.folded) && p.folded !== 'y' && taken.length > 0;
      // "Casa de Campo Resort": a particle inside the run is part of the name.
      if (!(/^[\p{Lu}\d]/u.test(p.raw) || particle) || (NOT_NAME.has(p.folded) && !particle) || GREETING_WORD.test(p.folded)) break;
      taken.unshift(p);
    }
    while (taken.length > 1 && PARTICLES.has((taken[0] as WordSpan).folded)) taken.shift();
    if (taken.length > 1) push(taken);
  }
  // 4. Right after the customer's name: "Francisco Guerrero, de Agregados del Este", "Tom from
  // Sunshine Villas", "Patricia Valdez, Valdez Arquitectura" (after a bare comma only what reads
  // as a company: a company word, or the name's own word again).
  for (const name of options.names ?? []) {
    const lead = /^\s*(,\s*)?(?:(de|del|from|of|with|con)\s+)?/i.exec(text.slice(name.end))!;
    if (lead[0].length === 0 || (!lead[1] && !lead[2])) continue;
    const words = wordsFrom(text, f, f.map.indexOf(name.end + lead[0].length) >= 0 ? f.map.indexOf(name.end + lead[0].length) : f.folded.length);
    if ((startsWithPlace(words) && !placeNamesCompany(words)) || !words[0]) continue;
    // Typed in lower case, a company still shows: a company word first ("de ferreteria el martillo")
    // or last ("from abc roofing").
    const lower = !/^[\p{Lu}\d]/u.test(words[0].raw);
    if (lower) {
      if (!lead[2]) continue;
      const tail = words.slice(0, 4).findIndex((w) => COMPANY_TAIL.test(w.folded));
      const run = COMPANY_HEAD.test(words[0].folded) ? words.slice(0, 4) : tail > 0 ? words.slice(0, tail + 1) : [];
      // "ferreteria el martillo": an article inside the name stays when a word follows it.
      const inner = (w: WordSpan, k: number): boolean => PARTICLES.has(w.folded) || (/^(?:el|la|los|las)$/.test(w.folded) && k < run.length - 1);
      const cut = run.findIndex((w, k) => k > 0 && !inner(w, k) && (COMPANY_STOP.has(w.folded) || NOT_NAME.has(w.folded)));
      const kept = cut > 0 ? run.slice(0, cut) : run;
      if (kept.length >= 2 && kept.every((w) => /^[\p{L}\d&'’.-]+$/u.test(w.raw))) push(kept);
      continue;
    }
    const taken: WordSpan[] = [];
    for (const w of words) {
      if (taken.length >= 6) break;
      if (COMPANY_SUFFIX.test(w.raw)) {
        taken.push(w);
        break;
      }
      if (taken.length > 0 && PARTICLES.has(w.folded) && w.folded !== 'y') {
        taken.push(w);
        continue;
      }
      if (!/^[\p{Lu}\d][\p{L}\d&'’.-]*$/u.test(w.raw) || NOT_NAME.has(w.folded) || NOT_COMPANY.has(w.folded)) break;
      taken.push(w);
    }
    while (taken.length > 0 && PARTICLES.has(taken[taken.length - 1]!.folded)) taken.pop();
    if (taken.length === 0) continue;
    const own = new Set(fold(name.value).split(/\s+/));
    const companyLike = taken.some((w) => COMPANY_HEAD.test(w.folded) || COMPANY_TAIL.test(w.folded) || COMPANY_SUFFIX.test(w.raw) || /^\p{Lu}{2,5}$/u.test(w.raw) || own.has(w.folded));
    // After "de"/"from" a capitalised run of two words or more; after a bare comma only a company-like one.
    // "María Elena, de Villa Mella": a neighbourhood or town ("Villa …", "Ensanche …", "San …") is where they are from.
    const placeLike = !companyLike && /^(?:villa|ensanche|sector|barrio|reparto|urbanizacion|san|santa|santo|puerto|boca|bahia|playa|sabana|cabo|los|las|el|la|valle|monte|cerro|lomas?|arroyo|rio|pueblo)$/.test(taken[0]!.folded);
    if (placeLike) continue;
    if (lead[2] ? taken.length >= 2 || companyLike : companyLike && taken.length >= 2) push(taken);
  }
  return out.sort((a, b) => a.start - b.start);
}

const GREETING_WORD = /^(?:hola|hello|hi|hey|buenas|buenos|saludos|gracias|thanks|dear|estimados?|good)$/;

/** "Casa de Campo Marina", "Bayahibe Dive Resort": a place followed by more capitalised words names a company. */
function placeNamesCompany(words: readonly WordSpan[]): boolean {
  let n = 0;
  for (let k = 1; k <= 4 && k <= words.length; k++) if (PLACES.has(words.slice(0, k).map((w) => w.folded).join(' '))) n = k;
  const next = words[n];
  return n > 0 && /^\p{Lu}/u.test(words[0]!.raw) && next !== undefined && /^\p{Lu}/u.test(next.raw) && !NOT_COMPANY.has(next.folded);
}

function startsWithPlace(words: readonly WordSpan[]): boolean {
  for (let n = 1; n <= 4 && n <= words.length; n++) {
    if (PLACES.has(words.slice(0, n).map((w) => w.folded).join(' '))) return true;
  }
  return false;
}

function wordsAll(text: string, f: FoldedText): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of f.folded.matchAll(/[^\s,;:!?¿¡()"]+/g)) {
    let word = m[0];
    // Keep "S.R.L." and "Inc." whole but drop a sentence-final dot from ordinary words.
    if (word.endsWith('.') && !/^(?:s\.r\.l|s\.a|e\.i\.r\.l|inc|corp|ltd)\.$/.test(word)) word = word.slice(0, -1);
    if (word.length === 0) continue;
    const span = toOriginalSpan(f, m.index ?? 0, (m.index ?? 0) + word.length);
    out.push({ ...span, raw: text.slice(span.start, span.end), folded: word });
  }
  return out;
}
