/**
 * Which of the store's branches a customer's words name: by a distinctive part of the branch's name
 * ("la de Villa Hermosa", "en la Padre Abreu", "la principal"), or by what its address places it by
 * ("la que está frente al parque", "the one by the park", "la del km 3", "la de la Duarte"), as a clerk
 * who knows the town would tell them apart.
 */
import { fold } from '../brain/rule/text.js';

/** Words of a branch's name that do not tell it from the others. */
const GENERIC_NAME_WORDS = /\b(?:sucursal|tienda|local|branch|store|av|avenida|ave|calle|c|carretera|km|no|de|del|la|las|el|los|y|the|of)\b/g;

/** "the main store", "la matriz", "la tienda principal": the first branch, the main one by convention. */
const MAIN_BRANCH = /\b(?:main|principal|matriz|central|head office|headquarters)\b/;

/** English landmark words as the Spanish addresses write them ("the one by the park" → "parque"). */
const ENGLISH_LANDMARKS: Record<string, string> = { park: 'parque', church: 'iglesia', market: 'mercado', cathedral: 'catedral', bridge: 'puente', beach: 'playa', square: 'plaza', highway: 'carretera' };

/** Words of a landmark that alone do not tell which one ("calle" in "calle Duarte"). */
const GENERIC_LANDMARK_WORDS = new Set(['calle', 'avenida', 'carretera', 'esquina', 'frente', 'central', 'principal', 'nuevo', 'nueva', 'viejo', 'vieja', 'santa', 'santo', 'san']);

/**
 * The indexes of the branches a text names: a landmark of a branch's address (whole, or its one
 * distinctive word when no other branch's address has it), the kilometre of a road ("km 3"), a
 * distinctive part of a branch's name, or the main one ("main store", "la matriz": the first branch).
 * Names null (the store's own timetable) are never named.
 */
export function branchesNamed(names: readonly (string | null)[], text: string, addresses?: readonly string[]): number[] {
  const said = ` ${fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    // "¿hacen delivery a Villa Hermosa?": where an order goes, not the branch asked about.
    .replace(/\b(?:delivery|deliveri|envios?|entregas?|llevan|traen|mandan|envian|llegan|deliver|ship)\b(?: \w+){0,2}? (?:a|al|pa|para|hasta|to) (?!la de |el de )[a-z]+(?: [a-z]+)?/g, ' ')
    // "¿abren el día de Duarte?": a holiday named after someone, not the branch on calle Duarte.
    .replace(/\b(?:dia|natalicio|fiesta|feriado) de (?:la |las |los |el |nuestra senora de (?:la )?)?[a-z]+\b/g, ' ')
    .replace(/\b[a-z]+\b/g, (w) => ENGLISH_LANDMARKS[w] ?? w)} `;
  if (addresses) {
    // "¿ustedes tan por donde el parque central?": the branch whose address is by that landmark (not "central" as the main one).
    const landmarks = addresses.map(landmarksOf);
    const whole = landmarks.flatMap((ls, i) => (ls.some((l) => said.includes(` ${l} `)) ? [i] : []));
    if (whole.length > 0) return whole;
    // "la que está frente al parque": the landmark's one distinctive word, when only one address has it.
    const word = landmarks.flatMap((ls, i) => (ls.some((l) => distinctiveWords(l).some((w) => said.includes(` ${w} `) && landmarks.filter((other) => other.some((o) => distinctiveWords(o).includes(w))).length === 1)) ? [i] : []));
    if (word.length > 0) return word;
    // "la del km 3", "la del kilómetro 3".
    const km = / (?:km|kilometro|kilometer|kms) (\d+) /.exec(said)?.[1];
    const byKm = km === undefined ? [] : addresses.flatMap((address, i) => (new RegExp(String.raw`\bkm\.?\s*${km}\b`, 'i').test(address) ? [i] : []));
    if (byKm.length > 0) return byKm;
  }
  const out = names.flatMap((name, i) => {
    if (name === null) return [];
    const parts = fold(name)
      .split(/[()]/)
      .map((part) => part.replace(/[^a-z0-9\s]+/g, ' ').replace(GENERIC_NAME_WORDS, ' ').replace(/\s+/g, ' ').trim());
    return parts.some((part) => part.length >= 4 && said.includes(` ${part} `)) ? [i] : [];
  });
  if (out.length === 0 && names.length > 1 && names[0] !== null && MAIN_BRANCH.test(said)) return [0];
  return out;
}

/** What an address places itself by: "frente al parque Central", "esq. calle Duarte" → "parque central", "calle duarte" (folded). */
const LANDMARK_IN_ADDRESS = /\b(?:frente|enfrente|cerca|al lado|detras|junto|proximo|esq(?:uina)?|across from|next to|near|opposite|behind)\b(?: (?:a|al|a la|de|del|de la|con|to|from|the))* ([a-z0-9 ]+)/g;

const landmarkCache = new Map<string, string[]>();

function landmarksOf(address: string): string[] {
  const known = landmarkCache.get(address);
  if (known) return known;
  const folded = fold(address).replace(/[^a-z0-9,\s]+/g, ' ').replace(/[ \t]+/g, ' ');
  const found = [...folded.matchAll(LANDMARK_IN_ADDRESS)].map((m) => (m[1] as string).trim()).filter((l) => l.length >= 6);
  if (landmarkCache.size < 256) landmarkCache.set(address, found);
  return found;
}

/** The words of a landmark that could name it alone: five letters or more, not generic ("parque", "duarte"). */
function distinctiveWords(landmark: string): string[] {
  return landmark.split(' ').filter((w) => w.length >= 5 && !/^\d+$/.test(w) && !GENERIC_LANDMARK_WORDS.has(w));
}
