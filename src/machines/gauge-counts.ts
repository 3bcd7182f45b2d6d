/**
 * "dame un rollo de 12 y uno de 14", "2 rollos del 12", "100 pies del 12 y 50 del 14", "give me a
 * roll of 12 and one of 14": wire counted by the roll or the foot, each count with the gauge after
 * "de"/"del"/"of". With a wire on the counter an electrician says the gauge alone; a clerk hands
 * over a roll of each, never "¿qué necesitas?". A part with no unit takes the one before it ("uno
 * de 14" after "un rollo de 12" is a roll). Pure text reading; the product tool finds the wires.
 */
import { foldAccents } from '../kernel/fold.js';

export interface GaugeCount {
  quantity: number;
  /** 'pie' or 'rollo' when said (or carried from the part before); undefined: the unit of the wire on the counter. */
  unit?: 'pie' | 'rollo';
  /** The wire's gauge number ("12"). */
  gauge: string;
}

const NUMBERS: Readonly<Record<string, number>> = { un: 1, uno: 1, una: 1, a: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, diez: 10, ten: 10 };
const TAKE = /^(?:(?:ok|okay|dale|pues|entonces|bueno|si|y|and|mi\s+loco|klk)\s+)*(?:(?:dame|deme|denme|ponme|pongame|mandame|quiero|necesito|ocupo|me\s+das|me\s+llevo|llevo|give\s+me|i\s+want|i\s+need|ill\s+take|i\s+ll\s+take|i\s+will\s+take)\s+)?/;
/** One part: a count, maybe its unit, "de/del/of (the)", maybe "calibre/#", the gauge, maybe "gauge/awg". */
const PART = /^(\d{1,5}|[a-z]+)\s+(?:(pies?|feet|foot|ft|rollos?|rolls?)\s+)?(?:del|de\s+la|de|of\s+the|of)\s+(?:(?:calibre|cal|gauge|numero|no)\.?\s*|#\s*)?(\d{1,2})(?:\s*(?:gauge|ga|awg))?$/;

/**
 * The gauge counts of a message made only of them, or null.
 *
 * @example
 * readGaugeCounts('dame un rollo de 12 y uno de 14'); // [{ quantity: 1, unit: 'rollo', gauge: '12' }, { quantity: 1, unit: 'rollo', gauge: '14' }]
 * readGaugeCounts('dame 100 pies del 12'); // [{ quantity: 100, unit: 'pie', gauge: '12' }]
 * readGaugeCounts('dame 2 de 3/4'); // null: a size, no gauge
 */
export function readGaugeCounts(text: string): GaugeCount[] | null {
  const t = foldAccents(text.toLowerCase()).replace(/['’]/g, '').replace(/[¿?¡!.]+/g, ' ').replace(/\s+/g, ' ').trim().replace(TAKE, '');
  if (t === '') return null;
  const out: GaugeCount[] = [];
  let unit: GaugeCount['unit'];
  for (const part of t.split(/\s*,\s*(?:(?:y|e|and)\s+)?|\s+(?:y|e|and)\s+/)) {
    const m = PART.exec(part.replace(/\s+(?:por\s+favor|porfa|please|pls)$/, ''));
    if (!m) return null;
    const quantity = /^\d+$/.test(m[1] as string) ? Number(m[1]) : NUMBERS[m[1] as string];
    if (quantity === undefined || quantity <= 0) return null;
    if (m[2] !== undefined) unit = /^(?:rol)/.test(m[2]) ? 'rollo' : 'pie';
    // A bare number word with no unit anywhere ("uno de 12") is a pick, not a count of wire.
    if (unit === undefined && !/^\d+$/.test(m[1] as string)) return null;
    out.push({ quantity, ...(unit !== undefined ? { unit } : {}), gauge: m[3] as string });
  }
  return out.length > 0 ? out : null;
}
