/** The selling units and packs a customer counts products in ("2 sacos", "la cubeta de 5 galones"), as the product reader reads them. */

/** Selling units: they carry a quantity but are not the product itself. */
export const UNITS = new Set([
  'saco', 'galon', 'cubeta', 'unidad', 'libra', 'lb', 'kg', 'kilo', 'metro', 'caja', 'quintal', 'bolsa', 'rollo',
  'hoja', 'plancha', 'pieza', 'lata', 'paquete', 'juego', 'bag', 'gallon', 'bucket', 'unit', 'pound', 'box',
  'roll', 'piece', 'pack', 'can', 'yarda', 'm', 'm2', 'm3', 'lamina', 'tramo', 'sheet', 'funda', 'cubo', 'paila',
]);
/** Units that say which pack the customer wants (galón or cubeta of paint): they stay in the product query. */
export const PACK_UNITS = new Set(['saco', 'galon', 'cubeta', 'rollo', 'libra', 'caja', 'paquete', 'bag', 'gallon', 'bucket', 'roll', 'pound', 'box', 'funda', 'quintal', 'cubo', 'paila', 'bolsa']);
export const DOZEN = new Set(['docena', 'dozen']);
/** A gallon said as a size ("de 5 galones"). */
export const GALLONS = /^(?:gal(?:on(?:es)?)?|gallons?)$/;
/** Packs that come in a size of their own ("cubeta de 5 galones"). */
export const BUCKETS = new Set(['cubeta', 'cubo', 'paila', 'bucket']);
/** A word's singular forms to look up, itself last: "tubos" → "tubo", "tubos". */
export function singular(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('s') && word.length > 3) out.push(word.slice(0, -1));
  if (word.endsWith('es') && word.length > 4) out.push(word.slice(0, -2));
  out.push(word);
  return out;
}

/**
 * How customers type selling units ("galone", "galónes", "glns", "qq", "zacos", "20 pcs", "10 pzas"): the unit they mean,
 * so "kiero 3 galone de pintura" keeps its 3.
 */
const UNIT_SPELLINGS: readonly [RegExp, string][] = [
  [/^(?:gal(?:l)?on(?:es|e|s|is)?|galo|galns?|glns?|gls)$/, 'galon'],
  [/^(?:qq|qqs|quintal(?:es)?)$/, 'quintal'],
  [/^(?:z|s)acos?$/, 'saco'],
  [/^cuv?betas?$|^cuvetas?$/, 'cubeta'],
  [/^(?:pcs?|pzas?|pzs)$/, 'pieza'],
];

/** The selling unit a token names, or the token itself. */
export function resolveUnit(tok: string): string {
  if (UNITS.has(tok) || DOZEN.has(tok)) return tok;
  for (const s of singular(tok)) if (UNITS.has(s) || DOZEN.has(s)) return s;
  for (const [re, unit] of UNIT_SPELLINGS) if (re.test(tok)) return unit;
  return tok;
}

/** Units that only ever size a product, never count what is bought ("50 mm", "16 oz", "9 w"; not "10 pies" of cable). */
export const SIZE_ONLY_UNIT = /^(?:pulgadas?|pulg|inch(?:es)?|mm|cm|w|watts?|v|voltios|volts?|a|amp(?:s|erios?)?|oz|onzas?|hp|ml|")$/;
