/**
 * "¿y cuándo les entra?", "¿pa cuándo lo tienen de nuevo?", "¿cuándo les llega?", "when will you have
 * it back in stock?": when the store gets the product on the counter again. Asked of the thing shown
 * (sold out, as a rule), never a delivery to the customer ("¿cuándo me llega?") nor a product called
 * "cuando entra". Pure text rule on plain words (`plainWords`), read by the focus questions.
 */

/** The store as the one that receives: "les llega", "te entra", "le traen"; never "me llega" (a delivery). */
const TO_STORE = String.raw`(?:les|le|te|ustedes|uds|a\s+ustedes)`;

/** Getting goods in: "llega", "entra", "traen", "reponen", "surten", "vuelve a entrar". */
const COMES_IN = String.raw`(?:(?:ll|y)ega|(?:ll|y)egan|(?:ll|y)egaria|(?:ll|y)egarian|entra|entran|entraria|entrarian|traen|traerian|reponen|repondran|surten|despachan|mandan|va\s+a\s+(?:llegar|entrar)|van\s+a\s+(?:llegar|entrar|traer|reponer|tener|surtir))`;

/** Again: "de nuevo", "otra vez", "más". */
const AGAIN = String.raw`(?:de\s+nuevo|otra\s+vez|nuevamente|mas|mas\s+de\s+(?:eso|ese|esa|esos|esas))`;

const ES = new RegExp(
  [
    // "cuándo les llega", "y cuándo les entra?", "sabes cuándo te entra", "cuándo le traen"
    String.raw`\b[ck]uando\s+${TO_STORE}\s+(?:l[oa]s?\s+)?${COMES_IN}\b`,
    // "cuándo entra", "cuándo lo reponen", "cuándo van a traer más": no "me" between
    String.raw`\b[ck]uando\s+(?:l[oa]s?\s+)?(?:entra|entran|reponen|repondran|surten|van\s+a\s+(?:traer|reponer|surtir)|va\s+a\s+entrar|van\s+a\s+entrar)\b`,
    // "cuándo lo tienen de nuevo", "pa cuándo lo van a tener otra vez", "cuándo hay más"
    String.raw`\b(?:para|pa)?\s*[ck]uando\s+(?:l[oa]s?\s+)?(?:(?:tienen|tendran|tendrian|van\s+a\s+tener|hay|habra|vuelven\s+a\s+tener)\s+${AGAIN}|(?:vuelve|vuelven)\s+a\s+(?:haber|tener|llegar|entrar))\b`,
    // "pa cuándo les llega", "pa cuándo les entra"
    String.raw`\b(?:para|pa)\s+[ck]uando\s+${TO_STORE}\s+(?:l[oa]s?\s+)?${COMES_IN}\b`,
    // "van a traer más?", "les va a llegar más?", "no les llega más?", "lo van a reponer?"
    String.raw`\b(?:${TO_STORE}\s+)?(?:va|van)\s+a\s+(?:llegar|entrar|traer|reponer|surtir)\s+(?:${AGAIN}|pronto)\b|\b(?:l[oa]s?\s+)?van\s+a\s+reponer\b`,
    // "tienen fecha de llegada/entrada?", "cuándo hay reposición", "cuándo se surten"
    String.raw`\bfecha\s+(?:de\s+)?(?:llegada|entrada|reposicion)\b|\breposicion\b|\b[ck]uando\s+se\s+(?:surten|abastecen|reponen)\b`,
  ].join('|'),
);

const EN = new RegExp(
  [
    // "when will you have it back (in stock)", "when do you get more", "when are you getting it in again"
    String.raw`\bwhen\s+(?:will|do|would|are|can)\s+you(?:\s+guys)?\s+(?:have|get|getting|be\s+getting|receive|expect|expecting)(?:\s+(?:it|them|this|that|some|any|one|ones))*\s+(?:back|in|again|more|restocked)\b|\bwhen\s+(?:will|do|would|are|can)\s+you(?:\s+guys)?\s+(?:restock|be\s+restocking|stock\s+(?:it|them)\s+again)\b`,
    // "when will it be back (in stock)", "when is it coming back", "when does it come in again"
    String.raw`\bwhen\s+(?:will|is|does|would)\s+(?:it|they|that|this)\s+(?:be\s+)?(?:back|coming\s+(?:back|in)|come\s+(?:back|in)|restocked|available\s+again|in\s+stock)\b`,
    // "back in stock", "restock", "any idea when more come in"
    String.raw`\bback\s+in\s+stock\b|\brestock\w*\b|\bwhen\s+(?:more|new\s+stock)\s+(?:comes?|arrives?|gets?)\b`,
  ].join('|'),
);

/** The few words asked, not a whole story (a complaint of an order not come says more). */
const MAX_WORDS = 12;

/** Words that make it another question: an order waited for, a delivery to the customer, the store's hours. */
const NOT_RESTOCK = /\b(?:mi|mis|my|pedido|order|delivery|me\s+llega|me\s+lo|me\s+la|abren|abre|open|cierran|close)\b/;

/**
 * The message asks when the store gets the product in again (plain words: `plainWords`).
 *
 * @example
 * asksRestock('y cuando les entra'); // true
 * asksRestock('when will you have it back in stock'); // true
 * asksRestock('cuando me llega'); // false
 */
export function asksRestock(plain: string): boolean {
  if (plain === '' || plain.split(' ').length > MAX_WORDS || NOT_RESTOCK.test(plain)) return false;
  return (/uando|va|van|fecha|reposicion|surten/.test(plain) && ES.test(plain)) || (/when|back|restock/.test(plain) && EN.test(plain));
}
