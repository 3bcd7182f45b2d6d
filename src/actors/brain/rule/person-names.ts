/**
 * Person names in a message: after an introduction ("me llamo", "soy", "this is", a title), a
 * name leading the message ("Juan here", "Ana Pérez, ana@x.com"), a signature. Reads the folded
 * text and reports spans of the original.
 */
import type { Entity } from '../../../domain/nlu.js';
import { fold, foldWithMap, type FoldedText } from './text.js';
import { allMatches } from '../../../kernel/all-matches.js';
import {
  capitalizeName,
  COMPANY_HEAD,
  COMPANY_SUFFIX,
  COMPANY_TAIL,
  FIRST_NAMES,
  GREETING_WORD,
  isSurname,
  NOT_COMPANY,
  NOT_NAME,
  PARTICLES,
  PLACES,
  startsWithPlace,
  wordsFrom,
  type WordSpan,
} from './name-words.js';

const NAME_TRIGGERS: { re: RegExp; needsCapital: boolean }[] = [
  { re: /\b(?:me llamo|mi nombre completo es|mi nombre es|mi nombre:|nombre y apellido:?|nombre:|nombre completo:|my full name is|full name is|i'm called|my name is|my name's|name's|name:|full name:|call me|llamame|puedes llamarme|contact person:?|contact name:?|persona de contacto:?|nombre de contacto:?)\s+/g, needsCapital: false },
  // "aquí Wander Polanco", "mi esposo Manuel Díaz y yo", "a nombre de María": a capitalised name after them.
  { re: /(?:^|[\s,])(?:aqui|a nombre de|mi (?:esposo|esposa|marido|mujer|hermano|hermana|socio|socia|jefe|jefa|hijo|hija|papa|mama|padre|madre|companero|companera|secretaria|encargado|encargada)|my (?:husband|wife|partner|boss|brother|sister|son|daughter|father|mother|assistant|colleague))\s+/g, needsCapital: true },
  {
    re: /\b(?:le habla|te habla|les habla|le escribe|te escribe|les escribe|habla|this is|soy|i am|im|i'm|i’m|con|atentamente,?|cordialmente,?|atte\.?,?|saludos,|saludos cordiales,|un saludo,|regards,|best regards,|kind regards,|cheers,|de parte de|contacto:|contact:|attn:?|att:|pregunta por|preguntar por|ask for|(?<!(?:empresa|compania|negocio|tienda|constructora|ferreteria|firma|proyecto|obra|organizacion|calle|marca|producto)\s)se llama)\s+/g,
    needsCapital: true,
  },
];

/** Titles before a name: "el ing. Pedro Ramírez", "Dra. Ana Gómez", "Mr. John Smith", "el pastor Julio Mercedes", "Pastor Mike Reyes". */
const TITLE = /^(?:(?:el|la|the)\s+)?(?:ing|ingeniero|ingeniera|inge|lic|licdo|licda|licenciado|licenciada|dr|dra|doctor|doctora|arq|arquitecto|arquitecta|sr|sra|srta|senor|senora|don|dona|mr|mrs|ms|miss|prof|profesor|profesora|maestro|maestra|eng|engr|engineer|pastor|pastora|reverendo|reverenda|rev|reverend|padre|father|obispo|bishop)(?:\.\s*|\s+)/;
/** A title on its own introduces a name too ("Ing. Pedro Ramírez, de Constructora Ozama"). */
const anyCase = (words: string): string =>
  words
    .split('|')
    .map((w) => `[${(w[0] as string).toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
const TITLE_TRIGGER = new RegExp(
  `(?<![\\p{L}])(?:(?:${anyCase('ing|lic|licdo|licda|dr|dra|arq|sr|sra|srta|mr|mrs|ms|rev')})\\.\\s*|(?:${anyCase('ingeniero|ingeniera|licenciado|licenciada|doctor|doctora|arquitecto|arquitecta|maestro|maestra|pastor|pastora|reverendo|reverenda|reverend')})\\s+)(?=\\p{Lu})`,
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
    // "this is Blue Reef Construction", "soy Peña Hermanos SRL": capitalised words that run on into a
    // company word name the company (read by extractCompanies), not a person called "Blue".
    if (taken.length > 0 && pending.length === 0 && /^\p{Lu}/u.test(w.raw) && (COMPANY_TAIL.test(w.folded) || COMPANY_SUFFIX.test(w.raw))) return null;
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
    for (const m of allMatches(f.folded, re)) {
      // "de parte de" introduces a company as often as a person: only a name-shaped run counts.
      if (/(?:^|\s)(?:de parte de|a nombre de)\s*$/.test(m[0]) && startsLikeCompany(f.folded.slice((m.index ?? 0) + m[0].length))) continue;
      take((m.index ?? 0) + m[0].length, needsCapital);
    }
  }
  // Titles keep their capitals in the original text: read them there.
  for (const m of allMatches(text, TITLE_TRIGGER)) {
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
  for (const m of allMatches(text, /(?:^|[,;:–—-]|\s-)\s*((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:(?:de|del|de la|de los)\s+)?\p{Lu}[\p{Ll}'’-]+){1,3})\s*(?=$|[,;.!–—]|\s-|\s+\S+@|\s+\+?\d)/gu)) {
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
