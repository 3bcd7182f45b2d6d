import { editDistance, FILLER, fold, lookupTable, NUMBER_WORDS, soundKey, stem, words } from './text.js';
import { withDimensionsJoined } from './dimensions.js';
import { BARE_NUMBER, BY_SIZE, IN_OR_FT, quantityTokens, WITH_WORD } from './number-patterns.js';
import { normaliseMeasures } from './measure-notation.js';

/**
 * Product attributes read from a customer's words and from catalog names alike: sizes and other
 * measures ("de 6", "1/2 inch", "tres octavos", "12 pies", "20A"), grade ("grado 60"), gauge
 * ("calibre 34", "#12"), dimensions ("2x4"), colour, finish, pack (funda, galón, cubeta, ...) and
 * brand. The resolver scores them against each product, so "block de 6" is the 6" block.
 */

/** `''`: a bare number or fraction ("block de 6", "varilla de 3/8"); it matches any unit. */
export type MeasureUnit = 'in' | 'ft' | 'm' | 'mm' | 'cm' | 'kg' | 'lb' | 'oz' | 'gal' | 'l' | 'w' | 'a' | 'v' | 'hp' | 'ml' | 'ga' | 'count' | '';

export interface Measure {
  value: number;
  unit: MeasureUnit;
  /** What a `count` counts, singular Spanish ("polo", "pieza", "circuito"): 2 poles are not 2 pieces. */
  noun?: string;
}

export interface Attributes {
  measures: Measure[];
  grade?: number;
  /** "2x4", "4x8", "60x60"; a three-part size also yields its first two parts. */
  dims: string[];
  /** Canonical Spanish colour names: "blanco", "gris", "blanco hueso". */
  colours: string[];
  finish?: 'satinado' | 'mate' | 'brillante';
  /** Canonical selling pack: saco, galon, cubeta, rollo, pie, libra, ... */
  pack?: string;
  brand?: string;
}

export type AttributeKind = 'size' | 'grade' | 'dims' | 'colour' | 'finish' | 'pack' | 'brand';

export interface ParsedQuery {
  /** How many the customer wants ("10 sacos de", "dame 2", "una docena de"). */
  quantity?: number;
  attributes: Attributes;
  /** Stemmed words left once filler and attribute words are gone: what the product *is*. */
  content: string[];
  /** The words that expressed each attribute, canonical ("3/8", "grado 60", "azul"): for follow-ups and replies. */
  phrases: Partial<Record<AttributeKind, string>>;
}

