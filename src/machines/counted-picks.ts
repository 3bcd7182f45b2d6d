/**
 * Two counts or more of the options on the counter in one message ("dame 50 de esa y 20 de la otra",
 * "2 de la primera y 3 de la segunda", "20 de la grado 40 y 10 de la grado 60", "give me 5 of the
 * first and 3 of the other one"): each part a count and the option it points at, by its place, by
 * "esa"/"la otra", or by its own words (which the product tool matches against the options).
 */
import { foldAccents } from '../kernel/fold.js';

/** One part of the message: how many, and the words that point at the option. */
export interface CountedPart {
  quantity: number;
  /** 'this': "esa", "that one"; 'other': "la otra", "the other one"; else the words said ("la primera", "la grado 60"). */
  points: 'this' | 'other' | string;
}

const NUMBERS: Readonly<Record<string, number>> = { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, diez: 10, doce: 12, quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twenty: 20, fifty: 50 };
const TAKE = String.raw`(?:(?:ok|dale|pues|entonces|bueno|si|y|e|and)\s+)*(?:(?:dame|deme|ponme|pongame|mandame|quiero|necesito|ocupo|me\s+das|me\s+llevo|llevo|give\s+me|i\s+want|i\s+need|ill\s+take|i\s+ll\s+take)\s+)?`;
const UNIT = String.raw`(?:unidades?|units?|piezas?|pieces?|sacos?|fundas?|bags?|galon(?:es)?|glns?|gallons?|cubetas?|buckets?|pies?|feet|metros?|rollos?|rolls?|laminas?|planchas?|libras?|cajas?|boxes?|pares|pairs?)`;
const PART = new RegExp(String.raw`^${TAKE}(\d{1,5}|[a-z]+)\s+(?:${UNIT}\s+)?(?:de|del|d|of)\s+(.+)$`);
const THIS = /^(?:(?:la|el|lo)\s+)?(?:es[ea]|est[ea]|eso|esto)$|^(?:that|this)(?:\s+one)?$/;
const OTHER = /^(?:(?:la|el|lo|the)\s+)?(?:otr[oa]|other(?:\s+one)?)$/;
/** What a part points at must start as a pick does: an article, "esa", "la otra" (never "20 de cemento"). */
const POINTED = /^(?:la|el|los|las|the|es[ea]|est[ea]|eso|esto|that|this|otr[oa]|other)\b/;

/**
 * The counted parts of a message that picks two options or more, or null when it is no such message
 * (fewer than two parts, or a part that is no count of something pointed at).
 *
 * @example
 * countedPicks('dame 50 de esa y 20 de la otra'); // [{ quantity: 50, points: 'this' }, { quantity: 20, points: 'other' }]
 */
export function countedPicks(text: string): CountedPart[] | null {
  const t = foldAccents(text.toLowerCase()).replace(/['’]/g, '').replace(/[¿?¡!.;]+/g, ' ').replace(/\s+/g, ' ').trim();
  // Cheap gate: two numbers at least (digits or words) and a joining word.
  if (!/\s(?:y|e|and)\s|,/.test(t)) return null;
  const parts = t.split(/\s*,\s*(?:(?:y|e|and)\s+)?|\s+(?:y|e|and)\s+(?=\d|[a-z]+\s+(?:[a-z]+\s+)?(?:de|del|d|of)\s)/).filter((p) => p !== '');
  if (parts.length < 2) return null;
  const out: CountedPart[] = [];
  for (const part of parts) {
    const m = PART.exec(part);
    if (!m) return null;
    const quantity = /^\d+$/.test(m[1] as string) ? Number(m[1]) : NUMBERS[m[1] as string];
    const what = (m[2] as string).replace(/\s+(?:por\s+favor|porfa|please|entonces|pues)$/, '').trim();
    if (quantity === undefined || quantity <= 0 || !POINTED.test(what)) return null;
    out.push({ quantity, points: THIS.test(what) ? 'this' : OTHER.test(what) ? 'other' : what });
  }
  return out;
}
