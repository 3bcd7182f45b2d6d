/**
 * Text folding and normalisation shared by the classifier and the extractors.
 * Two flavours: `foldWithMap` keeps a map back to the original offsets (entities need spans),
 * `normalizeText` rewrites freely (the classifier only needs tokens).
 */

import { foldAccents } from '../../../kernel/fold.js';

const COMBINING_MARK = /\p{M}/u;

export interface FoldedText {
  /** Lower-cased, accent-free copy of the text. */
  readonly folded: string;
  /** `map[i]` is the offset in the original text of `folded[i]`; `map[folded.length]` is the text length. */
  readonly map: readonly number[];
}

/**
 * Folded form of one non-ASCII UTF-16 unit ('' when it folds away), memoised: `normalize('NFD')`
 * per character is the costly part of folding, and a chat uses a handful of distinct accents.
 * At most 65,536 entries (one per code unit).
 */
const foldedUnit = new Map<string, string>();
function foldUnit(ch: string): string {
  let out = foldedUnit.get(ch);
  if (out === undefined) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Keep one folded unit per source unit so spans stay exact (e.g. 'İ' lower-cases to two units).
    out = base.length === 0 || COMBINING_MARK.test(ch) ? '' : (base[0] as string);
    foldedUnit.set(ch, out);
  }
  return out;
}

/**
 * The last few folded texts. One message is folded by the courtesy stripper and by every entity
 * extractor in turn; they all read the same (read-only) result instead of folding it again.
 */
const recentFolds: FoldedText[] = [];
const recentTexts: string[] = [];
const RECENT_FOLDS = 4;

/**
 * Lower-cases and strips accents while remembering where each folded character came from.
 * The result is shared with other callers folding the same text: never mutate it.
 */
export function foldWithMap(text: string): FoldedText {
  const at = recentTexts.indexOf(text);
  if (at >= 0) return recentFolds[at] as FoldedText;
  const result = foldUncached(text);
  recentTexts.unshift(text);
  recentFolds.unshift(result);
  if (recentTexts.length > RECENT_FOLDS) {
    recentTexts.pop();
    recentFolds.pop();
  }
  return result;
}

function foldUncached(text: string): FoldedText {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let unit: string;
    // ASCII has no accents: only upper case letters change.
    if (code < 0x80) unit = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : (text[i] as string);
    else unit = foldUnit(text[i] as string);
    if (unit.length === 0) continue;
    folded += unit;
    map.push(i);
  }
  map.push(text.length);
  return { folded, map };
}

/** Original-text span of a folded-text span. */
export function toOriginalSpan(f: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: f.map[start] ?? 0, end: f.map[end] ?? f.map[f.map.length - 1] ?? 0 };
}

/** Lower-case and accent-free, nothing else (the kernel's one fold). */
export const fold = foldAccents;

/** The text with the given spans (offsets into it) taken out, each replaced by a space: what else the message says. */
export function outsideSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let rest = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    rest += ` ${text.slice(at, Math.max(at, s.start))} `;
    at = Math.max(at, s.end);
  }
  return rest + text.slice(at);
}

/** Placeholder token that stands for any number (so "10 sacos" and "25 sacos" look alike). */
export const NUMBER_TOKEN = '0';

/**
 * Chat spellings of Dominican Spanish and English mapped to their full form.
 * Applied per token after folding and collapsing repeated letters.
 */
const CHAT_SPELLINGS: Record<string, string> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  qe: 'que',
  xq: 'porque',
  pq: 'porque',
  pk: 'porque',
  xk: 'porque',
  porq: 'porque',
  xque: 'porque',
  tb: 'tambien',
  tmb: 'tambien',
  tbn: 'tambien',
  tmbn: 'tambien',
  pls: 'please',
  plz: 'please',
  pliz: 'please',
  plis: 'please',
  u: 'you',
  ur: 'your',
  r: 'are',
  dnd: 'donde',
  dnde: 'donde',
  dond: 'donde',
  kuanto: 'cuanto',
  cuanto: 'cuanto',
  cnto: 'cuanto',
  xfa: 'por favor',
  xfavor: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  ud: 'usted',
  uds: 'ustedes',
  pa: 'para',
  pal: 'para el',
  xa: 'para',
  x: 'por',
  d: 'de',
  ta: 'esta',
  toy: 'estoy',
  bn: 'bien',
  bno: 'bueno',
  bnas: 'buenas',
  bns: 'buenas',
  msj: 'mensaje',
  info: 'informacion',
  tel: 'telefono',
  cel: 'celular',
  grax: 'gracias',
  grasias: 'gracias',
  grcs: 'gracias',
  grs: 'gracias',
  grasia: 'gracias',
  slds: 'saludos',
  qlq: 'klk',
  klq: 'klk',
  kiero: 'quiero',
  aki: 'aqui',
  nesecito: 'necesito',
  nececito: 'necesito',
  thx: 'thanks',
  thnx: 'thanks',
  tnx: 'thanks',
  ty: 'thank you',
  wanna: 'want to',
  gonna: 'going to',
  whats: 'what is',
  okey: 'ok',
  okay: 'ok',
  oki: 'ok',
  oka: 'ok',
  okk: 'ok',
  kien: 'quien',
  kuando: 'cuando',
  kual: 'cual',
  kosa: 'cosa',
  tamo: 'estamos',
  tan: 'estan',
  toi: 'estoy',
  nd: 'nada',
  nda: 'nada',
  tdo: 'todo',
  tds: 'todos',
  hla: 'hola',
  ola: 'hola',
  aver: 'a ver',
  wena: 'buena',
  wenas: 'buenas',
  nececitamos: 'necesitamos',
  nesesito: 'necesito',
  necesitp: 'necesito',
  kiere: 'quiere',
  kieres: 'quieres',
  kisiera: 'quisiera',
  quero: 'quiero',
  qiero: 'quiero',
  cuantp: 'cuanto',
  cuant: 'cuanto',
  preio: 'precio',
  presio: 'precio',
  tienn: 'tienen',
  tiennen: 'tienen',
  tiened: 'tienen',
  bay: 'bye',
  bai: 'bye',
  byee: 'bye',
  chaoo: 'chao',
  thks: 'thanks',
  thanx: 'thanks',
  tks: 'thanks',
  hr: 'hora',
  hrs: 'horas',
  dl: 'del',
  n: 'en',
  // English chat spellings and typos ("how mutch is…", "wat time do you open").
  mutch: 'much',
  mich: 'much',
  wat: 'what',
  wht: 'what',
  hw: 'how',
  pirce: 'price',
  prise: 'price',
  hav: 'have',
};

