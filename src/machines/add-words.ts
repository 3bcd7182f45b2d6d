/**
 * Words a customer uses to add goods to what is on the counter before a count: "agrégale 3 de
 * 12W", "añádeme 2 de 3/4", "súmale 5", "y si le pongo 3 de 12W?", "échale 4 más", "add 3 of the
 * 12W", "throw in 2 of the 3/4". A clerk hears the count and the pick after them as "dame 3 de
 * 12W"; read as product words they made the pick a product named "12W 3" or nothing understood.
 * Pure text rules over folded text (lower case, no accents or punctuation).
 */

/** The adding lead: an optional "y"/"and", "si le" ("y si le pongo"), and the verb with its pronoun. */
const ADD_LEAD = new RegExp(
  String.raw`^(?:(?:y|e|and|ok|okay|dale|bueno|entonces|pues)\s+)*(?:(?:si|if\s+i)\s+)?(?:(?:le|me|les|te)\s+)?` +
    String.raw`(?:agrega(?:me|le|les|nos)?|agregue(?:me|le|les)?|agrego|anade(?:me|le|les|nos)?|anada(?:me|le)?|anado|suma(?:me|le|les)?|sumo|pon(?:le|les)|pongo|pongale|echa(?:me|le|les)?|echo|mete(?:me|le|les)?|meto|add|throw\s+in|put\s+in)` +
    String.raw`\s+(?:(?:tambien|also|otr[oa]s)\s+)?(?=\d)`,
);

/**
 * The message without the adding lead when a count follows it ("agrégale 3 de 12w" → "3 de 12w");
 * otherwise as it was ("ponle el cemento en 8" keeps its verb).
 *
 * @example
 * withoutAddLead('y si le pongo 3 de 12w'); // '3 de 12w'
 */
export function withoutAddLead(folded: string): string {
  return folded.replace(ADD_LEAD, '');
}

/** "súmale 5", "agrégale 5 sacos", "add 5": the adding verb with a count alone, that many on top of the count on the counter. */
const ADDED_COUNT = /^(?:(?:y|e|and|ok|okay|dale|bueno|entonces)\s+)*(?:sumale|sumame|suma|agregale|agregame|agrega|anadele|anademe|anade|echale|add)\s+(\d+(?:\s+[a-z]+)?)$/;

/**
 * The adding verb said as "más" ("súmale 5" → "5 mas"), so the count is read as that many more
 * (a clerk adds five to the ten on the counter, never sells five instead of ten).
 *
 * @example
 * addedCount('sumale 5'); // '5 mas'
 */
export function addedCount(folded: string): string {
  return folded.replace(ADDED_COUNT, '$1 mas');
}
