import { plainWords } from '../kernel/plain-words.js';
import { readFollowUpQuantity } from './product-focus.js';

/**
 * A count set aside in answer to "¿Te lo reservo?": "apártame 20", "resérvame 20 sacos", "ok,
 * sepárame veinte por favor", "set aside 20 for me", "hold 15 for me". A clerk sets that many aside
 * at once (the count on the one product shown), never "no te entendí" nor a product called
 * "resérvame". "dame 20" is not one: it asks the price of 20 first (the product flow).
 */
const RESERVE_LEAD =
  /^(?:(?:ok[aey]?|okey|si|dale|bueno|perfecto|listo|entonces|pues|yes|yeah|sure|great|then)\s+)*(?:(?:me\s+|nos\s+)?(?:apart|reserv|separ|guard)a(?:me|nos)?|(?:me|nos)\s+(?:apart|reserv|separ|guard)a(?:s|n)|(?:puede|pueden|podrias|podria)s?\s+(?:apartar|reservar|separar|guardar)(?:me|nos)?|(?:please\s+)?(?:set\s+aside|put\s+aside|reserve|hold|keep|save)(?:\s+me)?)\s+(?=\S)/;

/** The name the order goes under, after the count ("apártame 20 a nombre de Construcciones Ramírez"): read apart (`order-name.ts`). */
const UNDER_NAME_TAIL = /\s+(?:a|bajo|con)\s+(?:el\s+)?nombre\s+de\s+.*$|\s+(?:under|in\s+the\s+name\s+of)\s+.*$/;

/** "for me", "pa mí": to whom, not the count. */
const FOR_ME = /\s+(?:for\s+me|for\s+us|pa\s+mi|para\s+mi|pa\s+nosotros|para\s+nosotros)\b/g;

/**
 * The count the message sets aside, or null when it sets no count aside.
 *
 * @example
 * reservedCount('apártame 20 sacos por favor'); // 20
 * reservedCount('set aside 20 for me'); // 20
 * reservedCount('dame 20'); // null
 */
export function reservedCount(text: string): number | null {
  const folded = plainWords(text);
  const lead = RESERVE_LEAD.exec(folded);
  if (!lead) return null;
  const rest = folded.slice(lead[0].length).replace(UNDER_NAME_TAIL, '').replace(FOR_ME, ' ').trim();
  if (rest === '' || /^(?:l[oa]s?|it|them)\b/.test(rest)) return null;
  const count = readFollowUpQuantity(`dame ${rest}`);
  return count && count.change === undefined && count.quantity > 0 ? count.quantity : null;
}