/** A chat spelling's full form ("kuando" → "cuando", "ty" → "thank you"), or the token itself. */
export function chatSpelling(tok: string): string {
  return Object.hasOwn(CHAT_SPELLINGS, tok) ? (CHAT_SPELLINGS[tok] as string) : tok; // never "constructor"'s function
}

/**
 * Classifier normalisation: lower-case, strip accents, numbers → placeholder, strip punctuation and
 * emojis, collapse 3+ repeated letters ("holaaaa" → "hola"), expand chat spellings ("xq" → "porque").
 *
 * @example normalizeText('Holaaaa, q precio tiene el cemento???') // 'hola que precio tiene el cemento'
 */
export function normalizeText(text: string): string {
  let t = fold(text);
  // Only a text with an apostrophe has one to drop (issue 16, session 36: a replace scans the text even when nothing matches).
  if (t.includes("'") || t.includes('’') || t.includes('`') || t.includes('´')) t = t.replace(/['’`´]/g, '');
  t = t.replace(/\d+(?:[.,/]\d+)*/g, ` ${NUMBER_TOKEN} `);
  t = t.replace(/[^a-z0\s]+/g, ' ');
  t = t.replace(/([a-z])\1{2,}/g, '$1');
  const out: string[] = [];
  for (const tok of t.split(/\s+/)) {
    if (tok.length === 0) continue;
    if (/^(?:ja)+j?a?$/.test(tok) && tok.length >= 4) out.push('jaja');
    else if (/^(?:ha)+h?a?$/.test(tok) && tok.length >= 4) out.push('haha');
    else out.push(chatSpelling(tok));
  }
  return out.join(' ');
}

/** Tokens of the normalised text. */
export function tokenize(text: string): string[] {
  const n = normalizeText(text);
  return n.length === 0 ? [] : n.split(' ');
}

/**
 * How a folded token sounds in Spanish, so chat spellings of one word share character n-grams:
 * "varriya"/"varilla" → "bariya", "asul"/"azul" → "asul", "kiero"/"quiero" → "kiero",
 * "sement"/"cemento" → "sement(o)". Used by the classifier's character features only.
 *
 * @example phonetic('varilla') // 'bariya'
 */
export function phonetic(token: string): string {
  let p = phoneticCache.get(token);
  if (p !== undefined) return p;
  p = token
    .replace(/ch/g, '\u0001')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/h/g, '')
    .replace(/\u0001/g, 'ch')
    .replace(/([a-z])\1+/g, '$1');
  if (p.length === 0) p = token;
  if (phoneticCache.size < 50_000) phoneticCache.set(token, p);
  return p;
}
const phoneticCache = new Map<string, string>();

/**
 * One word typed as two ("sand paper", "screw driver"): the two tokens joined, in place, where the
 * catalog's lexicon has the joined word and one half names nothing (`resolve` null), so the phrase is
 * the sandpaper, never the sand with "paper" dropped. Returns the same array.
 */
export function joinSplitTokens<T extends { t: string; s: number; e: number }>(toks: T[], resolve: (tok: string) => string | null, lexicon: ReadonlySet<string>): T[] {
  for (let k = toks.length - 2; k >= 0; k--) {
    const a = toks[k] as T;
    const b = toks[k + 1] as T;
    if (/^[a-z]{3,}$/.test(a.t) && /^[a-z]{3,}$/.test(b.t) && (resolve(a.t) === null || resolve(b.t) === null) && (lexicon.has(a.t + b.t) || lexicon.has((a.t + b.t).replace(/s$/, '')))) {
      toks.splice(k, 2, { ...a, t: (a.t + b.t).replace(/s$/, ''), e: b.e });
    }
  }
  return toks;
}
