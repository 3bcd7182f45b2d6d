/**
 * Company names in a message: introduced by a phrase ("trabajo en", "from", "de la empresa"),
 * shaped like one ("<Words> SRL", "Constructora <Name>", "Blue Reef Construction"), or right
 * after the customer's name ("Francisco Guerrero, de Agregados del Este").
 */
import type { Entity } from '../../../domain/nlu.js';
import { fold, foldWithMap } from './text.js';
import {
  COMPANY_HEAD,
  COMPANY_SUFFIX,
  COMPANY_TAIL,
  FIRST_NAMES,
  GREETING_WORD,
  NOT_COMPANY,
  NOT_NAME,
  PARTICLES,
  PLACES,
  placeNamesCompany,
  startsWithPlace,
  titleCaseWord,
  wordsAll,
  wordsFrom,
  type WordSpan,
} from './name-words.js';
import { foldAccents } from '../../../kernel/fold.js';
import { allMatches } from '../../../kernel/all-matches.js';

const COMPANY_TRIGGERS =
  /\b(?:de la empresa|de la compania|de la firma|la empresa es|la compania es|el negocio es|la empresa|empresa:?|compania|mi empresa es|mi compania es|mi empresa se llama|la empresa se llama|la compania se llama|nuestra empresa es|nuestra empresa se llama|mi negocio es|mi negocio se llama|el negocio se llama|trabajo en|trabajo para|trabajamos en|trabajamos para|laboro en|represento a|represento|a nombre de|vengo de|le escribo de|te escribo de|les escribo de|escribo de|llamo de|somos de|somos|el organizador es|la organizadora es|organizado por|organizada por|i work at|i work for|i represent|i'm with|i am with|we are|we're|my company is|my company|our company is|our company|the company is|company is|company:|the organizer is|organizer is|organized by|on behalf of|owner of|dueno de|duena de|(?:gerente|encargad[oa]|jef[ea]|director[a]?|coordinador[a]?|supervisor[a]?) de (?:compras|ventas|proyectos|operaciones|mantenimiento|obras?|logistica|administracion) (?:de|en|del)|gerente de|(?:purchasing|procurement|project|operations|maintenance|sales|site) (?:manager|director|coordinator|supervisor|lead) (?:at|of|for|with)|manager at|manager of|company|from|with|for|at|de parte de)\s+/g;
/** Triggers that need a capitalised name, a company suffix or a company head after them. */
const LOOSE_COMPANY_TRIGGER =
  /^(?:from|empresa:?|compania|la empresa|la empresa es|la compania es|el negocio es|trabajo en|trabajo para|trabajamos en|trabajamos para|laboro en|i work at|i work for|my company|our company|de parte de|a nombre de|vengo de|le escribo de|te escribo de|les escribo de|escribo de|llamo de|somos de|somos|i'm with|i am with|we are|we're|company|company:|company is|the company is|owner of|dueno de|duena de|gerente de|(?:gerente|encargad[oa]|jef[ea]|director[a]?|coordinador[a]?|supervisor[a]?) de \w+ (?:de|en|del)|(?:purchasing|procurement|project|operations|maintenance|sales|site) (?:manager|director|coordinator|supervisor|lead) (?:at|of|for|with)|manager at|manager of|with|for|at)$/;
const COMPANY_STOP = new Set(
  (
    'y and que quiero queremos necesito necesitamos para por con en we i and my is es somos tengo con estamos busco ' +
    'buscamos would like want need to a the una un de la el los las who which'
  ).split(' '),
);

/**
 * Any company suffix, head or tail word anywhere in a folded text (steps 2 and 3 of
 * `extractCompanies` look at nothing else). Built from the three word lists, so it can never miss
 * a word they take: every word `wordsAll` yields is bounded by non-word characters or the text's ends.
 */
const COMPANY_WORD = new RegExp(
  `\\b(?:${[COMPANY_SUFFIX, COMPANY_HEAD, COMPANY_TAIL].map((re) => re.source.replace(/^\^\(\?:/, '').replace(/\)\$$/, '')).join('|')})(?![\\w])`,
  'i',
);

/** E-mails and phones right after a name (", luis@x.com", " 809-555-1234"), with their commas. */
const CONTACT_AFTER_NAME = /^(?:\s*,?\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d\s().-]{6,}\d))*/;

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

/** "y", "e", "&", "and" between two parts of one company's name. */
const JOINER = /^(?:y|e|&|and)$/;

/**
 * The words before a company head that belong to the same name, taken into `taken` (front first):
 * "Materiales y Construcciones Pérez SRL", "Hierros & Aceros Báez SRL" (a capitalised word joined
 * by "y"/"&", not a first name: "Pedro y Construcciones Pérez SRL" names a person), "Distribuidora de
 * Materiales Gómez SRL" (a head before "de"). `at` is the head's index in `all`.
 */