const COLOURS: Readonly<Record<string, string>> = lookupTable({
  blanco: 'blanco', blanca: 'blanco', white: 'blanco', blanquito: 'blanco',
  gris: 'gris', gray: 'gris', grey: 'gris', plomo: 'gris',
  negro: 'negro', negra: 'negro', black: 'negro', prieto: 'negro',
  rojo: 'rojo', roja: 'rojo', red: 'rojo', colorado: 'rojo', colorada: 'rojo', colorao: 'rojo', colora: 'rojo',
  verde: 'verde', green: 'verde',
  azul: 'azul', blue: 'azul',
  amarillo: 'amarillo', amarilla: 'amarillo', yellow: 'amarillo',
  // A bulb's warm light is the yellow one ("luz cálida", "warm light"); "daylight" the white.
  calida: 'amarillo', calido: 'amarillo', warm: 'amarillo', daylight: 'blanco',
  beige: 'beige', crema: 'beige', cream: 'beige',
  naranja: 'naranja', anaranjado: 'naranja', anaranjada: 'naranja', orange: 'naranja',
  marron: 'marron', brown: 'marron', cafe: 'marron',
  transparente: 'transparente', clear: 'transparente', claro: 'transparente', claros: 'transparente', transparent: 'transparente',
  hueso: 'blanco hueso', ivory: 'blanco hueso', perla: 'gris perla',
  celeste: 'azul', morado: 'morado', morada: 'morado', purple: 'morado', violeta: 'morado', rosado: 'rosado', rosada: 'rosado', pink: 'rosado',
});
/** Two-word colours: "blanco hueso" is not plain white. */
const COLOUR_PAIRS: readonly [string, string, string][] = [
  ['blanco', 'hueso', 'blanco hueso'],
  ['gris', 'perla', 'gris perla'],
  ['off', 'white', 'blanco hueso'],
  ['warm', 'white', 'amarillo'], ['cool', 'white', 'blanco'],
  ['bone', 'white', 'blanco hueso'], ['pearl', 'gray', 'gris perla'], ['pearl', 'grey', 'gris perla'], // "bone white", "pearl gray" in English
];
const FINISHES: Readonly<Record<string, Attributes['finish']>> = lookupTable({
  satinada: 'satinado', satinado: 'satinado', satin: 'satinado', satinad: 'satinado',
  mate: 'mate', matte: 'mate', mat: 'mate', flat: 'mate',
  brillante: 'brillante', brillado: 'brillante', brillada: 'brillante', gloss: 'brillante', glossy: 'brillante', brillo: 'brillante',
});
/** Pack words (customer's and catalog's) → the catalog's selling unit. */
const PACKS: Readonly<Record<string, string>> = lookupTable({
  saco: 'saco', sacos: 'saco', funda: 'saco', fundas: 'saco', bag: 'saco', bags: 'saco', quintal: 'saco', quintales: 'saco', sack: 'saco',
  bolsa: 'saco', bolsas: 'saco',
  galon: 'galon', galones: 'galon', gallon: 'galon', gallons: 'galon', gal: 'galon',
  // How customers type them: "3 galone", "2 glns", "5 qq" (quintales).
  galone: 'galon', galons: 'galon', galns: 'galon', glns: 'galon', gln: 'galon', gls: 'galon', qq: 'saco', qqs: 'saco', zaco: 'saco', zacos: 'saco',
  cubeta: 'cubeta', cubetas: 'cubeta', bucket: 'cubeta', buckets: 'cubeta', cubo: 'cubeta', paila: 'cubeta', tanqueta: 'cubeta',
  rollo: 'rollo', rollos: 'rollo', roll: 'rollo', rolls: 'rollo', bobina: 'rollo',
  libra: 'libra', libras: 'libra', pound: 'libra', pounds: 'libra', lb: 'libra', lbs: 'libra',
  ciento: 'ciento', caja: 'caja', cajas: 'caja', box: 'caja', paquete: 'paquete', paquetes: 'paquete', pack: 'paquete',
  // A roofing sheet and a plywood board are both "plancha" or "lámina" to a customer.
  plancha: 'lamina', planchas: 'lamina', lamina: 'lamina', laminas: 'lamina', sheet: 'lamina', sheets: 'lamina',
  par: 'par', pares: 'par', pair: 'par', juego: 'juego', juegos: 'juego', set: 'juego',
});
/** Count nouns after a number in catalog names ("6 Piezas", "1 Polo", "8 Circuitos"). */
const COUNT_NOUNS = /^(?:piezas?|polos?|circuitos?|dientes|peldanos|componentes|poceta|pieces|poles?)$/;
/** A count noun's canonical (singular Spanish) form: "poles" and "polos" count the same thing. */
export function countNoun(word: string): string {
  if (/^pol/.test(word)) return 'polo';
  if (/^pie/.test(word)) return 'pieza';
  if (/^circuit/.test(word)) return 'circuito';
  return word.replace(/s$/, '');
}

