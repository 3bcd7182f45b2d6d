/**
 * Material for a room of the home, not for one product: "necesito material para un baño", "voy a
 * arreglar la cocina, ¿qué me hace falta?", "what do I need for a bathroom?". A clerk asks which part
 * of the job it is (plumbing, tiles, paint…) and shows the lines, offering an advisor for a whole
 * remodel — never the lead form at once. Pure text rules, read by the rule brain (to read it as a
 * product question) and by the product tool (to answer it from the catalog's `rooms`).
 */

const fold = (text: string): string =>
  text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Words that ask for what a room's job takes: materials, things, what is needed, a remodel. */
const FOR_A_JOB =
  /\b(?:materiales?|cosas|articulos|productos|lo que (?:necesito|ocupo|hace falta|lleva)|que (?:necesito|ocupo|me hace falta|hace falta|lleva|me recomiendas?)|remodel\w*|renov\w*|arregl\w*|reparar|hacer|construir|montar|terminar|equipar|materials?|supplies|stuff|things|what (?:do i|would i|will i|should i) need|remodel\w*|renovat\w*|redo|fix(?:ing)? up|build(?:ing)?)\b/;
/** What makes the job a lead for an advisor: a quote, a business, volume, many rooms, a building. */
const LEAD_JOB =
  /\b(?:cotizacion\w*|cotizar|presupuesto|quote|estimate|empresa|constructora|compania|negocio|hotel(?:es)?|edificios?|apartamentos|proyecto|por mayor|company|business|building|wholesale|project|(?:\d+|dos|tres|cuatro|cinco|seis|diez|veinte|two|three|four|five|ten|twenty)\s+(?:banos|cocinas|bathrooms|kitchens))\b/;

/**
 * The room a message asks material for (as the catalog names it, folded), or null: a room of
 * `rooms` named with words asking what its job takes, and nothing that makes it an advisor's lead.
 *
 * @example
 * askedRoom('necesito material para un baño', new Set(['bano', 'bathroom'])) // 'bano'
 * askedRoom('cotización para 40 baños de un hotel', rooms) // null
 */
export function askedRoom(text: string, rooms: ReadonlySet<string>): string | null {
  if (rooms.size === 0) return null;
  const t = fold(text);
  if (!FOR_A_JOB.test(t) || LEAD_JOB.test(t)) return null;
  const words = t.split(' ');
  // "baños", "bathrooms": the room said in the plural is the same room.
  return words.map((w) => (rooms.has(w) ? w : rooms.has(w.replace(/e?s$/, '')) ? w.replace(/e?s$/, '') : null)).find((w) => w !== null) ?? null;
}

/** A catalog's rooms, folded, for `askedRoom`. */
export function roomsOf(products: readonly { rooms?: string[] }[]): Set<string> {
  return new Set(products.flatMap((p) => p.rooms ?? []).map(fold));
}
