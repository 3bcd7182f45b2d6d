/**
 * The counts said with the items of a product request, beyond what the brain reads: one count for
 * every item ("10 de cada uno"), a count before a size before the product ("50 half inch rebars"),
 * hundreds of what is sold by the hundred ("2 cientos de tornillos"), a length of what is sold by
 * length ("100 pies de cable"). Split out of `product-request.ts`, which reads what is wanted.
 */
import { allMatches } from '../../kernel/all-matches.js';
import { foldAccents } from '../../kernel/fold.js';
import { createLru } from '../../kernel/lru.js';
import type { Wanted } from './product-request.js';

/**
 * "el block de 6 y el de 8, necesito 10 de cada uno", "2 of each": the count said for every item
 * of the message; undefined when there is none.
 */
export function eachQuantity(text: string): number | undefined {
  const m = /(?:^|[\s,;:])(\d+)\s+(?:de\s+cada\s+(?:un[oa]|cosa|producto|art[ií]culo)s?|of\s+each)\b/i.exec(text);
  const n = m?.[1] !== undefined ? Number(m[1]) : undefined;
  return n !== undefined && n > 0 ? n : undefined;
}

const SIZE_WORD = /^(?:half|quarter|quarters|three|one|two|four|five|six|eight|ten|twelve|eighths?|inch|inches|in|media|medio|pulgadas?|de|of|an?|\d+\/\d+|\d+(?:"|in|pulg)?|")$/;

const DIGIT_THEN_SPACE = /\d\s/;
/** A character that makes a stem more than its letters inside a pattern: such a stem skips the pre-checks. */
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|]/;

/**
 * The pattern of a count, up to four words, then a word starting with the stem: built once per
 * stem (a `new RegExp` is a compilation-cache look-up of its source, ~5,000 instructions; issue 16).
 */
const sizedPatterns = createLru<RegExp>(128);
function sizedCountBefore(stem: string): RegExp {
  let re = sizedPatterns.get(stem);
  if (re === undefined) {
    re = new RegExp(`(?:^|[\\s,;:])(\\d+)\\s+((?:\\S+\\s+){1,4}?)${stem}\\w*\\b`);
    sizedPatterns.set(stem, re);
  }
  return re;
}

/**
 * "50 half inch rebars", "100 six inch blocks": a count before a size written before the product.
 * The brain reads the product from its head word on, losing both; the count is the quantity and
 * the size words go back into the query.
 */
export function withSizedQuantities(wanted: Wanted[], text: string): Wanted[] {
  const folded = foldAccents(text);
  return wanted.map((w) => {
    if (w.quantity !== undefined || w.lengthQuantity !== undefined) return w;
    const head = foldAccents(w.query).split(/\s+/).find((word) => !/^(?:bag|saco|galon|cubeta|bucket|gallon|funda)$/.test(word));
    if (!head || head.length < 3) return w;
    const stem = head.replace(/(?:es|s)$/, '');
    // No count before a size, or no stem in the text: no match, known without building the pattern.
    if (!REGEX_SYNTAX.test(stem) && (!DIGIT_THEN_SPACE.test(folded) || !folded.includes(stem))) return w;
    const m = sizedCountBefore(stem).exec(folded);
    if (!m?.[1] || !m[2]) return w;
    const middle = m[2].trim().split(/\s+/);
    if (!middle.every((word) => SIZE_WORD.test(word)) || !middle.some((word) => !/^(?:de|of|an?)$/.test(word))) return w;
    // The size first: after "grade 40", "half inch" would read as 40 1/2.
    return { ...w, query: `${middle.filter((word) => !/^(?:de|of|an?)$/.test(word)).join(' ')} ${w.query}`, quantity: Number(m[1]) };
  });
}

/**
 * A product sold by the hundred ("Tornillo para Techo (ciento)"): "2 cientos de tornillos" is 2;
 * "200 tornillos" or "3 docenas" counts pieces, so it becomes the hundreds that hold them.
 */
export function inHundreds(item: Wanted, text: string): Wanted {
  const folded = foldAccents(text);
  const head = foldAccents(item.query).split(/\s+/)[0] ?? '';
  const stem = head.replace(/(?:es|s)$/, '');
  // "cientos"/"hundreds" missing: no match, known without building the pattern.
  if (stem.length >= 3 && (REGEX_SYNTAX.test(stem) || folded.includes('cient') || folded.includes('hundred'))) {
    const m = new RegExp(`(\\d+|un|una|dos|tres|cuatro|cinco|diez|a|one|two|three|four|five|ten)\\s+(?:cientos?|hundreds?)\\s+(?:de\\s+|of\\s+)?${stem}`).exec(folded);
    if (m?.[1]) {
      const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (COUNT_WORDS[m[1]] ?? 1);
      return { ...item, quantity: n };
    }
  }
  const pieces = item.quantity;
  if (pieces === undefined) return item;
  if (pieces >= 100 || /\bdocenas?\b|\bdozens?\b/.test(folded)) return { ...item, quantity: Math.ceil(pieces / 100) };
  return item;
}

const COUNT_WORDS: Readonly<Record<string, number>> = {
  dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, diez: 10, ten: 10, veinte: 20, twenty: 20,
  treinta: 30, thirty: 30, cincuenta: 50, fifty: 50, cien: 100, hundred: 100, doscientos: 200, trescientos: 300, quinientos: 500,
};
const LENGTH_QUANTITY =
  /(?:^|[\s,;:])(\d+|a\s+hundred|one\s+hundred|two\s+hundred|[a-z]+)\s+(?:pies|pie|feet|foot|ft|metros|metro|meters?|yardas?|yards?)\s+(?:de|of)\s+(?:(?:#\s*|no\.?\s*|calibre\s+)?\d+\s+(?:(?:gauge|ga|awg)\s+)?(?:de\s+)?)?([a-z0-9]+)/g;

/** Every length word of `LENGTH_QUANTITY` holds one of these. */
const LENGTH_HINT = /pie|feet|foot|ft|metro|meter|yard/;

/** "100 pies de cable", "a hundred feet of wire", "100 feet of #12 wire": a length before a product sold by length is how many. */
export function withLengthQuantities(wanted: Wanted[], text: string): Wanted[] {
  const folded = foldAccents(text);
  const found = new Map<string, number>();
  // No length word: no match, known without running the pattern.
  if (!LENGTH_HINT.test(folded)) return wanted;
  for (const m of allMatches(folded, LENGTH_QUANTITY)) {
    const raw = (m[1] ?? '').replace(/^(?:a|one)\s+hundred$/, '100').replace(/^two\s+hundred$/, '200');
    const n = /^\d+$/.test(raw) ? Number(raw) : COUNT_WORDS[raw];
    if (n !== undefined && n > 0 && m[2]) found.set(m[2], n);
  }
  if (found.size === 0) return wanted;
  return wanted.map((w) => {
    if (w.quantity !== undefined) return w;
    // The product word, past a gauge said first ("12 gauge wire").
    const head = foldAccents(w.query).split(/\s+/).find((t) => /^[a-z]/.test(t) && !/^(?:gauge|ga|awg|calibre)$/.test(t)) ?? '';
    const n = found.get(head) ?? [...found.entries()].find(([word]) => word.length > 3 && (head.startsWith(word) || word.startsWith(head)))?.[1];
    return n !== undefined ? { ...w, lengthQuantity: n } : w;
  });
}
