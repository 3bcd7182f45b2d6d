import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { readFollowUpQuantity } from '../../machines/product-focus.js';

/**
 * A count said with what it is for, right after a product: "dame 15 para el techo" after the cement,
 * "give me 15 for the roof", "ponme 3 pa la marquesina". A clerk hears 15 bags of the cement for
 * the roof — the words after "para" say where it goes, never another product (the roofing screws
 * whose name has "techo"). The input and text with only the count left, or null when the message is
 * no such count or nothing is on the counter.
 */
export function countForPurpose(input: ProductActorInput, text: string | undefined): { input: ProductActorInput; text: string } | null {
  if (text === undefined || !input.focus) return null;
  const m = COUNT_FOR.exec(text.trim());
  const rest = m?.[1];
  if (rest === undefined || readFollowUpQuantity(rest) === undefined) return null;
  const nlu = { ...input.understanding.nlu, entities: input.understanding.nlu.entities.filter((e) => e.type !== 'product') };
  return { input: { ...input, text: rest, understanding: { ...input.understanding, nlu, products: [] } }, text: rest };
}

/** The count, then "para/pa/for" and a few words of what it is for, at the end of the message (a day said there is when, not what for). */
const COUNT_FOR = /^(.*?\S)\s+(?:para|pa|pal|for)\s+(?!(?:ma[nñ]ana|hoy|ahora|ahorita|luego|el\s+(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)|tomorrow|today|now|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?:(?:el|la|los|las|lo|mi|mis|un|una|the|my|our|a|an|nuestr[oa]s?)\s+)?[^\s\d]\S*(?:\s+\S+){0,2}\s*[?!.]*$/i;
