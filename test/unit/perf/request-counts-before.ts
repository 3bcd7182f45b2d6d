/**
 * The count readers of product-request.ts as they were before session 33 (perf23): a pattern built
 * per stem on every call, `matchAll`, no pre-check. The reference their pre-checked version
 * (`request-counts.ts`) is compared with (request-counts.test.ts).
 */
import { foldAccents } from '../../../src/kernel/fold.js';
import type { Wanted } from '../../../src/actors/tools/product-request.js';

const SIZE_WORD = /^(?:half|quarter|quarters|three|one|two|four|five|six|eight|ten|twelve|eighths?|inch|inches|in|media|medio|pulgadas?|de|of|an?|\d+\/\d+|\d+(?:"|in|pulg)?|")$/;

/**
 * "50 half inch rebars", "100 six inch blocks": a count before a size written before the product.
 * The brain reads the product from its head word on, losing both; the count is the quantity and
 * the size words go back into the query.
 */
export function withSizedQuantitiesBefore(wanted: Wanted[], text: string): Wanted[] {
  const folded = foldAccents(text);
  return wanted.map((w) => {
    if (w.quantity !== undefined || w.lengthQuantity !== undefined) return w;
    const head = foldAccents(w.query).split(/\s+/).find((word) => !/^(?:bag|saco|galon|cubeta|bucket|gallon|funda)$/.test(word));
    if (!head || head.length < 3) return w;
    const stem = head.replace(/(?:es|s)$/, '');
    const m = new RegExp(`(?:^|[\\s,;:])(\\d+)\\s+((?:\\S+\\s+){1,4}?)${stem}\\w*\\b`).exec(folded);
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
export function inHundredsBefore(item: Wanted, text: string): Wanted {
  const folded = foldAccents(text);
  const head = foldAccents(item.query).split(/\s+/)[0] ?? '';
  const stem = head.replace(/(?:es|s)$/, '');
  if (stem.length >= 3) {
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

/** "100 pies de cable", "a hundred feet of wire", "100 feet of #12 wire": a length before a product sold by length is how many. */
export function withLengthQuantitiesBefore(wanted: Wanted[], text: string): Wanted[] {
  const folded = foldAccents(text);
  const found = new Map<string, number>();
  for (const m of folded.matchAll(LENGTH_QUANTITY)) {
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
