/**
 * "The same amount" said of another product or size: "y la misma cantidad de arena" after 20 bags of
 * cement, "same quantity of gravel", "y de 1/2 la misma cantidad", "ok what about 1/2 inch grade 60
 * then, same quantity". A clerk counts the new line like the one on the counter. The words are put
 * back as the count they stand for ("y de arena, 20"), so that every reader of the message — the
 * brain's quantities, the follow-up rules, the product tool — reads a count the way it already reads
 * "y de 1/2, 20". Pure text rules.
 */
import type { ProductFocus } from './conversation.contract.js';

/** "la misma cantidad", "igual cantidad", "same amount / quantity / number", with the "de"/"of" that leads to the product. */
const SAME_AMOUNT = new RegExp(
  [
    // "la misma cantidad de", "misma cantida d", "igual cantidad de", "el mismo numero de", "la misma cantidad en", "lo mismo de"
    String.raw`(?:(?:la|una)\s+)?(?:misma|igual)\s+cantida(?:d|s)?(?:\s+(?:de|d|en|del)(?=\s))?`,
    String.raw`(?:el\s+)?mismo\s+(?:numero|monto)(?:\s+(?:de|d|en|del)(?=\s))?`,
    String.raw`lo\s+mismo\s+(?:de|d|en|del)(?=\s)`,
    // "the same amount of", "same quantity", "the same number of", "the same of"
    String.raw`(?:the\s+)?same\s+(?:amount|quantity|qty|number|count)(?:\s+(?:of|in|for)(?=\s))?`,
  ].join('|'),
  'i',
);
/** The same, with nothing else around it: the message's own words must be read whole. */
const SAME_AMOUNT_WORDS = new RegExp(String.raw`(^|[\s,;¿¡(])(?:${SAME_AMOUNT.source})(?=$|[\s,.;?!)])`, 'i');

/**
 * The count a "same amount" refers to: the count of the product on the counter, when the counter
 * holds one count only (two lines of different counts leave "the same" unclear).
 *
 * @example
 * countOnCounter({ sku: 'CEM-001', name: 'Cemento', price: 655, query: 'cemento', quantity: 20 }); // 20
 */
export function countOnCounter(focus: ProductFocus | null | undefined): number | undefined {
  const count = focus?.quantity;
  if (count === undefined || !Number.isInteger(count) || count <= 0) return undefined;
  const others = Object.values(focus?.counts ?? {});
  return others.every((n) => n === count) ? count : undefined;
}

/**
 * The message with "the same amount" said as the count it stands for, moved to the end after a
 * comma ("y la misma cantidad de arena" → "y de arena, 20"); the message as it is when it says no
 * such thing or there is no count to stand for.
 *
 * @example
 * withSameCountSaid('y la misma cantidad de arena', 20); // 'y de arena, 20'
 * withSameCountSaid('and the same amount of sand', 20); // 'and sand, 20'
 * withSameCountSaid('y de 1/2 la misma cantidad', 20); // 'y de 1/2, 20'
 */
export function withSameCountSaid(text: string, count: number | undefined): string {
  if (count === undefined || text.length > 160) return text;
  // Accents off letter by letter, so that offsets in the folded text are the text's.
  const folded = text.replace(/[^\u0000-\u007f]/g, (ch) => {
    const plain = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return plain.length === 1 ? plain : ch;
  });
  const m = SAME_AMOUNT_WORDS.exec(folded);
  if (!m) return text;
  const start = m.index + (m[1] ?? '').length;
  const end = m.index + m[0].length;
  // Spanish keeps a "de" before the goods ("y de arena"), as "y de arena 4" is already read; English needs none.
  const spanish = /^(?:la|una|misma|igual|el|mismo|lo)\b/i.test(folded.slice(start));
  const led = /\s(?:de|d|del|en)$/i.test(folded.slice(start, end)) && spanish ? ' de ' : ' ';
  const before = text.slice(0, start).replace(/[\s,;]+$/, '');
  const after = text.slice(end).replace(/^[\s,;]+/, '');
  const ending = /[?!.]+\s*$/.exec(after)?.[0] ?? '';
  const rest = after.slice(0, after.length - ending.length).replace(/[\s,;]+$/, '');
  const words = `${before}${rest !== '' ? `${led}${rest}` : ''}`.replace(/\s+/g, ' ').trim();
  return words === '' ? `${count}${ending}` : `${words}, ${count}${ending.trim()}`;
}
