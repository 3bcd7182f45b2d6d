import type { Lang } from '../../domain/nlu.js';

/** Selling units as the catalog writes them (Spanish), in both languages: [singular, plural]. */
const UNIT_WORDS: Record<string, Record<Lang, [string, string]>> = {
  saco: { es: ['saco', 'sacos'], en: ['bag', 'bags'] },
  bolsa: { es: ['bolsa', 'bolsas'], en: ['bag', 'bags'] },
  unidad: { es: ['unidad', 'unidades'], en: ['unit', 'units'] },
  metro: { es: ['metro', 'metros'], en: ['cubic meter', 'cubic meters'] },
  libra: { es: ['libra', 'libras'], en: ['pound', 'pounds'] },
  'lámina': { es: ['lámina', 'láminas'], en: ['sheet', 'sheets'] },
  plancha: { es: ['plancha', 'planchas'], en: ['board', 'boards'] },
  rollo: { es: ['rollo', 'rollos'], en: ['roll', 'rolls'] },
  'galón': { es: ['galón', 'galones'], en: ['gallon', 'gallons'] },
  cubeta: { es: ['cubeta', 'cubetas'], en: ['bucket', 'buckets'] },
  pie: { es: ['pie', 'pies'], en: ['foot', 'feet'] },
  ciento: { es: ['ciento', 'cientos'], en: ['pack of 100', 'packs of 100'] },
  paquete: { es: ['paquete', 'paquetes'], en: ['pack', 'packs'] },
  juego: { es: ['juego', 'juegos'], en: ['set', 'sets'] },
  par: { es: ['par', 'pares'], en: ['pair', 'pairs'] },
  caja: { es: ['caja', 'cajas'], en: ['box', 'boxes'] },
  pliego: { es: ['pliego', 'pliegos'], en: ['sheet', 'sheets'] },
};

function split(unit: string): { head: string; rest: string } {
  const match = /^(\S+)(.*)$/.exec(unit.trim());
  return { head: match?.[1] ?? unit, rest: match?.[2] ?? '' };
}

/** The unit a price is quoted per: "saco 42.5 kg" / "bag 42.5 kg". */
export function priceUnit(unit: string, lang: Lang): string {
  const { head, rest } = split(unit);
  const words = UNIT_WORDS[head.toLowerCase()];
  return words ? `${words[lang][0]}${rest}` : unit;
}

/** The unit word for a stock count: "230 sacos", "1 saco", "12 gallons". */
export function countUnit(unit: string, count: number, lang: Lang): string {
  const { head } = split(unit);
  const words = UNIT_WORDS[head.toLowerCase()];
  if (!words) return head;
  return count === 1 ? words[lang][0] : words[lang][1];
}

/**
 * Selling units a clerk weighs or cuts to any amount ("media libra de clavos", "a foot and a half
 * of wire"); everything else (a sack, a gallon, a sheet, a piece, a cubic metre of sand) is sold
 * whole, and a part of it is the next whole one (`product-conversions.ts`).
 */
const SOLD_BY_PART = new Set(['libra', 'pie']);

/** Is a product with this selling unit ("libra", "pie", "saco 42.5 kg") sold in parts of the unit? */
export function soldInParts(unit: string): boolean {
  return SOLD_BY_PART.has(split(unit).head.toLowerCase());
}

/**
 * A count as the customer reads it: whole counts as numbers ("3"), parts of a unit to two places
 * at most, with the language's decimal mark ("0,5" / "0.5", "1,25" / "1.25").
 */
export function countText(count: number, lang: Lang): number | string {
  // Past 2^53 a count prints as "1e+23": its digits instead.
  if (Number.isInteger(count)) return Number.isSafeInteger(count) ? count : BigInt(count).toString();
  const rounded = String(Math.round(count * 100) / 100);
  return lang === 'es' ? rounded.replace('.', ',') : rounded;
}