function joinedBefore(all: readonly WordSpan[], at: number, taken: WordSpan[]): void {
  for (let k = at; k >= 2; k -= 2) {
    const link = all[k - 1] as WordSpan;
    const word = all[k - 2] as WordSpan;
    const near = (a: WordSpan, b: WordSpan): boolean => b.start - a.end <= 2;
    if (!near(link, all[k] as WordSpan) || !near(word, link) || !/^\p{Lu}/u.test(word.raw)) return;
    const joined = JOINER.test(link.folded) && !NOT_NAME.has(word.folded) && !FIRST_NAMES.has(word.folded) && !GREETING_WORD.test(word.folded);
    const ofHead = /^(?:de|del)$/.test(link.folded) && COMPANY_HEAD.test(word.folded);
    if (!joined && !ofHead) return;
    taken.unshift(word, link);
  }
}

export function extractCompanies(text: string, options: { exclude?: readonly string[]; names?: readonly Entity[] } = {}): Entity[] {
  const f = foldWithMap(text);
  // Folded only when a candidate is found (most messages name no company).
  let excluded: Set<string> | null = null;
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
    if (PLACES.has(folded) || (excluded ??= new Set((options.exclude ?? []).map(foldAccents))).has(folded) || NOT_COMPANY.has(folded) || !/\p{L}/u.test(folded)) return;
    // Overlapping readings: the longer one stays ("Constructora Peña e Hijos" over "Constructora Peña").
    const overlapping = out.filter((e) => e.start < last.end && first.start < e.end);
    if (overlapping.some((e) => e.end - e.start >= last.end - first.start)) return;
    for (const e of overlapping) out.splice(out.indexOf(e), 1);
    // "Inc." and "Corp." keep their dot (the word reader stops before it).
    const end = /^(?:inc|corp|ltd|co|hnos|s\.a|s\.r\.l|e\.i\.r\.l|s\.a\.s)$/i.test(last.raw) && text[last.end] === '.' ? last.end + 1 : last.end;
    out.push({ type: 'company', value: formatCompany(text.slice(first.start, end)), start: first.start, end });
  };

  // 1. Introduced by a phrase: "de la empresa X", "trabajo en X", "from X Corp".
  for (const m of allMatches(f.folded, COMPANY_TRIGGERS)) {
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

  // 2. Shaped like a company: "<Words> SRL", "Constructora <Name>". Steps 2 and 3 need a word that
  // is a company suffix, head or tail; most messages have none, and one test of the folded text
  // says so without splitting it into words (a superset: it may match where no word does).
  const all = COMPANY_WORD.test(f.folded) ? wordsAll(text, f) : [];
  for (let i = 0; i < all.length; i++) {
    const w = all[i] as WordSpan;
    if (COMPANY_SUFFIX.test(w.raw) && i > 0 && /^(?:srl|s\.r\.l|eirl|llc|inc|corp|s\.a|sa)/i.test(w.raw) && (w.raw !== 'sa' || /^SA/.test(w.raw))) {
      const taken: WordSpan[] = [w];
      for (let j = i - 1; j >= 0 && taken.length < 6; j--) {
        const p = all[j] as WordSpan;
        if (p.end + 2 < (taken[0] as WordSpan).start) break; // punctuation or a gap in between
        if (COMPANY_HEAD.test(p.folded)) {
          taken.unshift(p);
          joinedBefore(all, j, taken);
          break; // "Constructora ..." starts the name (or a head joined before it)
        }
        if (NOT_NAME.has(p.folded) && !PARTICLES.has(p.folded)) break; // "Soy", "Yo"
        // "Hierros y Aceros Báez SRL": a joiner between two capitalised words, not after a first name.
        const joins = JOINER.test(p.folded) && j > 0 && /^\p{Lu}/u.test(all[j - 1]!.raw) && !FIRST_NAMES.has(all[j - 1]!.folded) && !NOT_NAME.has(all[j - 1]!.folded);
        if (/^[\p{Lu}\d]/u.test(p.raw) || (PARTICLES.has(p.folded) && p.folded !== 'y') || joins) taken.unshift(p);
        else break;
      }
      while (taken.length > 1 && PARTICLES.has((taken[0] as WordSpan).folded)) taken.shift();
      if (taken.length > 1) push(taken);
    } else if (
      COMPANY_HEAD.test(w.folded) &&
      all[i + 1] &&
      (/^\p{Lu}/u.test(all[i + 1]!.raw) || ((PARTICLES.has(all[i + 1]!.folded) || JOINER.test(all[i + 1]!.folded)) && all[i + 2] !== undefined && /^\p{Lu}/u.test(all[i + 2]!.raw) && (all[i + 1]!.folded !== 'y' || /^\p{Lu}/u.test(w.raw))))
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
  // "soy Luis Peña, luis@x.com, de Peña Construcciones": the e-mail or phone given after the name is skipped over.
  for (const name of options.names ?? []) {
    const after = CONTACT_AFTER_NAME.exec(text.slice(name.end))![0].length;
    const lead = /^\s*(,\s*)?(?:(de|del|from|of|with|con)\s+)?/i.exec(text.slice(name.end + after))!;
    if (lead[0].length === 0 || (!lead[1] && !lead[2])) continue;
    const from = name.end + after + lead[0].length;
    const words = wordsFrom(text, f, f.map.indexOf(from) >= 0 ? f.map.indexOf(from) : f.folded.length);
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