const UNIT_WORDS: readonly [RegExp, MeasureUnit][] = [
  [/^(?:in|inch|inches|pulgadas?|pulg|plg)$/, 'in'],
  [/^(?:ft|pies?|feet|foot)$/, 'ft'],
  [/^(?:m|mts?|metros?|meters?|metres?)$/, 'm'],
  [/^mm$/, 'mm'],
  [/^cm$/, 'cm'],
  [/^(?:kg|kilos?|kilogramos?)$/, 'kg'],
  [/^(?:lb|lbs|libras?|pounds?)$/, 'lb'],
  [/^(?:oz|onzas?|ounces?)$/, 'oz'],
  [/^(?:gal|galon|galones|gallons?)$/, 'gal'],
  [/^(?:w|watts?|vatios?)$/, 'w'],
  [/^(?:a|amp|amps|amperes?|amperios?)$/, 'a'],
  [/^(?:v|volts?|voltios?)$/, 'v'],
  [/^hp$/, 'hp'],
  [/^ml$/, 'ml'],
  [/^(?:l|lts?|litros?|liters?|litres?)$/, 'l'],
];

function unitOf(word: string | undefined): MeasureUnit | null {
  if (word === undefined) return null;
  for (const [re, unit] of UNIT_WORDS) if (re.test(word)) return unit;
  return null;
}

/** "1/2" → 0.5, "1-1/2" → 1.5, "42.5" → 42.5, "3,5" → 3.5. */
export function numberValue(text: string): number {
  const mixed = /^(\d+)-(\d+)\/(\d+)$/.exec(text);
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const frac = /^(\d+)\/(\d+)$/.exec(text);
  if (frac) return Number(frac[2]) === 0 ? Number.NaN : Number(frac[1]) / Number(frac[2]);
  return Number(text.replace(',', '.'));
}

/** A measure as a customer reads it: 0.375 in → 3/8", 20 ft → 20 pies. */
export function measureText(m: Measure): string {
  const whole = Math.floor(m.value);
  const rest = m.value - whole;
  const eighths = Math.round(rest * 16);
  let num = String(m.value);
  if (rest > 0 && Math.abs(rest * 16 - eighths) < 1e-6) {
    let n = eighths;
    let d = 16;
    while (n % 2 === 0) {
      n /= 2;
      d /= 2;
    }
    num = whole > 0 ? `${whole} ${n}/${d}` : `${n}/${d}`;
  }
  const suffix: Record<MeasureUnit, string> = { in: '"', ft: "'", m: ' m', mm: ' mm', cm: ' cm', kg: ' kg', lb: ' lb', oz: ' oz', gal: ' gal', w: 'W', a: 'A', v: 'V', hp: ' HP', ml: ' ml', l: ' L', ga: '', count: '', '': '' };
  return m.unit === 'ga' ? `#${num}` : `${num}${suffix[m.unit]}`;
}

/** A count with its noun as a customer reads it: "1 polo", "2 polos", "2 poles". */
export function countText(value: number, noun: string, lang: 'es' | 'en'): string {
  const en: Readonly<Record<string, string>> = { polo: 'pole', pieza: 'piece', circuito: 'circuit' };
  const word = lang === 'en' ? (en[noun] ?? noun) : noun;
  return `${value} ${value === 1 ? word : /[aeiou]$/.test(word) ? `${word}s` : `${word}es`}`;
}

/** Units of one dimension, in a common base: a size asked in litres meets a tank sold in gallons. */
const CONVERTIBLE: Readonly<Partial<Record<MeasureUnit, { dimension: string; base: number }>>> = {
  in: { dimension: 'length', base: 25.4 },
  mm: { dimension: 'length', base: 1 },
  cm: { dimension: 'length', base: 10 },
  ft: { dimension: 'length', base: 304.8 },
  m: { dimension: 'length', base: 1000 },
  gal: { dimension: 'volume', base: 3.78541 },
  l: { dimension: 'volume', base: 1 },
  ml: { dimension: 'volume', base: 0.001 },
  kg: { dimension: 'mass', base: 1000 },
  lb: { dimension: 'mass', base: 453.592 },
  oz: { dimension: 'mass', base: 28.3495 },
};

/** A measure in another unit of its dimension (3.785 l for 1 gal); null when they do not convert. */
export function convertMeasure(m: Measure, unit: MeasureUnit): Measure | null {
  if (m.unit === unit) return m;
  const from = CONVERTIBLE[m.unit];
  const to = CONVERTIBLE[unit];
  if (!from || !to || from.dimension !== to.dimension) return null;
  return { value: (m.value * from.base) / to.base, unit };
}

/** The sound keys of a closed vocabulary (the lists below are constants), made once per list. */
const vocabularySounds = new WeakMap<readonly string[], readonly string[]>();
function soundsOf(vocabulary: readonly string[]): readonly string[] {
  let sounds = vocabularySounds.get(vocabulary);
  if (sounds === undefined) vocabularySounds.set(vocabulary, (sounds = vocabulary.map(soundKey)));
  return sounds;
}

/** A vocabulary word within one typo (or a sound-alike) of `word`, from a small closed list. */
function nearest(word: string, vocabulary: readonly string[]): string | undefined {
  if (vocabulary.includes(word)) return word;
  if (word.length < 4 || NOT_A_TYPO.has(word)) return undefined;
  const key = soundKey(word);
  const sounds = soundsOf(vocabulary);
  for (let i = 0; i < vocabulary.length; i++) if (vocabulary[i]!.length >= 4 && sounds[i] === key) return vocabulary[i];
  for (const v of vocabulary) if (v.length >= 5 && v[0] === word[0] && editDistance(word, v, 1) <= 1) return v;
  return undefined;
}
/**
 * The words a typo is corrected to: the everyday Spanish colour and finish names only. Regional and
 * short names ("colorado", "claro", "plomo", "crema", "mate") and English ones ("white", "black")
 * sit one letter from ordinary words ("colocado", "caro", "promo", "crear", "marte", "while",
 * "block"), so they count only as written.
 */
const COLOUR_WORDS = ['blanco', 'blanca', 'negro', 'negra', 'gris', 'rojo', 'roja', 'verde', 'azul', 'amarillo', 'amarilla', 'naranja', 'marron', 'transparente', 'yellow'];
const FINISH_WORDS = ['satinado', 'satinada', 'brillante'];
/** Ordinary words one letter from a colour or finish: never read as its typo. */
const NOT_A_TYPO = new Set(['banco', 'bancos', 'blando', 'blanda', 'blandos', 'blandas', 'vende', 'venden', 'verse', 'verte', 'negar', 'rajo']);
/** "claro"/"clara" is a colour after a product word ("silicón claro"), a shade after a colour ("azul claro"), else "of course". */
const SHADE = /^(?:clar[oa]s?|oscur[oa]s?)$/;
/**
 * Words that say which shade of a colour, said beside it ("azul cielo", "verde oliva", "sky blue",
 * "navy blue"), and "color" before one ("color crema"): part of the colour asked, never what the
 * product is ("No vendemos azul cielo").
 */
const SHADE_WORDS: ReadonlySet<string> = new Set(['cielo', 'marino', 'rey', 'bebe', 'pastel', 'oliva', 'limon', 'turquesa', 'menta', 'light', 'dark', 'sky', 'navy', 'royal', 'baby', 'pale', 'bright', 'olive', 'lime']);
const COLOUR_NOUN: ReadonlySet<string> = new Set(['color', 'colores', 'colour', 'colours', 'tono']);
/** True for a word that says a colour's shade ("claro", "cielo", "navy"), which a query without its colour leaves out too. */
export const isShadeWord = (word: string): boolean => SHADE.test(word) || SHADE_WORDS.has(word) || COLOUR_NOUN.has(word);

export interface ParseOptions {
  /** Brand names (folded) the catalog knows; found in the text they become the `brand` attribute. */
  brands?: readonly string[];
  /** Catalog text (a product name): no quantities, every number is a measure. */
  catalog?: boolean;
  /** Words the catalog knows are taken as written: "block" is not a typo of "black". */
  isKnown?: (word: string) => boolean;
}

/**
 * Reads the attributes, the quantity and the content words of a customer's product phrase or a
 * catalog name.
 *
 * @example
 * parseProductText('10 sacos de cemento gris').quantity; // 10
 * parseProductText('la varilla de 1/2 grado 60').attributes; // { measures: [{ value: 0.5, unit: '' }], grade: 60, ... }
 */
export function parseProductText(text: string, options: ParseOptions = {}): ParsedQuery {
  const attributes: Attributes = { measures: [], dims: [], colours: [] };
  const phrases: ParsedQuery['phrases'] = {};
  const addPhrase = (kind: AttributeKind, phrase: string): void => {
    phrases[kind] = phrases[kind] ? `${phrases[kind]} ${phrase}` : phrase;
  };
  // "a 2 by 4", "dos por cuatro": the customer's size as the catalog writes it ("2x4").
  let t = normaliseMeasures(fold(options.catalog ? text : withDimensionsJoined(text)).replace(/[¿?¡!,;:()]/g, ' '));
  let quantity: number | undefined;

  // Quantity first: "10 sacos de cemento", "dame 2 tubos", "5 galones de pintura", "50 de esos"
  // (not "tinaco de 250 galones", "calibre 34", "block 6").
  if (!options.catalog) {
    const found = readQuantity(t, options.isKnown);
    if (found) {
      quantity = found.quantity;
      if (found.pack) {
        attributes.pack = found.pack;
        addPhrase('pack', found.packWord ?? found.pack);
      }
      t = found.rest;
    }
  }

  // Every pattern below needs a digit, and one writes only where it matched: on a text without a
  // digit none can change it, so none is run (issue 16: 13.5 replaces on a never-seen message).
  const numbered = /\d/.test(t);
  /** Removes every match the callback accepts (returns nothing); a returned string replaces the match instead. */
  const take = (re: RegExp, onMatch: (m: string[]) => string | void): void => {
    if (!numbered) return;
    t = t.replace(re, (...args: unknown[]) => {
      const kept = onMatch(args.filter((a) => typeof a === 'string' || a === undefined).map((a) => (a === undefined ? '' : (a as string))));
      return typeof kept === 'string' ? kept : ' ';
    });
  };
  take(/\b(?:grado|grade|gr\.?)\s*(\d+)\b/g, (m) => {
    attributes.grade = Number(m[1]);
    addPhrase('grade', `grado ${m[1]}`);
  });
  take(/(?:\b(?:calibre|cal\.?|gauge|ga|numero|no\.|grano|grit)\s*#?\s*|#\s*)(\d+)\b/g, (m) => {
    attributes.measures.push({ value: Number(m[1]), unit: 'ga' });
    addPhrase('size', `#${m[1]}`);
  });
  take(/\b(\d+)\s*(?:gauge|ga|awg|grit)\b/g, (m) => {
    attributes.measures.push({ value: Number(m[1]), unit: 'ga' });
    addPhrase('size', `#${m[1]}`);
  });
  // Not "1/4 x 3" (a bolt's diameter by its length: two inch sizes, read below).
  take(/(?<![\d/.-])(\d+(?:\.\d+)?)\s*x\s*(\d+(?:\.\d+)?)(?![\d/])(?:\s*x\s*(\d+(?:\.\d+)?)(?:ft|in)?)?(?:\s*cm\b)?/g, (m) => {
    attributes.dims.push(`${m[1]}x${m[2]}`);
    if (m[3]) {
      attributes.dims.push(`${m[1]}x${m[2]}x${m[3]}`);
      // Lumber is 2x4x10': the third part is its length in feet.
      attributes.measures.push({ value: Number(m[3]), unit: 'ft' });
    }
    addPhrase('dims', m[3] ? `${m[1]}x${m[2]}x${m[3]}` : `${m[1]}x${m[2]}`);
  });
  // "tirafondo 1/4 x 4", "perno 3/8\" x 4\"": a diameter by a length, both in inches, said together.
  take(BY_SIZE, (m) => {
    const sizes = [{ value: numberValue(m[1] as string), unit: (m[2] || '') as MeasureUnit }, { value: numberValue(m[3] as string), unit: (m[4] || '') as MeasureUnit }];
    if (sizes.some((x) => !Number.isFinite(x.value) || x.value <= 0)) return m[0];
    attributes.measures.push(...sizes);
    addPhrase('size', sizes.map((x) => measureText({ ...x, unit: 'in' })).join(' x '));
  });
  take(/\b(\d+)\s*-\s*(\d+)\s*-\s*(\d+)\b/g, (m) => {
    attributes.dims.push(`${m[1]}-${m[2]}-${m[3]}`);
  });
  // A number with its unit: 4in, 20ft, 42.5 kg, 20a, 9w, 250 galones, 6 m, "6 piezas".
  take(IN_OR_FT, (m) => {
    attributes.measures.push({ value: numberValue(m[1] as string), unit: m[2] as MeasureUnit });
    addPhrase('size', measureText({ value: numberValue(m[1] as string), unit: m[2] as MeasureUnit }));
  });
  take(WITH_WORD, (m) => {
    const word = m[2] as string;
    const unit = unitOf(word);
    const value = numberValue(m[1] as string);
    // "a" and "v" alone are Spanish words: only as a suffix ("20a", "20v"); "20 w" is watts all the same.
    const attached = !/\s/.test(m[0] ?? '');
    if (unit !== null && (attached || !/^(?:a|v|m|l)$/.test(word) || options.catalog)) {
      attributes.measures.push({ value, unit });
      addPhrase('size', measureText({ value, unit }));
      return;
    }
    if (COUNT_NOUNS.test(word)) {
      const noun = countNoun(word);
      attributes.measures.push({ value, unit: 'count', noun });
      // "2 polos" is what the customer asked for as much as "20A" is ("de 2 polos" said back).
      if (!options.catalog) addPhrase('size', countText(value, noun, 'es'));
      return;
    }
    // Not a measure ("cable 12 negro"): the number stays for the bare-size pass, the word for content.
    return ` ${m[1]} ${word} `;
  });
  // Bare fractions and sizes: "varilla de 3/8", "block de 6", "de 1-1/2".
  take(BARE_NUMBER, (m) => {
    const value = numberValue(m[1] as string);
    if (!Number.isFinite(value) || value <= 0) return;
    attributes.measures.push({ value, unit: '' });
    addPhrase('size', measureText({ value, unit: /\//.test(m[1] as string) ? 'in' : '' }));
  });

  // Word attributes: colour (two-word colours first), finish, pack, brand.
  let tokens = words(t);
  for (const brand of options.brands ?? []) {
    const at = ` ${tokens.join(' ')} `.indexOf(` ${brand} `);
    if (at >= 0) {
      attributes.brand = brand;
      addPhrase('brand', brand);
      const n = brand.split(' ').length;
      const start = ` ${tokens.join(' ')} `.slice(0, at).trim().split(' ').filter(Boolean).length;
      tokens = [...tokens.slice(0, start), ...tokens.slice(start + n)];
      break;
    }
  }
  const content: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] as string;
    const next = tokens[i + 1];
    const pair = COLOUR_PAIRS.find(([a, b]) => (COLOURS[word] === a || word === a) && next !== undefined && (COLOURS[next] === b || next === b));
    if (pair) {
      attributes.colours.push(pair[2]);
      addPhrase('colour', pair[2]);
      i++;
      continue;
    }
    if (/^\d/.test(word)) continue;
    if ((SHADE_WORDS.has(word) && (COLOURS[tokens[i - 1] ?? ''] !== undefined || COLOURS[next ?? ''] !== undefined)) || (COLOUR_NOUN.has(word) && COLOURS[next ?? ''] !== undefined)) continue;
    if (SHADE.test(word)) {
      const before = tokens[i - 1];
      // "azul claro" is a light blue, not a clear one; "claro, dame cemento" is "of course".
      const afterProduct = before !== undefined && !/^\d/.test(before) && !FILLER.has(stem(before)) && COLOURS[before] === undefined;
      if (!afterProduct || !word.startsWith('clar')) continue;
    }
    if (FILLER.has(stem(word)) && !COLOURS[word] && !PACKS[word]) continue;
    const guess = !options.catalog && !(options.isKnown?.(word) ?? false);
    const colour = COLOURS[word] ?? (guess ? COLOURS[nearest(word, COLOUR_WORDS) ?? ''] : undefined);
    if (colour) {
      attributes.colours.push(colour);
      addPhrase('colour', colour);
      continue;
    }
    const finish = FINISHES[word] ?? (guess ? FINISHES[nearest(word, FINISH_WORDS) ?? ''] : undefined);
    if (finish) {
      attributes.finish = finish;
      addPhrase('finish', finish);
      continue;
    }
    // "caja octagonal", "caja rectangular": a box described is the product, not the pack ("una caja de clavos").
    if (PACKS[word] && !boxNamed(word, next) && !(word === 'set' || word === 'pack' || word === 'par' || word === 'juego' || word === 'plancha' || word === 'lamina' || word === 'sheet' || word === 'sheets')) {
      attributes.pack ??= PACKS[word];
      if (!phrases.pack) addPhrase('pack', word);
      continue;
    }
    if (word.length === 1) continue;
    content.push(stem(word));
  }
  return { ...(quantity !== undefined ? { quantity } : {}), attributes, content, phrases };
}

/** "caja octagonal", "2 cajas rectangulares": a box described by the word after it is the product, not the pack ("una caja de clavos"). */
function boxNamed(word: string, next: string | undefined): boolean {
  return /^(?:caja|cajas)$/.test(word) && next !== undefined && !/^(?:de|del|of|\d.*)$/.test(next) && PACKS[next] === undefined;
}

const QUANTITY_BLOCKERS = /^(?:de|of|calibre|cal|grado|grade|no|numero|x|gauge|ga|grano|grit)$/;
const PRONOUNS = /^(?:esos|esas|ellos|ellas|them|those|these|eso|esto|estos|estas)$/;

/** The customer's quantity at the start of a phrase, and the phrase without it. */
function readQuantity(t: string, isKnown: (word: string) => boolean = () => false): { quantity: number; pack?: string; packWord?: string; rest: string } | null {
  const tokens = quantityTokens(t);
  for (let i = 0; i < tokens.length; i++) {
    const raw = (tokens[i] as RegExpMatchArray)[0];
    const isDigits = /^\d+$/.test(raw);
    if (/^\d/.test(raw) && !isDigits) return null; // a size comes first: "4in", "3/8"
    const value = isDigits ? Number(raw) : NUMBER_WORDS[raw];
    if (value === undefined) continue;
    const prev = tokens[i - 1]?.[0];
    const next = tokens[i + 1]?.[0];
    // "tinaco de 250 galones" is a size; "precio de 5 galones" a quantity.
    const beforePrev = tokens[i - 2]?.[0];
    const ofSize = (prev === 'de' || prev === 'of') && beforePrev !== undefined && !FILLER.has(stem(beforePrev)) && !/^\d/.test(beforePrev);
    if (prev !== undefined && QUANTITY_BLOCKERS.test(prev) && (ofSize || (prev !== 'de' && prev !== 'of'))) return null;
    // "pintura blanca de 5 galones", "the 5 gallon white paint": gallons said as what the pack holds
    // (the 5-gallon bucket), not how many; "5 galones de pintura", "5 gallons of paint" count them.
    if (next !== undefined && /^(?:galon|galones|gallon)$/.test(next) && ((prev === 'de' && ofSize) || (next === 'gallon' && /^[a-z]{3,}$/.test(tokens[i + 2]?.[0] ?? '') && tokens[i + 2]?.[0] !== 'of'))) return null;
    // "cubeta 5 gal", "saco 42.5 kg": a number after a pack word is the pack's size.
    if (prev !== undefined && PACKS[prev] !== undefined) return null;
    // "cable 12 rojo", "tubo 4 drenaje": a number between the product and its colour, finish or
    // another word of the catalog is its size; "cemento 10 sacos", "mejor 30 varillas" count.
    if (prev !== undefined && next !== undefined && !FILLER.has(stem(prev)) && NUMBER_WORDS[prev] === undefined && (COLOURS[next] !== undefined || FINISHES[next] !== undefined || (isKnown(prev) && isKnown(next) && PACKS[next] === undefined && !COUNT_NOUNS.test(next)))) return null;
    if (next === undefined) return prev !== undefined && /^(?:por|for)$/.test(prev) && value >= 2 ? { quantity: value, rest: t.slice(0, (tokens[i] as RegExpMatchArray).index ?? 0) } : null; // "¿y cuánto por dos?", "how much for two?": a count
    if (/^\d/.test(next)) {
      // "300 eight inch blocks" (read as "300 8in"), "20 3/8 rods", "12 2x4s": a count before a size.
      const at = (tokens[i] as RegExpMatchArray).index ?? 0;
      if (!isDigits || !(/^(?:\d+(?:\.\d+)?(?:in|ft)|\d+(?:-\d+)?\/\d+(?:in)?)$/.test(next) || /^\s+\d+x\d/.test(t.slice(at + raw.length)))) return null;
      // "cable #10 500 pies" is the gauge; "cable 10 500 pies", "tubo 4 20 pies" (the "de" between
      // left out) a size after the product's word, then its length.
      if (/#\s*$/.test(t.slice(0, at)) || (prev !== undefined && isKnown(prev) && /^\d+(?:\.\d+)?ft$/.test(next))) return null;
      return { quantity: value, rest: `${t.slice(0, at)} ${t.slice(at + raw.length)}` };
    }
    const pack = boxNamed(next, tokens[i + 2]?.[0]) ? undefined : PACKS[next];
    // "cable #14 rollo", "cable 14 rollo": a gauge or size after the product's word, then the one pack it comes in (singular), not 14 rolls.
    if (pack && isDigits && value > 1 && !/s$/.test(next) && (/#\s*$/.test(t.slice(0, (tokens[i] as RegExpMatchArray).index ?? 0)) || (prev !== undefined && isKnown(prev) && !FILLER.has(stem(prev))))) return null;
    // "50 de esos", "12 de clavos" (from "una docena de clavos"), "200 of them".
    const ofThem = (next === 'de' || next === 'of') && (PRONOUNS.test(tokens[i + 2]?.[0] ?? '') || /^[a-z]{3,}$/.test(tokens[i + 2]?.[0] ?? '') || /^\d+x$/.test(tokens[i + 2]?.[0] ?? '')); // "12 de 2x4" (from "una docena de 2x4")
    if (!pack && !ofThem && (unitOf(next) !== null || COUNT_NOUNS.test(next) || FILLER.has(stem(next)) || /^(?:gauge|ga|awg|grit|x)$/.test(next))) return null;
    // "un cemento" is too weak to be a quantity; a digit, a pack or a number above one makes it real.
    if (!isDigits && value <= 1 && !pack) return null;
    const token = tokens[i] as RegExpMatchArray;
    const start = token.index ?? 0;
    let end = start + raw.length;
    if (pack) end = (tokens[i + 1]?.index ?? end) + next.length;
    return { quantity: value, ...(pack ? { pack, packWord: next } : {}), rest: `${t.slice(0, start)} ${t.slice(end)}` };
  }
  return null;
}
